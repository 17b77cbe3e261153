// The build step, seeds/ → content/ → dist/, as named phases that `buildLocked` runs in order:
// read → extract → merge → validate → write content → render → index → swap. Each phase is one
// function below. What a phase finds wrong it returns as diagnostics (src/diagnostics.ts), printed
// by the one reporter; a failure ends the run with a DiagnosticError before anything is swapped in,
// so the previous content/ and dist/ stay as they were.
import { spawn } from 'node:child_process';
import type { Dirent } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { type Diagnostic, DiagnosticError, diagnosticOf, failure, hasError, report, seedFile, shownPath } from '../diagnostics.ts';
import type { Extraction } from '../extract/index.ts';
import { type BuildArgs, defaultSeedTimeLimitMs, readSiteEnv, siteEnv } from '../options.ts';
import { offerPages, type PageKeys } from '../site/page-keys.ts';
import { writeSitemap } from '../site/sitemap.ts';
import { correctionsFileName } from '../schema/corrections.ts';
import { ExtractionCache, extractorFingerprint, seedKey } from './cache.ts';
import { checkExtraction } from './checks.ts';
import { applyCorrections, type Corrections } from './corrections.ts';
import { readCorrections } from './corrections-file.ts';
import { type KnowledgeBase, merge, type SeedExtraction } from './merge.ts';
import { keepUnchangedPages, reusablePages, savePageRecords, siteCodeHash } from './page-cache.ts';
import { progress, type ProgressOutput } from './progress.ts';
import { fileKind, readSeed } from './read-seed.ts';
import { type ContentFile, collections, validate } from './validate.ts';
import { defaultSeedMemoryMb, extractAll, type Extractor, type Job, stopIdleWorkers } from './workers.ts';
import { checkWritable, inChunks, killPoint, recover, stageDir, swapIn, syncTree, tryLock, writeTree } from './write.ts';

/** The Astro project: this package. */
export const packageRoot = fileURLToPath(new URL('../..', import.meta.url));
export const astroBin = join(packageRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');

export interface BuildOptions extends BuildArgs {
  /** `swap`: build into a temporary folder and swap it in; `sync`: rewrite changed files in place (dev server); `review`: stop after validating, write nothing. */
  mode: 'swap' | 'sync' | 'review';
  stdout: ProgressOutput;
  stderr: ProgressOutput;
  /** Extraction threads (default: one per core when there is a lot to extract, else none). */
  threads?: number;
  /** When another build holds the lock: wait for it (dev server) instead of failing. */
  waitForLock?: boolean;
  /** Heap limit of an extraction worker: a seed needing more is an error naming it. */
  seedMemoryMb?: number;
  /** Replaces the extractor module in the worker threads (tests). */
  workerModule?: URL;
  /** Replaces the extractor (tests); runs on this thread. */
  extractor?: Extractor;
  /**
   * Seeds (name and bytes) whose warnings and notes an earlier build of this process printed: the
   * dev server's rebuilds print those of the seeds that changed, not every seed's again. The build
   * adds the seeds it reports on.
   */
  reported?: Set<string>;
}

export interface BuildResult {
  exitCode: number;
  /** The build got past its checks of the project (the lock, writable folders, a seeds/ folder with seeds). */
  started: boolean;
  /** Seeds extracted in this run, and seeds whose extraction came from the cache. */
  extracted: number;
  cached: number;
  skipped: string[];
  kb?: KnowledgeBase;
  /** The usable seeds' extractions, before and after the editor's corrections. */
  extractions?: { original: SeedExtraction[]; corrected: SeedExtraction[] };
}

/** One seed on its way through the phases: `file` names it in diagnostics, `key` is its cache key. */
interface Seed {
  name: string;
  file: string;
  text: string;
  key: string;
  extraction?: Extraction;
}

/** One run of the build: its options, its cache, and what a failure leaves as it was. */
interface Run {
  o: BuildOptions;
  cache: ExtractionCache;
  /** `content/ is unchanged` or `content/ and dist/ are unchanged`. */
  unchanged: string;
  report(diagnostics: Iterable<Diagnostic>): void;
}

const seedPattern = /\.(txt|md|markdown)$/i;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The build fails, saying why, that nothing was swapped in, and how to fix it. */
const buildFailed = (run: Run, rule: string, why: string, fix?: string) => failure(rule, `build failed: ${why}; ${run.unchanged}${fix ? ` (${fix})` : ''}`);

/**
 * Builds the project at `o.root`, one build at a time (a second one refuses or, for the dev
 * server, waits). Every failure is reported as a diagnostic on `o.stderr`; the result says how it
 * went (exit status 1: failed, and the previous output stayed).
 */
export async function runBuild(o: BuildOptions): Promise<BuildResult> {
  const result: BuildResult = { exitCode: 1, started: false, extracted: 0, cached: 0, skipped: [] };
  try {
    const lock = await takeLock(o);
    try {
      return await buildLocked(o, result);
    } finally {
      await lock.release();
    }
  } catch (error) {
    report(o.stderr, [diagnosticOf(error)]);
    if (o.verbose && !(error instanceof DiagnosticError)) o.stderr.write(`${(error as Error).stack}\n`);
    return result;
  }
}

async function takeLock(o: BuildOptions): Promise<{ release(): Promise<void> }> {
  const cacheDir = shownPath(`${join(o.root, '.cache')}/`);
  let lock = await tryLock(o.root).catch((error: NodeJS.ErrnoException) => {
    throw failure('build-lock', `cannot write ${cacheDir} to take the build lock (${error.code ?? error.message}) — make it writable`);
  });
  let waited = false;
  while ('owner' in lock) {
    if (!o.waitForLock) throw failure('build-lock', `another build is running (pid ${lock.owner}) — wait for it to finish, then build again`);
    if (!waited) o.stderr.write(`explainer: waiting for another build to finish (pid ${lock.owner})\n`);
    waited = true;
    await new Promise((r) => setTimeout(r, 250));
    lock = await tryLock(o.root);
  }
  return lock;
}

/** The phases, in order; `result` is filled in as they go. */
async function buildLocked(o: BuildOptions, result: BuildResult): Promise<BuildResult> {
  const started = performance.now();
  const run: Run = {
    o,
    cache: new ExtractionCache(o.root),
    unchanged: !o.contentOnly && o.mode === 'swap' ? 'content/ and dist/ are unchanged' : 'content/ is unchanged',
    report: (diagnostics) => report(o.stderr, diagnostics, { root: o.root, verbose: o.verbose }),
  };
  run.report(await prepare(run));
  const names = await listSeeds(run);
  result.started = true;
  const corrections = await readCorrectionsFile(run);

  const content = await makeContent(run, names, corrections, result);
  if (!content) return { ...result, exitCode: 0 }; // review: nothing written
  if (content.staged) await publish(run, content.staged);
  await run.cache.prune(content.seedKeys);

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  o.stdout.write(
    `explainer: built ${o.contentOnly ? 'content/' : 'content/ and dist/'} from ${plural(content.usable, 'seed')} (${result.extracted} extracted, ${result.cached} from cache) in ${seconds} s: ` +
      `${collections.map((c) => plural(content.counts[c], c.slice(0, -1))).join(', ')}\n`,
  );
  if (result.skipped.length)
    run.report([{ severity: 'warning', rule: 'skip-invalid', source: 'build', message: `skipped ${plural(result.skipped.length, 'invalid seed')} (--skip-invalid): ${result.skipped.map((n) => shownPath(join(o.root, 'seeds', n))).join(', ')}` }]);
  return { ...result, exitCode: 0 };
}

/** What the content phases leave for the rest of the build. */
interface MadeContent {
  /** The content written into a staged folder, to be swapped in with the site (swap mode). */
  staged?: string;
  /** The cache keys of every seed read, so the cache keeps exactly those. */
  seedKeys: Set<string>;
  usable: number;
  counts: Record<(typeof collections)[number], number>;
}

/**
 * Read → extract → merge → validate → write content: staged next to `content/` (swap mode) or
 * rewritten in place (sync mode); in review mode nothing is written and null returned, the
 * knowledge base and extractions in `result`. The seeds, their extractions and the content files
 * live only in here, so their memory is free before Astro renders (at 10,000 articles, some 2 GB);
 * `result.kb` keeps the knowledge base only for builds that render no site.
 */
async function makeContent(run: Run, names: string[], corrections: Corrections, result: BuildResult): Promise<MadeContent | null> {
  const read = await readSeeds(run, names);
  const extracted = await extractSeeds(run, read.seeds);
  Object.assign(result, { cached: read.seeds.length - extracted.count, extracted: extracted.count });
  const { usable, skipped } = usableSeeds(run, names, read.seeds, [...read.problems, ...extracted.problems]);
  result.skipped = skipped;
  const merged = mergeSeeds(run, usable, corrections);
  const files = validateContent(run, names, merged.kb, merged.notes);
  const rendersSite = run.o.mode === 'swap' && !run.o.contentOnly;
  if (!rendersSite) result.kb = merged.kb;
  if (run.o.mode === 'review') {
    result.extractions = { original: usable, corrected: merged.inputs };
    return null;
  }
  const made = {
    seedKeys: new Set(read.seeds.map((s) => s.key)),
    usable: usable.length,
    counts: Object.fromEntries(collections.map((c) => [c, merged.kb[c].length])) as MadeContent['counts'],
  };
  const content = join(run.o.root, 'content');
  if (run.o.mode === 'sync') {
    // The dev server reads content/ again when the stamp changes, so never in the middle of this.
    if (await syncTree(content, files, collections)) await writeFile(contentStamp(run.o.root), `${Date.now()} ${process.pid}\n`);
    return made;
  }
  return { ...made, staged: await writeContent(content, files) };
}

/**
 * Before anything is read: the site's settings from the environment must be valid when the site
 * is rendered, what a killed build left is rolled back (the warnings returned), and every folder
 * the build writes must be writable.
 */
async function prepare(run: Run): Promise<Diagnostic[]> {
  const { o } = run;
  if (!o.contentOnly) {
    try {
      readSiteEnv();
    } catch (error) {
      throw buildFailed(run, 'environment', diagnosticOf(error).message, 'fix the variable, or unset it for the default');
    }
  }
  const recovered = (await recover(o.root)).map((message): Diagnostic => ({ severity: 'warning', rule: 'recover', source: 'build', message }));
  const outputs: [string, boolean][] = [['.', false], ['.cache', true], ['content', false], ...(o.contentOnly ? [] : [['dist', false] as [string, boolean]])];
  for (const [dir, create] of outputs) {
    const why = await checkWritable(join(o.root, dir), create);
    const shown = dir === '.' ? 'the project folder' : shownPath(`${join(o.root, dir)}/`);
    if (why) throw failure('not-writable', `build failed: cannot write ${shown} (${why}) — fix its permissions or move it away; ${o.contentOnly ? 'content/ is' : 'content/ and dist/ are'} unchanged`);
  }
  return recovered;
}

/**
 * The seeds: every `.txt`, `.md` or `.markdown` entry of `seeds/` (its type is checked when it is
 * read). Everything else is skipped with a note saying why, so nothing is skipped silently.
 */
async function listSeeds(run: Run): Promise<string[]> {
  const dir = join(run.o.root, 'seeds');
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw failure('no-seeds', 'no such folder — create it and put .txt or .md articles in it', 'seeds/');
    throw failure('no-seeds', `cannot read the folder (${code === 'ENOTDIR' ? 'it is not a folder' : (code ?? (error as Error).message)})`, 'seeds/');
  }
  const seeds: string[] = [];
  const skipped: Diagnostic[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name === correctionsFileName) continue; // the editor's corrections, read on their own
    const why = entry.name.startsWith('.')
      ? 'a hidden file (its name starts with a dot)'
      : entry.isDirectory()
        ? 'a folder (seeds/ is not read recursively)'
        : !seedPattern.test(entry.name)
          ? `${fileKind(entry) ?? 'a file'} without a .txt, .md or .markdown extension`
          : null;
    if (why) skipped.push({ file: seedFile(entry.name), severity: 'note', rule: 'not-a-seed', source: 'read', message: `skipped, ${why}` });
    else seeds.push(entry.name);
  }
  run.report(skipped);
  if (!seeds.length) throw failure('no-seeds', `no .txt or .md seeds — add an article${skipped.length ? ` (skipped: ${skipped.length})` : ''}`, 'seeds/');
  return seeds;
}

/** The editor's corrections (`seeds/corrections.yaml`); a file that cannot be used fails the build. */
async function readCorrectionsFile(run: Run): Promise<Corrections> {
  const { corrections, problems, failed } = await readCorrections(run.o.root, run.o);
  run.report(problems);
  if (failed) throw buildFailed(run, 'corrections', `${shownPath(join(run.o.root, seedFile(correctionsFileName)))} cannot be used`, 'fix it, or move it out of seeds/');
  return corrections;
}

/**
 * Read: each seed's bytes, decoded; what is not a usable text file is a problem at its place. A
 * seed whose bytes, name and extractor are unchanged gets its extraction from the cache.
 */
async function readSeeds(run: Run, names: string[]): Promise<{ seeds: Seed[]; problems: Diagnostic[] }> {
  const seedsDir = join(run.o.root, 'seeds');
  const fingerprint = await extractorFingerprint();
  const readOne = async (name: string): Promise<Seed | Diagnostic> => {
    const file = seedFile(name);
    if (/[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/u.test(name))
      return { file, severity: 'error', rule: 'file-name', source: 'read', message: 'the file name has control or invisible characters — rename the file' };
    const read = await readSeed(join(seedsDir, name), run.o.maxSeedBytes, { file, seedsDir, followSymlinks: run.o.followSymlinks });
    if ('problem' in read) return read.problem;
    const key = seedKey(name, read.bytes, fingerprint);
    return { name, file, text: read.text, key, extraction: await run.cache.get(key) };
  };
  // Many at a time: one by one, the waits for thousands of small reads add up to seconds.
  const results: (Seed | Diagnostic)[] = [];
  await inChunks([...names.keys()], async (i) => void (results[i] = await readOne(names[i])));
  return { seeds: results.filter((r): r is Seed => 'key' in r), problems: results.filter((r): r is Diagnostic => !('key' in r)) };
}

/**
 * Extract: what the cache does not have, within the per-seed budget (on worker threads when there
 * is much), cached as it comes; then the build's own checks of every extraction. Returns how many
 * were extracted and every diagnostic about them: the extractor's, an extraction over budget or
 * crashed, the checks'.
 */
async function extractSeeds(run: Run, seeds: Seed[]): Promise<{ count: number; problems: Diagnostic[] }> {
  const { o } = run;
  const jobs: Job[] = seeds.flatMap((s, index) => (s.extraction ? [] : [{ index, path: s.file, text: s.text }]));
  const bar = progress('extracting seeds', jobs.length, o.stderr);
  const budget = { timeMs: o.seedTimeLimitMs ?? defaultSeedTimeLimitMs, memoryMb: o.seedMemoryMb ?? defaultSeedMemoryMb };
  const results = await extractAll(jobs, budget, () => bar.tick(), o.threads, o.extractor, o.workerModule);
  bar.end();
  const problems: Diagnostic[] = [];
  const fail = (seed: Seed, rule: string, message: string) => problems.push({ file: seed.file, severity: 'error', rule, source: 'extract', message });
  for (const r of results) {
    const seed = seeds[r.index];
    if ('overBudget' in r)
      fail(
        seed,
        'extraction-budget',
        r.overBudget === 'time'
          ? `extraction took over ${budget.timeMs / 1000} s — the seed is too long or too convoluted to extract in time (very many names or deeply nested markup); split it or simplify it, raise the limit with --seed-time-limit, or leave it out with --skip-invalid`
          : `extraction needed over ${budget.memoryMb} MB of memory — the seed is too long or too convoluted (very many names or deeply nested markup); split it or simplify it, or leave it out with --skip-invalid`,
      );
    else if ('crash' in r)
      fail(seed, 'extractor-crash', `the extractor crashed on this seed (an extractor bug; please report it): ${o.verbose ? r.crash.stack : `${r.crash.message.split('\n')[0]} (--verbose shows where)`}`);
    else {
      seed.extraction = r.extraction;
      await run.cache.set(seed.key, r.extraction);
    }
  }
  killPoint('extracted');
  for (const { name, extraction } of seeds) {
    if (!extraction) continue;
    problems.push(...extraction.diagnostics);
    if (!hasError(extraction.diagnostics)) problems.push(...checkExtraction(name, extraction));
  }
  return { count: jobs.length, problems };
}

/**
 * The seeds the build goes on with: those with no error. Every seed's diagnostics are printed
 * together, in seed order. Any unusable seed fails the build, unless `--skip-invalid` (then they
 * are `skipped`); no usable seed at all always does.
 */
function usableSeeds(run: Run, names: string[], seeds: Seed[], problems: Diagnostic[]): { usable: SeedExtraction[]; skipped: string[] } {
  run.report(inSeedOrder(names, notRepeated(run, seeds, problems)));
  const failed = new Set(problems.filter((d) => d.severity === 'error').map((d) => d.file));
  const skipped = names.filter((name) => failed.has(seedFile(name)));
  if (skipped.length && !run.o.skipInvalid)
    throw buildFailed(run, 'unusable-seeds', `${skipped.length} of ${names.length} seeds cannot be used`, 'fix them, or pass --skip-invalid to build the rest');
  const usable = seeds.flatMap((s) => (s.extraction && !failed.has(s.file) ? [{ seed: s.name, extraction: s.extraction }] : []));
  if (!usable.length) throw buildFailed(run, 'unusable-seeds', `none of the ${names.length} seeds can be used`);
  return { usable, skipped };
}

/**
 * The diagnostics to print: all of them, but for warnings and notes about seeds whose very bytes
 * an earlier build of this process reported on (`reported`); those are counted in one line.
 */
function notRepeated(run: Run, seeds: Seed[], problems: Diagnostic[]): Diagnostic[] {
  const { reported } = run.o;
  if (!reported) return problems;
  const unchanged = new Set(seeds.filter((s) => reported.has(s.key)).map((s) => s.file));
  for (const s of seeds) reported.add(s.key);
  const shown = problems.filter((d) => d.severity === 'error' || !d.file || !unchanged.has(d.file));
  const left = problems.length - shown.length;
  if (!left) return shown;
  const message = `${left === 1 ? 'a warning or note' : `${left} warnings and notes`} about unchanged seeds, printed before, not repeated`;
  return [...shown, { severity: 'note', rule: 'not-repeated', source: 'build', message }];
}

/** Diagnostics ordered by the seed they are about (stable: each seed's in the order found); others first. */
function inSeedOrder(names: string[], diagnostics: Diagnostic[]): Diagnostic[] {
  const order = new Map(names.map((name, i) => [seedFile(name), i]));
  return [...diagnostics].sort((a, b) => (order.get(a.file ?? '') ?? -1) - (order.get(b.file ?? '') ?? -1));
}

/** Merge: the editor's corrections applied to the extractions, then one knowledge base of them all. */
function mergeSeeds(run: Run, usable: SeedExtraction[], corrections: Corrections): { inputs: SeedExtraction[]; kb: KnowledgeBase; notes: Diagnostic[] } {
  const corrected = applyCorrections(usable, corrections);
  run.report(corrected.problems);
  if (hasError(corrected.problems)) throw buildFailed(run, 'corrections', `${shownPath(join(run.o.root, seedFile(correctionsFileName)))} contradicts itself`);
  return { inputs: corrected.inputs, ...merge(corrected.inputs) };
}

/** Validate: every entity against its schema and its article's text; the files to write, or the build fails. */
function validateContent(run: Run, names: string[], kb: KnowledgeBase, notes: Diagnostic[]): ContentFile[] {
  const { files, problems } = validate(kb);
  const found = [...notes, ...problems];
  run.report(inSeedOrder(names, found));
  if (hasError(found)) throw buildFailed(run, 'inconsistent-content', 'the generated content is inconsistent');
  return files;
}

/**
 * Render → index → swap: unless `contentOnly`, the site is built from the staged content and its
 * search index made, in a staged folder next to `dist/`; then the staged folders are swapped in
 * all at once (write.ts). A failure on the way leaves the targets as they were.
 */
async function publish(run: Run, stagedContent: string): Promise<void> {
  const staged = [{ staged: stagedContent, target: join(run.o.root, 'content') }];
  try {
    let pages: RenderedPages | undefined;
    if (!run.o.contentOnly) {
      const dist = { staged: await stageDir(join(run.o.root, 'dist')), target: join(run.o.root, 'dist') };
      staged.push(dist);
      await stopIdleWorkers();
      collectGarbage();
      pages = await render(run, stagedContent, dist.staged);
      await index(run, dist.staged);
    }
    await swapIn(run.o.root, staged);
    if (pages) savePageRecords(run.o.root, pages.code, pages.keys);
  } finally {
    for (const { staged: dir } of staged) await rm(dir, { recursive: true, force: true });
  }
}

/**
 * A full garbage collection, now. Once the content is written, the seeds, extractions and content
 * files are garbage (some 2 GB at 10,000 articles), but the build step allocates almost nothing
 * while Astro renders, so V8 would keep that heap until exit, resident beside Astro's. Node exposes
 * no collection without its `--expose-gc` flag; setting the flag at run time makes `gc` available
 * to a new context.
 */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** Write content: the files into a staged folder next to `content/`, swapped in at the end. */
async function writeContent(content: string, files: ContentFile[]): Promise<string> {
  const staged = await stageDir(content);
  try {
    await writeTree(staged, files, collections, content);
  } catch (error) {
    await rm(staged, { recursive: true, force: true });
    throw error;
  }
  killPoint('staged');
  return staged;
}

/** The file `explainer dev` rewrites after each change to content/ (SiteEnv.contentStamp). */
export const contentStamp = (root: string) => join(root, '.cache', 'content-stamp');

/** The site's pages after rendering: each page's key, and the site code they were rendered with. */
interface RenderedPages {
  code: string;
  keys: PageKeys;
}

/**
 * Render: `astro build` of this package, reading `contentDir` and writing `outDir`, of the pages
 * whose key changed since the last build; the others are linked from it (page-cache.ts). Then
 * the sitemap of all of them.
 */
async function render(run: Run, contentDir: string, outDir: string): Promise<RenderedPages> {
  const { site } = readSiteEnv();
  const siteCode = siteCodeHash(packageRoot, site);
  const offered = reusablePages(run.o.root, siteCode);
  const cacheDir = join(run.o.root, '.cache', 'astro');
  // Copies of every page that Astro's own incremental build kept, before the build step kept pages itself.
  await rm(join(cacheDir, 'dist'), { recursive: true, force: true });
  // Astro writes its server chunks into `.astro/` of its working directory (when outDir is outside
  // it) and deletes them when done; in this package's own `.astro/`, builds of two projects at
  // once would delete each other's. So each build runs in a folder of its own inside this package,
  // where the chunks still find its node_modules. The routes record their pages' keys there too.
  await mkdir(join(packageRoot, '.astro'), { recursive: true });
  const workDir = await mkdtemp(join(packageRoot, '.astro', 'build-'));
  try {
    offerPages(workDir, offered);
    const status = await new Promise<number>((done) => {
      const child = spawn(process.execPath, [astroBin, 'build', '--root', packageRoot], {
        cwd: workDir,
        env: { ...process.env, ...siteEnv({ contentDir, outDir, cacheDir, searchIndex: 'later', pageKeys: workDir }) },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout.on('data', (chunk: Buffer) => run.o.stdout.write(chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => run.o.stderr.write(chunk.toString()));
      child.on('error', () => done(1));
      child.on('close', (status) => done(status ?? 1));
    });
    if (status !== 0) throw buildFailed(run, 'site-build', `the site build (astro build) exited with status ${status}`);
    let pages: ReturnType<typeof keepUnchangedPages>;
    try {
      pages = keepUnchangedPages(workDir, offered, outDir, join(run.o.root, 'dist'));
    } catch (error) {
      throw buildFailed(run, 'keep-pages', `the last build's unchanged pages could not be kept (${(error as Error).message})`, 'build again; if it fails again, delete .cache/pages.json');
    }
    const { keys, kept } = pages;
    writeSitemap(outDir, site);
    if (kept) run.o.stdout.write(`explainer: kept ${plural(kept, 'unchanged page')} of the last build\n`);
    return { code: siteCode, keys };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

/** Index: the search index of the rendered site, once Astro has exited and freed its memory. */
async function index(run: Run, outDir: string): Promise<void> {
  try {
    const { indexSite } = await import('../site/search-index.ts');
    run.o.stderr.write(`explainer: indexed ${await indexSite(outDir, join(run.o.root, 'dist'))} pages for search\n`);
  } catch (error) {
    throw buildFailed(run, 'search-index', `the search index could not be built (${(error as Error).message})`);
  }
}

/** `explainer build`: the exit status (0 built, 1 failed). */
export async function build(options: BuildArgs): Promise<number> {
  return (await runBuild({ ...options, mode: 'swap', stdout: process.stdout, stderr: process.stderr })).exitCode;
}
