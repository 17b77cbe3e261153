import { open } from 'node:fs/promises';

/** Why a seed's bytes cannot be used, and where (1-based line and column; byte offset). */
export interface SeedProblem {
  line: number;
  column: number;
  message: string;
}

export type DecodedSeed = { text: string; bytes: Uint8Array } | { problem: SeedProblem };

export const defaultMaxSeedBytes = 2 * 1024 * 1024;

const signatures: [string, number[]][] = [
  ['PNG image data', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['JPEG image data', [0xff, 0xd8, 0xff]],
  ['GIF image data', [0x47, 0x49, 0x46, 0x38]],
  ['a PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['a ZIP archive (or a Word/OpenDocument file)', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip data', [0x1f, 0x8b]],
];

/** Offset of the first byte that is not part of well-formed UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    // Length of the sequence and the allowed range of its second byte (excludes overlongs,
    // surrogates and code points above U+10FFFF).
    let length = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += length;
  }
  return -1;
}

/** 1-based line and column (in UTF-16 units, like the extractor's) of a byte offset in valid UTF-8 before it. */
function place(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++)
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  return { line, column: new TextDecoder().decode(bytes.subarray(lineStart, offset)).length + 1 };
}

function hex(byte: number): string {
  return `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
}

/** Bytes to text, or why they are not a usable seed: empty, binary, UTF-16, or not UTF-8. Pure. */
export function decodeSeed(bytes: Uint8Array): DecodedSeed {
  if (bytes.length === 0) return { problem: { line: 1, column: 1, message: 'file is empty, no headline or body — write a headline on the first line, then the article' } };
  for (const [what, signature] of signatures)
    if (signature.every((b, i) => bytes[i] === b))
      return { problem: { line: 1, column: 1, message: `not a text file (looks like ${what}) — seeds must be UTF-8 .txt or .md articles` } };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return { problem: { line: 1, column: 1, message: 'the file is UTF-16 text — re-save it as UTF-8' } };
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { problem: { ...place(bytes, nul), message: `not a text file (NUL byte at byte ${nul}) — seeds must be UTF-8 .txt or .md articles` } };
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) return { problem: { ...place(bytes, bad), message: `invalid UTF-8 at byte ${bad} (${hex(bytes[bad])}) — re-save the file as UTF-8` } };
  return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), bytes };
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${bytes} bytes`;
}

/** Reads a seed, refusing one over `maxBytes` before reading it into memory. */
export async function readSeed(file: string, maxBytes: number): Promise<DecodedSeed> {
  let handle;
  try {
    handle = await open(file, 'r');
    const stat = await handle.stat();
    if (!stat.isFile()) return { problem: { line: 1, column: 1, message: 'not a regular file — seeds must be .txt or .md files' } };
    if (stat.size > maxBytes)
      return { problem: { line: 1, column: 1, message: `input is ${formatBytes(stat.size)}, limit is ${formatBytes(maxBytes)} — split the article, or raise the limit with --max-seed-size` } };
    return decodeSeed(await handle.readFile());
  } catch (error) {
    return { problem: { line: 1, column: 1, message: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}) — check that it exists and is readable` } };
  } finally {
    await handle?.close();
  }
}
