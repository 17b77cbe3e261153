import { createHash } from 'node:crypto';
import { transliterate } from 'transliteration';
import { displayName } from './names.ts';

/** Longest slug: well under any file-system name limit, even with `.json` and a disambiguation suffix. */
export const maxSlugLength = 60;

/**
 * Reserved slugs: Windows device names, whatever the extension (`CON.json` cannot be created
 * there), and plain numbers, which are the page numbers of the site's lists (`/articles/2/`).
 */
const reserved = /^(con|prn|aux|nul|com[0-9]|lpt[0-9]|[0-9]+)$/;

export function stableHash(text: string, length = 8): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

function bound(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  const hyphen = cut.lastIndexOf('-');
  return (hyphen >= max / 2 ? cut.slice(0, hyphen) : cut).replace(/-+$/, '');
}

/**
 * A safe, readable slug for a name: transliterated to ASCII (Cyrillic, Arabic, CJK…), lower case,
 * `[a-z0-9]` words joined by `-`, bounded length, never a reserved device name. When nothing
 * readable is left (emoji, symbols), `<fallback>-<hash of the name>` keeps it stable; a reserved
 * slug gets `-<fallback>`.
 */
export function slugify(name: string, fallback: string): string {
  const latin = transliterate(displayName(name).normalize('NFKC'), { unknown: ' ' });
  let slug = bound(
    latin
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, ''),
    maxSlugLength,
  );
  if (!slug) slug = `${fallback}-${stableHash(name)}`;
  if (reserved.test(slug)) slug = `${slug}-${fallback}`;
  return slug;
}

export interface SlugRequest {
  /** What makes the entity itself (e.g. `person:wanjiru kamau`): decides its disambiguation suffix. */
  key: string;
  slug: string;
}

/**
 * Gives every entity a unique slug. Requests come in rank order: the first to ask for a slug gets
 * it; later ones with the same slug get `<slug>-<hash of key>`, which depends on nothing but the
 * entity, so adding an unrelated entity never renames an existing one. Callers rank by the seed an
 * entity first appears in, so new seeds sorting last never take a slug from an existing page.
 */
export function assignSlugs(requests: SlugRequest[]): Map<string, string> {
  const assigned = new Map<string, string>();
  const taken = new Set<string>();
  const keys = new Set<string>();
  const losers: SlugRequest[] = [];
  for (const request of requests) {
    if (keys.has(request.key)) throw new Error(`two entities share the slug key ${request.key}`);
    keys.add(request.key);
    if (taken.has(request.slug)) losers.push(request);
    else {
      taken.add(request.slug);
      assigned.set(request.key, request.slug);
    }
  }
  for (const { key, slug } of losers) {
    let length = 8;
    let candidate: string;
    do candidate = `${bound(slug, maxSlugLength - length - 1)}-${stableHash(key, length++)}`;
    while (taken.has(candidate));
    taken.add(candidate);
    assigned.set(key, candidate);
  }
  return assigned;
}
