import { constants } from 'node:fs';
import { lstat, open, realpath } from 'node:fs/promises';
import { sep } from 'node:path';
import { type PlacedDiagnostic, shownName } from '../diagnostics.ts';

/** The text of a seed, or why its bytes cannot be used, located in `file` (1-based line and column of the bad byte). */
export type DecodedSeed = { text: string; bytes: Uint8Array } | { problem: PlacedDiagnostic };

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

/** The seed `file` cannot be used: an error at its start, or at `place`. */
export function unusable(file: string, rule: string, message: string, place = { line: 1, column: 1 }): { problem: PlacedDiagnostic } {
  return { problem: { file, ...place, severity: 'error', rule, source: 'read', message } };
}

/** Bytes (of `file`) to text, or why they are not a usable seed: empty, binary, UTF-16, or not UTF-8. Pure. */
export function decodeSeed(bytes: Uint8Array, file: string): DecodedSeed {
  if (bytes.length === 0) return unusable(file, 'empty-file', 'file is empty, no headline or body — write a headline on the first line, then the article');
  for (const [what, signature] of signatures)
    if (signature.every((b, i) => bytes[i] === b)) return unusable(file, 'not-text', `not a text file (looks like ${what}) — seeds must be UTF-8 .txt or .md articles`);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return unusable(file, 'utf-16', 'the file is UTF-16 text — re-save it as UTF-8');
  const nul = bytes.indexOf(0);
  if (nul >= 0) return unusable(file, 'not-text', `not a text file (NUL byte at byte ${nul}) — seeds must be UTF-8 .txt or .md articles`, place(bytes, nul));
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) return unusable(file, 'invalid-utf8', `invalid UTF-8 at byte ${bad} (${hex(bytes[bad])}) — re-save the file as UTF-8`, place(bytes, bad));
  return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), bytes };
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${bytes} bytes`;
}

/** What a directory entry is, for a message: `a named pipe (FIFO)`, `a folder`, …; null for a regular file. */
export function fileKind(stat: { isFile(): boolean; isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSymbolicLink(): boolean }): string | null {
  if (stat.isFile()) return null;
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

export interface ReadSeedOptions {
  /** The file as its diagnostics name it (default: the path read). */
  file?: string;
  /** The folder seeds must stay in: a symbolic link is followed only when it resolves inside it. */
  seedsDir?: string;
  /** Follow symbolic links wherever they point (`--follow-symlinks`). */
  followSymlinks?: boolean;
}

/**
 * Reads a seed: only a regular file, checked by type before it is opened (a FIFO, socket or device
 * is never opened, so never waited on), opened without following links and without blocking, and
 * checked again once open. A symbolic link is refused unless it resolves inside `seedsDir` or
 * `followSymlinks` is set. A file over `maxBytes` is refused before it is read into memory.
 */
export async function readSeed(path: string, maxBytes: number, options: ReadSeedOptions = {}): Promise<DecodedSeed> {
  const file = options.file ?? path;
  let handle;
  try {
    let entry = await lstat(path);
    let opened = path;
    if (entry.isSymbolicLink()) {
      let target: string;
      try {
        target = await realpath(path);
      } catch (error) {
        return unusable(file, 'broken-symlink', `symbolic link to a missing or unreadable file (${(error as NodeJS.ErrnoException).code ?? 'error'}) — replace the link with the article itself`);
      }
      if (!options.followSymlinks) {
        const root = options.seedsDir == null ? null : await realpath(options.seedsDir).catch(() => null);
        if (root == null || !target.startsWith(root + sep))
          return unusable(file, 'symlink-outside', `symbolic link to ${shownName(target)}, outside seeds/ — seeds are read only from inside seeds/; copy the article in, or pass --follow-symlinks`);
      }
      opened = target;
      entry = await lstat(target);
    }
    const kind = fileKind(entry);
    if (kind) return unusable(file, 'not-regular-file', `${kind}, not a regular file — seeds must be .txt or .md files; it was not read`);
    handle = await open(opened, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
    const stat = await handle.stat();
    // Replaced between the check and the open: refuse rather than read something else.
    if (!stat.isFile() || stat.ino !== entry.ino || stat.dev !== entry.dev) return unusable(file, 'changed-while-read', 'the file changed while it was being read — build again');
    if (stat.size > maxBytes)
      return unusable(file, 'too-large', `input is ${formatBytes(stat.size)}, limit is ${formatBytes(maxBytes)} — split the article, or raise the limit with --max-seed-size`);
    // Never more than the limit, even if the file grows while it is read.
    const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) return unusable(file, 'too-large', `input is over the limit of ${formatBytes(maxBytes)} — split the article, or raise the limit with --max-seed-size`);
    return decodeSeed(new Uint8Array(buffer.buffer, buffer.byteOffset, length), file);
  } catch (error) {
    return unusable(file, 'unreadable', `cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}) — check that it exists and is readable`);
  } finally {
    await handle?.close();
  }
}
