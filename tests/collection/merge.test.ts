import { describe, expect, it } from 'vitest';
import { merge, type KnowledgeBase, type SeedExtraction } from '../../src/collection/merge.ts';
import { validate } from '../../src/collection/validate.ts';
import { fixture } from './hand-made.ts';

const seedA = fixture(
  'a.txt',
  'Talks in Vienna\nAmbassador Kazem Jalali met Elena Smith. "We are close," Jalali said.\nIran and Russia signed the Vienna Accord. "It is done," Smith said.',
  {
    actors: [
      { id: 'a1', name: 'Kazem Jalali', aliases: ['Jalali'], forms: ['Kazem Jalali', 'Jalali'], roles: ['Ambassador'], affiliation: 'a3' },
      { id: 'a2', name: 'Elena Smith', aliases: ['Smith'], forms: ['Elena Smith', 'Smith'] },
      { id: 'a3', name: 'Iran', kind: 'country' },
      { id: 'a4', name: 'Russia', kind: 'country' },
    ],
    quotes: [
      { id: 'q1', text: 'We are close,', speaker: 'a1' },
      { id: 'q2', text: 'It is done,', speaker: 'a2', agreements: ['g1'] },
    ],
    agreements: [{ id: 'g1', name: 'Vienna Accord', parties: ['a3', 'a4'] }],
  },
);

const seedB = fixture(
  'b.txt',
  'A second day\nJalali spoke again. "More work is needed," Jalali said of the accord.\nThe Islamic Republic of Iran welcomed it. John Smith disagreed.',
  {
    actors: [
      { id: 'b1', name: 'Jalali' },
      { id: 'b2', name: 'Islamic Republic of Iran', kind: 'country' },
      { id: 'b3', name: 'John Smith', aliases: ['Smith'] },
    ],
    quotes: [{ id: 'q1', text: 'More work is needed,', speaker: 'b1', agreements: ['g1'] }],
    agreements: [{ id: 'g1', name: 'the accord', aliases: ['Vienna Accord'], forms: ['the accord'] }],
  },
);

function build(...inputs: SeedExtraction[]): KnowledgeBase {
  const { kb, notes } = merge(inputs);
  expect(notes.filter((n) => n.severity === 'error')).toEqual([]);
  expect(validate(kb).problems).toEqual([]);
  return kb;
}

const bySlug = <T>(entries: { slug: string; data: T }[], slug: string): T => {
  const entry = entries.find((e) => e.slug === slug);
  if (!entry) throw new Error(`no ${slug} in ${entries.map((e) => e.slug).join(', ')}`);
  return entry.data;
};

describe('merge', () => {
  it('makes one actor of a person quoted in two articles, with all their quotes, roles and articles', () => {
    const kb = build({ seed: 'a.txt', extraction: seedA }, { seed: 'b.txt', extraction: seedB });
    const jalali = bySlug(kb.actors, 'kazem-jalali');
    expect(jalali.articles).toEqual(['a', 'b']);
    expect(jalali.quotes).toEqual(['a-1', 'b-1']);
    expect(jalali.roles).toEqual([{ text: 'Ambassador', article: 'a', sentence: 0 }]);
    expect(jalali.affiliation).toBe('iran');
    expect(jalali.mentions).toHaveLength(2 + 2);
    expect(kb.actors.filter((a) => a.data.name.includes('Jalali'))).toHaveLength(1);
    // The speaker's quotes are chained across the collection.
    expect(bySlug(kb.quotes, 'a-1')).toMatchObject({ speaker: 'kazem-jalali', previous: null, next: 'b-1' });
    expect(bySlug(kb.quotes, 'b-1')).toMatchObject({ speaker: 'kazem-jalali', previous: 'a-1', next: null });
  });

  it('keeps different people who share a surname apart', () => {
    const kb = build({ seed: 'a.txt', extraction: seedA }, { seed: 'b.txt', extraction: seedB });
    expect(bySlug(kb.actors, 'elena-smith').quotes).toEqual(['a-2']);
    expect(bySlug(kb.actors, 'john-smith').articles).toEqual(['b']);
  });

  it('leaves a bare surname that fits two known people as its own actor', () => {
    const c = fixture('c.txt', 'Third\nSmith said nothing.', { actors: [{ id: 'c1', name: 'Smith' }] });
    const kb = build({ seed: 'a.txt', extraction: seedA }, { seed: 'b.txt', extraction: seedB }, { seed: 'c.txt', extraction: c });
    expect(bySlug(kb.actors, 'smith').articles).toEqual(['c']);
    expect(bySlug(kb.actors, 'elena-smith').articles).toEqual(['a']);
  });

  it('resolves a bare surname to the one known person who has it', () => {
    const c = fixture('c.txt', 'Third\nSmith said nothing.', { actors: [{ id: 'c1', name: 'Smith' }] });
    const kb = build({ seed: 'a.txt', extraction: seedA }, { seed: 'c.txt', extraction: c });
    expect(bySlug(kb.actors, 'elena-smith').articles).toEqual(['a', 'c']);
    expect(kb.actors.map((a) => a.slug)).not.toContain('smith');
  });

  it('resolves a one-word alias (a nickname) like a surname', () => {
    const a = fixture('a.txt', 'One\nBenjamin Netanyahu, known as Bibi, spoke.', { actors: [{ id: 'a1', name: 'Benjamin Netanyahu', aliases: ['Bibi'] }] });
    const b = fixture('b.txt', 'Two\nBibi spoke again.', { actors: [{ id: 'b1', name: 'Bibi' }] });
    const kb = build({ seed: 'a.txt', extraction: a }, { seed: 'b.txt', extraction: b });
    expect(kb.actors.map((x) => [x.slug, x.data.articles])).toEqual([['benjamin-netanyahu', ['a', 'b']]]);
  });

  it('merges countries by canonical name and agreements by name and alias', () => {
    const kb = build({ seed: 'a.txt', extraction: seedA }, { seed: 'b.txt', extraction: seedB });
    expect(kb.actors.filter((a) => a.data.kind === 'country').map((a) => a.slug)).toEqual(['iran', 'russia']);
    expect(bySlug(kb.actors, 'iran').aliases).toEqual(['Islamic Republic of Iran']);
    expect(kb.agreements.map((a) => a.slug)).toEqual(['vienna-accord']);
    const accord = bySlug(kb.agreements, 'vienna-accord');
    expect(accord).toMatchObject({ parties: ['iran', 'russia'], articles: ['a', 'b'], quotes: ['a-2', 'b-1'], aliases: ['the accord'] });
    expect(bySlug(kb.actors, 'iran').agreements).toEqual(['vienna-accord']);
  });

  it('fills in the back-references of articles', () => {
    const kb = build({ seed: 'a.txt', extraction: seedA }, { seed: 'b.txt', extraction: seedB });
    const a = bySlug(kb.articles, 'a');
    expect(a).toMatchObject({ seed: 'a.txt', title: 'Talks in Vienna', quotes: ['a-1', 'a-2'], agreements: ['vienna-accord'], wordCount: 26 });
    expect(a.actors).toEqual(['kazem-jalali', 'elena-smith', 'iran', 'russia']);
    const starts = a.mentions.map((m) => m.start);
    expect(starts).toEqual([...starts].sort((x, y) => x - y));
    expect(a.mentions.find((m) => m.collection === 'agreements')).toMatchObject({ id: 'vienna-accord' });
    expect(bySlug(kb.actors, 'kazem-jalali').related).toEqual([{ actor: 'elena-smith', count: 1 }]);
  });

  it('never lets mentions overlap, the longer one winning', () => {
    const e = fixture('x.txt', 'T\nThe Bank of England said so.', {
      actors: [
        { id: 'a1', name: 'Bank of England', kind: 'organization' },
        { id: 'a2', name: 'England', kind: 'country' },
      ],
    });
    const kb = build({ seed: 'x.txt', extraction: e });
    expect(bySlug(kb.articles, 'x').mentions.map((m) => m.id)).toEqual(['bank-of-england']);
  });

  it('gives colliding names distinct slugs and gives no page to a blank name', () => {
    const e = fixture('x.txt', 'T\nGeorgia met Georgia. Nobody spoke.', {
      actors: [
        { id: 'a1', name: 'Georgia', kind: 'country' },
        { id: 'a2', name: 'Georgia', kind: 'person' },
        { id: 'a3', name: ' \u202e ', kind: 'person', forms: ['Nobody'] },
      ],
      quotes: [],
    });
    const { kb, notes } = merge([{ seed: 'x.txt', extraction: e }]);
    expect(kb.actors.map((a) => a.slug)).toEqual(['georgia', expect.stringMatching(/^georgia-[0-9a-f]{8}$/)]);
    expect(notes).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringContaining('no visible characters') })]);
  });

  it('reports a local id the extractor left dangling as a warning naming the seed (the reference is dropped)', () => {
    const e = fixture('x.txt', 'T\n"Hello," he said.', { quotes: [{ id: 'q1', text: 'Hello,', speaker: 'a9' }] });
    const { notes } = merge([{ seed: 'x.txt', extraction: e }]);
    expect(notes).toEqual([
      { file: 'seeds/x.txt', line: 2, column: 2, offset: 3, severity: 'warning', rule: 'broken-reference', source: 'merge', message: expect.stringContaining('actor "a9"') },
    ]);
  });

  it('keeps slugs of existing entities when a seed is added', () => {
    const before = build({ seed: 'a.txt', extraction: seedA });
    const c = fixture('c.txt', 'Other\nGeorgia Kazem-Jalali spoke.', { actors: [{ id: 'c1', name: 'Kazem Jalali', kind: 'organization' }] });
    const after = build({ seed: 'a.txt', extraction: seedA }, { seed: 'c.txt', extraction: c });
    for (const c of ['actors', 'agreements', 'quotes', 'articles'] as const)
      expect(after[c].map((e) => e.slug)).toEqual(expect.arrayContaining(before[c].map((e) => e.slug)));
    expect(after.actors.find((a) => a.data.kind === 'organization')!.slug).toMatch(/^kazem-jalali-[0-9a-f]{8}$/);
  });
});

describe('articles', () => {
  it('never overwrite each other, whatever their file names and headlines', () => {
    const same = (file: string) => ({ seed: file, extraction: fixture(file, 'The same headline\nBody.') });
    const kb = build(same('Report.txt'), same('report.md'), same('report.txt'), same('re port.txt'));
    expect(kb.articles.map((a) => [a.data.seed, a.slug]).sort()).toEqual([
      ['Report.txt', 'report'],
      ['re port.txt', 're-port'],
      ['report.md', expect.stringMatching(/^report-[0-9a-f]{8}$/)],
      ['report.txt', expect.stringMatching(/^report-[0-9a-f]{8}$/)],
    ]);
    expect(new Set(kb.articles.map((a) => a.slug)).size).toBe(4);
  });
});

describe('validate', () => {
  it('fails on two entities with one slug', () => {
    const kb = build({ seed: 'a.txt', extraction: seedA });
    kb.quotes[1].slug = kb.quotes[0].slug;
    expect(validate(kb).problems.map((p) => p.message)).toContainEqual(expect.stringMatching(/^quotes\/a-1\.json: two entities have this slug/));
  });

  it('fails on a reference to a missing entity and on a quote that is not its article text', () => {
    const kb = build({ seed: 'a.txt', extraction: seedA });
    bySlug(kb.quotes, 'a-1').speaker = 'nobody';
    bySlug(kb.quotes, 'a-2').text = 'It was done,';
    const { problems } = validate(kb);
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^quotes\/a-1\.json: speaker: points to actors\/nobody, which does not exist/),
      expect.stringMatching(/^quotes\/a-2\.json: quote text differs from the article text/),
    ]);
    expect(problems.every((p) => p.file === 'seeds/a.txt' && p.severity === 'error' && p.source === 'validate')).toBe(true);
  });

  it('fails on a speaker mention or reporting verb that is not where its span says', () => {
    const kb = build({ seed: 'a.txt', extraction: seedA });
    const quote = bySlug(kb.quotes, 'a-1');
    expect(quote).toMatchObject({ cue: 'said', cueSpan: expect.objectContaining({ start: expect.any(Number) }) });
    quote.speakerMention = 'Smith';
    quote.speakerMentionSpan = quote.cueSpan;
    quote.cueSpan = { start: 10_000, end: 10_004 };
    expect(validate(kb).problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^quotes\/a-1\.json: speaker mention text differs from the article text/),
      expect.stringMatching(/^quotes\/a-1\.json: reporting verb 10000-10004 is outside the article text/),
    ]);
  });
});

describe('article dates and agreement statuses', () => {
  it('takes a .txt article’s date from its dateline, keeps the dateline out of the summary, and a .md frontmatter date wins', () => {
    const dated = fixture('d.txt', 'Storm hits the coast\nSaturday, September 12, 2015\nA storm hit the coast on Friday, officials said.', {});
    const { kb } = merge([{ seed: 'd.txt', extraction: dated }]);
    expect(kb.articles[0].data.date).toBe('2015-09-12');
    expect(kb.articles[0].data.summary).toBe('A storm hit the coast on Friday, officials said.');
    const md = fixture('m.md', '---\ntitle: Storm\ndate: 2020-01-02\n---\nSaturday, September 12, 2015\n\nA storm hit.', {});
    expect(merge([{ seed: 'm.md', extraction: md }]).kb.articles[0].data.date).toBe('2020-01-02');
  });

  it('keeps the status each article states for an agreement', () => {
    const signed = { ...seedA, agreements: seedA.agreements.map((g) => ({ ...g, status: 'signed' as const })) };
    const kb = build({ seed: 'a.txt', extraction: signed }, { seed: 'b.txt', extraction: seedB });
    expect(bySlug(kb.agreements, 'vienna-accord').statuses).toEqual([{ article: 'a', status: 'signed' }]);
  });
});
