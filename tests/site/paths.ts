// Where the test builds of the site go. Each test run builds into its own folder (concurrent runs
// of the suite must not rebuild each other's site mid-test); tests/site/setup.ts provides it.
import { join } from 'node:path';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    siteBase: string;
    /** Why the fixture site or the seed site could not be built ('' when built). */
    fixtureError: string;
    seedError: string;
    manyError: string;
  }
}

export const root = join(import.meta.dirname, '..', '..');
export const screenshots = join(root, 'test-results', 'screenshots');

export function sitePaths(base: string) {
  return {
    /** The site built from the fixture content in tests/fixtures/site-content/ (made by tests/fixtures/site-make/). */
    fixtureSite: join(base, 'fixture'),
    /** The seeds (plus a hostile one) copied here, extracted by the build step into seed-root/content/. */
    seedRoot: join(base, 'seed-root'),
    /** The site built from the seeds' content. */
    seedSite: join(base, 'seed'),
    /** Content with lists longer than a page (made by tests/fixtures/site-make/many-content.ts), and its site. */
    manyContent: join(base, 'many-content'),
    manySite: join(base, 'many'),
  };
}

/** This run's builds (inside a test), with why each failed to build, if it did. */
export function builtSites() {
  const paths = sitePaths(inject('siteBase'));
  return [
    { name: 'fixture site', dir: paths.fixtureSite, error: inject('fixtureError') },
    { name: 'seed site', dir: paths.seedSite, error: inject('seedError') },
  ];
}

/**
 * This run's build of the long-list content, with why it failed to build, if it did, and one page
 * of each kind it has beyond the other sites (later pages of lists, hub pages and their sub-pages):
 * the HTML and accessibility checks run on those (all of its pages would take minutes).
 */
export function longListSite() {
  const samples = [
    '/actors/',
    '/actors/2/',
    '/quotes/',
    '/people/2/',
    '/articles/2/',
    '/quotes/2/',
    '/quotes/by-article/2/',
    '/actors/maria-okafor/',
    '/actors/maria-okafor/quotes/2/',
    '/actors/northland/',
    '/actors/northland/mentions/2/',
    '/articles/report-001/',
  ];
  return { name: 'long-list site', dir: sitePaths(inject('siteBase')).manySite, error: inject('manyError'), samples };
}
