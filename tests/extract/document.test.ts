import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';
import { splitSentences } from '../../src/extract/sentences.ts';

const sentencesOf = (text: string) => splitSentences(text, { start: 0, end: text.length }).map((s) => text.slice(s.start, s.end));

describe('sentences', () => {
  it('splits after . ! ? and closing marks, not after abbreviations, initials or decimals', () => {
    expect(sentencesOf('Mr. Smith met Dr. J. Brown in the U.S. capital. Trade grew by 6.5% in May. "Why?" she asked. It ended.')).toEqual([
      'Mr. Smith met Dr. J. Brown in the U.S. capital.',
      'Trade grew by 6.5% in May.',
      '"Why?" she asked.',
      'It ended.',
    ]);
  });
});

describe('seed reading', () => {
  const lf = 'Union and operator agree\nThe union signed a deal, said Aoife Brennan.\n"We have a deal," she said.\n';

  it('reads a BOM and CRLF seed exactly like its LF twin, and says what it changed', () => {
    const crlf = extract({ path: 'a.txt', text: `\ufeff${lf.replace(/\n/g, '\r\n')}` });
    const plain = extract({ path: 'a.txt', text: lf });
    expect({ ...crlf, diagnostics: [] }).toEqual({ ...plain, diagnostics: [] });
    expect(crlf.diagnostics.map((d) => d.rule)).toEqual(expect.arrayContaining(['bom', 'line-endings']));
    expect(crlf.article.title).toBe('Union and operator agree');
  });

  it('locates an unclosed quote by line and column in a text seed', () => {
    const { diagnostics, quotes } = extract({ path: 'a.txt', text: 'Headline\nFirst paragraph.\nShe said: “It never closes\nNext paragraph stays out.' });
    const warning = diagnostics.find((d) => d.rule === 'unclosed-quote')!;
    expect([warning.line, warning.column]).toEqual([3, 11]);
    expect(quotes.map((q) => q.text)).toEqual(['It never closes']);
  });

  it('locates a problem in a Markdown seed on the source line of its block', () => {
    const md = '---\ntitle: T\n---\n\nIntro line.\n\n> She said: “It never closes\n';
    const warning = extract({ path: 'a.md', text: md }).diagnostics.find((d) => d.rule === 'unclosed-quote')!;
    expect(warning.line).toBe(7);
  });

  it('reports frontmatter that is not YAML or has a wrongly typed field as errors with positions', () => {
    const broken = extract({ path: 'a.md', text: '---\ntitle: [unclosed\n---\nBody.\n' }).diagnostics.find((d) => d.severity === 'error')!;
    expect(broken.rule).toBe('frontmatter');
    expect(broken.line).toBeGreaterThanOrEqual(2);
    const typed = extract({ path: 'a.md', text: '---\ntitle:\n  - a list\n---\nBody.\n' }).diagnostics.find((d) => d.severity === 'error')!;
    expect(typed.message).toMatch(/title/);
  });

  it('refuses a seed with no visible text', () => {
    const { diagnostics } = extract({ path: 'a.txt', text: ' \t\n\u00a0\u2003\u3000\r\n' });
    expect(diagnostics.some((d) => d.severity === 'error' && d.rule === 'empty')).toBe(true);
  });
});
