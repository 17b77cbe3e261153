// Small display helpers shared by pages.
import type { ActorKind } from '../schema/vocab.ts';
import { type AttributionRule, attributionRules } from '../schema/vocab.ts';

const iso = /^\d{4}-\d{2}-\d{2}/;

/** "1 October 2024" for ISO dates (in UTC, so builds agree everywhere); other dates as written. */
export function displayDate(date: string): string {
  if (!iso.test(date)) return date;
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
}

/** The machine-readable date for <time>, or null when the date is not ISO. */
export const machineDate = (date: string | null) => (date && iso.test(date) ? date.slice(0, 10) : null);

export const kindLabels: Record<ActorKind, { one: string; many: string }> = {
  person: { one: 'Person', many: 'People' },
  country: { one: 'Country', many: 'Countries' },
  organization: { one: 'Organization', many: 'Organizations' },
  media: { one: 'Media outlet', many: 'Media' },
  place: { one: 'Place', many: 'Places' },
};

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** How the speaker of a quote was found, for readers. */
export const ruleLabel = (rule: AttributionRule): string => attributionRules[rule];

/** Up to two initials for an actor's badge: "Jack Straw" → "JS", "United Nations" → "UN", "BBC" → "BB". */
export function initials(name: string): string {
  const words = name.split(/[\s\-–—]+/u).filter((w) => /^\p{L}/u.test(w) && !/^(of|the|and|for|de|al|el|la|le|von|van|du|da|di)$/iu.test(w));
  if (words.length === 0) return [...name.trim()][0]?.toUpperCase() ?? '?';
  if (words.length === 1) return [...words[0]].slice(0, 2).join('').toUpperCase();
  return ([...words[0]][0] + [...words[words.length - 1]][0]).toUpperCase();
}

/** Roles as written, each once (ignoring case and punctuation), with every place that states it. */
export function distinctRoles<R extends { text: string }>(roles: readonly R[]): { text: string; sources: R[] }[] {
  const byKey = new Map<string, { text: string; sources: R[] }>();
  for (const r of roles) {
    const key = r.text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    const entry = byKey.get(key) ?? { text: r.text, sources: [] };
    entry.sources.push(r);
    byKey.set(key, entry);
  }
  return [...byKey.values()].sort((a, b) => b.sources.length - a.sources.length);
}

/** Each kind's own directory page. */
export const kindPaths: Record<ActorKind, string> = {
  person: '/people/',
  country: '/countries/',
  organization: '/organizations/',
  media: '/media/',
  place: '/places/',
};
