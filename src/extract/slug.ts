import { slugify } from 'transliteration';
import { createHash } from 'node:crypto';

const reserved = /^(con|prn|aux|nul|com\d|lpt\d)$/;

/**
 * A readable, file-system-safe slug: transliterated to ASCII, lower-case words joined by "-",
 * at most 60 characters; a stable hash of the text when nothing readable is left.
 */
export function toSlug(text: string, fallbackPrefix = 'x'): string {
  const cleaned = text.normalize('NFKC').replace(/[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '');
  let slug = slugify(cleaned, { lowercase: true, separator: '-', trim: true })
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
    .replace(/-$/, '');
  if (!slug || /^\d*$/.test(slug.replace(/-/g, '')) && slug.length < 2) slug = `${fallbackPrefix}-${createHash('sha256').update(cleaned).digest('hex').slice(0, 10)}`;
  if (reserved.test(slug)) slug = `${slug}-${fallbackPrefix}`;
  return slug;
}

/** Gives each key a slug unique among `taken`, adding -2, -3 … in call order. */
export function uniqueSlug(base: string, taken: Set<string>): string {
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  taken.add(slug);
  return slug;
}
