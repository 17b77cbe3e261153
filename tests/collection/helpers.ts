// Temporary projects and in-process or CLI builds for the build step's tests.
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBuild, type BuildOptions, type BuildResult } from '../../src/collection/build.ts';
import { defaultMaxSeedBytes } from '../../src/collection/read-seed.ts';

/** A temporary project: `seeds/` with the given files. */
export async function project(seeds: Record<string, string | Uint8Array> = {}): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'explainer-test-'));
  await mkdir(join(root, 'seeds'));
  for (const [name, body] of Object.entries(seeds)) await writeFile(join(root, 'seeds', name), body);
  return root;
}

/** Every file under `dir`, relative path → contents. */
export async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()))
    files.set(join(entry.parentPath, entry.name).slice(dir.length + 1), await readFile(join(entry.parentPath, entry.name), 'utf8'));
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Runs the content build in-process, collecting what it prints. */
export async function buildContent(root: string, options: Partial<BuildOptions> = {}): Promise<BuildResult & { out: string; err: string }> {
  let out = '';
  let err = '';
  const result = await runBuild({
    root,
    contentOnly: true,
    skipInvalid: false,
    maxSeedBytes: defaultMaxSeedBytes,
    verbose: false,
    mode: 'swap',
    stdout: { write: (t) => void (out += t) },
    stderr: { write: (t) => void (err += t) },
    ...options,
  });
  return { ...result, out, err };
}

const cli = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));

/** Runs `explainer build` in `root` as a user would. */
export function runCli(root: string, args: string[] = ['--content-only'], env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [cli, 'build', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: run.status, signal: run.signal, stdout: run.stdout, stderr: run.stderr };
}

/** `runCli` without waiting, so that several builds run at once. */
export function startCli(root: string, args: string[] = ['--content-only']): Promise<{ status: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [cli, 'build', ...args], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
    child.on('close', (status) => done({ status, stderr }));
  });
}
