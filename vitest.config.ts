import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Builds the test sites once per run (fixture content and seeds) for tests/site and tests/browser.
    globalSetup: ['tests/site/setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
