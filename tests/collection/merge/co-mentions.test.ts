import { describe, expect, it } from 'vitest';
import { type CoMentions, countCoMentions, maxRelated, relatedTo } from '../../../src/collection/merge/co-mentions.ts';
import type { Group } from '../../../src/collection/merge/identity.ts';
import type { Actor } from '../../../src/extract/types.ts';

/** Actors named in sentences: `[slug, sentence, start]` per mention. */
function counted(mentions: [string, number, number][]): CoMentions {
  const slugs = [...new Set(mentions.map(([slug]) => slug))];
  const actors = slugs.map((slug) => ({ id: slug, mentions: mentions.filter(([s]) => s === slug).map(([, sentence, start]) => ({ sentence, start, end: start + 1 })) }) as Actor);
  const counts: CoMentions = new Map();
  countCoMentions(counts, actors, new Map(slugs.map((slug) => [slug, { slug } as Group<Actor>])));
  return counts;
}

describe('co-mentions', () => {
  it('counts the sentences two actors share, once per sentence, and lists the most shared first, then by slug', () => {
    const counts = counted([
      ['ann', 0, 0],
      ['bob', 0, 10],
      ['bob', 0, 20],
      ['ann', 1, 0],
      ['cy', 1, 5],
      ['ann', 2, 0],
      ['bob', 2, 5],
      ['dan', 3, 0],
    ]);
    expect(relatedTo(counts, 'ann')).toEqual([
      { actor: 'bob', count: 2 },
      { actor: 'cy', count: 1 },
    ]);
    expect(relatedTo(counts, 'cy')).toEqual([{ actor: 'ann', count: 1 }]);
    expect(relatedTo(counts, 'dan')).toEqual([]);
  });

  it('pairs each actor of a crowded sentence with the next maxRelated only, and lists at most maxRelated', () => {
    const crowd = Array.from({ length: maxRelated * 3 }, (_, i) => [`p${String(i).padStart(3, '0')}`, 0, i] as [string, number, number]);
    const counts = counted(crowd);
    expect(counts.get('p000')!.size).toBe(maxRelated);
    expect(counts.get('p030')!.size).toBe(2 * maxRelated);
    expect(relatedTo(counts, 'p030')).toHaveLength(maxRelated);
  });
});
