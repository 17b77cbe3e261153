import { describe, expect, it } from 'vitest';
import { applyCorrections, parseCorrections } from '../../src/collection/corrections.ts';
import { merge, type KnowledgeBase, type SeedExtraction } from '../../src/collection/merge.ts';
import { reviewQueue } from '../../src/collection/review.ts';
import { validate } from '../../src/collection/validate.ts';
import { correctionsYaml, inputs } from './corrections-fixture.ts';

function corrected(yaml: string, seeds: SeedExtraction[]) {
  const parsed = parseCorrections(yaml);
  expect(parsed.problems).toEqual([]);
  const applied = applyCorrections(seeds, parsed.corrections);
  const { kb, notes } = merge(applied.inputs);
  expect(notes.filter((n) => n.severity === 'error')).toEqual([]);
  expect(validate(kb).problems).toEqual([]);
  return { kb, problems: applied.problems, inputs: applied.inputs };
}

const find = <T>(entries: { slug: string; data: T }[], slug: string) => {
  const entry = entries.find((e) => e.slug === slug);
  if (!entry) throw new Error(`no ${slug} among ${entries.map((e) => e.slug).join(', ')}`);
  return entry.data;
};
const quoteBy = (kb: KnowledgeBase, words: string) => kb.quotes.find((q) => q.data.text.includes(words))?.data;

describe('corrections file', () => {
  it('applies every kind of correction, recording what the extractor said', () => {
    const { kb, problems } = corrected(correctionsYaml, inputs('a.txt', 'b.txt', 'c.txt'));
    expect(problems).toEqual([]);
    // Quotes: speaker set to an existing actor, to nobody, to a new actor; a span that is no quote.
    expect(quoteBy(kb, 'ready to sign')).toMatchObject({ speaker: 'maria-lopez', corrected: [{ field: 'speaker', original: 'London' }] });
    expect(quoteBy(kb, 'fine day')).toMatchObject({ speaker: null, corrected: [{ field: 'speaker', original: 'Maria Lopez' }] });
    expect(quoteBy(kb, 'sellout')).toBeUndefined();
    expect(quoteBy(kb, 'Shipping')).toMatchObject({ speaker: 'ana-ruiz', corrected: [{ field: 'speaker', original: null }] });
    expect(find(kb.actors, 'ana-ruiz')).toMatchObject({ name: 'Ana Ruiz', kind: 'person', corrected: [{ field: 'added', original: null }] });
    // Actors: dropped, renamed (in both articles), kind, roles and affiliation, merged across articles, split.
    expect(kb.actors.map((a) => a.slug)).not.toContain('worker');
    expect(find(kb.actors, 'acme-corporation')).toMatchObject({ name: 'Acme Corporation', articles: ['a', 'b'], corrected: [{ field: 'name', original: 'Acme' }] });
    expect(find(kb.actors, 'spain')).toMatchObject({ kind: 'country', corrected: [{ field: 'kind', original: 'person' }] });
    const smith = find(kb.actors, 'john-smith');
    expect(smith).toMatchObject({ affiliation: 'acme-corporation', articles: ['a', 'b'], quotes: ['b-1'] });
    expect(smith.roles.map((r) => r.text)).toEqual(['chief executive', 'chief executive']);
    expect(smith.aliases).toContain('J. Smith');
    expect(smith.corrected).toEqual(
      expect.arrayContaining([
        { field: 'roles', original: [] },
        { field: 'affiliation', original: null },
        { field: 'merged', original: 'J. Smith' },
      ]),
    );
    expect(kb.actors.map((a) => a.slug)).not.toContain('j-smith');
    expect(find(kb.actors, 'will-smith')).toMatchObject({ articles: ['c'], quotes: ['c-1'], corrected: [{ field: 'split', original: 'Smith' }] });
    expect(find(kb.quotes, 'c-1').speaker).toBe('will-smith');
    // Agreements: dropped, renamed with parties and status, merged across articles, added.
    expect(kb.agreements.map((g) => g.slug).sort()).toEqual(['port-of-valencia-accord', 'trade-charter']);
    expect(find(kb.agreements, 'port-of-valencia-accord')).toMatchObject({ parties: ['spain', 'acme-corporation'], status: 'signed', articles: ['a', 'b'], aliases: ['Port Accord', 'Port Deal'] });
    expect(find(kb.agreements, 'trade-charter')).toMatchObject({ parties: ['spain'], status: 'planned', mentions: [{ article: 'a' }], corrected: [{ field: 'added', original: null }] });
    expect(find(kb.actors, 'spain').agreements).toEqual(['port-of-valencia-accord', 'trade-charter']);
    // Articles: date, source, byline.
    expect(find(kb.articles, 'a')).toMatchObject({ date: '2026-03-01', source: 'Harbour Times', author: 'Eve Adams', corrected: [{ field: 'date', original: null }, { field: 'source', original: null }, { field: 'author', original: null }] });
    // Nothing uncorrected says it was corrected.
    expect(find(kb.articles, 'b').corrected).toBeUndefined();
    expect(find(kb.actors, 'maria-lopez').corrected).toBeUndefined();
  });

  it('keeps every correction when an unrelated seed is added, and when the extractor renumbers and reorders', () => {
    const before = corrected(correctionsYaml, inputs('a.txt', 'b.txt', 'c.txt')).kb;
    const after = corrected(correctionsYaml, inputs('a.txt', 'b.txt', 'c.txt', 'd.txt')).kb;
    const strip = (kb: KnowledgeBase) => JSON.stringify({ ...kb, articles: kb.articles.filter((a) => a.slug !== 'd'), actors: kb.actors.filter((a) => a.slug !== 'peter-hall'), quotes: kb.quotes.filter((q) => q.data.article !== 'd') });
    expect(strip(after)).toBe(strip(before));
    // A new extractor: other ids, other order, one quote more before the corrected ones.
    const renumbered = inputs('a.txt', 'b.txt', 'c.txt').map(({ seed, extraction }) => {
      const e = structuredClone(extraction);
      const id = (x: string | null) => (x == null ? null : `v2-${x}`);
      e.actors = e.actors.reverse().map((a) => ({ ...a, id: id(a.id)!, affiliation: id(a.affiliation) }));
      e.quotes = e.quotes.reverse().map((q) => ({ ...q, id: id(q.id)!, speaker: id(q.speaker), agreements: q.agreements.map((g) => id(g)!) }));
      e.agreements = e.agreements.map((g) => ({ ...g, id: id(g.id)!, parties: g.parties.map((p) => id(p)!) }));
      if (seed === 'a.txt') {
        const start = e.article.text.indexOf('Port deal signed'.slice(0, 4));
        e.quotes.push({ ...e.quotes[0], id: 'v2-extra', text: 'Port', start, end: start + 4, sentence: 0, paragraph: 0, speaker: null });
      }
      return { seed, extraction: e };
    });
    const v2 = corrected(correctionsYaml, renumbered).kb;
    expect(quoteBy(v2, 'ready to sign')).toMatchObject({ speaker: 'maria-lopez' });
    expect(quoteBy(v2, 'Shipping')).toMatchObject({ speaker: 'ana-ruiz' });
    expect(v2.agreements.map((g) => g.slug).sort()).toEqual(['port-of-valencia-accord', 'trade-charter']);
    expect(find(v2.actors, 'john-smith')).toMatchObject({ articles: ['a', 'b'] });
  });

  it('warns, at its line and column, about a correction that matches nothing, and applies the rest', () => {
    const yaml = `quotes:
  - article: a.txt
    quote: We are ready to sign
    speaker: Maria Lopez
  - article: a.txt
    quote: Nobody ever said this
    speaker: Maria Lopez
  - article: gone.txt
    quote: anything
    speaker: null
actors:
  - actor: Nobody Known
    drop: true
  - actor: Maria Lopez
    merge_into: Someone Else
agreements:
  - agreement: Treaty of Nowhere
    drop: true
`;
    const { kb, problems } = corrected(yaml, inputs('a.txt', 'b.txt'));
    expect(problems).toEqual([
      { file: 'seeds/corrections.yaml', line: 6, column: 12, severity: 'warning', rule: 'no-match', source: 'corrections', message: 'no quote "Nobody ever said this" in article a.txt — copy the quote\'s words from the article, or delete the entry' },
      { file: 'seeds/corrections.yaml', line: 8, column: 14, severity: 'warning', rule: 'no-match', source: 'corrections', message: 'no article "gone.txt" in seeds/ — name a seed\'s file name, such as "a.txt"' },
      { file: 'seeds/corrections.yaml', line: 12, column: 12, severity: 'warning', rule: 'no-match', source: 'corrections', message: 'no actor "Nobody Known" in any article — fix the name, or delete the entry' },
      { file: 'seeds/corrections.yaml', line: 15, column: 17, severity: 'warning', rule: 'no-match', source: 'corrections', message: 'no actor "Someone Else" to merge "Maria Lopez" into — name an actor the articles mention' },
      { file: 'seeds/corrections.yaml', line: 17, column: 16, severity: 'warning', rule: 'no-match', source: 'corrections', message: 'no agreement "Treaty of Nowhere" in any article — fix the name, or delete the entry' },
    ]);
    expect(quoteBy(kb, 'ready to sign')?.speaker).toBe('maria-lopez');
    expect(find(kb.actors, 'maria-lopez').name).toBe('Maria Lopez');
  });

  it('refuses corrections that contradict each other, naming both lines', () => {
    const yaml = `quotes:
  - article: a.txt
    quote: We are ready to sign
    speaker: Maria Lopez
  - article: a.txt
    quote: We are ready to sign
    speaker: John Smith
actors:
  - actor: Worker
    drop: true
  - actor: Worker
    rename: Workers' Union
  - actor: Acme
    merge_into: Worker
  - actor: Spain
    drop: true
    kind: country
`;
    const parsed = parseCorrections(yaml);
    expect(parsed.problems).toEqual([]);
    const { problems, inputs: out } = applyCorrections(inputs('a.txt'), parsed.corrections);
    expect(problems).toEqual([
      { file: 'seeds/corrections.yaml', line: 7, column: 14, severity: 'error', rule: 'contradiction', source: 'corrections', message: 'contradicts line 4: the speaker of quote "We are ready to sign" in a.txt is "Maria Lopez" there and "John Smith" here — keep one of the two' },
      { file: 'seeds/corrections.yaml', line: 11, column: 5, severity: 'error', rule: 'contradiction', source: 'corrections', message: 'contradicts line 10: what happens to actor "Worker" is "dropped" there and kept here — keep one of the two' },
      { file: 'seeds/corrections.yaml', line: 14, column: 17, severity: 'error', rule: 'contradiction', source: 'corrections', message: 'contradicts line 10: merges "Acme" into "Worker", which is dropped there — merge into another actor, or drop both' },
      { file: 'seeds/corrections.yaml', line: 15, column: 5, severity: 'error', rule: 'contradiction', source: 'corrections', message: 'actor "Spain": drop and changes contradict each other in one entry — an actor is dropped, merged, split or changed, one of these' },
    ]);
    // Nothing is applied.
    expect(out[0].extraction.quotes.find((q) => q.text.includes('ready'))?.speaker).toBe('a3');
  });

  it('gives a located error for a malformed file', () => {
    expect(parseCorrections('quotes:\n  - article: a.txt\n    quote: "unclosed\n').problems[0]).toMatchObject({ line: 4, severity: 'error', message: expect.stringMatching(/^not valid YAML/) });
    expect(parseCorrections('quotes:\n  - article: a.txt\n    quote: words\n    speakr: Lopez\n').problems).toEqual([
      { file: 'seeds/corrections.yaml', line: 2, column: 5, severity: 'error', rule: 'corrections-schema', source: 'corrections', message: 'quotes[1]: unknown field speakr — see the README for the fields of each kind of correction' },
    ]);
    expect(parseCorrections('actors:\n  - actor: Smith\n    kind: robot\n').problems).toEqual([{ file: 'seeds/corrections.yaml', line: 3, column: 11, severity: 'error', rule: 'corrections-schema', source: 'corrections', message: expect.stringMatching(/^actors\[1\]\.kind: /) }]);
    expect(parseCorrections('articles:\n  - article: a.txt\n    date: 2026-02-30\n').problems).toEqual([{ file: 'seeds/corrections.yaml', line: 3, column: 11, severity: 'error', rule: 'corrections-schema', source: 'corrections', message: 'articles[1].date: is not a real date' }]);
    expect(parseCorrections('').problems).toEqual([]);
    expect(parseCorrections('- just a list\n').problems).toMatchObject([{ line: 1, column: 1, severity: 'error' }]);
  });
});

describe('review queue', () => {
  it('lists the planted low-confidence quote first, each item with a place, its sentence and an entry that parses', () => {
    const seeds = inputs('a.txt', 'b.txt', 'c.txt');
    const { kb } = merge(seeds);
    const queue = reviewQueue(kb, seeds);
    expect(queue[0]).toMatchObject({ reason: 'low-confidence', seed: 'a.txt', line: 2, column: 40, sentence: '"We are ready to sign," a spokesman said in London.' });
    expect(queue[0].entry).toContain('quote: "We are ready to sign"');
    expect(queue.map((i) => i.reason)).toEqual(expect.arrayContaining(['ambiguous-pronoun', 'agreement-without-parties', 'lone-actor']));
    expect(queue.find((i) => i.reason === 'lone-actor' && i.message.includes('Worker'))).toBeTruthy();
    expect(queue.find((i) => i.reason === 'agreement-without-parties' && i.message.includes('Harbour Pact'))).toBeTruthy();
    for (const item of queue) expect(parseCorrections(item.entry).problems).toEqual([]);
    // Once corrected, the quote leaves the queue.
    const after = corrected(correctionsYaml, seeds);
    expect(reviewQueue(after.kb, after.inputs).some((i) => i.sentence.includes('ready to sign') && i.reason === 'low-confidence')).toBe(false);
  });
});
