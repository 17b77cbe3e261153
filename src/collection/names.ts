import countries from 'world-countries';

/**
 * Controls, bidi marks, embeddings, overrides and isolates, zero-width spaces, soft hyphens and
 * BOMs. Not ZWJ and ZWNJ (U+200C, U+200D): Persian and Indic names and emoji need them.
 */
const invisible = /[\p{Cc}\u00ad\u061c\u200b\u200e\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/gu;

/**
 * A name as it may be shown: invisible characters removed (a bidi override must never flip the page
 * around it), white space collapsed. Empty when nothing visible is left.
 */
export function displayName(name: string): string {
  const shown = name.normalize('NFC').replace(invisible, '').replace(/\s+/gu, ' ').trim();
  return hasVisible(shown) ? shown : '';
}

/**
 * Whether some character of `text` renders as something: not white space, not a default-ignorable
 * code point (joiners, variation selectors, tag characters, Hangul fillers), not a mark with no
 * base, not a control, format, unassigned or surrogate code point, not the blank Braille pattern.
 * By Unicode property, not a list.
 */
export function hasVisible(text: string): boolean {
  return /[^\p{White_Space}\p{Default_Ignorable_Code_Point}\p{M}\p{Cc}\p{Cf}\p{Cs}\p{Cn}\u2800]/u.test(text);
}

/**
 * The form two names are compared in: case, accents, punctuation, a leading "the" and a possessive
 * 's do not count, so "The BBC's" and "BBC" or "Wróbel" and "Wrobel" are the same name.
 */
export function nameKey(name: string): string {
  return displayName(name)
    .normalize('NFKD')
    .replace(/[\p{M}\p{Cf}]/gu, '')
    .toLowerCase()
    .replace(/['’]s\b/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /u, '');
}

/** Generational suffixes that are not a surname ("Martin Luther King Jr."). */
const suffixes = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/** A person's surname as a name key: the last word that is not a suffix ("" for one-word names). */
export function surnameKey(name: string): string {
  const words = nameKey(name).split(' ').filter((w) => !suffixes.has(w));
  return words.length > 1 ? words[words.length - 1] : '';
}

export function wordCount(key: string): number {
  return key ? key.split(' ').length : 0;
}

const countryCodes = new Map<string, string>();
for (const c of countries) {
  const names = [c.name.common, c.name.official, c.cca2, c.cca3, ...c.altSpellings];
  for (const n of names) {
    const key = nameKey(n);
    if (key && !countryCodes.has(key)) countryCodes.set(key, c.cca3);
  }
}

/** The merge key of a country: its ISO code when the name is known ("Iran", "Islamic Republic of Iran"). */
export function countryKey(name: string): string {
  const key = nameKey(name);
  const code = countryCodes.get(key);
  return code ? `iso:${code}` : key;
}
