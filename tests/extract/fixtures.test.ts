// Each tests/fixtures/extract-<case>/ holds an article (input.txt) and what extraction must find
// in it (expected.json): one folder per class of hard case, none taken from a real article.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract, type Extraction } from '../../src/extract/index.ts';

/** An actor as a fixture states it: every field but its mentions, the affiliation by name. */
interface ExpectedActor {
  name: string;
  kind: string;
  aliases: string[];
  roles: string[];
  affiliation: string | null;
}

interface Expected {
  title?: string;
  quotes?: { text: string; speaker: string | null }[];
  /** Every actor of the article, as it should be. */
  actors?: ExpectedActor[];
  /**
   * What the extractor gets wrong about the actors today: `got` in place of `want` (an actor that
   * should not be there has `want: null`; one it misses, `got: null`).
   */
  knownWrongActors?: { got: ExpectedActor | null; want: ExpectedActor | null }[];
  /** Every agreement of the article, its parties by name. */
  agreements?: { name: string; aliases: string[]; parties: string[]; status: string | null }[];
  absent?: string[];
  /** Words that must not be taken for an agreement (its name or an alias). */
  notAgreements?: string[];
  /** The words naming each quote's speaker, in quote order. */
  speakerMentions?: string[];
  /** Every warning and error, by rule, in order. */
  warnings?: string[];
}

const root = new URL('../fixtures/', import.meta.url);
const cases = readdirSync(root).filter((d) => d.startsWith('extract-')).sort();

function load(name: string): { result: Extraction; expected: Expected; input: string } {
  const dir = new URL(`${name}/`, root);
  const input = readdirSync(dir).find((f) => f.startsWith('input.'))!;
  const text = readFileSync(new URL(input, dir), 'utf8');
  return { result: extract({ path: `${name}/${input}`, text }), expected: JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8')), input: text };
}

/** The keys an expected.json may hold: a misspelt key would otherwise check nothing. */
const knownKeys = new Set(['title', 'quotes', 'actors', 'knownWrongActors', 'agreements', 'absent', 'notAgreements', 'speakerMentions', 'warnings']);

describe.each(cases)('%s', (name) => {
  const { result, expected, input } = load(name);

  it('names only checks this suite knows', () => {
    expect(Object.keys(expected).filter((k) => !knownKeys.has(k))).toEqual([]);
    expect(Object.keys(expected).length).toBeGreaterThan(0);
  });
  const actorName = (id: string | null) => (id == null ? null : result.actors.find((a) => a.id === id)?.name ?? `missing ${id}`);

  if (expected.title) it('takes the headline', () => expect(result.article.title).toBe(expected.title));

  if (expected.quotes)
    it('finds exactly the quotes, each with its speaker, and where its words, its speaker’s and its verb are', () => {
      expect(result.quotes.map((q) => ({ text: q.text, speaker: actorName(q.speaker) }))).toEqual(expected.quotes);
      const words = (span: { start: number; end: number } | null) => span && result.article.text.slice(span.start, span.end);
      for (const q of result.quotes) {
        expect(words(q)).toBe(q.text);
        expect(words(q.speaker_mention_span), `${q.id} speaker mention`).toBe(q.speaker_mention);
        expect(words(q.cue_span), `${q.id} cue`).toBe(q.cue);
      }
    });

  if (expected.speakerMentions)
    it('keeps the words that name each speaker', () => {
      expect(result.quotes.map((q) => q.speaker_mention)).toEqual(expected.speakerMentions);
    });

  const byName = <T extends { name: string }>(items: T[]) => [...items].sort((a, b) => a.name.localeCompare(b.name) || JSON.stringify(a).localeCompare(JSON.stringify(b)));
  if (expected.actors) {
    const found = byName(
      result.actors.map((a) => ({ name: a.name, kind: a.kind, aliases: a.aliases, roles: a.roles.map((r) => r.text), affiliation: actorName(a.affiliation) })),
    );
    const wrong = expected.knownWrongActors ?? [];
    const isWanted = (actor: ExpectedActor) => wrong.some(({ want }) => want != null && JSON.stringify(want) === JSON.stringify(actor));
    it('finds exactly the actors with their kinds, aliases, roles and affiliations (known mistakes included)', () => {
      for (const { want } of wrong) if (want) expect(expected.actors, `knownWrongActors wants ${want.name}`).toContainEqual(want);
      const today = [...expected.actors!.filter((a) => !isWanted(a)), ...wrong.flatMap(({ got }) => (got ? [got] : []))];
      expect(found).toEqual(byName(today));
    });
    if (wrong.length)
      it.fails(`known gap: ${wrong.length} actor(s) still wrong (once the extractor gets them right this fails: drop knownWrongActors)`, () => expect(found).toEqual(byName(expected.actors!)));
  }

  if (expected.agreements)
    it('finds exactly the agreements with their aliases, parties and status', () => {
      const found = result.agreements.map((a) => ({ name: a.name, aliases: a.aliases, parties: a.parties.map(actorName).sort(), status: a.status }));
      expect(byName(found)).toEqual(byName(expected.agreements!.map((a) => ({ ...a, parties: [...a.parties].sort() }))));
    });

  it('gives every agreement only parties that are actors of the same output', () => {
    const ids = new Set(result.actors.map((a) => a.id));
    for (const a of result.agreements) for (const p of a.parties) expect(ids.has(p), `${a.name}: ${p}`).toBe(true);
  });

  if (expected.notAgreements)
    it('takes no verb, idea or programme for an agreement', () => {
      const names = result.agreements.flatMap((a) => [a.name, ...a.aliases]);
      for (const word of expected.notAgreements!) expect(names).not.toContain(word);
    });

  if (expected.absent)
    it('makes no actor of words that are not names', () => {
      const names = result.actors.flatMap((a) => [a.name, ...a.aliases]);
      for (const word of expected.absent!) expect(names).not.toContain(word);
    });

  it('warns exactly as expected (not at all when no warnings are listed), each at its place', () => {
    const warnings = result.diagnostics.filter((d) => d.severity !== 'info');
    expect(warnings.map((d) => d.rule)).toEqual(expected.warnings ?? []);
    for (const { rule, line, column } of warnings) {
      // line:column points into the input file, at what the warning is about (an unclosed quote: its mark).
      const at = input.split(/\r?\n/)[line - 1]?.[column - 1];
      expect(at, `${rule} at ${line}:${column}`).toBeDefined();
      if (rule === 'unclosed-quote') expect(at).toMatch(/["“„«‘]/);
    }
  });
});
