/**
 * `npm run bench`: generates corpora, measures extraction throughput against compromise, full
 * builds, one-seed rebuilds and the bare-Astro floor, prints a table and writes docs/BENCHMARKS.md.
 *
 *   npx node scripts/bench/run.ts [--sizes 100,1000] [--repeat 2] [--quick] [--profile] [--no-write] [--keep] [--sources DIR]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultSeed, describeSources, loadSources, sourceDirs, writeCorpus } from './corpus.ts';
import { buildFloor } from './floor.ts';
import type { Run } from './measure.ts';
import { largest as top, summariseProfiles, type ProfileSummary } from './profile.ts';
import { buildSite, editOneSeed, htmlPages, phaseNames, prepareSite, snapshotProject, type SiteRun } from './site.ts';
import type { Throughput } from './throughput.ts';

const root = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
const { values } = parseArgs({
  options: {
    sizes: { type: 'string' },
    repeat: { type: 'string' },
    quick: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    sources: { type: 'string' },
  },
});
const sources = sourceDirs(values.sources);
const sizes = (values.sizes ?? (values.quick ? '20,100' : '100,1000,10000')).split(',').map(Number).sort((a, b) => a - b);
if (sizes.length < 2 || sizes.some((n) => !Number.isInteger(n) || n < 2)) throw new Error(`--sizes needs two or more integers ≥ 2, got ${values.sizes}`);
const repeat = Number(values.repeat ?? (values.quick ? 1 : 2));
if (!Number.isInteger(repeat) || repeat < 1) throw new Error(`--repeat must be a positive integer, got ${values.repeat}`);
const largest = sizes.at(-1)!;
/** The archive size the targets are set at (1,000 articles, or the size below the largest), and the one they must scale to (the largest). */
const reference = sizes.includes(1000) && largest > 1000 ? 1000 : sizes.at(-2)!;
/** Sizes from 10,000 articles up are built once: one full build of that size takes many minutes. */
const repeatsFor = (size: number) => (size >= 10_000 ? 1 : repeat);
/** Throughput and profiles use sizes up to 1,000 articles: the peer alone needs about 35 s per 1,000, and a profile of a large build many minutes. */
const throughputSize = sizes.filter((n) => n <= 1000).at(-1) ?? sizes[0];
const profiled = sizes.filter((n) => n <= 1000).slice(-2);
const work = join(root, 'scripts/bench/.work', `run-${process.pid}`);

const targets = { extractionVsPeer: 5, buildVsFloor: 3, rebuildVsBuild: 0.15, peakRssMiB: 4096, perArticleGrowth: 1.2, pageKiB: 200 };

interface SizeResult {
  size: number;
  words: number;
  build: SiteRun;
  floor: Run;
  rebuild: SiteRun;
}

function log(message: string): void {
  console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

/** Best of the repeats: the fastest run's wall and CPU time, the largest peak memory of any. */
function best<T extends Run>(runs: T[]): T {
  const fastest = runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  const cpu = runs.map((r) => r.cpuSeconds).filter((c) => c != null);
  const single = runs.map((r) => r.maxProcessRssMiB).filter((m) => m != null);
  return {
    ...fastest,
    peakRssMiB: Math.max(...runs.map((r) => r.peakRssMiB)),
    maxProcessRssMiB: single.length ? Math.max(...single) : null,
    atPeak: runs.reduce((a, b) => (b.peakRssMiB > a.peakRssMiB ? b : a)).atPeak,
    cpuSeconds: cpu.length ? Math.min(...cpu) : null,
  };
}

/** One engine's throughput in a fresh process pinned to one core (taskset), so GC and JIT threads share it. */
function measureThroughput(engine: string, dir: string, code: string): Throughput {
  const node = [process.execPath, join(root, 'scripts/bench/throughput.ts'), '--engine', engine, '--dir', dir, '--src', join(code, 'src')];
  const [cmd, args] = existsSync('/usr/bin/taskset') ? ['/usr/bin/taskset', ['-c', '0', ...node]] : [node[0], node.slice(1)];
  return JSON.parse(execFileSync(cmd, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20 }).trim().split('\n').at(-1)!) as Throughput;
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

const fmt = (n: number, digits = 1) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const int = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });
const cpuText = (r: Run) => (r.cpuSeconds == null ? '?' : fmt(r.cpuSeconds));
const rssText = (r: Run) => `${int(r.peakRssMiB)}${r.maxProcessRssMiB == null ? '' : ` (${int(r.maxProcessRssMiB)})`}`;

/** CPU profiles of one more cold full build of `size` articles. */
async function profileBuild(size: number, code: string): Promise<ProfileSummary> {
  log(`profiling a full build of ${size}`);
  const project = join(work, `site-${size}`);
  const profiles = join(work, `profiles-${size}`);
  mkdirSync(profiles, { recursive: true });
  prepareSite(project, join(work, `corpus-${size}`));
  await buildSite(code, project, profiles);
  rmSync(project, { recursive: true, force: true });
  return summariseProfiles(profiles);
}

async function measureSize(size: number, words: number, code: string): Promise<SizeResult> {
  const corpus = join(work, `corpus-${size}`);
  const project = join(work, `site-${size}`);
  const floorDir = join(work, `floor-${size}`);
  const builds: SiteRun[] = [];
  const floors: Run[] = [];
  // Builds and floors alternate so that a burst of other load on the machine hits both alike.
  const repeats = repeatsFor(size);
  for (let i = 1; i <= repeats; i++) {
    rmSync(project, { recursive: true, force: true });
    prepareSite(project, corpus);
    const build = await buildSite(code, project);
    builds.push(build);
    log(`full build of ${size} (${i}/${repeats}): ${fmt(build.seconds)} s, ${cpuText(build)} s CPU, ${int(build.peakRssMiB)} MiB, ${int(build.pages)} pages`);
    rmSync(floorDir, { recursive: true, force: true });
    const floor = await buildFloor(floorDir, builds[0].pages);
    const floorPages = htmlPages(join(floorDir, 'dist')).count;
    if (floorPages !== builds[0].pages) throw new Error(`the floor built ${floorPages} pages, not ${builds[0].pages}`);
    floors.push(floor);
    log(`floor, bare Astro with ${int(builds[0].pages)} trivial pages (${i}/${repeats}): ${fmt(floor.seconds)} s, ${cpuText(floor)} s CPU`);
  }
  rmSync(floorDir, { recursive: true, force: true });
  const rebuilds: SiteRun[] = [];
  for (let i = 1; i <= repeats; i++) {
    const edited = editOneSeed(project);
    const rebuild = await buildSite(code, project);
    rebuilds.push(rebuild);
    log(`rebuild of ${size} after editing ${edited} (${i}/${repeats}): ${fmt(rebuild.seconds)} s, ${rebuild.extracted ?? '?'} seed(s) re-extracted, ${rebuild.cached ?? '?'} from cache, ${int(rebuild.rendered)} page(s) rendered, ${int(rebuild.kept)} kept`);
  }
  rmSync(project, { recursive: true, force: true });
  // A rebuild that re-extracted more than one seed fails the check below, so the slowest such run is the one reported.
  const rebuild = rebuilds.every((r) => r.extracted === 1) ? best(rebuilds) : rebuilds.find((r) => r.extracted !== 1)!;
  return { size, words, build: best(builds), floor: best(floors), rebuild };
}

async function main(): Promise<void> {
  const started = new Date();
  const loadStart = loadavg()[0];
  mkdirSync(work, { recursive: true });
  const code = snapshotProject(join(work, 'code'));
  // The commit the snapshot was taken from, not the one HEAD reaches while the run goes on.
  const dirty = git(['status', '--porcelain', '--', 'src']) !== '';
  const commit = `${git(['rev-parse', '--short', 'HEAD'])}${dirty ? ' plus uncommitted changes in src/' : ''}`;
  const corpusWords = new Map<number, number>();
  for (const size of sizes) {
    const stats = writeCorpus(join(work, `corpus-${size}`), size, defaultSeed, sources);
    corpusWords.set(size, stats.words);
    log(`corpus of ${size}: ${int(stats.words)} words`);
  }

  log(`throughput over the ${throughputSize}-article corpus (one core)`);
  const explainer = measureThroughput('explainer', join(work, `corpus-${throughputSize}`), code);
  const peer = measureThroughput('compromise', join(work, `corpus-${throughputSize}`), code);
  log(`extract(): ${int(explainer.wordsPerCpuSecond)} words per CPU second; compromise: ${int(peer.wordsPerCpuSecond)}`);

  const results: SizeResult[] = [];
  for (const size of sizes) results.push(await measureSize(size, corpusWords.get(size)!, code));

  const big = results.at(-1)!;
  const ref = results.find((r) => r.size === reference)!;
  const floorRatio = (r: SizeResult) => r.build.seconds / r.floor.seconds;
  const rebuildRatio = (r: SizeResult) => r.rebuild.seconds / r.build.seconds;
  const perArticle = (r: SizeResult) => (r.build.seconds / r.size) * 1000;
  const perArticleGrowth = perArticle(big) / perArticle(ref);
  const largestPage = results.reduce((a, b) => (b.build.largestPage.bytes > a.build.largestPage.bytes ? b : a)).build.largestPage;
  const checks = [
    {
      target: `Extraction ≥ ${targets.extractionVsPeer}× compromise (words/s, one core)`,
      value: `${fmt(explainer.wordsPerCpuSecond / peer.wordsPerCpuSecond, 2)}× (${int(explainer.wordsPerCpuSecond)} vs ${int(peer.wordsPerCpuSecond)} words per CPU second)`,
      met: explainer.wordsPerCpuSecond >= targets.extractionVsPeer * peer.wordsPerCpuSecond,
    },
    {
      target: `Full build of ${int(ref.size)} ≤ ${targets.buildVsFloor}× the bare-Astro floor (same page count)`,
      value: `${fmt(floorRatio(ref), 2)}× (${fmt(ref.build.seconds)} s vs ${fmt(ref.floor.seconds)} s)`,
      met: floorRatio(ref) <= targets.buildVsFloor,
    },
    {
      target: `Full build of ${int(big.size)}: the same ratio to the floor or better`,
      value: `${fmt(floorRatio(big), 2)}× (${fmt(big.build.seconds)} s vs ${fmt(big.floor.seconds)} s)`,
      met: floorRatio(big) <= Math.max(targets.buildVsFloor, floorRatio(ref)),
    },
    {
      target: `Peak RSS of the full build of ${int(big.size)} ≤ ${targets.peakRssMiB / 1024} GiB`,
      value: `${int(big.build.peakRssMiB)} MiB`,
      met: big.build.peakRssMiB <= targets.peakRssMiB,
    },
    {
      target: `Cost per article at ${int(big.size)} ≤ ${targets.perArticleGrowth}× the cost at ${int(ref.size)}`,
      value: `${fmt(perArticleGrowth, 2)}× (${fmt(perArticle(ref), 0)} → ${fmt(perArticle(big), 0)} ms/article)`,
      met: perArticleGrowth <= targets.perArticleGrowth,
    },
    {
      target: `Rebuild after editing one seed of ${int(ref.size)}: only that seed re-extracted`,
      value: ref.rebuild.extracted == null ? 'not reported by the build' : `${ref.rebuild.extracted} re-extracted, ${ref.rebuild.cached} from cache`,
      met: results.every((r) => r.rebuild.extracted === 1),
    },
    {
      target: `One-seed rebuild of ${int(ref.size)} ≤ ${targets.rebuildVsBuild * 100} % of its full build`,
      value: `${fmt(rebuildRatio(ref) * 100)} % (${fmt(ref.rebuild.seconds)} s vs ${fmt(ref.build.seconds)} s; ${int(ref.rebuild.rendered)} pages rendered, ${int(ref.rebuild.kept)} kept)`,
      met: rebuildRatio(ref) <= targets.rebuildVsBuild,
    },
    {
      target: `No page over ${targets.pageKiB} KB of HTML`,
      value: `largest ${int(largestPage.bytes / 1000)} KB (\`${largestPage.path}\`)`,
      met: largestPage.bytes <= targets.pageKiB * 1000,
    },
  ];

  // A missed build target gets profiles of two builds up to 1,000 articles: where the time goes, and what grows faster than the article count.
  const missedBuildTarget = checks.slice(1, 5).some((c) => !c.met) || !checks[6].met;
  const [small, profiledBig] = [results.find((r) => r.size === profiled[0])!, results.find((r) => r.size === profiled.at(-1))!];
  const profiles = values.profile || missedBuildTarget ? { small: await profileBuild(small.size, code), big: await profileBuild(profiledBig.size, code) } : null;
  const loadEnd = loadavg()[0];

  const cpu = cpus();
  const version = (pkg: string) => (JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
  const machine = {
    cores: cpu.length,
    model: cpu[0]?.model ?? 'unknown',
    memory: `${int(totalmem() / 2 ** 30)} GiB`,
    commit,
  };

  const targetTable = ['| target | measured | |', '| --- | --- | --- |', ...checks.map((c) => `| ${c.target} | ${c.value} | ${c.met ? 'met' : '**missed**'} |`)].join('\n');
  const throughputTable = [
    '| engine | articles | words | wall s | CPU s | words per CPU second | words per wall second | people found | quotes found |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...[explainer, peer].map(
      (t) => `| ${t.engine === 'explainer' ? '`extract()`' : '`compromise`: `people()` + `quotations()`'} | ${int(t.articles)} | ${int(t.words)} | ${fmt(t.seconds, 2)} | ${fmt(t.cpuSeconds, 2)} | ${int(t.wordsPerCpuSecond)} | ${int(t.wordsPerSecond)} | ${int(t.people)} | ${int(t.quotes)} |`,
    ),
  ].join('\n');
  const buildTable = [
    '| articles | words | pages | largest page KB | full build s | CPU s | ms/article | peak RSS MiB (largest process) | floor s | floor CPU s | floor RSS MiB | build ÷ floor | CPU ÷ floor CPU |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map((r) => {
      const cpuRatio = r.build.cpuSeconds != null && r.floor.cpuSeconds ? fmt(r.build.cpuSeconds / r.floor.cpuSeconds, 2) : '?';
      return `| ${int(r.size)} | ${int(r.words)} | ${int(r.build.pages)} | ${int(r.build.largestPage.bytes / 1000)} | ${fmt(r.build.seconds)} | ${cpuText(r.build)} | ${fmt(perArticle(r), 0)} | ${rssText(r.build)} | ${fmt(r.floor.seconds)} | ${cpuText(r.floor)} | ${rssText(r.floor)} | ${fmt(r.build.seconds / r.floor.seconds, 2)} | ${cpuRatio} |`;
    }),
  ].join('\n');
  const rebuildTable = [
    '| articles | full build s | rebuild s | CPU s | rebuild ÷ full build | re-extracted | from cache | pages rendered | pages kept |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map(
      (r) =>
        `| ${int(r.size)} | ${fmt(r.build.seconds)} | ${fmt(r.rebuild.seconds)} | ${cpuText(r.rebuild)} | ${fmt(rebuildRatio(r) * 100)} % | ${r.rebuild.extracted ?? '?'} | ${r.rebuild.cached ?? '?'} | ${int(r.rebuild.rendered)} | ${int(r.rebuild.kept)} |`,
    ),
  ].join('\n');
  const peakLine = `At the peak of the full build of ${int(big.size)}: ${big.build.atPeak.map((p) => `\`${p.command}\` ${int(p.rssMiB)} MiB`).join(', ')}.`;
  const phased = [...new Set([ref, big])];
  const shownPhases = phaseNames.filter((name) => phased.some((r) => [...r.build.phases, ...r.rebuild.phases].some((p) => p.name === name)));
  const phaseSeconds = (run: SiteRun, name: string) => ((s) => (s == null ? '–' : fmt(s)))(run.phases.find((p) => p.name === name)?.seconds);
  const phaseTable = [
    `| phase | ${phased.map((r) => `full build of ${int(r.size)} s | rebuild of ${int(r.size)} s`).join(' | ')} |`,
    `| --- |${' ---: | ---: |'.repeat(phased.length)}`,
    ...shownPhases.map((name) => `| ${name} | ${phased.map((r) => `${phaseSeconds(r.build, name)} | ${phaseSeconds(r.rebuild, name)}`).join(' | ')} |`),
  ].join('\n');
  const profileSection = profiles
    ? (() => {
        const { small: ps, big: pb } = profiles;
        const sizeGrowth = profiledBig.size / small.size;
        return [
          '## Where the time goes',
          '',
          `CPU profiles of one more cold full build of ${int(small.size)} and of ${int(profiledBig.size)} articles, with \`--cpu-prof\` on every Node process and thread (profiling slows a build down). Busy time is sampled CPU time outside \`(idle)\`; with ${cpu.length} cores, threads overlap. Pagefind's indexer is a native binary and does not appear.`,
          '',
          `| process or thread (${int(profiledBig.size)} articles) | wall s | busy s |`,
          '| --- | ---: | ---: |',
          ...pb.threads.map((t) => `| ${t.role} | ${fmt(t.wallSeconds)} | ${fmt(t.busySeconds)} |`),
          '',
          `Self time by process and package or project file (${fmt(pb.busySeconds)} s busy at ${int(profiledBig.size)} articles, ${fmt(ps.busySeconds)} s at ${int(small.size)}). **Growth per article** is how much faster than the article count (×${fmt(sizeGrowth, 0)}) a row grew: about 1 is linear, well above 1 a step that grows faster than the archive.`,
          '',
          `| process › where | self s at ${int(small.size)} | self s at ${int(profiledBig.size)} | share at ${int(profiledBig.size)} | growth per article |`,
          '| --- | ---: | ---: | ---: | ---: |',
          ...top(pb.places, 15).map(([key, s]) => {
            const before = ps.places.get(key) ?? 0;
            return `| ${key} | ${fmt(before, 2)} | ${fmt(s, 2)} | ${fmt((s / pb.busySeconds) * 100)} % | ${before > 0.05 ? fmt(s / before / sizeGrowth, 2) : '–'} |`;
          }),
          '',
          `Hottest functions at ${int(profiledBig.size)} articles (self time):`,
          '',
          '| process › function (file:line) | self s |',
          '| --- | ---: |',
          ...top(pb.functions, 12).map(([key, s]) => `| ${key.replaceAll('|', '\\|')} | ${fmt(s, 2)} |`),
          '',
          '',
        ].join('\n');
      })()
    : '';

  // A hand-written analysis between these markers survives a rerun; the rest of the file is generated.
  const reportPath = join(root, 'docs/BENCHMARKS.md');
  const kept = existsSync(reportPath) ? /<!-- analysis -->[\s\S]*?<!-- \/analysis -->\n/.exec(readFileSync(reportPath, 'utf8'))?.[0] : undefined;
  const analysis = kept ?? '<!-- analysis -->\n<!-- /analysis -->\n';
  const report = `# Benchmarks

Numbers from one run of \`npm run bench\` (${sizes.map(int).join(', ')} articles; best of ${repeat} below 10,000, once from 10,000), started ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC.

**Machine:** ${machine.cores} cores (${machine.model}), ${machine.memory} RAM; 1-minute load average ${fmt(loadStart, 2)} at the start and ${fmt(loadEnd, 2)} at the end (other work on the machine inflates wall times; CPU times are less affected). Node ${process.version}, Astro ${version('astro')}, compromise ${version('compromise')}; code copied from the working tree at commit ${machine.commit} when the run started.

## Targets

${targetTable}

${analysis}
## Extraction throughput

Both engines over the same ${int(largest)} generated articles, in-process, each in its own Node process pinned to one core (\`taskset -c 0\`), after a warm-up over 20 articles; a word is a whitespace-separated token.

${throughputTable}

\`extract()\` is **${fmt(explainer.wordsPerCpuSecond / peer.wordsPerCpuSecond, 2)}×** the peer's throughput. The ratio uses CPU seconds (user + system of the pinned process, so its GC threads count too): on an idle core they equal wall seconds, and other load on the machine does not inflate them.

## Full build against the floor

- **full build**: \`explainer build\` (seeds → \`content/\` → \`astro build\` → Pagefind index) in a fresh folder, so its extraction cache and Astro's cache are cold.
- **floor**: a bare Astro ${version('astro')} project rendering the same number of trivial pages from one dynamic route (no content collection, no layout, no search index): what Astro itself costs for that many pages.
- **CPU s**: user + system CPU time of the whole process tree.
- **peak RSS**: the larger of the process tree's summed resident memory (sampled every 100 ms) and the largest single process's maximum (\`getrusage\`), which is in brackets.

${buildTable}

${peakLine}

## Rebuild after editing one seed

After the full build, one seed (the middle one) gets a quoted sentence appended and the project is built again with its caches warm: the extraction cache, Astro's content store and the last build's pages (Astro renders only the pages whose key changed; the build links the others from the last build, \`src/site/page-keys.ts\`). **Pages rendered** come from Astro's output (counting the pages without a key too: the home page, the open data) and **pages kept** from the build's.

${rebuildTable}

Where the wall time goes at ${phased.map((r) => int(r.size)).join(' and ')} articles, from when each phase's first output line arrives (a rebuild extracts too few seeds to print extraction progress, so its extraction is counted in the next phase):

${phaseTable}

${profileSection}## How the corpus is generated

\`scripts/bench/corpus.ts\` recombines the ${loadSources(sources).length} real articles in ${describeSources(sources)} with the mulberry32 PRNG seeded with \`0x${defaultSeed.toString(16)}\`, so a size always gives the same files:

1. Each generated article takes a random real article's length as its target, then a run of consecutive paragraphs from one source (about 60 % of the target; consecutive so quotes that run over a paragraph end stay whole) and runs from up to two other sources until the target is reached. The headline is the first source's, renamed, with \`(2)\`, \`(3)\`… when it repeats.
2. People are found once in the sources: compromise's \`people()\` candidates cut to runs of two or three capitalised name-like tokens (titles such as "President" removed), the dev set's gold persons, and surnames after a title ("President Biden").
3. In each generated article every person of its sources is renamed: a real first name from the sources and a surname built from syllable tables. Three in four get a fresh name, never used before; one in four gets a name from a recurring cast of N/8 people, so some actors appear in several articles, as in a real archive, while the number of actors grows with N. A surname alone ("Putin said") is renamed too, unless it is also an ordinary lowercase word in the sources ("May").

The generated texts are scratch data under \`scripts/bench/.work/\` (git-ignored) and are deleted at the end of the run: the Reuters and seed texts may only be used for development and testing.

## How to reproduce

\`\`\`sh
npm install
npm run bench                              # 100, 1,000 and 10,000 articles (best of 2 below 10,000); rewrites this file
npm run bench -- --sizes 100,1000         # without the 10,000 (about half an hour less)
npm run bench -- --repeat 3                # best of 3
npm run bench -- --quick --no-write        # smoke run: 20 and 100 articles, once, prints only
npm run bench -- --profile                 # add the CPU profile even when every target is met
npx node scripts/bench/corpus.ts --size 1000 --out /tmp/corpus   # only the corpus
\`\`\`

The run copies \`src/\` and the Astro config once at its start, so edits made while it runs do not mix into its numbers; \`--keep\` leaves its scratch folder in place. A missed build target adds CPU profiles of two builds up to 1,000 articles to this file. The notes between \`<!-- analysis -->\` markers are written by hand and kept when the file is regenerated: check them against the new numbers. Run it on an otherwise idle machine.
`;

  console.log(`\n${targetTable}\n\n${throughputTable}\n\n${buildTable}\n\n${peakLine}\n\n${rebuildTable}\n\n${phaseTable}\n${profileSection ? `\n${profileSection}` : ''}`);
  if (!values['no-write']) {
    mkdirSync(join(root, 'docs'), { recursive: true });
    writeFileSync(reportPath, report);
    log('wrote docs/BENCHMARKS.md');
  }
}

// The builds' own background deletions of their previous output may still be running in there.
const cleanup = () => {
  if (!values.keep) rmSync(work, { recursive: true, force: true, maxRetries: 10 });
};
process.on('SIGINT', () => {
  cleanup();
  process.exit(130);
});
try {
  await main();
} finally {
  cleanup();
}
