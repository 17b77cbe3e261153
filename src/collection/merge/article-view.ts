// How an article page shows its entities: which mentions become links, and in which order its
// actors are listed. Pure.
import type { Actor, Agreement } from '../../extract/types.ts';
import type { Group } from './identity.ts';
import { unique } from './lists.ts';

export interface LinkedMention {
  collection: 'actors' | 'agreements';
  id: string;
  sentence: number;
  start: number;
  end: number;
}

/** Every mention of a grouped actor or agreement in one article, as a link to its page. */
export function mentionsOf(
  actors: Actor[],
  agreements: Agreement[],
  actorGroups: Map<string, Group<Actor>>,
  agreementGroups: Map<string, Group<Agreement>>,
): LinkedMention[] {
  const all: LinkedMention[] = [];
  for (const actor of actors) {
    const group = actorGroups.get(actor.id);
    if (group) for (const m of actor.mentions) all.push({ collection: 'actors', id: group.slug, sentence: m.sentence, start: m.start, end: m.end });
  }
  for (const agreement of agreements) {
    const group = agreementGroups.get(agreement.id);
    if (group) for (const m of agreement.mentions) all.push({ collection: 'agreements', id: group.slug, sentence: m.sentence, start: m.start, end: m.end });
  }
  return all;
}

/**
 * The mentions to link, in reading order. Where mentions overlap the one that starts first wins,
 * and of two that start together the longer, so links never nest; ties go by collection, then id.
 */
export function linkedMentions(mentions: LinkedMention[]): LinkedMention[] {
  const sorted = [...mentions].sort(
    (a, b) => a.start - b.start || b.end - a.end || a.collection.localeCompare(b.collection) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  let end = -1;
  return sorted.filter((m) => (m.start >= end ? ((end = m.end), true) : false));
}

/** An article's actors: first mentioned first; those the text never points at (e.g. only in a role) last. */
export function actorsInOrder(linked: LinkedMention[], inArticle: string[]): string[] {
  return unique([...linked.filter((m) => m.collection === 'actors').map((m) => m.id), ...inArticle]);
}
