import { describe, expect, it } from 'vitest';
import { countWords, dateAndSummary, summarize } from '../../../src/collection/merge/summary.ts';
import { extract } from '../../../src/extract/index.ts';

describe('summaries and word counts', () => {
  it('cuts a long first paragraph at a word boundary', () => {
    const s = summarize(`${'word '.repeat(100)}end`);
    expect(s.length).toBeLessThanOrEqual(281);
    expect(s).toMatch(/word…$/);
    expect(summarize('  short   text ')).toBe('short text');
  });

  it('counts words as a reader does', () => {
    expect(countWords("The U.S. plan, don't you think? Yes.")).toBe(7);
    expect(countWords(' … ')).toBe(0);
  });

  it('dates an article by its dateline, summarizes the paragraph after it, and warns of a date that does not exist', () => {
    const dated = extract({ path: 'd.txt', text: 'Storm\nSaturday, September 12, 2015\nA storm hit the coast.' }).article;
    expect(dateAndSummary(dated)).toEqual({ date: '2015-09-12', summary: 'A storm hit the coast.', impossible: [] });
    const impossible = extract({ path: 'e.txt', text: 'Storm\nA storm hit on February 30, 2015.' }).article;
    expect(dateAndSummary(impossible)).toMatchObject({ date: null, impossible: [{ text: expect.stringContaining('February 30') }] });
  });
});
