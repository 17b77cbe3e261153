// Which page gets which slug. Slugs are global and stable: ranked by the seed an entity first
// appears in, so a new seed sorting last never takes a slug from an existing page.
import { assignSlugs, slugify } from '../slug.ts';
import type { SeedExtraction } from './entries.ts';
import type { Group } from './identity.ts';

/** Each seed's article slug (from the article's id), by seed file name. */
export function articleSlugs(inputs: SeedExtraction[]): Map<string, string> {
  return assignSlugs(inputs.map(({ seed, extraction }) => ({ key: seed, slug: slugify(extraction.article.id, 'article') })));
}

/** Rank order for slugs: the seed an entity first appears in, then the order it was found. */
function bySeed<T>(groups: Group<T>[]): Group<T>[] {
  const first = (g: Group<T>) => Math.min(...g.members.map((m) => m.seed));
  return groups.map((g, i) => ({ g, i, s: first(g) })).sort((a, b) => a.s - b.s || a.i - b.i).map(({ g }) => g);
}

/** Sets every group's slug from its name (`fallback` when the name has nothing readable). */
export function giveSlugs<T>(groups: Group<T>[], fallback: string): void {
  const ranked = bySeed(groups);
  const slugs = assignSlugs(ranked.map((g) => ({ key: g.key, slug: slugify(g.name, fallback) })));
  for (const g of ranked) g.slug = slugs.get(g.key)!;
}

/** A quote's slug: its article's, then its place among the article's quotes (1, 2, …). */
export const quoteSlug = (article: string, n: number) => `${article}-${n + 1}`;
