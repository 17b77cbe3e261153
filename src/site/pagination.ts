// The site's long lists come in pages (Astro's `paginate()`): page 1 at the list's own path
// (`/quotes/`), page n at `/quotes/n/`. The sizes keep every page well under 200 KB of HTML
// whatever the archive's size: at 10,000 articles the largest page of the actor directory is
// 86 KB, of the mentions sub-pages 79 KB, of the timeline 65 KB, of the quotes 56 KB.
// tests/site/pagination.test.ts checks the limit and that every entry is reached through the pages.
export const pageSizes = {
  /** Article cards (headline, date, summary). */
  articles: 60,
  /** Directory entries (name, kind, counts). */
  actors: 250,
  /** Agreement cards with their parties. */
  agreements: 60,
  /** Quotes cut to 160 characters, with their speaker or article. */
  quotes: 100,
  /** Timeline rows (date, headline, statuses). */
  timeline: 200,
  /** Sentences an entity is named in, each with its article's words. */
  mentions: 80,
  /** An entity's quotes on its own sub-pages, in full. */
  entityQuotes: 50,
  /** How many of an entity's quotes and sentences its own page shows; past that, it links to its sub-pages. */
  preview: 20,
} as const;

/** The sub-pages that list all of an actor's or an agreement's quotes or mentions. */
export type EntityCollection = 'actors' | 'agreements';
export const entityListPath = (collection: EntityCollection, id: string, list: 'quotes' | 'mentions') => `/${collection}/${id}/${list}/`;

/** The path of page `n` of the list at `base` (ending in `/`). */
export const pagePath = (base: string, n: number) => (n === 1 ? base : `${base}${n}/`);

/** A list page's title: the list's, with the page number past the first. */
export const pageTitle = (title: string, page: { currentPage: number }) => (page.currentPage === 1 ? title : `${title}, page ${page.currentPage}`);

/** The page numbers to link from page `current` of `last`: the first, the last and those within `around` of the current one; null marks a gap. */
export function pageNumbers(current: number, last: number, around = 2): (number | null)[] {
  const shown = Array.from({ length: last }, (_, i) => i + 1).filter((n) => n === 1 || n === last || Math.abs(n - current) <= around);
  return shown.flatMap((n, i) => (i > 0 && n - shown[i - 1] > 1 ? [null, n] : [n]));
}
