import { defineConfig } from 'vitest/config';

// Three projects, by what a test needs (`npx vitest run --project unit` runs one; `npm test` runs all):
// - unit: pure functions and checked-in fixtures, no build and no child process — seconds (only the
//   files listed here: a new test is a build or site test until listed, so it cannot make unit slow);
// - build: runs the build step, the CLI or a tool (astro check, biome) in child processes or temporary projects;
// - site: reads the test sites built once per run by its global setup (fixture content and seeds), in Node or Chromium.
const unit = [
  'tests/extract/**/*.test.ts',
  'tests/schema/**/*.test.ts',
  'tests/{diagnostics,options}.test.ts',
  'tests/collection/{article-date,checks,corrections,merge,names,page-cache,progress,property,read-seed,slug,site-fixture}.test.ts',
  'tests/collection/merge/**/*.test.ts',
  'tests/site/{content-files,graph,page-keys,text}.test.ts',
];
const site = ['tests/site/**/*.test.ts', 'tests/browser/**/*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 300_000,
    projects: [
      { extends: true, test: { name: 'unit', include: unit } },
      { extends: true, test: { name: 'build', include: ['tests/**/*.test.ts'], exclude: [...unit, ...site] } },
      // The test sites are built only when one of these runs.
      { extends: true, test: { name: 'site', include: site, exclude: unit, globalSetup: ['tests/site/setup.ts', 'tests/browser/chromium.ts'] } },
    ],
  },
});
