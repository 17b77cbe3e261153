import { expect, it } from 'vitest';
import { checkExtraction } from '../../src/collection/checks.ts';
import { fixture } from './hand-made.ts';

it('refuses a headline with no visible characters, and warns about articles without quotes or actors', () => {
  const invisible = checkExtraction('x.txt', fixture('x.txt', '\u202e\u0001\nBody.'));
  expect(invisible.map((n) => [n.severity, n.message])).toEqual([
    ['error', 'the headline has no visible characters — write a headline on the first line'],
    ['warning', expect.stringMatching(/^no quotes found — /)],
    ['warning', expect.stringMatching(/^no actors found — /)],
  ]);
  const fine = fixture('y.txt', 'Title\n"Yes," Ana Lima said.', { actors: [{ id: 'a1', name: 'Ana Lima' }], quotes: [{ id: 'q1', text: 'Yes,', speaker: 'a1' }] });
  expect(checkExtraction('y.txt', fine)).toEqual([]);
});
