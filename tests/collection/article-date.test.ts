import { describe, expect, it } from 'vitest';
import { dateFromText } from '../../src/collection/article-date.ts';

/** Paragraph spans of lines, like the extractor's for a .txt seed body. */
function paras(lines: string[]) {
  const text = lines.join('\n');
  let at = 0;
  const paragraphs = lines.map((l) => {
    const span = { start: at, end: at + l.length };
    at += l.length + 1;
    return span;
  });
  return [text, paragraphs] as const;
}

describe('dateFromText', () => {
  it('reads a dateline paragraph and says which paragraph it is', () => {
    expect(dateFromText(...paras(['Saturday, September 12, 2015', 'A storm yesterday caused a crane to fall.']))).toEqual({ date: '2015-09-12', dateline: 0 });
    expect(dateFromText(...paras(['LONDON, 3 May 2021 —', 'The minister said.']))).toEqual({ date: '2021-05-03', dateline: 0 });
  });

  it('takes the first full date the opening states when there is no dateline', () => {
    const [text, p] = paras(['The recommended limits have been approved.', 'Today (27 March 2014) the government’s ambition moved closer; on 1 April 2015 it takes effect.']);
    expect(dateFromText(text, p)).toEqual({ date: '2014-03-27', dateline: null });
  });

  it('ignores relative and partial dates, and dates deep in the text', () => {
    expect(dateFromText(...paras(['A storm yesterday caused damage.', 'On May 5 the council met.', 'In 1998 it began.'])).date).toBeNull();
    expect(dateFromText(...paras(['One.', 'Two.', 'Three.', 'On 4 July 1976 it was signed.'])).date).toBeNull();
    expect(dateFromText('', []).date).toBeNull();
  });
});
