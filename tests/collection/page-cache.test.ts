// Which pages of the published site a build may keep, and linking them into the new one.
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keepUnchangedPages, reusablePages, savePageRecords } from '../../src/collection/page-cache.ts';
import { changedOnly, offerPages, type PageKeys } from '../../src/site/page-keys.ts';

/** A project whose dist/ holds two pages, recorded with their keys as built by `code`. */
function published(code = 'code-1') {
  const root = mkdtempSync(join(tmpdir(), 'page-cache-'));
  for (const page of ['a', 'b']) {
    mkdirSync(join(root, 'dist', page), { recursive: true });
    writeFileSync(join(root, 'dist', page, 'index.html'), `<p>${page}</p>`);
  }
  mkdirSync(join(root, '.cache'));
  savePageRecords(root, code, { 'a/index.html': 'ka', 'b/index.html': 'kb', 'gone/index.html': 'kg' });
  return root;
}

describe('reusablePages', () => {
  it('offers the recorded pages still as the last build wrote them', () => {
    expect(reusablePages(published(), 'code-1')).toEqual({ 'a/index.html': 'ka', 'b/index.html': 'kb' });
  });

  it('offers none for other site code, or without records', () => {
    expect(reusablePages(published(), 'code-2')).toEqual({});
    expect(reusablePages(mkdtempSync(join(tmpdir(), 'page-cache-')), 'code-1')).toEqual({});
  });

  it('does not offer a page changed or replaced since', () => {
    const root = published();
    writeFileSync(join(root, 'dist', 'a', 'index.html'), '<p>edited</p>');
    expect(reusablePages(root, 'code-1')).toEqual({ 'b/index.html': 'kb' });
  });
});

/** The keys a route records in `keysDir` for pages `slug → key`, as it does while Astro runs. */
function routeRecords(keysDir: string, offered: PageKeys, route: string, pages: Record<string, string>): void {
  offerPages(keysDir, offered);
  process.env.EXPLAINER_PAGE_KEYS = keysDir;
  try {
    changedOnly(
      route,
      Object.entries(pages).map(([slug, key]) => ({ params: { slug }, key: () => key })),
    );
  } finally {
    delete process.env.EXPLAINER_PAGE_KEYS;
  }
}

describe('keepUnchangedPages', () => {
  it('links the pages Astro left out from the last build, and fails on a page neither rendered nor offered', () => {
    const root = published();
    const offered = reusablePages(root, 'code-1');
    const keys = mkdtempSync(join(tmpdir(), 'page-keys-'));
    const out = mkdtempSync(join(tmpdir(), 'page-out-'));
    mkdirSync(join(out, 'b'));
    writeFileSync(join(out, 'b', 'index.html'), '<p>b, rendered again</p>');
    routeRecords(keys, offered, '[slug]', { a: 'ka', b: 'kb2' });
    expect(keepUnchangedPages(keys, offered, out, join(root, 'dist'))).toEqual({ keys: { 'a/index.html': 'ka', 'b/index.html': 'kb2' }, kept: 1 });
    expect(statSync(join(out, 'a', 'index.html')).ino).toBe(statSync(join(root, 'dist', 'a', 'index.html')).ino);
    expect(readFileSync(join(out, 'b', 'index.html'), 'utf8')).toBe('<p>b, rendered again</p>');

    const unknown = mkdtempSync(join(tmpdir(), 'page-keys-'));
    routeRecords(unknown, {}, '[slug]', { c: 'kc' });
    expect(() => keepUnchangedPages(unknown, offered, mkdtempSync(join(tmpdir(), 'page-out-')), join(root, 'dist'))).toThrow(
      /c\/index.html was neither rendered nor kept/,
    );
  });
});
