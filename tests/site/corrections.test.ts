// The editor's corrections of the hostile seed (tests/fixtures/site-hostile-seed/corrections.yaml),
// as the built site shows them: the corrected fact everywhere, the note and the extractor's answer
// on its page, the flag in the open data, the entry to copy without script.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { sitePaths } from './paths.ts';

describe('corrections on the seed site', () => {
  const { seedRoot, seedSite } = sitePaths(inject('siteBase'));
  const page = (path: string) => readFileSync(join(seedSite, path, 'index.html'), 'utf8');
  const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&#34;|&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/\s+/g, ' ');

  it('was built', () => expect(inject('seedError')).toBe(''));

  it('shows the corrected speaker, says an editor set it, and keeps the extractor\'s answer', () => {
    const quote = JSON.parse(readFileSync(join(seedRoot, 'content', 'quotes', 'zz-hostile-3.json'), 'utf8'));
    expect(quote).toMatchObject({ speaker: 'amira-castellanos', corrected: [{ field: 'speaker', original: 'Tomas Lindqvist' }] });
    const html = page('quotes/zz-hostile-3');
    expect(text(html)).toContain('Quote by Amira Castellanos');
    expect(text(html)).toContain('Speaker set by an editor — the extractor said: Tomas Lindqvist');
    // JSON-LD names the corrected speaker.
    expect(html).toMatch(/"creator":\{"@type":"Person","name":"Amira Castellanos"/);
    // The entry to copy, in plain HTML.
    expect(text(html)).toContain('quotes: - article: "zz-hostile.md" quote: "Click <a href=');
    expect(html).toContain('<details class="correct-this"');
    // The actor page lists the quote; the article page attributes it.
    expect(text(page('actors/amira-castellanos'))).toContain('Correct this');
    expect(page('actors/amira-castellanos')).toContain('/quotes/zz-hostile-3/');
    expect(page('actors/tomas-lindqvist')).not.toContain('/quotes/zz-hostile-3/');
  });

  it('drops the false actor from pages and data, and flags corrections in the open data', () => {
    expect(existsSync(join(seedSite, 'actors', 'geneva'))).toBe(false);
    expect(page('articles/zz-hostile')).not.toContain('/actors/geneva/');
    const quotes = JSON.parse(readFileSync(join(seedSite, 'data', 'quotes.json'), 'utf8')) as { id: string; corrected?: unknown }[];
    expect(quotes.find((q) => q.id === 'zz-hostile-3')?.corrected).toEqual([{ field: 'speaker', original: 'Tomas Lindqvist' }]);
    expect(quotes.filter((q) => q.corrected).map((q) => q.id)).toEqual(['zz-hostile-3']);
    const actors = JSON.parse(readFileSync(join(seedSite, 'data', 'actors.json'), 'utf8')) as { id: string }[];
    expect(actors.map((a) => a.id)).not.toContain('geneva');
  });
});
