import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSeed, firstInvalidUtf8, readSeed } from '../../src/collection/read-seed.ts';

const nasty = new URL('../corpus/nasty/', import.meta.url);
const bytes = (...b: number[]) => new Uint8Array(b);
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeSeed', () => {
  it('decodes UTF-8, keeping a BOM for the extractor to report', () => {
    expect(decodeSeed(utf8('\ufeffTitle\nBody é'), 'a.txt')).toMatchObject({ text: '\ufeffTitle\nBody é' });
  });

  it('refuses an empty file', () => {
    expect(decodeSeed(bytes(), 'a.txt')).toEqual({ problem: expect.objectContaining({ file: 'a.txt', line: 1, column: 1, rule: 'empty-file', message: expect.stringMatching(/^file is empty/) }) });
  });

  it('refuses binary files, naming what they look like', async () => {
    const png = await readFile(new URL('10-binary-png.txt', nasty));
    expect(decodeSeed(png, 'a.txt')).toEqual({ problem: expect.objectContaining({ message: expect.stringMatching(/^not a text file \(looks like PNG image data\) — /) }) });
    expect(decodeSeed(utf8('Title\nab\0cd'), 'a.txt')).toEqual({
      problem: { file: 'a.txt', line: 2, column: 3, severity: 'error', rule: 'not-text', source: 'read', message: expect.stringMatching(/NUL byte at byte 8/) },
    });
    expect(decodeSeed(bytes(0xff, 0xfe, 0x41, 0), 'a.txt')).toEqual({ problem: expect.objectContaining({ message: expect.stringMatching(/UTF-16/) }) });
  });

  it('points at the first invalid UTF-8 byte by offset, line and column', async () => {
    const text = await readFile(new URL('04-invalid-utf8.txt', nasty));
    const result = decodeSeed(text, 'a.txt');
    expect('problem' in result && result.problem.message).toMatch(/^invalid UTF-8 at byte 272 \(0xE9\) — re-save the file as UTF-8$/);
    const before = text.subarray(0, 272).toString();
    const line = before.split('\n').length;
    expect(result).toMatchObject({ problem: { line, column: before.length - before.lastIndexOf('\n') } });
  });

  it('finds the same invalid bytes as a strict decoder', () => {
    for (const b of [[0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe2, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xc3]]) expect(firstInvalidUtf8(bytes(0x41, ...b))).toBe(1);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (b) => {
        let strict = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(b);
        } catch {
          strict = false;
        }
        return (firstInvalidUtf8(b) === -1) === strict;
      }),
      { numRuns: 2000 },
    );
  });
});

describe('readSeed', () => {
  it('refuses a file over the size limit before reading it', async () => {
    const result = await readSeed(new URL('05-crlf-bom.txt', nasty).pathname, 100, { file: 'seeds/05-crlf-bom.txt' });
    expect(result).toEqual({
      problem: { file: 'seeds/05-crlf-bom.txt', line: 1, column: 1, severity: 'error', rule: 'too-large', source: 'read', message: 'input is 562 bytes, limit is 100 bytes — split the article, or raise the limit with --max-seed-size' },
    });
  });

  it('reports a missing file without throwing', async () => {
    expect(await readSeed('/nonexistent/seed.txt', 1000)).toEqual({ problem: expect.objectContaining({ message: expect.stringMatching(/cannot read the file \(ENOENT\)/) }) });
  });
});
