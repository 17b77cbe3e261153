import { defineConfig } from 'vitest/config';

const siteTests = ['tests/site/**/*.test.ts', 'tests/browser/**/*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 300_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: siteTests } },
      // The site's tests share test sites built once per run (fixture content and seeds); as its own
      // project, that build only happens when one of them runs.
      { extends: true, test: { name: 'site', include: siteTests, globalSetup: ['tests/site/setup.ts', 'tests/browser/chromium.ts'] } },
    ],
  },
});
