import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { basename, dirname, join } from 'node:path';
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

export async function writeTree(dir: string, files: ContentFile[], collections: readonly string[]): Promise<void> {
  for (const c of collections) await mkdir(join(dir, c), { recursive: true });
  await Promise.all(files.map((f) => writeFile(join(dir, f.path), f.json)));
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
  if (process.env.EXPLAINER_TEST_KILL_AT === stage) process.kill(process.pid, 'SIGKILL');
}

/**
 * Puts staged directories in place of their targets (all in `root`), all or nothing: the old
 * targets move into a swap directory, the staged ones move in, and moving the swap directory into
 * the cache folder commits. A build killed before that commit is rolled back by `recover`.
 */
export async function swapIn(root: string, pairs: { staged: string; target: string }[]): Promise<void> {
  const swap = join(root, `${prefix}swap-${process.pid}-`);
  // Committing moves the old trees out of sight, into the cache folder, to be deleted there.
  const done = join(root, '.cache', `trash-${process.pid}-${++swaps}`);
  await mkdir(dirname(done), { recursive: true });
  await rm(swap, { recursive: true, force: true });
  await mkdir(swap);
  for (const { target } of pairs) if (await exists(target)) await rename(target, join(swap, basename(target)));
  killPoint('swapping');
  for (const { staged, target } of pairs) await rename(staged, target);
  await rename(swap, done);
  removeInBackground(done);
}

/**
 * Deletes a committed-away tree without making the build wait for it (a site of thousands of pages
 * takes seconds to delete): a detached process removes it; `recover` removes it if that process
 * did not get to finish.
 */
function removeInBackground(dir: string): void {
  spawn(process.execPath, ['-e', 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true })', dir], { detached: true, stdio: 'ignore' }).unref();
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
 * Cleans up after builds that were killed: an uncommitted swap is rolled back (the previous
 * targets return), staged and committed-but-not-deleted directories are removed.
 */
export async function recover(root: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(root);
  } catch {
    return;
  }
  for (const name of names.sort()) {
    const match = leftover.exec(name);
    if (!match || (Number(match[2]) !== process.pid && alive(Number(match[2])))) continue;
    const dir = join(root, name);
    if (match[1] === 'swap')
      for (const old of await readdir(dir)) {
        await rm(join(root, old), { recursive: true, force: true });
        await rename(join(dir, old), join(root, old));
      }
    await rm(dir, { recursive: true, force: true });
  }
  // Old trees whose deletion did not finish.
  const cache = join(root, '.cache');
  for (const name of await readdir(cache).catch(() => [] as string[])) {
    const trash = /^trash-(\d+)-\d+$/.exec(name);
    if (trash && (Number(trash[1]) === process.pid || !alive(Number(trash[1])))) await rm(join(cache, name), { recursive: true, force: true });
  }
}

/**
 * Makes `target` hold exactly `files`, rewriting only what changed, each file by an atomic
 * rename, and removing stale files last (so references never point at a file not yet written).
 * For the dev server, whose watcher sees file changes but not a swapped directory.
 */
export async function syncTree(target: string, files: ContentFile[], collections: readonly string[]): Promise<void> {
  for (const c of collections) await mkdir(join(target, c), { recursive: true });
  for (const { path, json } of files) {
    const file = join(target, path);
    const current = await readFile(file, 'utf8').catch(() => null);
    if (current === json) continue;
    await writeFile(`${file}.tmp`, json);
    await rename(`${file}.tmp`, file);
  }
  const wanted = new Set(files.map((f) => f.path));
  for (const c of collections)
    for (const name of await readdir(join(target, c))) if (!wanted.has(`${c}/${name}`)) await rm(join(target, c, name), { recursive: true, force: true });
}
