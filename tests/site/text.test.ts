import fc from 'fast-check';
import { attributionRuleIds } from '../../src/schema/vocab.ts';
import { describe, expect, it } from 'vitest';
import { layout } from '../../src/site/graph.ts';
import { serializeJsonLd } from '../../src/site/jsonld.ts';
import { groupMentions } from '../../src/site/mentions.ts';
import { ruleLabel } from '../../src/site/format.ts';
import { attributionWords, isQuoteRun, marked, oneLine, paragraphParts, quoteWords } from '../../src/site/text.ts';
import { safeHttpUrl } from '../../src/site/urls.ts';

const text = 'Title\n“Yes,” Ann Lee said. Ann Lee met Bo in Rome. “No, Bo. Never,” Bo said.';
const at = (s: string, from = 0) => ({ start: text.indexOf(s, from), end: text.indexOf(s, from) + s.length });
const paragraph = { start: 6, end: text.length };
const sentences = [at('“Yes,” Ann Lee said.'), at('Ann Lee met Bo in Rome.'), at('“No, Bo. Never,” Bo said.')];

describe('paragraphParts', () => {
  const parts = paragraphParts({
    text,
    paragraph,
    sentences,
    quotes: [{ ...at('Yes,'), id: 'q1' }, { ...at('No, Bo. Never,'), id: 'q2' }],
    mentions: [
      { ...at('Ann Lee'), collection: 'actors', id: 'ann' },
      { ...at('Ann Lee', 20), collection: 'actors', id: 'ann' },
      { ...at('Bo', 35), collection: 'actors', id: 'bo' },
      { ...at('Rome'), collection: 'actors', id: 'rome' },
    ],
  });

  it('keeps every character, in order', () => {
    expect(parts.flatMap((g) => g.parts.map((p) => p.text)).join('')).toBe(text.slice(paragraph.start));
  });

  it('gives each sentence its index', () => {
    expect(parts.filter((g) => g.sentence !== null).map((g) => g.sentence)).toEqual([0, 1, 2]);
  });

  it('links only the first mention of each entity in the paragraph', () => {
    const links = parts.flatMap((g) => g.parts).filter((p) => !isQuoteRun(p) && p.link);
    expect(links.map((p) => p.text)).toEqual(['Ann Lee', 'Bo', 'Rome']);
  });

  it('links an entity once per article when the paragraphs share `linked`', () => {
    const linked = new Set(['actors/ann']);
    const again = paragraphParts({ text, paragraph, sentences, quotes: [], mentions: [{ ...at('Ann Lee'), collection: 'actors', id: 'ann' }, { ...at('Rome'), collection: 'actors', id: 'rome' }], linked });
    const links = again.flatMap((g) => g.parts).filter((p) => !isQuoteRun(p) && p.link);
    expect(links.map((p) => p.text)).toEqual(['Rome']);
    expect([...linked]).toEqual(['actors/ann', 'actors/rome']);
  });

  it('never links inside a quote, and marks the last piece of each quote', () => {
    const quotes = parts.flatMap((g) => g.parts).filter(isQuoteRun);
    expect(quotes).toEqual([
      { quote: 'q1', text: 'Yes,', last: true },
      { quote: 'q2', text: 'No, Bo. Never,', last: true },
    ]);
  });

  it('splits a quote that crosses sentences into one piece per sentence', () => {
    const split = paragraphParts({
      text,
      paragraph,
      sentences: [...sentences.slice(0, 2), at('“No, Bo.'), at('Never,” Bo said.')],
      quotes: [{ ...at('No, Bo. Never,'), id: 'q2' }],
      mentions: [],
    });
    expect(split.flatMap((g) => g.parts).filter(isQuoteRun)).toEqual([
      { quote: 'q2', text: 'No, Bo.', last: false },
      { quote: 'q2', text: 'Never,', last: true },
    ]);
  });

  it('loses no text whatever the spans (property)', () => {
    const spans = fc.array(fc.tuple(fc.nat(text.length), fc.nat(20)).map(([s, l]) => ({ start: s, end: Math.min(s + l, text.length) })));
    fc.assert(
      fc.property(spans, spans, (qs, ms) => {
        const out = paragraphParts({
          text,
          paragraph,
          sentences,
          quotes: qs.map((q, i) => ({ ...q, id: `q${i}` })),
          mentions: ms.map((m, i) => ({ ...m, collection: 'actors' as const, id: `a${i % 3}` })),
        });
        return out.flatMap((g) => g.parts.map((p) => p.text)).join('') === text.slice(paragraph.start);
      }),
    );
  });
});

describe('text helpers', () => {
  it('marks spans within a sentence', () => {
    expect(marked(text, sentences[1], [at('Bo', 35), at('Ann Lee', 20)])).toEqual([
      { text: 'Ann Lee', mark: true },
      { text: ' met ', mark: false },
      { text: 'Bo', mark: true },
      { text: ' in Rome.', mark: false },
    ]);
  });

  it('shows the attribution from where extraction found the speaker and the verb, in either order, when only a space parts them', () => {
    const said = '“We will,” the Iranian ambassador said. Jalali said so. “Yes,” said Jalali. Jalali also said it.';
    const span = (words: string, from = 0) => ({ start: said.indexOf(words, from), end: said.indexOf(words, from) + words.length });
    expect(attributionWords(said, span('the Iranian ambassador'), span('said'))).toBe('the Iranian ambassador said');
    // The words where they are, not the first place the same words appear ("Jalali said so").
    expect(attributionWords(said, span('Jalali', said.indexOf('“Yes')), span('said', said.indexOf('“Yes')))).toBe('said Jalali');
    expect(attributionWords(said, span('Jalali', said.indexOf('also') - 8), span('said', said.indexOf('also')))).toBeNull();
    expect(attributionWords(said, span('Jalali'), null)).toBeNull();
    expect(attributionWords(said, null, span('said'))).toBeNull();
  });

  it('shows quote words without the comma that led into the attribution', () => {
    expect(quoteWords('We will sign,')).toBe('We will sign');
    expect(quoteWords('Will we sign?')).toBe('Will we sign?');
  });

  it('explains every attribution rule the extractor can name in words, not ids', () => {
    expect(ruleLabel('role')).toBe('speaker identified by their title or role');
    for (const rule of attributionRuleIds) expect(ruleLabel(rule)).toMatch(/^[^-]+ [^-]+/);
  });

  it('cuts long summaries at a word', () => {
    expect(oneLine('a  b\nc')).toBe('a b c');
    expect(oneLine('one two three four', 10)).toBe('one two…');
  });

  it('groups mentions by article and sentence', () => {
    const groups = groupMentions(
      [
        { article: 'a', sentence: 2, start: 5, end: 6 },
        { article: 'b', sentence: 0, start: 1, end: 2 },
        { article: 'a', sentence: 1, start: 1, end: 2 },
        { article: 'a', sentence: 2, start: 8, end: 9 },
      ],
      (id) => id,
    );
    expect(groups).toEqual([
      { article: 'a', sentences: [{ sentence: 1, marks: [{ start: 1, end: 2 }] }, { sentence: 2, marks: [{ start: 5, end: 6 }, { start: 8, end: 9 }] }] },
      { article: 'b', sentences: [{ sentence: 0, marks: [{ start: 1, end: 2 }] }] },
    ]);
  });
});

describe('safety helpers', () => {
  it('links only http(s) URLs', () => {
    expect(safeHttpUrl('https://example.com/a')).toBe('https://example.com/a');
    for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,x', 'example.com', '', null]) expect(safeHttpUrl(bad)).toBeNull();
  });

  it('serialises JSON-LD that cannot close its script element and still parses', () => {
    const data = { text: '</script><script>alert(1)</script> <!-- & \u2028' };
    const json = serializeJsonLd(data);
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual(data);
  });
});

describe('relationship map layout', () => {
  const nodes = ['a', 'b', 'c', 'd'].map((id, i) => ({ id, label: id, kind: 'person', weight: i + 1 }));
  const edges = [{ a: 'a', b: 'b', counts: { quote: 1, comention: 0, agreement: 0 } }, { a: 'c', b: 'd', counts: { quote: 0, comention: 2, agreement: 1 } }];

  it('is deterministic and stays inside the box', () => {
    const one = layout(nodes, edges);
    expect(layout(nodes, edges)).toEqual(one);
    for (const n of one.nodes) expect(n.x >= 0 && n.x <= one.width && n.y >= 0 && n.y <= one.height).toBe(true);
    expect(one.edges.map((e) => e.kind)).toEqual(['quote', 'agreement']);
  });

  it.each([
    { count: 40, width: 1000, height: 720, maxLabel: 22, labelled: 34 },
    { count: 9, width: 360, height: 460, maxLabel: 18, labelled: 9 },
  ])('places the labels of $count nodes in $width×$height without overlaps, inside the box, or leaves them out', ({ count, width, height, maxLabel, labelled }) => {
    const many = Array.from({ length: count }, (_, i) => ({ id: `n${i}`, label: `Actor with a long name ${i}`, kind: 'person', weight: (i % 7) + 1 }));
    const links = many.slice(1).map((n, i) => ({ a: many[i % 5].id, b: n.id, counts: { quote: 0, comention: 1, agreement: 0 } }));
    const map = layout(many, links, { width, height, maxLabel });
    const boxes = map.nodes
      .filter((n) => n.text)
      .map((n) => {
        const w = n.text!.length * 13 * 0.6;
        const x0 = n.labelAt.anchor === 'start' ? n.labelAt.x : n.labelAt.anchor === 'end' ? n.labelAt.x - w : n.labelAt.x - w / 2;
        return { x0, x1: x0 + w, y0: n.labelAt.y - 11, y1: n.labelAt.y + 2 };
      });
    expect(boxes.length).toBeGreaterThanOrEqual(labelled);
    for (const [i, a] of boxes.entries()) {
      expect(a.x0 >= 0 && a.x1 <= map.width && a.y0 >= 0 && a.y1 <= map.height).toBe(true);
      for (const b of boxes.slice(i + 1)) expect(a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1).toBe(false);
    }
    for (const n of map.nodes) expect(n.text === null || n.text.length <= maxLabel).toBe(true);
  });

  it('holds an ego map’s actor in place and draws it large', () => {
    const map = layout(nodes, edges, { center: 'a' });
    const a = map.nodes.find((n) => n.id === 'a')!;
    expect(a.r).toBe(Math.max(...map.nodes.map((n) => n.r)));
  });
});
