import { spawn } from 'node:child_process';
import { readdir, rm } from 'node:fs/promises';
import type { Dirent } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { locator } from '../extract/diagnostics.ts';
import type { Diagnostic, Extraction } from '../extract/index.ts';
import { checkExtraction } from './checks.ts';
import { ExtractionCache, extractorFingerprint, seedKey } from './cache.ts';
import { merge, type KnowledgeBase, type Note, type SeedExtraction } from './merge.ts';
import { applyCorrections, type CorrectionProblem } from './corrections.ts';
import { readCorrections } from './corrections-file.ts';
import { correctionsFileName } from '../schema/corrections.ts';
import { progress, type ProgressOutput } from './progress.ts';
import { defaultMaxSeedBytes, fileKind, formatBytes, readSeed, shownName } from './read-seed.ts';
import { collections, validate } from './validate.ts';
import { defaultSeedMemoryMb, defaultSeedTimeLimitMs, extractAll, type Extractor, type Job } from './workers.ts';
import { beginRender } from '../site/render-cache.ts';
import { checkWritable, killPoint, recover, stageDir, swapIn, syncTree, tryLock, writeTree } from './write.ts';

/** The Astro project: this package. */
export const packageRoot = fileURLToPath(new URL('../..', import.meta.url));
export const astroBin = join(packageRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');

export interface BuildOptions {
  /** The folder holding `seeds/`; `content/`, `dist/` and `.cache/` are written there. */
  root: string;
  /** Stop after `content/` (no Astro build, `dist/` untouched). */
  contentOnly: boolean;
  skipInvalid: boolean;
  maxSeedBytes: number;
  verbose: boolean;
  /** `swap`: build into a temporary folder and swap it in; `sync`: rewrite changed files in place (dev server); `review`: stop after merging, write nothing. */
  mode: 'swap' | 'sync' | 'review';
  stdout: ProgressOutput;
  stderr: ProgressOutput;
  /** Extraction threads (default: one per core when there is a lot to extract, else none). */
  threads?: number;
  /** Follow symbolic links in `seeds/` that point outside it (`--follow-symlinks`). */
  followSymlinks?: boolean;
  /** When another build holds the lock: wait for it (dev server) instead of failing. */
  waitForLock?: boolean;
  /** Per-seed budget of the extraction: a seed over it is an error naming it (default 20 s, 2048 MB). */
  seedTimeLimitMs?: number;
  seedMemoryMb?: number;
  /** Replaces the extractor module in the worker threads (tests). */
  workerModule?: URL;
  /** Replaces the extractor (tests); runs on this thread. */
  extractor?: Extractor;
}

export interface BuildResult {
  exitCode: number;
  /** Seeds extracted in this run, and seeds whose extraction came from the cache. */
  extracted: number;
  cached: number;
  skipped: string[];
  kb?: KnowledgeBase;
  /** The usable seeds' extractions, before and after the editor's corrections. */
  extractions?: { original: SeedExtraction[]; corrected: SeedExtraction[] };
}

const seedPattern = /\.(txt|md|markdown)$/i;

/**
 * `seeds/x.txt:3:1: warning: what — fix`: relative to the working directory, like a compiler's;
 * the name escaped (and quoted) when it has control characters or could pass for a location.
 */
function where(root: string, seed: string, line?: number, column?: number): string {
  const path = shownName(relative(process.cwd(), join(root, 'seeds', seed)) || seed);
  return line == null ? path : `${path}:${line}:${column}`;
}

function diagnosticLine(root: string, seed: string, d: Diagnostic): string {
  return `${where(root, seed, d.line, d.column)}: ${d.severity}: ${d.message} [${d.rule}]`;
}

/** `seeds/x.txt:3:1: warning: …` for a note, placed by its offset in the article text. */
function noteLine(root: string, n: Note, text: string | undefined): string {
  if (text == null) return `${where(root, n.seed)}: ${n.severity}: ${n.message}`;
  const { line, column } = locator(text)(n.offset);
  return `${where(root, n.seed, line, column)}: ${n.severity}: ${n.message}`;
}

/** Turns a size such as `2MB`, `512k`, `1.5 MiB` or `1000000` into bytes. */
export function parseSize(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(b|k|kb|kib|m|mb|mib)?\s*$/i.exec(text);
  if (!match) throw new BuildError(`--max-seed-size: cannot read "${text}" as a size — write e.g. 2MB, 512KB or 1000000`);
  const unit = (match[2] ?? 'b').toLowerCase()[0];
  const bytes = Math.round(Number(match[1]) * (unit === 'm' ? 1024 * 1024 : unit === 'k' ? 1024 : 1));
  if (bytes < 1) throw new BuildError(`--max-seed-size: "${text}" would refuse every seed — give a positive size, e.g. 2MB`);
  return bytes;
}

function parseSeconds(text: string): number {
  const seconds = Number(text);
  if (!/^\s*\d+(\.\d+)?\s*$/.test(text) || !(seconds > 0)) throw new BuildError(`--seed-time-limit: "${text}" is not a positive number of seconds — write e.g. 20 or 60`);
  return seconds * 1000;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** A failure explained to the user in one message, with no stack trace. */
export class BuildError extends Error {}

/**
 * Any failure as one line for the user: a BuildError's message, a file-system error as what could
 * not be done where and why (paths escaped), anything else by its message. Never a stack trace.
 */
export function failureMessage(error: unknown): string {
  if (error instanceof BuildError) return error.message;
  const e = error as NodeJS.ErrnoException & { dest?: string };
  if (e && typeof e === 'object' && typeof e.code === 'string' && e.syscall) {
    const path = e.path ? ` ${shownName(relative(process.cwd(), e.path) || e.path)}` : '';
    const reason = e.code === 'EACCES' || e.code === 'EPERM' ? 'permission denied' : e.code === 'ENOSPC' ? 'no space left on the device' : e.code === 'EROFS' ? 'read-only file system' : e.code;
    return `build failed: cannot ${e.syscall}${path} (${e.code === reason ? reason : `${e.code}: ${reason}`}); nothing was swapped in, content/ and dist/ are as they were`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `build failed: ${message.split('\n')[0].replace(/[\p{Cc}]/gu, ' ')} (an unexpected error; please report it)`;
}

/**
 * The seeds: every `.txt`, `.md` or `.markdown` entry of `seeds/` (its type is checked when it is
 * read). Everything else is skipped with a note saying why, so nothing is skipped silently.
 */
async function listSeeds(root: string): Promise<{ seeds: string[]; skipped: string[] }> {
  const dir = join(root, 'seeds');
  const shown = shownName(relative(process.cwd(), dir) || 'seeds');
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new BuildError(`${shown}/: no such folder — create it and put .txt or .md articles in it`);
    throw new BuildError(`${shown}/: cannot read the folder (${code === 'ENOTDIR' ? 'it is not a folder' : (code ?? (error as Error).message)})`);
  }
  const seeds: string[] = [];
  const skipped: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name === correctionsFileName) continue; // the editor's corrections, read on their own
    const why = entry.name.startsWith('.')
      ? 'a hidden file (its name starts with a dot)'
      : entry.isDirectory()
        ? 'a folder (seeds/ is not read recursively)'
        : !seedPattern.test(entry.name)
          ? `${fileKind(entry) ?? 'a file'} without a .txt, .md or .markdown extension`
          : null;
    if (why) skipped.push(`${where(root, entry.name)}: note: skipped, ${why}`);
    else seeds.push(entry.name);
  }
  if (!seeds.length) throw new BuildError(`${shown}/: no .txt or .md seeds — add an article${skipped.length ? ` (skipped: ${skipped.length})` : ''}`);
  return { seeds, skipped };
}

/** Runs `astro build` on this package, reading `contentDir` and writing `outDir`. */
async function buildSite(contentDir: string, outDir: string, o: BuildOptions): Promise<number> {
  const cacheDir = join(o.root, '.cache', 'astro');
  const render = await beginRender(cacheDir);
  const code = await new Promise<number>((done) => {
    const child = spawn(process.execPath, [astroBin, 'build'], {
      cwd: packageRoot,
      // Astro's cache (its content store among it) per project, so builds of two projects never mix.
      env: {
        ...process.env,
        EXPLAINER_CONTENT_DIR: contentDir,
        EXPLAINER_OUT_DIR: outDir,
        EXPLAINER_CACHE_DIR: cacheDir,
        EXPLAINER_SEARCH_INDEX: 'later',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => o.stdout.write(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => o.stderr.write(chunk.toString()));
    child.on('error', () => done(1));
    child.on('close', (code) => done(code ?? 1));
  });
  if (code === 0) await render.succeeded();
  return code;
}

/**
 * The build step: reads and extracts every seed (from the cache when unchanged, on worker threads
 * when many), merges them, validates everything, then writes `content/` (and, unless
 * `contentOnly`, the site in `dist/`) all at once. On any failure the previous output stays.
 */
export async function runBuild(o: BuildOptions): Promise<BuildResult> {
  // One build at a time per project: a second one refuses (or, for the dev server, waits).
  let lock = await tryLock(o.root).catch((error: NodeJS.ErrnoException) => {
    throw new BuildError(`cannot write ${shownName(relative(process.cwd(), join(o.root, '.cache')) || '.cache')}/ to take the build lock (${error.code ?? error.message}) — make it writable`);
  });
  let waited = false;
  while ('owner' in lock) {
    if (!o.waitForLock) throw new BuildError(`another build is running (pid ${lock.owner}) — wait for it to finish, then build again`);
    if (!waited) o.stderr.write(`explainer: waiting for another build to finish (pid ${lock.owner})\n`);
    waited = true;
    await new Promise((r) => setTimeout(r, 250));
    lock = await tryLock(o.root);
  }
  try {
    return await buildLocked(o);
  } finally {
    await lock.release();
  }
}

async function buildLocked(o: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const say = (line: string) => o.stderr.write(`${line}\n`);
  const result: BuildResult = { exitCode: 1, extracted: 0, cached: 0, skipped: [] };
  for (const warning of await recover(o.root)) say(`explainer: warning: ${warning}`);
  // Before anything is touched: every folder the build writes must be writable.
  const outputs: [string, boolean][] = [['.', false], ['.cache', true], ['content', false], ...(o.contentOnly ? [] : [['dist', false] as [string, boolean]])];
  for (const [dir, create] of outputs) {
    const why = await checkWritable(join(o.root, dir), create);
    const shown = dir === '.' ? 'the project folder' : `${shownName(relative(process.cwd(), join(o.root, dir)) || dir)}/`;
    if (why) throw new BuildError(`build failed: cannot write ${shown} (${why}) — fix its permissions or move it away; ${o.contentOnly ? 'content/ is' : 'content/ and dist/ are'} unchanged`);
  }
  const { seeds: names, skipped: skippedEntries } = await listSeeds(o.root);
  for (const line of skippedEntries) say(line);
  const correctionLine = (p: CorrectionProblem) => `${where(o.root, correctionsFileName, p.line, p.column)}: ${p.severity}: ${p.message}`;
  const corrections = await readCorrections(o.root, o, correctionLine);
  for (const line of corrections.lines) say(line);
  if (corrections.failed) {
    say(`explainer: build failed: ${where(o.root, correctionsFileName)} cannot be used; ${o.contentOnly || o.mode !== 'swap' ? 'content/ is' : 'content/ and dist/ are'} unchanged (fix it, or move it out of seeds/)`);
    return result;
  }

  // Read and decode; refuse what is not a usable text file. Messages are kept per seed, to print
  // each seed's together, in seed order; a seed with an error is unusable.
  const messages = new Map<string, string[]>();
  const unusable = new Set<string>();
  const report = (seed: string, line: string, error = true) => {
    if (!messages.has(seed)) messages.set(seed, []);
    messages.get(seed)!.push(line);
    if (error) unusable.add(seed);
  };
  const seeds: { name: string; text: string; key: string; extraction?: Extraction }[] = [];
  const fingerprint = await extractorFingerprint();
  const cache = new ExtractionCache(o.root);
  for (const name of names) {
    if (/[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/u.test(name)) {
      report(name, `${where(o.root, name)}: error: the file name has control or invisible characters — rename the file`);
      continue;
    }
    const read = await readSeed(join(o.root, 'seeds', name), o.maxSeedBytes, { seedsDir: join(o.root, 'seeds'), followSymlinks: o.followSymlinks });
    if ('problem' in read) report(name, `${where(o.root, name, read.problem.line, read.problem.column)}: error: ${read.problem.message}`);
    else {
      const key = seedKey(name, read.bytes, fingerprint);
      seeds.push({ name, text: read.text, key, extraction: await cache.get(key) });
    }
  }

  // Extract what the cache does not have.
  const jobs: Job[] = seeds.flatMap((s, index) => (s.extraction ? [] : [{ index, path: where(o.root, s.name), text: s.text }]));
  result.cached = seeds.length - jobs.length;
  result.extracted = jobs.length;
  const bar = progress('extracting seeds', jobs.length, o.stderr);
  const budget = { timeMs: o.seedTimeLimitMs ?? defaultSeedTimeLimitMs, memoryMb: o.seedMemoryMb ?? defaultSeedMemoryMb };
  const extracted = await extractAll(jobs, () => bar.tick(), o.threads, o.extractor, budget, o.workerModule);
  bar.end();
  for (const r of extracted) {
    const seed = seeds[r.index];
    if ('overBudget' in r)
      report(
        seed.name,
        r.overBudget === 'time'
          ? `${where(o.root, seed.name)}: error: extraction took over ${budget.timeMs / 1000} s — the seed is too long or too convoluted to extract in time (very many names or deeply nested markup); split it or simplify it, raise the limit with --seed-time-limit, or leave it out with --skip-invalid`
          : `${where(o.root, seed.name)}: error: extraction needed over ${budget.memoryMb} MB of memory — the seed is too long or too convoluted (very many names or deeply nested markup); split it or simplify it, or leave it out with --skip-invalid`,
      );
    else if ('crash' in r)
      report(seed.name, `${where(o.root, seed.name)}: error: the extractor crashed on this seed (an extractor bug; please report it): ${o.verbose ? r.crash.stack : `${r.crash.message.split('\n')[0]} (--verbose shows where)`}`);
    else {
      seed.extraction = r.extraction;
      await cache.set(seed.key, r.extraction);
    }
  }
  killPoint('extracted');

  for (const { name, extraction } of seeds) {
    if (!extraction) continue;
    for (const d of extraction.diagnostics)
      if (d.severity !== 'info' || o.verbose) report(name, diagnosticLine(o.root, name, d), d.severity === 'error');
    if (unusable.has(name)) continue;
    for (const n of checkExtraction(name, extraction)) report(name, noteLine(o.root, n, extraction.article.text), n.severity === 'error');
  }
  for (const name of names) for (const line of messages.get(name) ?? []) say(line);
  const usable: SeedExtraction[] = seeds.flatMap((s) => (s.extraction && !unusable.has(s.name) ? [{ seed: s.name, extraction: s.extraction }] : []));
  const bad = names.filter((n) => unusable.has(n));
  const unchanged = o.contentOnly ? 'content/ is unchanged' : 'content/ and dist/ are unchanged';
  if (bad.length && !o.skipInvalid) {
    say(`explainer: build failed: ${bad.length} of ${names.length} seeds cannot be used; ${unchanged} (fix them, or pass --skip-invalid to build the rest)`);
    return result;
  }
  result.skipped = bad;
  if (!usable.length) {
    say(`explainer: build failed: none of the ${names.length} seeds can be used; ${unchanged}`);
    return result;
  }

  // The editor's corrections, then merge into one knowledge base and check it.
  const corrected = applyCorrections(usable, corrections.corrections);
  for (const p of corrected.problems) say(correctionLine(p));
  if (corrected.problems.some((p) => p.severity === 'error')) {
    say(`explainer: build failed: ${where(o.root, correctionsFileName)} contradicts itself; ${unchanged}`);
    return result;
  }
  const { kb, notes } = merge(corrected.inputs);
  const texts = new Map(usable.map(({ seed, extraction }) => [seed, extraction.article.text]));
  const { files, problems: invalid } = validate(kb);
  for (const n of [...notes, ...invalid].sort((a, b) => names.indexOf(a.seed) - names.indexOf(b.seed))) say(noteLine(o.root, n, texts.get(n.seed)));
  if (notes.some((n) => n.severity === 'error') || invalid.length) {
    say(`explainer: build failed: the generated content is inconsistent; ${unchanged}`);
    return result;
  }

  if (o.mode === 'review') {
    result.kb = kb;
    result.extractions = { original: usable, corrected: corrected.inputs };
    result.exitCode = 0;
    return result;
  }

  // Write, build the site, and put both in place at once.
  const content = join(o.root, 'content');
  if (o.mode === 'sync') await syncTree(content, files, collections);
  else {
    const stagedContent = await stageDir(content);
    const pairs = [{ staged: stagedContent, target: content }];
    try {
      await writeTree(stagedContent, files, collections);
      killPoint('staged');
      if (!o.contentOnly) {
        const dist = join(o.root, 'dist');
        const stagedDist = await stageDir(dist);
        pairs.push({ staged: stagedDist, target: dist });
        const code = await buildSite(stagedContent, stagedDist, o);
        if (code !== 0) {
          say(`explainer: build failed: the site build (astro build) exited with status ${code}; ${unchanged}`);
          return result;
        }
        // The search index, once Astro has exited and freed its memory.
        try {
          const { indexSite } = await import('../site/search-index.ts');
          say(`explainer: indexed ${await indexSite(stagedDist)} pages for search`);
        } catch (error) {
          say(`explainer: build failed: the search index could not be built (${(error as Error).message}); ${unchanged}`);
          return result;
        }
      }
      await swapIn(o.root, pairs);
    } finally {
      for (const { staged } of pairs) await rm(staged, { recursive: true, force: true });
    }
  }
  await cache.prune(new Set(seeds.map((s) => s.key)));

  result.kb = kb;
  result.exitCode = 0;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  o.stdout.write(
    `explainer: built ${o.contentOnly ? 'content/' : 'content/ and dist/'} from ${plural(usable.length, 'seed')} (${result.extracted} extracted, ${result.cached} from cache) in ${seconds} s: ` +
      `${collections.map((c) => plural(kb[c].length, c.slice(0, -1))).join(', ')}\n`,
  );
  if (bad.length) say(`explainer: skipped ${plural(bad.length, 'invalid seed')} (--skip-invalid): ${bad.map((n) => where(o.root, n)).join(', ')}`);
  return result;
}

export const buildUsage = `explainer build [--content-only] [--skip-invalid] [--max-seed-size SIZE] [--verbose]
  --content-only        build content/ only, not the site in dist/
  --skip-invalid        build the usable seeds and list the others (default: any unusable seed fails the build)
  --max-seed-size SIZE  refuse larger seeds (default ${formatBytes(defaultMaxSeedBytes)}; e.g. 5MB, 512KB)
  --follow-symlinks     read symbolic links in seeds/ that point outside it (default: refused)
  --seed-time-limit S   stop extracting a seed after S seconds and report it (default ${defaultSeedTimeLimitMs / 1000})
  --verbose             also print informational diagnostics`;

export function parseBuildArgs(args: string[]): Omit<BuildOptions, 'mode' | 'stdout' | 'stderr'> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'content-only': { type: 'boolean', default: false },
      'skip-invalid': { type: 'boolean', default: false },
      'max-seed-size': { type: 'string' },
      'follow-symlinks': { type: 'boolean', default: false },
      'seed-time-limit': { type: 'string' },
      verbose: { type: 'boolean', default: false },
    },
  });
  if (positionals.length) throw new BuildError(`build takes no file arguments (it reads seeds/)\n${buildUsage}`);
  return {
    root: resolve('.'),
    contentOnly: values['content-only'],
    skipInvalid: values['skip-invalid'],
    maxSeedBytes: values['max-seed-size'] == null ? defaultMaxSeedBytes : parseSize(values['max-seed-size']),
    followSymlinks: values['follow-symlinks'],
    seedTimeLimitMs: values['seed-time-limit'] == null ? undefined : parseSeconds(values['seed-time-limit']),
    verbose: values.verbose,
  };
}

/** `explainer build`: the exit status (0 built, 1 failed, 2 bad arguments). */
export async function build(args: string[]): Promise<number> {
  let options;
  try {
    options = parseBuildArgs(args);
  } catch (error) {
    if (!(error instanceof BuildError) && !(error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) throw error;
    process.stderr.write(`explainer: ${(error as Error).message}\n`);
    return 2;
  }
  try {
    return (await runBuild({ ...options, mode: 'swap', stdout: process.stdout, stderr: process.stderr })).exitCode;
  } catch (error) {
    process.stderr.write(`explainer: ${failureMessage(error)}\n`);
    if (options.verbose && !(error instanceof BuildError)) process.stderr.write(`${(error as Error).stack}\n`);
    return 1;
  }
}
