// Fixture seeds for the editor's corrections: hand-made extractions with planted mistakes, and a
// corrections file that fixes every kind of them.
import type { SeedExtraction } from '../../src/collection/merge.ts';
import type { Extraction } from '../../src/extract/index.ts';
import { fixture, type Spec } from './hand-made.ts';

export const texts: Record<string, string> = {
  'a.txt':
    'Port deal signed\nMaria Lopez met John Smith in London. "We are ready to sign," a spokesman said in London.\nWorker groups protested. The Port Accord was signed by Spain and Acme. The Harbour Pact was not. A Trade Charter may follow.\n"A fine day for trade," Lopez said. Critics called it "a sellout" on Monday. "Shipping will double," Ana Ruiz of the port authority said.',
  'b.txt': 'Accord follows\nJ. Smith, chief executive of Acme, praised the Port Deal. "It opens the port," J. Smith said.',
  'c.txt': 'Concert review\nSmith sang at the port. "What a crowd," Smith said.',
  'd.txt': 'Unrelated news\nPeter Hall opened a bakery. "Bread for all," Hall said.',
};

export const specs: Record<string, Spec> = {
  'a.txt': {
    actors: [
      { id: 'a1', name: 'Maria Lopez', aliases: ['Lopez'], forms: ['Maria Lopez', 'Lopez'] },
      { id: 'a2', name: 'John Smith' },
      { id: 'a3', name: 'London', kind: 'place' },
      { id: 'a4', name: 'Worker', kind: 'organization' },
      { id: 'a5', name: 'Spain' },
      { id: 'a6', name: 'Acme', kind: 'organization' },
    ],
    quotes: [
      { id: 'q1', text: 'We are ready to sign,', speaker: 'a3' },
      { id: 'q2', text: 'A fine day for trade,', speaker: 'a1' },
      { id: 'q3', text: 'a sellout', speaker: 'a1' },
      { id: 'q4', text: 'Shipping will double,', speaker: null },
    ],
    agreements: [
      { id: 'g1', name: 'Port Accord' },
      { id: 'g2', name: 'Harbour Pact' },
    ],
  },
  'b.txt': {
    actors: [
      { id: 'b1', name: 'J. Smith', forms: ['J. Smith'], roles: ['chief executive'] },
      { id: 'b2', name: 'Acme', kind: 'organization' },
    ],
    quotes: [{ id: 'q1', text: 'It opens the port,', speaker: 'b1' }],
    agreements: [{ id: 'g1', name: 'Port Deal', parties: ['b2'] }],
  },
  'c.txt': { actors: [{ id: 'c1', name: 'Smith' }], quotes: [{ id: 'q1', text: 'What a crowd,', speaker: 'c1' }] },
  'd.txt': { actors: [{ id: 'd1', name: 'Peter Hall', aliases: ['Hall'], forms: ['Peter Hall', 'Hall'], roles: [] }], quotes: [{ id: 'q1', text: 'Bread for all,', speaker: 'd1' }] },
};

/** The extraction of a fixture seed, with its planted doubts: a low-confidence quote and an ambiguous pronoun. */
export function extraction(seed: string, text = texts[seed]): Extraction {
  const e = fixture(seed, text, specs[seed]);
  if (seed === 'a.txt') {
    const q1 = e.quotes.find((q) => q.id === 'q1')!;
    Object.assign(q1, { rule: 'clause-subject', confidence: 0.2, speaker_mention: 'London' });
    const q2 = e.quotes.find((q) => q.id === 'q2')!;
    Object.assign(q2, { confidence: 0.6 });
    e.diagnostics.push({ file: `seeds/${seed}`, line: 4, column: 1, offset: q2.start, severity: 'info', rule: 'ambiguous-pronoun', source: 'extract', message: '"she" could be Maria Lopez or Ana Ruiz; took the first' });
  }
  return e;
}

export const inputs = (...seeds: string[]): SeedExtraction[] => seeds.map((seed) => ({ seed, extraction: extraction(seed) }));

/** Every kind of correction. */
export const correctionsYaml = `# Corrections of the fixture seeds
quotes:
  - article: a.txt
    quote: We are ready to sign
    speaker: Maria Lopez
  - article: a.txt
    quote: "A fine day for trade,"
    speaker: null
  - article: a.txt
    quote: a sellout
    not_a_quote: true
  - article: a.txt
    quote: Shipping will double
    speaker: Ana Ruiz
actors:
  - actor: Worker
    drop: true
  - actor: Acme
    rename: Acme Corporation
  - actor: Spain
    kind: country
  - actor: John Smith
    roles: [chief executive]
    affiliation: Acme
  - actor: J. Smith
    merge_into: John Smith
  - actor: Smith
    article: c.txt
    split_as: Will Smith
agreements:
  - agreement: Harbour Pact
    drop: true
  - agreement: Port Accord
    rename: Port of Valencia Accord
    parties: [Spain, Acme]
    status: signed
  - agreement: Port Deal
    merge_into: Port Accord
  - add: Trade Charter
    article: a.txt
    parties: [Spain]
    status: planned
articles:
  - article: a.txt
    date: 2026-03-01
    source: Harbour Times
    author: Eve Adams
`;
