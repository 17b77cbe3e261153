/**
 * Words per second of one engine over every seed in a folder, in this process's main thread
 * (run.ts pins the process to one core). Files are read before the clock starts; a warm-up pass
 * over the first articles lets the JIT settle. Prints one JSON line.
 *
 *   npx node scripts/bench/throughput.ts --engine explainer|compromise --dir DIR [--src SRC]
 *
 * --src: the src/ folder whose extract() to measure (default: this repo's).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import nlp from 'compromise';
import { countWords } from './corpus.ts';

export interface Throughput {
  engine: string;
  articles: number;
  words: number;
  /** Wall seconds, and the process's CPU seconds (user + system), which other load on the core does not inflate. */
  seconds: number;
  cpuSeconds: number;
  wordsPerSecond: number;
  wordsPerCpuSecond: number;
  /** What the engine found, so a run that silently does nothing shows. */
  people: number;
  quotes: number;
}

type Engine = (path: string, text: string) => { people: number; quotes: number };
type Extract = typeof import('../../src/extract/index.ts').extract;

const { values } = parseArgs({ options: { engine: { type: 'string', default: 'explainer' }, dir: { type: 'string' }, src: { type: 'string' } } });
const { extract } = (await import(pathToFileURL(join(values.src ?? new URL('../../src', import.meta.url).pathname, 'extract/index.ts')).href)) as { extract: Extract };

const engines: Record<string, Engine> = {
  explainer: (path, text) => {
    const r = extract({ path, text });
    return { people: r.actors.filter((a) => a.kind === 'person').length, quotes: r.quotes.length };
  },
  // The peer: what a JavaScript user would reach for to find people and quotations.
  compromise: (_path, text) => {
    const doc = nlp(text);
    return { people: (doc.people().out('array') as string[]).length, quotes: (doc.quotations().out('array') as string[]).length };
  },
};

function throughput(engineName: string, dir: string, warmup = 20): Throughput {
  const engine = engines[engineName];
  if (!engine) throw new Error(`unknown engine ${engineName}`);
  const seeds = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ path: `seeds/${f}`, text: readFileSync(join(dir, f), 'utf8') }));
  for (const s of seeds.slice(0, warmup)) engine(s.path, s.text);
  let people = 0;
  let quotes = 0;
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  for (const s of seeds) {
    const found = engine(s.path, s.text);
    people += found.people;
    quotes += found.quotes;
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const words = seeds.reduce((n, s) => n + countWords(s.text), 0);
  return { engine: engineName, articles: seeds.length, words, seconds, cpuSeconds, wordsPerSecond: words / seconds, wordsPerCpuSecond: words / cpuSeconds, people, quotes };
}

if (!values.dir) throw new Error('--dir DIR is required');
console.log(JSON.stringify(throughput(values.engine!, values.dir)));
