// Which actors are named together: the "related" list of an actor page. Pure.
import type { Actor } from '../../extract/types.ts';
import type { Group } from './identity.ts';

/** How many related actors an actor page lists. */
export const maxRelated = 20;

/** For each actor slug, how many sentences it shares with each other actor slug. */
export type CoMentions = Map<string, Map<string, number>>;

/** Counts, into `counts`, the sentences of one article that name two actors. */
export function countCoMentions(counts: CoMentions, actors: Actor[], groups: Map<string, Group<Actor>>): void {
  const inSentence = new Map<number, { slug: string; start: number }[]>();
  for (const actor of actors) {
    const group = groups.get(actor.id);
    if (!group) continue;
    for (const m of actor.mentions) {
      if (!inSentence.has(m.sentence)) inSentence.set(m.sentence, []);
      inSentence.get(m.sentence)!.push({ slug: group.slug, start: m.start });
    }
  }
  const count = (a: string, b: string) => {
    if (!counts.has(a)) counts.set(a, new Map());
    const mine = counts.get(a)!;
    mine.set(b, (mine.get(b) ?? 0) + 1);
  };
  for (const mentioned of inSentence.values()) {
    // The sentence's actors in reading order, each once. Each is paired with the next
    // `maxRelated` (every pair in any ordinary sentence), so a sentence naming thousands of
    // actors costs n·maxRelated, not n².
    const seen = new Set<string>();
    const slugs = mentioned.sort((a, b) => a.start - b.start).flatMap(({ slug }) => (seen.has(slug) ? [] : (seen.add(slug), [slug])));
    for (let a = 0; a < slugs.length; a++)
      for (let b = a + 1; b < Math.min(slugs.length, a + 1 + maxRelated); b++) {
        count(slugs[a], slugs[b]);
        count(slugs[b], slugs[a]);
      }
  }
}

/** The actors most often named with `slug`: most shared sentences first, then by slug. */
export function relatedTo(counts: CoMentions, slug: string): { actor: string; count: number }[] {
  return [...(counts.get(slug) ?? new Map<string, number>())]
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .slice(0, maxRelated)
    .map(([actor, count]) => ({ actor, count }));
}
