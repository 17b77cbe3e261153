// The actor directory (/actors/, /people/, …) in pages: which letters each page holds, so the
// A–Z jump on any page leads to the page where a letter starts.
import type { GetStaticPathsOptions, Page } from 'astro';
import type { ActorKind } from '../schema/vocab.ts';
import { actorEntry, keyPages } from './cache-keys.ts';
import type { Actor } from './data.ts';
import { pageSizes } from './pagination.ts';

/** What each page of a directory gets (ActorDirectory's props). */
export interface DirectoryPage {
  page: Page<Actor>;
  /** The directory's path (its page 1). */
  base: string;
  /** Counts per kind, for the kind links. */
  counts: Record<string, number>;
  /** The kind this directory is limited to, if any. */
  kind?: ActorKind;
  /** The page each letter starts on. */
  letters: Record<string, number>;
}

/** How many actors of each kind there are, for the kind links. */
export const kindCounts = (actors: Actor[]): Record<string, number> =>
  Object.fromEntries(Object.entries(Object.groupBy(actors, (a) => a.data.kind)).map(([k, list]) => [k, list!.length]));

/** The directory letter of a name: its first letter without accents, `#` for anything but A–Z. */
export function letterOf(name: string): string {
  const first =
    name
      .normalize('NFD')
      .replace(/[^\p{L}\p{N}]/gu, '')[0]
      ?.toUpperCase() ?? '#';
  return /[A-Z]/.test(first) ? first : '#';
}

/** The page (1-based) each letter starts on, for a list cut into pages of `pageSize`. */
export function letterPages(actors: Actor[], pageSize: number): Record<string, number> {
  const pages: Record<string, number> = {};
  actors.forEach((a, i) => {
    pages[letterOf(a.data.name)] ??= Math.floor(i / pageSize) + 1;
  });
  return pages;
}

/** The pages of a directory of `actors` at `base` (`/actors/`), each with its cache key. */
export function directoryPaths(
  paginate: GetStaticPathsOptions['paginate'],
  actors: Actor[],
  options: { base: string; counts: Record<string, number>; kind?: ActorKind; params?: Record<string, string> },
) {
  const { base, counts, kind, params } = options;
  const letters = letterPages(actors, pageSizes.actors);
  return keyPages(paginate(actors, { pageSize: pageSizes.actors, params, props: { base, counts, kind, letters } }), actorEntry, [base, counts, kind, letters]);
}
