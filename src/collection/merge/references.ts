// Turning one extraction's local ids into global slugs, and the back-references between pages
// (a speaker's quotes in order, an agreement's quotes, …). Pure.
import type { Actor, Agreement } from '../../extract/types.ts';
import type { TextDiagnostic } from '../../diagnostics.ts';
import { type Entry, type QuoteData, type SeedExtraction, warning } from './entries.ts';
import type { Group } from './identity.ts';
import { index } from './lists.ts';

/** Resolves local ids of one seed (by index) to slugs; null when the id names nothing with a page. */
export interface Resolver {
  actor(seed: number, id: string | null, offset: number, what: string): string | null;
  agreement(seed: number, id: string, offset: number, what: string): string | null;
}

/**
 * What the extractor got wrong about a valid seed never stops the build: a local id that does not
 * resolve inside its own extraction is dropped, with a warning note naming the seed.
 */
export function resolver(
  inputs: SeedExtraction[],
  actors: Map<string, Group<Actor>>[],
  agreements: Map<string, Group<Agreement>>[],
  notes: TextDiagnostic[],
): Resolver {
  const broken = (input: SeedExtraction, offset: number, what: string) =>
    notes.push(warning(input, offset, 'broken-reference', `dropped a broken reference: ${what} (an extractor bug; please report it)`));
  return {
    actor(i, id, offset, what) {
      if (id == null) return null;
      const group = actors[i].get(id);
      if (group) return group.slug;
      if (!inputs[i].extraction.actors.some((a) => a.id === id)) broken(inputs[i], offset, `${what} names actor "${id}", which does not exist`);
      return null; // an actor dropped for its blank name
    },
    agreement(i, id, offset, what) {
      const group = agreements[i].get(id);
      if (group) return group.slug;
      if (!inputs[i].extraction.agreements.some((a) => a.id === id)) broken(inputs[i], offset, `${what} names agreement "${id}", which does not exist`);
      return null;
    },
  };
}

/** Looks up the slugs of the entries that have a key (a reference to something), in entry order. */
export function slugsBy<T>(entries: Entry<T>[], keys: (data: T) => string[]): (key: string) => string[] {
  const map = index(entries, (e) => keys(e.data));
  return (key) => (map.get(key) ?? []).map((e) => e.slug);
}

/** Links each speaker's quotes in collection order: `previous` and `next`. */
export function chainBySpeaker(quotes: Entry<QuoteData>[]): void {
  const bySpeaker = index(quotes, (q) => (q.data.speaker ? [q.data.speaker as string] : []));
  for (const list of bySpeaker.values())
    list.forEach((q, n) => {
      q.data.previous = list[n - 1]?.slug ?? null;
      q.data.next = list[n + 1]?.slug ?? null;
    });
}
