import { createHash } from 'node:crypto';

/**
 * An id for an entity within one extraction: its name folded to ASCII words, or a stable hash
 * when nothing is left. Pages get their slugs later, from src/collection/slug.ts.
 */
export function localId(text: string, fallbackPrefix: string): string {
  const id = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return id || `${fallbackPrefix}-${createHash('sha256').update(text).digest('hex').slice(0, 10)}`;
}

/** Makes an id unique among `taken`, adding -2, -3 … in call order. */
export function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
