// The pages an incremental build keeps from the last one. Astro renders only the pages whose key
// (src/site/cache-keys.ts) changed and leaves the others out (src/site/page-keys.ts); those are
// hard-linked from the published dist/ into the new site, which costs a fraction of rendering or
// copying them. A page is kept only when the site's code is the same as when it was rendered and
// its file in dist/ is still the very file the last build wrote (same inode, size and time), so a
// hand-edited or replaced page is rendered again. The record of keys is written only after a
// build's output is in place; a build killed before that leaves the record of the build before,
// whose pages are either still there, linked, or no longer match it.
import { createHash } from 'node:crypto';
import { copyFileSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type PageKeys, recordedKeys } from '../site/page-keys.ts';

interface PageRecord {
  key: string;
  ino: number;
  size: number;
  mtimeMs: number;
}

interface PageRecords {
  /** `siteCodeHash` of the build that wrote the pages. */
  code: string;
  pages: Record<string, PageRecord>;
}

const recordsFile = (root: string) => join(root, '.cache', 'pages.json');

/** Every file under `dir` (relative paths, sorted); none when it is missing. */
function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
      .sort();
  } catch {
    return [];
  }
}

/**
 * A hash of all a page's HTML depends on besides its data: the package's code (`src/`, `public/`,
 * its configuration and locked dependencies, which name the bundled scripts and styles every page
 * links) and the site's address.
 */
export function siteCodeHash(packageRoot: string, site: string): string {
  const hash = createHash('sha256').update(site);
  const files = [
    ...['src', 'public'].flatMap((dir) => filesUnder(join(packageRoot, dir)).map((f) => join(dir, f))),
    'astro.config.mjs',
    'package-lock.json',
    'tsconfig.json',
  ];
  for (const file of files) {
    hash.update(`\0${file}\0`);
    try {
      hash.update(readFileSync(join(packageRoot, file)));
    } catch {
      hash.update('missing');
    }
  }
  return hash.digest('hex');
}

function readRecords(root: string): PageRecords | null {
  try {
    const records = JSON.parse(readFileSync(recordsFile(root), 'utf8')) as PageRecords;
    return typeof records.code === 'string' && records.pages && typeof records.pages === 'object' ? records : null;
  } catch {
    return null;
  }
}

/** The pages of the published `dist/` that a build of the same `code` can keep, by key. */
export function reusablePages(root: string, code: string): PageKeys {
  const records = readRecords(root);
  if (records?.code !== code) return {};
  const keys: PageKeys = {};
  for (const [file, record] of Object.entries(records.pages)) {
    const now = statSync(join(root, 'dist', file), { throwIfNoEntry: false });
    if (now?.isFile() && now.ino === record.ino && now.size === record.size && now.mtimeMs === record.mtimeMs) keys[file] = record.key;
  }
  return keys;
}

/**
 * Once Astro has rendered into `outDir`: every page it left out (of those `offered`) is linked
 * from `previousDist`. Returns every page's key (as the routes recorded them in `keysDir`) and
 * how many pages were kept.
 */
export function keepUnchangedPages(keysDir: string, offered: PageKeys, outDir: string, previousDist: string): { keys: PageKeys; kept: number } {
  const keys = recordedKeys(keysDir);
  let kept = 0;
  for (const [file, key] of Object.entries(keys)) {
    const to = join(outDir, file);
    if (statSync(to, { throwIfNoEntry: false })) continue; // rendered
    if (offered[file] !== key) throw new Error(`the page ${file} was neither rendered nor kept from the last build`);
    mkdirSync(dirname(to), { recursive: true });
    linkOrCopy(join(previousDist, file), to);
    kept++;
  }
  return { keys, kept };
}

/** A hard link; a copy where the file system has none. */
function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw error;
    copyFileSync(from, to);
  }
}

/** Records the keys of the pages now published in `root/dist/`, for the next build. */
export function savePageRecords(root: string, code: string, keys: PageKeys): void {
  const pages: Record<string, PageRecord> = {};
  for (const [file, key] of Object.entries(keys)) {
    const s = statSync(join(root, 'dist', file), { throwIfNoEntry: false });
    if (s) pages[file] = { key, ino: s.ino, size: s.size, mtimeMs: s.mtimeMs };
  }
  const file = recordsFile(root);
  writeFileSync(`${file}.${process.pid}`, JSON.stringify({ code, pages } satisfies PageRecords));
  renameSync(`${file}.${process.pid}`, file);
}
