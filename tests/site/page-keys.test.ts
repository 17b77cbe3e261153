// Which file a route's page is written to, how routes leave out the pages the build keeps, and the
// sitemap made from the built folder (pure parts and small temporary folders; no site build).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { changedOnly, offerPages, pageFile, recordedKeys } from '../../src/site/page-keys.ts';
import { sitemapFiles } from '../../src/site/sitemap.ts';

describe('pageFile', () => {
  it('fills in the route and writes every page as a folder, as Astro does with trailing slashes', () => {
    expect(pageFile('actors/[slug]', { slug: 'ann-berg' })).toBe('actors/ann-berg/index.html');
    expect(pageFile('actors/[...page]', { page: undefined })).toBe('actors/index.html');
    expect(pageFile('actors/[...page]', { page: '3' })).toBe('actors/3/index.html');
    expect(pageFile('[kind]/[...page]', { kind: 'people', page: '2' })).toBe('people/2/index.html');
    expect(pageFile('[collection]/[slug]/quotes/[...page]', { collection: 'actors', slug: 'ann-berg', page: undefined })).toBe(
      'actors/ann-berg/quotes/index.html',
    );
  });
});

describe('changedOnly', () => {
  const saved = process.env.EXPLAINER_PAGE_KEYS;
  afterEach(() => {
    if (saved === undefined) delete process.env.EXPLAINER_PAGE_KEYS;
    else process.env.EXPLAINER_PAGE_KEYS = saved;
  });
  const paths = [
    { params: { slug: 'a' }, props: { n: 1 }, key: () => 'k1' },
    { params: { slug: 'b' }, props: { n: 2 }, key: () => 'k2' },
  ];

  it('renders every page, without computing its key, when the build keeps none (astro dev, a plain astro build)', () => {
    delete process.env.EXPLAINER_PAGE_KEYS;
    const unkeyed = [{ params: { slug: 'a' }, props: { n: 1 }, key: () => expect.unreachable('a key computed') }];
    expect(changedOnly('actors/[slug]', unkeyed)).toEqual([{ params: { slug: 'a' }, props: { n: 1 } }]);
    expect(changedOnly('actors/[slug]', paths)).toEqual([
      { params: { slug: 'a' }, props: { n: 1 } },
      { params: { slug: 'b' }, props: { n: 2 } },
    ]);
  });

  it('leaves out the pages offered with the same key, and records every key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'page-keys-'));
    offerPages(dir, { 'actors/a/index.html': 'k1', 'actors/b/index.html': 'old', 'people/index.html': 'kp' });
    process.env.EXPLAINER_PAGE_KEYS = dir;
    expect(changedOnly('actors/[slug]', paths)).toEqual([{ params: { slug: 'b' }, props: { n: 2 } }]);
    expect(changedOnly('[kind]/[...page]', [{ params: { kind: 'people', page: undefined }, props: {}, key: () => 'kp' }])).toEqual([]);
    expect(recordedKeys(dir)).toEqual({ 'actors/a/index.html': 'k1', 'actors/b/index.html': 'k2', 'people/index.html': 'kp' });
  });
});

describe('sitemapFiles', () => {
  it('lists every page but search under the site, sorted, with an index', () => {
    const files = sitemapFiles('https://news.example/', ['quotes/', '', 'search/', 'actors/a&b/']);
    expect(files.map((f) => f.path)).toEqual(['sitemap-index.xml', 'sitemap-0.xml']);
    expect([...files[1].data.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1])).toEqual([
      'https://news.example/',
      'https://news.example/actors/a&amp;b/',
      'https://news.example/quotes/',
    ]);
    expect(files[0].data).toContain('<sitemap><loc>https://news.example/sitemap-0.xml</loc></sitemap>');
  });

  it('splits more than 45,000 pages over several files', () => {
    const files = sitemapFiles(
      'https://news.example/',
      Array.from({ length: 45_001 }, (_, i) => `quotes/${i}/`),
    );
    expect(files.map((f) => f.path)).toEqual(['sitemap-index.xml', 'sitemap-0.xml', 'sitemap-1.xml']);
    expect(files[2].data.match(/<url>/g)).toHaveLength(1);
  });
});
