// Long lists come in pages small enough to read and to load: no page of any built site is over
// 200 KB of HTML, and in a site whose lists run past one page (tests/fixtures/site-make/
// many-content.ts) every entry is reached by following the pages' links from the list's page 1,
// which stays at the list's own path.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageSizes } from '../../src/site/pagination.ts';
import { manyContent } from '../fixtures/site-make/many-content.ts';
import { attr, type Element, elements, htmlFiles, type Page, readPages } from './html.ts';
import { builtSites, longListSite } from './paths.ts';

const limit = 200 * 1024;

describe.each([...builtSites(), longListSite()])('$name', ({ dir, error }) => {
  it('has no page over 200 KB of HTML', () => {
    expect(error).toBe('');
    const over = htmlFiles(dir)
      .map((file) => ({ file, size: statSync(join(dir, file)).size }))
      .filter((f) => f.size > limit);
    expect(over).toEqual([]);
  });
});

describe('a site with lists longer than a page', () => {
  const { dir, error } = longListSite();
  const pages = new Map<string, Page>(error ? [] : readPages(dir).map((p) => [p.path, p]));
  const links = (page: Page, selector: (el: Element) => boolean) => [...elements(page.document)].filter(selector).map((el) => attr(el, 'href')!);
  const inNav = (page: Page) => [...elements(page.document)].find((el) => el.tagName === 'nav' && attr(el, 'class') === 'pagination');
  /** The entries' own pages (not the lists', numbered or not). */
  const files = (collection: string) =>
    [...pages.keys()].filter((p) => new RegExp(`^/${collection}/[^/]+/$`).test(p) && !/^\/[a-z]+\/(\d+|by-article)\/$/.test(p));
  const entityLinks = (page: Page, collection: string) => {
    const entries = new Set(files(collection));
    return links(page, (el) => el.tagName === 'a' && entries.has(attr(el, 'href') ?? ''));
  };

  /** Every page of the list at `base`, following rel="next" from page 1, each checked against its number. */
  function walk(base: string): Page[] {
    const walked: Page[] = [];
    for (let path: string | undefined = base; path; ) {
      const page = pages.get(path);
      expect(page, `${path} (page ${walked.length + 1} of ${base})`).toBeDefined();
      walked.push(page!);
      expect(path).toBe(walked.length === 1 ? base : `${base}${walked.length}/`);
      const nav = inNav(page!);
      const prev = nav && [...elements(nav)].find((el) => attr(el, 'rel') === 'prev');
      expect(prev && attr(prev, 'href')).toBe(walked.length === 1 ? undefined : walked.length === 2 ? base : `${base}${walked.length - 1}/`);
      const current = nav && [...elements(nav)].find((el) => attr(el, 'aria-current') === 'page');
      expect(current && attr(current, 'href')).toBe(nav ? path : undefined);
      const next = nav && [...elements(nav)].find((el) => attr(el, 'rel') === 'next');
      path = next ? attr(next, 'href') : undefined;
    }
    return walked;
  }

  it('was built', () => expect(error).toBe(''));

  it.each([
    ['/articles/', 'articles', pageSizes.articles],
    ['/timeline/', 'articles', pageSizes.timeline],
    ['/actors/', 'actors', pageSizes.actors],
    ['/quotes/', 'quotes', pageSizes.quotes],
    ['/quotes/by-article/', 'quotes', pageSizes.quotes],
  ])('%s lists every entry once, in pages of at most the page size', (base, collection, size) => {
    const walked = walk(base);
    const listed = walked.flatMap((page) => entityLinks(page, collection));
    const entries = walked.map((page) => new Set(entityLinks(page, collection)).size);
    expect(new Set(listed)).toEqual(new Set(files(collection)));
    expect(Math.max(...entries)).toBeLessThanOrEqual(size);
  });

  it('cuts the lists past one page (the content is long enough to test them)', () => {
    for (const base of ['/actors/', '/people/', '/quotes/', '/quotes/by-article/', '/articles/']) expect(walk(base).length, base).toBeGreaterThan(1);
  });

  it('shows a hub actor’s first quotes and sentences on its page and all of them on its sub-pages', () => {
    const hub = pages.get('/actors/maria-okafor/')!;
    const quoted = manyContent()
      .filter((f) => f.path.startsWith('quotes/') && JSON.parse(f.json).speaker === 'maria-okafor')
      .map((f) => `/quotes/${f.path.slice('quotes/'.length, -'.json'.length)}/`);
    expect(quoted.length).toBeGreaterThan(pageSizes.entityQuotes);
    const onPage = new Set(entityLinks(hub, 'quotes'));
    expect(onPage.size).toBeLessThanOrEqual(pageSizes.preview + 3);
    expect(hub.html).toContain('href="/actors/maria-okafor/quotes/"');
    const all = walk('/actors/maria-okafor/quotes/');
    expect(all.length).toBeGreaterThan(1);
    expect(new Set(all.flatMap((p) => entityLinks(p, 'quotes')))).toEqual(new Set(quoted));

    const country = pages.get('/actors/northland/')!;
    const sentences = (page: Page) => [...elements(page.document)].filter((el) => attr(el, 'class') === 'sentence-link').map((el) => attr(el, 'href'));
    expect(sentences(country).length).toBe(pageSizes.preview);
    expect(country.html).toContain('href="/actors/northland/mentions/"');
    const mentioned = walk('/actors/northland/mentions/').flatMap(sentences);
    expect(new Set(mentioned).size).toBe(mentioned.length);
    expect(mentioned.length).toBe(files('articles').length * 6);
  });
});
