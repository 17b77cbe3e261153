import { titleAbbreviations } from './lexicon.ts';

export interface Token {
  text: string;
  start: number;
  end: number;
  /** Starts with an upper-case letter (or is an all-caps acronym). */
  cap: boolean;
}

// Dotted acronyms (U.S.), words with inner hyphens/apostrophes/ampersands, possessive 's split off,
// any other single non-space character.
const tokenPattern = new RegExp(
  String.raw`(?:${titleAbbreviations.join('|')})\.(?=\s)|\p{Lu}\.(?=\s+\p{Lu})|(?:\p{Lu}\.){2,}|[\p{L}\p{N}\p{M}]+(?:[-‐'’&.][\p{L}\p{N}\p{M}]+)*(?:\+\d+(?![\p{L}\p{N}]))?|\S`,
  'gu',
);

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  // Match within the stretch only: slicing from 0 would make tokenising every sentence quadratic.
  const slice = text.slice(from, to);
  tokenPattern.lastIndex = 0;
  for (let m = tokenPattern.exec(slice); m; m = tokenPattern.exec(slice)) {
    const start = m.index + from;
    let word = m[0];
    const possessive = /^(.+?)(['’]s)$/u.exec(word);
    if (possessive && /\p{L}/u.test(possessive[1])) {
      word = possessive[1];
      tokens.push(token(word, start));
      tokens.push(token(possessive[2], start + word.length));
      continue;
    }
    tokens.push(token(word, start));
  }
  return tokens;
}

function token(text: string, start: number): Token {
  return { text, start, end: start + text.length, cap: /^\p{Lu}/u.test(text) };
}

export const isWord = (t: Token | undefined): boolean => !!t && /^[\p{L}\p{N}]/u.test(t.text);
export const isPossessive = (t: Token | undefined): boolean => !!t && /^['’]s$/.test(t.text);

/** The words a text writes in lower case somewhere: common words there, whatever their capital elsewhere. */
export function wordsWrittenLower(text: string): Set<string> {
  return new Set(text.match(/(?<![\p{L}'’-])\p{Ll}[\p{Ll}'’-]*/gu));
}

/** The first offset at or after `at` that is not white space. */
export function skipSpace(text: string, at: number): number {
  while (at < text.length && /\s/.test(text[at])) at++;
  return at;
}

/** The offset just after the last character before `at` that is not white space. */
export function trimEnd(text: string, at: number): number {
  while (at > 0 && /\s/.test(text[at - 1])) at--;
  return at;
}
