import { describe, expect, it } from 'vitest';
import type { TextDiagnostic } from '../../../src/diagnostics.ts';
import type { Entry, QuoteData, SeedExtraction } from '../../../src/collection/merge/entries.ts';
import type { Group } from '../../../src/collection/merge/identity.ts';
import { chainBySpeaker, resolver, slugsBy } from '../../../src/collection/merge/references.ts';
import type { Actor, Agreement } from '../../../src/extract/types.ts';

const quote = (slug: string, speaker: string | null) => ({ slug, seeds: [], data: { speaker, previous: 'x', next: 'x' } }) as unknown as Entry<QuoteData>;

describe('back-references', () => {
  it('chains each speaker’s quotes in collection order, and leaves an unattributed quote unchained', () => {
    const quotes = [quote('a-1', 'ann'), quote('a-2', 'bob'), quote('b-1', 'ann'), quote('b-2', null)];
    chainBySpeaker(quotes);
    expect(quotes.map((q) => [q.slug, q.data.previous, q.data.next])).toEqual([
      ['a-1', null, 'b-1'],
      ['a-2', null, null],
      ['b-1', 'a-1', null],
      ['b-2', 'x', 'x'],
    ]);
  });

  it('looks up the entries that refer to a slug, in entry order, each once', () => {
    const quotesAbout = slugsBy([quote('a-1', 'ann'), quote('a-2', 'bob'), quote('b-1', 'ann')], (q) => [q.speaker as string, q.speaker as string]);
    expect(quotesAbout('ann')).toEqual(['a-1', 'b-1']);
    expect(quotesAbout('nobody')).toEqual([]);
  });

  it('resolves local ids to slugs; a dangling id is dropped with a warning, an actor without a page silently', () => {
    const notes: TextDiagnostic[] = [];
    const inputs = [{ seed: 'a.txt', extraction: { article: { text: 'Talks\nBerg said "Yes".' }, actors: [{ id: 'a1' }, { id: 'a2' }], agreements: [] } }] as unknown as SeedExtraction[];
    const actors = [new Map([['a1', { slug: 'ann-berg' } as Group<Actor>]])];
    const resolve = resolver(inputs, actors, [new Map<string, Group<Agreement>>()], notes);
    expect(resolve.actor(0, 'a1', 5, 'quote q1')).toBe('ann-berg');
    expect(resolve.actor(0, null, 5, 'quote q1')).toBeNull();
    expect(resolve.actor(0, 'a2', 5, 'quote q1')).toBeNull();
    expect(notes).toEqual([]);
    expect(resolve.actor(0, 'a9', 7, 'quote q2')).toBeNull();
    expect(resolve.agreement(0, 'g1', 8, 'quote q2')).toBeNull();
    expect(notes).toEqual([
      expect.objectContaining({ file: 'seeds/a.txt', line: 2, column: 2, severity: 'warning', rule: 'broken-reference', message: 'dropped a broken reference: quote q2 names actor "a9", which does not exist (an extractor bug; please report it)' }),
      expect.objectContaining({ file: 'seeds/a.txt', line: 2, column: 3, severity: 'warning', rule: 'broken-reference', message: 'dropped a broken reference: quote q2 names agreement "g1", which does not exist (an extractor bug; please report it)' }),
    ]);
  });
});
