// Open data at /data/*.json mirrors the collection; Pagefind's index is built with type filters.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtSites, root } from './paths.ts';

const fixture = builtSites()[0];
const contentDir = join(root, 'tests', 'fixtures', 'site-content');

describe('open data', () => {
  for (const name of ['articles', 'actors', 'agreements', 'quotes']) {
    it(`/data/${name}.json has every entry, with references as plain ids`, () => {
      expect(fixture.error).toBe('');
      const data = JSON.parse(readFileSync(join(fixture.dir, 'data', `${name}.json`), 'utf8'));
      const files = readdirSync(join(contentDir, name)).sort();
      expect(data.map((e: { id: string }) => `${e.id}.json`).sort()).toEqual(files);
      for (const entry of data) {
        const { id, ...rest } = entry;
        expect(rest).toEqual(JSON.parse(readFileSync(join(contentDir, name, `${id}.json`), 'utf8')));
      }
    });
  }
});

describe('search index', () => {
  it('is written by the build, with a type filter for each kind of page', () => {
    expect(fixture.error).toBe('');
    const pagefind = join(fixture.dir, 'pagefind');
    expect(readdirSync(pagefind)).toContain('pagefind.js');
    const entry = JSON.parse(readFileSync(join(pagefind, 'pagefind-entry.json'), 'utf8'));
    const language = Object.values(entry.languages)[0] as { page_count: number };
    // Entity pages only: 2 articles, 8 actors, 1 agreement, 7 quotes.
    expect(language.page_count).toBe(18);
    expect(readdirSync(join(pagefind, 'filter')).length).toBeGreaterThan(0);
  });
});
