import { describe, expect, it } from 'vitest';
import type { SeedExtraction } from '../../../src/collection/merge/entries.ts';
import type { Group } from '../../../src/collection/merge/identity.ts';
import { articleSlugs, giveSlugs, quoteSlug } from '../../../src/collection/merge/slugs.ts';

const group = (key: string, name: string, seeds: number[]): Group<null> => ({
  key,
  name,
  members: seeds.map((seed) => ({ seed, item: null })),
  names: new Set(),
  aliases: new Set(),
  slug: '',
});

describe('slugs', () => {
  it('gives a contested slug to the entity of the earliest seed, the other a stable hash suffix', () => {
    const late = group('person:georgia', 'Georgia', [1]);
    const early = group('country:ge', 'Georgia', [2, 0]);
    giveSlugs([late, early], 'actor');
    expect(early.slug).toBe('georgia');
    expect(late.slug).toMatch(/^georgia-[0-9a-f]{8}$/);
  });

  it('falls back to a hashed slug for a name with nothing readable', () => {
    const g = group('person:🚀', '🚀', [0]);
    giveSlugs([g], 'actor');
    expect(g.slug).toMatch(/^actor-[0-9a-f]{8}$/);
  });

  it('names articles after their ids, uniquely, and quotes after their article and place', () => {
    const input = (seed: string, id: string) => ({ seed, extraction: { article: { id } } }) as SeedExtraction;
    const slugs = articleSlugs([input('a.txt', 'Talks'), input('b.txt', 'talks')]);
    expect(slugs.get('a.txt')).toBe('talks');
    expect(slugs.get('b.txt')).toMatch(/^talks-[0-9a-f]{8}$/);
    expect(quoteSlug('talks', 0)).toBe('talks-1');
  });
});
