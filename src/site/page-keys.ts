// Renders only the pages an edit changed. Every page a route lists has a key: a hash of exactly
// the data it renders (cache-keys.ts). The build step tells Astro which pages of the last build it
// can keep, with their keys (`reusable.json` in the folder SiteEnv.pageKeys names); a route leaves
// out each page whose key is the same, and records every page's key, so the build step can link
// the pages it left out from the last build and remember the keys for the next one
// (src/collection/page-cache.ts). Astro never sees those pages, so it never writes into their
// files, which the published site shares. Without `pageKeys` (`astro dev`, a plain `astro build`)
// every page is rendered.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSiteEnv } from '../options.ts';

/** Page file (relative to the site's root) → key. */
export type PageKeys = Record<string, string>;

const offeredFile = 'offered.json';
const routeKeysPrefix = 'keys-';

/** The build step, before Astro runs: the pages of the last build it can keep, by key. */
export function offerPages(dir: string, offered: PageKeys): void {
  writeFileSync(join(dir, offeredFile), JSON.stringify(offered));
}

/** The build step, after Astro: every page's key, as the routes recorded them. */
export function recordedKeys(dir: string): PageKeys {
  const keys: PageKeys = {};
  for (const name of readdirSync(dir)
    .filter((n) => n.startsWith(routeKeysPrefix))
    .sort())
    Object.assign(keys, JSON.parse(readFileSync(join(dir, name), 'utf8')));
  return keys;
}

/**
 * The file Astro writes a page of `route` to, for its `params`: `actors/[slug]` with slug `x` is
 * `actors/x/index.html`, `actors/[...page]` without a page `actors/index.html` (pages are folders).
 */
export function pageFile(route: string, params: Record<string, string | number | undefined>): string {
  const path = route
    .replace(/\[(?:\.\.\.)?(\w+)\]/g, (_, name: string) => (params[name] == null ? '' : String(params[name])))
    .split('/')
    .filter(Boolean)
    .join('/');
  return path ? `${path}/index.html` : 'index.html';
}

let offered: { dir: string; keys: PageKeys } | undefined;

/** The pages the build step offered (read once per build). */
function offeredPages(dir: string): PageKeys {
  if (offered?.dir !== dir) offered = { dir, keys: JSON.parse(readFileSync(join(dir, offeredFile), 'utf8')) as PageKeys };
  return offered.keys;
}

/**
 * The pages of `route` to render: all of them, or, when the build step keeps the last build's
 * pages, those whose key changed. Records every page's key then. A key is computed only then
 * (`key` is a function): the dev server lists a route's pages again after every edit.
 */
export function changedOnly<P extends { params: Record<string, string | undefined>; key: () => string }>(route: string, paths: P[]): Omit<P, 'key'>[] {
  const dir = readSiteEnv().pageKeys;
  const strip = ({ key: _, ...path }: P) => path;
  if (!dir) return paths.map(strip);
  const keep = offeredPages(dir);
  const keys: PageKeys = {};
  const render: Omit<P, 'key'>[] = [];
  for (const path of paths) {
    const file = pageFile(route, path.params);
    keys[file] = path.key();
    if (keep[file] !== keys[file]) render.push(strip(path));
  }
  const name = `${routeKeysPrefix}${createHash('sha256').update(route).digest('hex').slice(0, 16)}.json`;
  writeFileSync(join(dir, name), JSON.stringify(keys));
  return render;
}
