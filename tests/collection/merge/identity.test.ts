// Which extracted items are one thing across articles, on its own.
import { describe, expect, it } from 'vitest';
import { groupActors, groupAgreements } from '../../../src/collection/merge/identity.ts';
import type { TextDiagnostic } from '../../../src/diagnostics.ts';
import type { SeedExtraction } from '../../../src/collection/merge/entries.ts';
import type { Actor, ActorKind, Agreement, Extraction } from '../../../src/extract/types.ts';

const actor = (id: string, name: string, kind: ActorKind = 'person', more: Partial<Actor> = {}): Actor => ({
  id,
  name,
  kind,
  aliases: [],
  roles: [],
  affiliation: null,
  gender: null,
  mentions: [],
  ...more,
});
const agreement = (id: string, name: string, aliases: string[] = []): Agreement => ({ id, name, aliases, parties: [], status: null, mentions: [] });
const seed = (name: string, actors: Actor[], agreements: Agreement[] = []): SeedExtraction => ({
  seed: name,
  extraction: { article: { text: 'Headline\nBody.' }, actors, agreements } as unknown as Extraction,
});

/** The groups' names with their members as `seed:id`. */
const groupsOf = (inputs: SeedExtraction[], notes: TextDiagnostic[] = []) =>
  groupActors(inputs, notes).groups.map((g) => [g.name, g.members.map((m) => `${inputs[m.seed].seed}:${m.item.id}`)]);

describe('groupActors', () => {
  it('groups a full name across articles, and a surname with the one person who has it', () => {
    const inputs = [seed('a', [actor('a1', 'Elena Smith')]), seed('b', [actor('b1', 'Elena Smith'), actor('b2', 'Smith')])];
    expect(groupsOf(inputs)).toEqual([['Elena Smith', ['a:a1', 'b:b1', 'b:b2']]]);
  });

  it('leaves a surname two people share apart, and never matches a person by a one-word alias', () => {
    const inputs = [seed('a', [actor('a1', 'Elena Smith', 'person', { aliases: ['Smith'] }), actor('a2', 'John Smith')]), seed('b', [actor('b1', 'Smith')])];
    expect(groupsOf(inputs)).toEqual([
      ['Elena Smith', ['a:a1']],
      ['John Smith', ['a:a2']],
      ['Smith', ['b:b1']],
    ]);
  });

  it('joins through an alias that points at one group only', () => {
    const inputs = [seed('a', [actor('a1', 'World Health Organization', 'organization')]), seed('b', [actor('b1', 'WHO', 'organization', { aliases: ['World Health Organization'] })])];
    expect(groupsOf(inputs)).toEqual([['World Health Organization', ['a:a1', 'b:b1']]]);
  });

  it('keeps kinds apart, merges countries by their ISO code and a generic institution by its country', () => {
    const inputs = [
      seed('a', [actor('a1', 'Georgia', 'country'), actor('a2', 'Georgia'), actor('a3', 'Iran', 'country'), actor('a4', 'Government', 'organization', { affiliation: 'a3' })]),
      seed('b', [actor('b1', 'Islamic Republic of Iran', 'country'), actor('b2', 'Government', 'organization', { affiliation: 'b9' })]),
    ];
    expect(groupsOf(inputs)).toEqual([
      ['Georgia', ['a:a2']],
      ['Georgia', ['a:a1']],
      ['Iran', ['a:a3', 'b:b1']],
      ['Government', ['a:a4']],
      ['Government', ['b:b2']],
    ]);
  });

  it('gives each seed’s local ids their group, and notes (not groups) an unknown kind and a blank name', () => {
    const notes: TextDiagnostic[] = [];
    const inputs = [seed('a', [actor('a1', 'Ann Berg'), actor('a2', 'Zed', 'planet' as ActorKind), actor('a3', ' \u200b ')])];
    const { groups, local } = groupActors(inputs, notes);
    expect(local[0].get('a1')).toBe(groups[0]);
    expect([...local[0].keys()]).toEqual(['a1']);
    expect(notes.map((n) => [n.file, n.severity, n.rule, n.message])).toEqual([
      ['seeds/a', 'warning', 'unknown-kind', expect.stringContaining('unknown kind "planet"')],
      ['seeds/a', 'warning', 'invisible-name', expect.stringContaining('no visible characters')],
    ]);
  });
});

describe('groupAgreements', () => {
  it('groups agreements by name or by an alias, and skips a blank name', () => {
    const inputs = [seed('a', [], [agreement('g1', 'Vienna Accord'), agreement('g2', '  ')]), seed('b', [], [agreement('g1', 'the accord', ['Vienna Accord'])])];
    const { groups, local } = groupAgreements(inputs);
    expect(groups.map((g) => [g.name, g.members.length])).toEqual([['Vienna Accord', 2]]);
    expect(local[1].get('g1')).toBe(groups[0]);
    expect(local[0].has('g2')).toBe(false);
  });
});
