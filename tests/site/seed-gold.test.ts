// Issue 2's end-to-end check: the build step run on the seed gives every actor, quote and
// agreement of the seed's gold annotation its JSON entry (quotes with the right speaker,
// agreements with their parties), and `astro build` gives each of them a page.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { root, sitePaths } from './paths.ts';

interface Gold {
  actors: { name: string; kind: string; aliases: string[] }[];
  quotes: { text: string; speaker: string | null }[];
  agreements: { name: string; aliases: string[]; parties: string[] }[];
}
type Entry = { slug: string; name?: string; text?: string; aliases?: string[]; kind?: string; speaker?: string | null; parties?: string[]; articles?: string[]; article?: string };

const gold: Gold = JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'seed-gold', 'expected.json'), 'utf8'));
const article = '000-e6f7fa8826a39736'; // the slug of seeds/000_e6f7fa8826a39736.txt
const norm = (s: string) =>
  s.normalize('NFKC').replace(/[‘’]/g, "'").toLowerCase().replace(/'s\b/g, '').replace(/^(the|a|an)\s+/, '').replace(/["'.,;:!?()]/g, ' ').replace(/\s+/g, ' ').trim();
const surfaces = (x: { name?: string; aliases?: string[] }) => new Set([x.name ?? '', ...(x.aliases ?? [])].map(norm).filter(Boolean));

describe('the seed, built end to end', () => {
  const { seedRoot, seedSite } = sitePaths(inject('siteBase'));
  const load = (collection: string): Entry[] => {
    const dir = join(seedRoot, 'content', collection);
    return readdirSync(dir).map((f) => ({ slug: f.replace(/\.json$/, ''), ...JSON.parse(readFileSync(join(dir, f), 'utf8')) }));
  };
  const page = (collection: string, slug: string) => existsSync(join(seedSite, collection, slug, 'index.html'));

  it('was built', () => expect(inject('seedError')).toBe(''));

  const actors = () => load('actors').filter((a) => a.articles?.includes(article));
  const actorFor = (name: string) => {
    const g = gold.actors.find((a) => a.name === name) ?? { name, aliases: [] };
    const want = surfaces(g);
    return actors().find((a) => [...surfaces(a)].some((s) => want.has(s)));
  };

  it.each(gold.actors.map((a) => [a.name, a.kind]))('actor %s (%s) has its entry and page', (name, kind) => {
    const actor = actorFor(name);
    expect(actor, name).toBeDefined();
    expect(actor!.kind).toBe(kind);
    expect(page('actors', actor!.slug)).toBe(true);
  });

  it.each(gold.quotes.map((q) => [q.text.slice(0, 40), q]))('quote "%s…" has its entry, speaker and page', (_, q) => {
    const quote = load('quotes').find((x) => x.article === article && norm(x.text!) === norm(q.text));
    expect(quote).toBeDefined();
    expect(quote!.speaker ?? null).toBe(q.speaker == null ? null : actorFor(q.speaker)!.slug);
    expect(page('quotes', quote!.slug)).toBe(true);
  });

  it.each(gold.agreements.map((a) => [a.name, a]))('agreement %s has its entry, parties and page', (_, g) => {
    const want = surfaces(g);
    const agreement = load('agreements').find((x) => x.articles?.includes(article) && [...surfaces(x)].some((s) => [...want].some((w) => w.includes(s) || s.includes(w))));
    expect(agreement).toBeDefined();
    expect([...(agreement!.parties ?? [])].sort()).toEqual(g.parties.map((p) => actorFor(p)!.slug).sort());
    expect(page('agreements', agreement!.slug)).toBe(true);
  });

  it('has the article page', () => expect(page('articles', article)).toBe(true));
});
