/**
 * The project's own full build on a generated corpus: `explainer build` run from a scratch folder
 * holding the corpus as seeds/, so content/, dist/, the extraction cache and Astro's cache are
 * written there and never touch the working tree's.
 */
import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { measure, type Run } from './measure.ts';

const root = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');

export interface SiteRun extends Run {
  /** HTML pages in dist/ (the search index's fragments not counted). */
  pages: number;
  /** The largest HTML page in dist/. */
  largestPage: { path: string; bytes: number };
  /** Seeds the build says it extracted (not served from its cache) and took from the cache, when it says so. */
  extracted: number | null;
  cached: number | null;
  /** Pages (and other files) Astro rendered, from its output, and the pages the build kept from the last one, from its own. */
  rendered: number;
  kept: number;
  phases: Phase[];
}

export interface Phase {
  name: string;
  seconds: number;
}

/**
 * Where a build's wall time goes, from when its output lines arrive: each phase ends at the first
 * line matching its marker (after the previous phase's end). A phase whose marker never shows is
 * counted in the next one.
 */
const phaseMarkers: [string, RegExp][] = [
  ['read and extract seeds', /extracting seeds (\d+)\/\1,/],
  ['merge, validate, write content/, start astro build', /^\d\d:\d\d:\d\d \[/],
  ['Astro: load config, start Vite', /Syncing content/],
  ['Astro: load content collections, types', /Building static entrypoints/],
  ['Astro: bundle (Vite)', /generating static routes/],
  ['Astro: render pages', /page\(s\) built in/],
  ['keep unchanged pages, sitemap', /kept \d+ unchanged pages? of the last build/],
  ['Pagefind search index', /indexed \d+ pages/],
];

const lastPhase = 'swap into place, prune cache, exit';

/** Every phase's name, in the order a build goes through them. */
export const phaseNames = [...phaseMarkers.map(([name]) => name), lastPhase];

export function phases(run: Run): Phase[] {
  const out: Phase[] = [];
  let at = 0;
  let since = 0;
  for (const [name, marker] of phaseMarkers) {
    const i = run.lines.findIndex((l, index) => index >= at && marker.test(l.text));
    if (i < 0) continue;
    out.push({ name, seconds: run.lines[i].t - since });
    since = run.lines[i].t;
    at = i + 1;
  }
  out.push({ name: lastPhase, seconds: run.seconds - since });
  return out;
}

const snapshotFiles = ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json'];

/**
 * A copy of the project's code taken once per run, so every measurement of the run uses the same
 * code even while the working tree changes (the build's cache keys include the extractor's
 * source). It sits inside the repo and links node_modules, so packages resolve as usual.
 */
export function snapshotProject(dir: string): string {
  mkdirSync(dir, { recursive: true });
  for (const f of snapshotFiles) if (existsSync(join(root, f))) cpSync(join(root, f), join(dir, f), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

export function prepareSite(project: string, corpus: string): void {
  mkdirSync(project, { recursive: true });
  cpSync(corpus, join(project, 'seeds'), { recursive: true });
}

/** Appends a quoted sentence to the middle seed's last paragraph; returns the seed's name. */
export function editOneSeed(project: string): string {
  const seeds = readdirSync(join(project, 'seeds')).sort();
  const seed = seeds[Math.floor(seeds.length / 2)];
  appendFileSync(join(project, 'seeds', seed), '"We will keep working on this until it is done," the spokesperson said on Friday.\n');
  return seed;
}

/** The HTML pages under `dir` (Pagefind's fragments not counted): how many, and the largest. */
export function htmlPages(dir: string): { count: number; largest: { path: string; bytes: number } } {
  const pages = existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((entry) => entry.endsWith('.html') && !entry.startsWith('pagefind')) : [];
  let largest = { path: '', bytes: 0 };
  for (const path of pages) {
    const bytes = statSync(join(dir, path)).size;
    if (bytes > largest.bytes) largest = { path, bytes };
  }
  return { count: pages.length, largest };
}

/** `explainer build` (of the `code` snapshot) in the project; with `cpuProf`, every Node process and thread writes a V8 profile there. */
export async function buildSite(code: string, project: string, cpuProf?: string): Promise<SiteRun> {
  const env: NodeJS.ProcessEnv = { ASTRO_TELEMETRY_DISABLED: '1', CI: '1', NO_COLOR: '1' };
  if (cpuProf) env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --cpu-prof --cpu-prof-dir=${cpuProf}`.trim();
  const run = await measure(process.execPath, [join(code, 'src/cli.ts'), 'build'], { cwd: project, env });
  if (run.code !== 0) throw new Error(`explainer build exited ${run.code}\n${run.stdout.slice(-4000)}\n${run.stderr.slice(-4000)}`);
  const output = `${run.stdout}\n${run.stderr}`;
  const counts = output.match(/(\d+) extracted, (\d+) from cache/);
  const rendered = run.lines.filter((l) => l.text.includes('├─')).length;
  const kept = output.match(/kept (\d+) unchanged pages? of the last build/);
  const html = htmlPages(join(project, 'dist'));
  return {
    ...run,
    pages: html.count,
    largestPage: html.largest,
    extracted: counts ? Number(counts[1]) : null,
    cached: counts ? Number(counts[2]) : null,
    rendered,
    kept: kept ? Number(kept[1]) : 0,
    phases: phases(run),
  };
}
