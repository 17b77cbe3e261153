import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractorVersion, type Extraction } from '../extract/index.ts';
import { inChunks } from './write.ts';

const srcDir = fileURLToPath(new URL('../', import.meta.url));
const extractDir = join(srcDir, 'extract');
/** Modules outside src/extract/ that the extractor imports: the vocabulary, and where diagnostics are placed. */
const sharedSources = ['schema/vocab.ts', 'diagnostics.ts'].map((path) => join(srcDir, path));

/**
 * What the extraction of a seed depends on besides the seed: the declared extractor version and
 * the extractor's source and data files, and the shared modules it imports (so a forgotten version
 * bump cannot serve stale extractions).
 */
export async function extractorFingerprint(): Promise<string> {
  const hash = createHash('sha256').update(extractorVersion);
  const entries = await readdir(extractDir, { recursive: true, withFileTypes: true });
  const files = [...entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort(), ...sharedSources];
  for (const file of files) hash.update(`\0${relative(srcDir, file)}\0`).update(await readFile(file));
  return hash.digest('hex');
}

/** Cache key of one seed: its file name (the article id comes from it), its bytes, the extractor. */
export function seedKey(name: string, bytes: Uint8Array, fingerprint: string): string {
  return createHash('sha256').update(fingerprint).update('\0').update(name).update('\0').update(bytes).digest('hex');
}

/** Extractions on disk under `.cache/extractions/<key>.json`; a missing or unreadable entry is a miss. */
export class ExtractionCache {
  readonly dir: string;

  constructor(root: string) {
    this.dir = join(root, '.cache', 'extractions');
  }

  async get(key: string): Promise<Extraction | undefined> {
    try {
      return JSON.parse(await readFile(join(this.dir, `${key}.json`), 'utf8')) as Extraction;
    } catch {
      return undefined;
    }
  }

  /** Written to a temporary file and renamed, so a killed build never leaves a torn entry. */
  async set(key: string, extraction: Extraction): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const file = join(this.dir, `${key}.json`);
    await writeFile(`${file}.${process.pid}.tmp`, JSON.stringify(extraction));
    await rename(`${file}.${process.pid}.tmp`, file);
  }

  /** Drops every entry but `keep`, so the cache holds only what the current seeds need. */
  async prune(keep: Set<string>): Promise<void> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return;
    }
    await inChunks(names.filter((n) => n.endsWith('.json') && !keep.has(n.slice(0, -5))), (n) => rm(join(this.dir, n), { force: true }));
  }
}
