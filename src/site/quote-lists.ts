// The quote lists (/quotes/ by speaker, /quotes/by-article/) in pages: the quotes of all groups
// in one run, cut into pages; each page shows its quotes in their groups again, a group that goes
// on from the page before marked as continued.
import type { Quote } from './data.ts';

/** A quote in a grouped list: its group, its place in it (1-based) and the group's size. */
export interface GroupedQuote<G> {
  group: G;
  quote: Quote;
  n: number;
  total: number;
}

/** The quotes of every group in one run, in the groups' order. */
export const runOfGroups = <G>(groups: { group: G; quotes: Quote[] }[]): GroupedQuote<G>[] =>
  groups.flatMap(({ group, quotes }) => quotes.map((quote, i) => ({ group, quote, n: i + 1, total: quotes.length })));

/** A page's quotes in their groups again: each with its size and whether it began on an earlier page. */
export const regroup = <G>(entries: GroupedQuote<G>[]) =>
  [...Map.groupBy(entries, (e) => e.group)].map(([group, list]) => ({
    group,
    quotes: list.map((e) => e.quote),
    total: list[0].total,
    continued: list[0].n > 1,
  }));
