// Every internal link in the built site resolves: to a file, and to an element when it has a #fragment.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attr, elements, readPages } from './html.ts';
import { builtSites, longListSite } from './paths.ts';

/** The file a site path is served from (directory URLs serve their index.html). */
const fileOf = (dir: string, path: string) => join(dir, decodeURIComponent(path.endsWith('/') ? `${path}index.html` : path));

describe.each([...builtSites(), longListSite()])('$name', ({ dir, error }) => {
  it('has no broken internal link or fragment', () => {
    expect(error).toBe('');
    const pages = readPages(dir);
    const ids = new Map(pages.map((p) => [p.path, new Set([...elements(p.document)].map((e) => attr(e, 'id')).filter(Boolean))]));
    const broken: string[] = [];
    let checked = 0;
    for (const page of pages) {
      for (const el of elements(page.document)) {
        for (const name of ['href', 'src']) {
          const value = attr(el, name);
          if (!value || /^[a-z]+:/i.test(value) || value.startsWith('//')) continue;
          const url = new URL(value, `https://site${page.path}`);
          checked++;
          if (!existsSync(fileOf(dir, url.pathname))) broken.push(`${page.path} → ${value}`);
          else if (url.hash && !ids.get(url.pathname)?.has(decodeURIComponent(url.hash.slice(1)))) broken.push(`${page.path} → ${value} (no such id)`);
        }
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(pages.length);
  });

  it('links every entity page from somewhere (nothing orphaned)', () => {
    const pages = readPages(dir);
    const linked = new Set(pages.flatMap((p) => [...elements(p.document)].map((e) => attr(e, 'href')).filter(Boolean).map((h) => h!.split('#')[0])));
    const orphans = pages.map((p) => p.path).filter((p) => /^\/(articles|actors|agreements|quotes)\/[^/]+\/$/.test(p) && !linked.has(p));
    expect(orphans).toEqual([]);
  });

  it('lists every page but 404 and search in the sitemap, under the configured site', () => {
    const sitemap = readFileSync(join(dir, 'sitemap-0.xml'), 'utf8');
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    const expected = readPages(dir).map((p) => `https://explainer.test${p.path}`).filter((u) => !/\/(404\.html|search\/)$/.test(u));
    expect(locs.sort()).toEqual(expected.sort());
  });
});
