import { describe, expect, it } from 'vitest';
import { aliasesOf, correctedField, latestStatus, rolesOf } from '../../../src/collection/merge/fields.ts';
import type { Actor, Agreement } from '../../../src/extract/types.ts';

describe('merged fields', () => {
  it('gathers the other names of all members, each once, sorted, without the name itself or blanks', () => {
    const members = [
      { seed: 0, item: { name: 'Vienna Accord', aliases: ['the accord', ' '] } },
      { seed: 1, item: { name: 'the  Accord', aliases: ['JCPOA', 'vienna accord'] } },
    ];
    expect(aliasesOf('Vienna Accord', members)).toEqual(['JCPOA', 'the accord']);
  });

  it('keeps each role once per sentence of an article', () => {
    const roles = (...r: [string, number][]) => ({ roles: r.map(([text, sentence]) => ({ text, sentence })) }) as Actor;
    const members = [
      { seed: 0, item: roles(['Ambassador', 0], ['Ambassador', 0], ['Ambassador', 2], [' ', 3]) },
      { seed: 1, item: roles(['Ambassador', 0]) },
    ];
    expect(rolesOf(members, (seed) => `article-${seed}`)).toEqual([
      { text: 'Ambassador', article: 'article-0', sentence: 0 },
      { text: 'Ambassador', article: 'article-0', sentence: 2 },
      { text: 'Ambassador', article: 'article-1', sentence: 0 },
    ]);
  });

  it('takes the status the last article states, and each correction once', () => {
    const status = (s: Agreement['status']) => ({ seed: 0, item: { status: s } as Agreement });
    expect(latestStatus([status('signed'), status(null), status('in force'), status(null)])).toBe('in force');
    expect(latestStatus([status(null)])).toBeNull();
    const fix = { field: 'speaker', original: 'Ann' };
    expect(correctedField([{ corrected: [fix] }, { corrected: [{ ...fix }] }, {}])).toEqual({ corrected: [fix] });
    expect(correctedField([{}])).toEqual({});
  });
});
