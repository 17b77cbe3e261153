// The English word list is generated from an-array-of-english-words (scripts/gen-words.ts) and
// looked up by binary search: it must answer exactly as a Set of the package's words would.
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { englishWords } from '../../src/extract/lexicon.ts';

const words: string[] = createRequire(import.meta.url)('an-array-of-english-words');
const set = new Set(words);

it('knows every word of the package (the generated file is up to date)', () => {
  const missing = words.filter((w) => !englishWords.has(w));
  expect(missing).toEqual([]);
});

it('answers like a Set for words next to real ones, edge cases and arbitrary strings', () => {
  const probes = ['', '\n', 'a', 'aa', 'zzzz', 'zyzzyvas', 'Said', 'said ', ' said', 'said\nsay', 'é', 'naïve', '\u0000', '~'];
  for (const w of words.filter((_, i) => i % 97 === 0)) probes.push(w.slice(0, -1), `${w}s`, `${w}a`, `${w}\n`, w.toUpperCase());
  for (const p of probes) expect(englishWords.has(p), JSON.stringify(p)).toBe(set.has(p));
  fc.assert(fc.property(fc.string({ maxLength: 12 }), (s) => englishWords.has(s) === set.has(s)), { numRuns: 2000 });
  fc.assert(fc.property(fc.stringMatching(/^[a-z]{1,9}$/), (s) => englishWords.has(s) === set.has(s)), { numRuns: 5000 });
});
