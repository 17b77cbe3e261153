// Random and mutated seeds through extraction, merge and validation: never a crash, always
// schema-valid content, every quote exactly its article's text.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { checkExtraction } from '../../src/collection/checks.ts';
import { merge } from '../../src/collection/merge.ts';
import { decodeSeed } from '../../src/collection/read-seed.ts';
import { validate } from '../../src/collection/validate.ts';
import { extract } from '../../src/extract/index.ts';

const dir = new URL('../corpus/articles/', import.meta.url);
const corpus = readdirSync(fileURLToPath(dir))
  .filter((n) => n.endsWith('.txt'))
  .slice(0, 12)
  .map((n) => readFileSync(new URL(n, dir), 'utf8'));

const marks = ['"', '“', '”', '‘', '’', "'", '„', '«', '»', '‹', '›', '「', '」'];
const pieces = fc.oneof(
  fc.constantFrom(...marks, '\n', '\r\n', '\r', ' ', '---', '\ufeff', ' said ', ' told reporters ', '. ', ', ', 'Mr. ', 'Kazem Jalali', 'Iran', 'the deal', '\u202e', '# ', '> ', '**'),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
);

const randomText = fc.array(pieces, { maxLength: 60 }).map((p) => p.join(''));
const truncated = fc.tuple(fc.constantFrom(...corpus), fc.nat(), fc.nat()).map(([t, a, b]) => t.slice(Math.min(a, b) % t.length, Math.max(a, b) % (t.length + 1) || undefined));
const mutated = fc
  .tuple(fc.constantFrom(...corpus), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...marks, '\n', '---\n', '\r')), { maxLength: 8 }))
  .map(([text, edits]) => edits.reduce((t, [at, mark]) => t.slice(0, at % (t.length + 1)) + mark + t.slice(at % (t.length + 1)), text.slice(0, 3000)));

function check(text: string, name: string): void {
  const extraction = extract({ path: `seeds/${name}`, text });
  for (const q of extraction.quotes) expect(q.text).toBe(extraction.article.text.slice(q.start, q.end));
  // The build refuses a seed with an error diagnostic or check; everything else must give valid content.
  if (extraction.diagnostics.some((d) => d.severity === 'error') || checkExtraction(name, extraction).some((n) => n.severity === 'error')) return;
  const { kb, notes } = merge([{ seed: name, extraction }]);
  expect(notes.filter((n) => n.severity === 'error')).toEqual([]);
  expect(validate(kb).problems).toEqual([]);
}

it('extracts random text, as .txt and as .md, into valid content', () => {
  fc.assert(
    fc.property(randomText, fc.constantFrom('x.txt', 'x.md'), (text, name) => check(text, name)),
    { numRuns: 150 },
  );
});

it('extracts truncated and mutated real articles into valid content', () => {
  fc.assert(fc.property(fc.oneof(truncated, mutated), fc.constantFrom('x.txt', 'x.md'), (text, name) => check(text, name)), { numRuns: 60 });
});

it('reads random bytes as text or as a located problem, never throwing', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
      const read = decodeSeed(bytes, 'x.txt');
      if ('problem' in read) return read.problem.line >= 1 && read.problem.column >= 1;
      check(read.text, 'x.txt');
      return true;
    }),
    { numRuns: 150 },
  );
});
