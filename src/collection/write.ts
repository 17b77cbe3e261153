import { constants, linkSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { lstat, mkdir, open, readdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { testHooks } from '../options.ts';
import type { ContentFile } from './validate.ts';

// Every temporary directory is a sibling of its target (same file system, so renames are atomic)
// and carries the pid of the build that made it, so a later build can tell leftovers of a killed
// build from the work of one still running.
const prefix = '.explainer-';
const leftover = /^\.explainer-(stage|swap)-(\d+)-/;
let swaps = 0;

/** A fresh, empty directory next to `target`, to build into. */
export async function stageDir(target: string): Promise<string> {
  const dir = join(dirname(target), `${prefix}stage-${process.pid}-${basename(target)}`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  return dir;
}

/** Writes `files` (paths relative to `dir`) into the empty folder `dir`: see `writeReusing`. */
export async function writeTree(dir: string, files: ContentFile[], collections: readonly string[], previous?: string): Promise<void> {
  for (const c of collections) await mkdir(join(dir, c), { recursive: true });
  writeReusing(
    dir,
    files.map((f) => ({ path: f.path, data: f.json })),
    previous,
  );
}

/**
 * Writes `files` into the empty folder `dir`, making their folders. A file whose bytes are those
 * of the same path in `previous` (the tree it will replace) is hard-linked from there instead: an
 * edit changes a few dozen of an archive's thousands of files, and on these disks creating and
 * filling a file costs ten to twenty times a link. Nothing writes into a file of either tree
 * afterwards (they are only ever replaced whole, or a file renamed over), so the trees never see
 * each other's changes. Synchronous: thousands of small reads and links run faster in sequence
 * than through the thread pool.
 */
export function writeReusing(dir: string, files: { path: string; data: string | Uint8Array }[], previous?: string): void {
  const made = new Set<string>();
  for (const { path, data } of files) {
    const folder = dirname(join(dir, path));
    if (!made.has(folder)) mkdirSync(folder, { recursive: true }), made.add(folder);
    if (!(previous && sameBytes(join(previous, path), data) && linked(join(previous, path), join(dir, path)))) writeFileSync(join(dir, path), data);
  }
}

/** Links `to` to the file `from`; false where the file system has no hard links (then it is written). */
function linked(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch {
    return false;
  }
}

/** Whether `file` holds exactly `data`; a symbolic link never does (its target is not ours to link). */
function sameBytes(file: string, data: string | Uint8Array): boolean {
  try {
    return readFileSync(file, { flag: constants.O_RDONLY | constants.O_NOFOLLOW }).equals(typeof data === 'string' ? Buffer.from(data) : data);
  } catch {
    return false;
  }
}

/**
 * Runs `task` on every item, a few hundred at a time: all at once, a content tree of 10,000
 * articles (some 80,000 files) runs out of file handles (EMFILE).
 */
export async function inChunks<T>(items: readonly T[], task: (item: T) => Promise<unknown>, size = 256): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(task));
}

async function exists(path: string): Promise<boolean> {
  try {
    await readdir(path);
    return true;
  } catch {
    return false;
  }
}

/** Test hook: dies at a named stage, as a killed build would (`EXPLAINER_TEST_KILL_AT=stage`). */
export function killPoint(stage: string): void {
  if (testHooks().killAt === stage) process.kill(process.pid, 'SIGKILL');
}

/** Test hook: waits at a named stage (`EXPLAINER_TEST_PAUSE_AT=stage`, `EXPLAINER_TEST_PAUSE_MS`), saying so on stderr. */
export async function pausePoint(stage: string): Promise<void> {
  const { pauseAt, pauseMs } = testHooks();
  if (pauseAt !== stage) return;
  process.stderr.write(`explainer: test pause at ${stage}\n`);
  await new Promise((r) => setTimeout(r, pauseMs));
}

/** Test hook: fails a file-system step as a permission error would (`EXPLAINER_TEST_FAIL_AT=stage`); root ignores permissions. */
function failPoint(stage: string, path: string): void {
  if (testHooks().failAt === stage) throw Object.assign(new Error(`EACCES: permission denied, rename '${path}'`), { code: 'EACCES', path, syscall: 'rename' });
}

/** The file in a swap directory that says it is not committed: while it is there, a rollback restores the old targets. */
const journalName = 'journal.json';

/**
 * Puts staged directories in place of their targets (all in `root`), all or nothing, in two
 * steps. First a swap directory gets a journal naming every target, then the old targets move into
 * it and the staged ones into their place; any failure there moves everything back at once. Then
 * deleting the journal commits, and the old trees go to the cache folder to be deleted in the
 * background. A build killed before the commit is rolled back by `recover`: there is always either
 * the old pair or the new one, never neither.
 */
export async function swapIn(root: string, pairs: { staged: string; target: string }[]): Promise<void> {
  const swap = join(root, `${prefix}swap-${process.pid}-`);
  await pausePoint('swap');
  await rm(swap, { recursive: true, force: true });
  await mkdir(swap);
  const journal = join(swap, journalName);
  await writeFile(journal, JSON.stringify({ targets: pairs.map((p) => basename(p.target)) }));
  const moved: string[] = [];
  const placed: { staged: string; target: string }[] = [];
  try {
    for (const { target } of pairs)
      if (await exists(target)) {
        failPoint(`swap-${basename(target)}`, target);
        await rename(target, join(swap, basename(target)));
        moved.push(target);
      }
    killPoint('swapping');
    for (const pair of pairs) {
      await rename(pair.staged, pair.target);
      placed.push(pair);
    }
  } catch (error) {
    for (const { staged, target } of placed.reverse()) await rename(target, staged);
    for (const target of moved.reverse()) await rename(join(swap, basename(target)), target);
    await rm(swap, { recursive: true, force: true });
    throw error;
  }
  killPoint('swapped');
  await unlink(journal); // the commit
  // The old trees out of sight, into the cache folder, to be deleted there; if that fails, here.
  const done = join(root, '.cache', `trash-${process.pid}-${++swaps}-${Date.now().toString(36)}`);
  try {
    await mkdir(dirname(done), { recursive: true });
    await rename(swap, done);
  } catch {
    await rm(swap, { recursive: true, force: true }).catch(() => {});
    return;
  }
  removeInBackground(done);
}

/**
 * Deletes a committed-away tree without making the build wait for it (a site of thousands of pages
 * takes seconds to delete): a detached process removes it; `recover` removes it if that process
 * did not get to finish. At the lowest priority, so that a build started right after this one
 * (the dev server's next, a script's) does not share the cores with it.
 */
function removeInBackground(dir: string): void {
  const child = spawn(process.execPath, ['-e', 'try { require("node:fs").rmSync(process.argv[1], { recursive: true, force: true }) } catch {}', dir], { detached: true, stdio: 'ignore' });
  try {
    if (child.pid) setPriority(child.pid, 19);
  } catch {
    // It has finished already.
  }
  child.unref();
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Cleans up after builds that were killed: an uncommitted swap (its journal still there) is rolled
 * back, the previous targets return; staged and committed directories are removed. Returns
 * warnings for what could not be removed (a later build tries again; it never blocks one).
 */
export async function recover(root: string): Promise<string[]> {
  const warnings: string[] = [];
  let names: string[];
  try {
    names = await readdir(root);
  } catch {
    return warnings;
  }
  const remove = async (dir: string) => {
    try {
      await rm(dir, { recursive: true, force: true });
    } catch (error) {
      warnings.push(`could not delete ${dir} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}) — delete it by hand; builds go on meanwhile`);
    }
  };
  for (const name of names.sort()) {
    const match = leftover.exec(name);
    if (!match || (Number(match[2]) !== process.pid && alive(Number(match[2])))) continue;
    const dir = join(root, name);
    if (match[1] === 'swap') {
      const journal = await readFile(join(dir, journalName), 'utf8').then((t) => JSON.parse(t) as { targets: string[] }, () => null);
      if (journal) {
        // Not committed: every target goes back to what it was before (or away, if there was none).
        for (const target of journal.targets) {
          if (basename(target) !== target) continue;
          const old = join(dir, target);
          const hadOld = await lstat(old).then(() => true, () => false);
          await rm(join(root, target), { recursive: true, force: true });
          if (hadOld) await rename(old, join(root, target));
        }
      }
    }
    await remove(dir);
  }
  // Old trees whose deletion did not finish.
  const cache = join(root, '.cache');
  for (const name of await readdir(cache).catch(() => [] as string[])) {
    const trash = /^trash-(\d+)-/.exec(name);
    if (trash && (Number(trash[1]) === process.pid || !alive(Number(trash[1])))) await remove(join(cache, name));
  }
  return warnings;
}

/** Where the build cannot write, checked before it touches anything: the reason, or null. */
export async function checkWritable(dir: string, create: boolean): Promise<string | null> {
  try {
    const stat = await lstat(dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    if (stat && !stat.isDirectory()) return stat.isSymbolicLink() ? 'it is a symbolic link, not a folder' : 'it is not a folder';
    if (!stat) {
      if (!create) return null;
      await mkdir(dir, { recursive: true });
    }
    // A real write, not access(): it also catches read-only file systems and ACLs.
    const probe = join(dir, `${prefix}probe-${process.pid}`);
    const handle = await open(probe, 'w');
    await handle.close();
    await unlink(probe);
    return null;
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    return e.code === 'EACCES' || e.code === 'EPERM' ? `${e.code}: permission denied` : e.code === 'EROFS' ? 'EROFS: read-only file system' : (e.code ?? e.message);
  }
}

const lockName = join('.cache', 'build.lock');

/**
 * Takes the build lock of `root`: a file holding the owner's pid, created exclusively. A lock whose
 * owner is gone is stale and taken over. Returns a release function, or the pid of the live owner.
 */
export async function tryLock(root: string): Promise<{ release(): Promise<void> } | { owner: number }> {
  const file = join(root, lockName);
  await mkdir(dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      await writeFile(file, `${process.pid}\n`, { flag: 'wx' });
      // A stale lock taken over by two builds at once: only the last writer holds it.
      if ((await readFile(file, 'utf8')).trim() !== String(process.pid)) continue;
      return {
        async release() {
          const owner = await readFile(file, 'utf8').catch(() => '');
          if (owner.trim() === String(process.pid)) await unlink(file).catch(() => {});
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number((await readFile(file, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) return { owner: pid };
      // Stale (its build was killed), or torn while being written: take it over.
      if (!pid) await new Promise((r) => setTimeout(r, 50));
      const again = Number((await readFile(file, 'utf8').catch(() => '')).trim());
      if (again === pid) await unlink(file).catch(() => {});
    }
  }
  const pid = Number((await readFile(file, 'utf8').catch(() => '')).trim());
  return { owner: pid || 0 };
}

/**
 * Makes `target` hold exactly `files`, rewriting only what changed, each file by an atomic
 * rename, and removing stale files last (so references never point at a file not yet written);
 * whether anything changed. For the dev server, which reads the files in place.
 */
export async function syncTree(target: string, files: ContentFile[], collections: readonly string[]): Promise<boolean> {
  let changed = false;
  for (const c of collections) await mkdir(join(target, c), { recursive: true });
  for (const { path, json } of files) {
    const file = join(target, path);
    if (sameBytes(file, json)) continue;
    writeFileSync(`${file}.tmp`, json);
    renameSync(`${file}.tmp`, file);
    changed = true;
  }
  const wanted = new Set(files.map((f) => f.path));
  for (const c of collections)
    for (const name of await readdir(join(target, c)))
      if (!wanted.has(`${c}/${name}`)) {
        await rm(join(target, c, name), { recursive: true, force: true });
        changed = true;
      }
  return changed;
}
