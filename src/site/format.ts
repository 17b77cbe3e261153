// Small display helpers shared by pages.
import type { ActorKind } from '../extract/types.ts';

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

/** A reader's description of an attribution rule id such as "cue-after". */
export function ruleLabel(rule: string): string {
  const known: Record<string, string> = {
    'cue-after': 'speaker named after the quote',
    'cue-before': 'speaker named before the quote',
    pronoun: 'speaker referred to by a pronoun, resolved to the nearest named person',
    floating: 'no reporting verb next to the quote',
  };
  return known[rule] ?? rule.replace(/[-_]/g, ' ');
}
