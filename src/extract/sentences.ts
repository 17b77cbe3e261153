import type { Span } from './types.ts';
import { functionWords, titleAbbreviations } from './lexicon.ts';

/** Abbreviations after which a full stop does not end a sentence. */
const abbreviations = new Set(
  [
    'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'ft', 'gen', 'col', 'lt', 'sgt', 'capt', 'cmdr', 'adm', 'gov', 'sen',
    'rep', 'rev', 'hon', 'pres', 'supt', 'insp', 'messrs', 'mme', 'mlle', 'no', 'nos', 'vs', 'etc', 'approx', 'est', 'inc', 'ltd',
    'co', 'corp', 'plc', 'dept', 'univ', 'assn', 'bros', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct',
    'nov', 'dec', 'al', 'fig', 'vol', 'pp', 'ca', 'cf', 'e.g', 'i.e', 'a.m', 'p.m', 'u.s', 'u.k', 'u.n', 'e.u',
    ...titleAbbreviations.map((a) => a.toLowerCase()),
  ],
);

const closers = `"'”’»)]`;

/**
 * Splits one paragraph into sentences. A sentence ends at . ! ? (and any closing quote or
 * bracket after it) followed by white space and something that can start a sentence.
 */
export function splitSentences(text: string, paragraph: Span): Span[] {
  const spans: Span[] = [];
  let start = paragraph.start;
  let i = paragraph.start;
  while (i < paragraph.end) {
    const ch = text[i];
    if (ch === '.' || ch === '!' || ch === '?') {
      let end = i + 1;
      while (end < paragraph.end && (text[end] === '.' || text[end] === '!' || text[end] === '?')) end++;
      while (end < paragraph.end && closers.includes(text[end])) end++;
      if (end < paragraph.end && /\s/.test(text[end]) && endsSentence(text, i, end, paragraph.end)) {
        spans.push({ start, end });
        let next = end;
        while (next < paragraph.end && /\s/.test(text[next])) next++;
        start = next;
        i = next;
        continue;
      }
      i = end;
      continue;
    }
    i++;
  }
  if (start < paragraph.end) spans.push({ start, end: paragraph.end });
  return spans;
}

function endsSentence(text: string, mark: number, end: number, limit: number): boolean {
  let next = end;
  while (next < limit && /\s/.test(text[next])) next++;
  const following = text[next] ?? '';
  // The next sentence starts with a capital, a digit or an opening mark.
  if (!/[\p{Lu}\p{N}"'“‘«(\[]/u.test(following)) return false;
  if (text[mark] !== '.') return true;
  const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, mark - 12), mark))?.[1] ?? '';
  const bare = word.toLowerCase().replace(/^\.+/, '');
  if (abbreviations.has(bare)) return false;
  // An initial ("J. Smith") or a dotted acronym's inner stop ("U.S. officials" is ambiguous: keep going
  // only when a lower-case word follows, which the capital test above already rules out).
  if (/^\p{Lu}$/u.test(word)) return false;
  // Initials before a surname ("R.J. Dunmore said"), not before a sentence's opening word ("… to D.C. The vote").
  const nextWord = /^\p{L}+/u.exec(text.slice(next, next + 20))?.[0] ?? '';
  if (/^(\p{Lu}\.){1,2}\p{Lu}$/u.test(word) && nextWord && !functionWords.has(nextWord.toLowerCase())) return false;
  return true;
}
