/**
 * Seeded generator of benchmark corpora: recombines paragraphs of the real articles in
 * ../shared (corpus/articles, the dev set and the first seed) into N distinct articles whose
 * people are renamed per article, so the knowledge base grows with N instead of collapsing
 * onto the few dozen people of the source texts. Same seed and N → byte-identical corpus.
 * Without ../shared (a fresh clone), the openly licensed copies in tests/corpus/articles are
 * the sources, so the benchmark (and its smoke test) runs anywhere.
 *
 *   npx node scripts/bench/corpus.ts --size 100 --out DIR [--seed 7] [--sources DIR]
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import nlp from 'compromise';

export const defaultSeed = 0x5eed;

/** mulberry32: a tiny, fast, well-mixed 32-bit PRNG; enough for shuffling text. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The word count every throughput figure uses: whitespace-separated tokens. */
export function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(/\S+/g)) n++;
  return n;
}

interface Source {
  file: string;
  headline: string;
  paragraphs: string[];
  words: number;
}

interface Person {
  full: string;
  last: string;
}

const sharedDir = new URL('../../../shared/', import.meta.url).pathname;
const testCorpus = new URL('../../tests/corpus/articles/', import.meta.url).pathname;

/** Where the real texts come from: the folders of source articles, and the folder of gold files (.gold.json) whose persons are renamed too, when there is one. */
export interface SourceDirs {
  articles: string[];
  gold: string | null;
}

/**
 * ../shared's corpus, dev set and first seed when ../shared is there, else the openly licensed
 * articles in tests/corpus; `articles` names one folder of .txt articles instead.
 */
export function sourceDirs(articles?: string): SourceDirs {
  if (articles) return { articles: [articles], gold: null };
  if (!existsSync(join(sharedDir, 'corpus/articles'))) return { articles: [testCorpus], gold: null };
  return { articles: ['corpus/articles', 'eval/dev', 'seeds'].map((d) => join(sharedDir, d)), gold: join(sharedDir, 'eval/dev') };
}

/** How a report names the sources. */
export function describeSources(dirs: SourceDirs): string {
  return dirs.gold ? '`../shared` (`corpus/articles/`, the dev set in `eval/dev/` and the first seed)' : dirs.articles.map((d) => `\`${d}\``).join(', ');
}

function txtFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(dir, f));
}

/** Every real article of the source folders, in a fixed order. */
export function loadSources(dirs: SourceDirs = sourceDirs()): Source[] {
  const files = dirs.articles.flatMap(txtFiles);
  if (!files.length) throw new Error(`no .txt articles in ${dirs.articles.join(', ')}`);
  return files.map((file) => {
    const [headline, ...paragraphs] = readFileSync(file, 'utf8')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    return { file, headline, paragraphs, words: countWords(paragraphs.join(' ')) };
  });
}

/** Capitalised titles that compromise keeps in front of a name ("President Joe Biden"). */
const titles = new Set(
  'President Vice Prime Minister Secretary Foreign Deputy Chief Director General Administrator Governor Senator Justice Judge Chancellor Lord Lady First Crown Prince Princess King Queen Sheikh Pope Sir Dame Mr Mrs Ms Dr Captain Commissioner Ambassador Mayor Premier Representative Rep Sen Gov Hon Rt Professor Prof'.split(' '),
);

const nameToken = /^\p{Lu}[\p{Ll}'’]+(?:-\p{L}[\p{Ll}'’]*)?$/u;

/**
 * People named in the sources. compromise's `people()` finds candidates (noisy: titles,
 * possessives, fragments); only runs of two or three capitalised name-like tokens are kept.
 * The gold persons of the dev set are added. A name's last token is renamed on its own
 * too ("Putin said"), unless it is also an ordinary lowercase word somewhere ("May").
 */
export function findPeople(sources: Source[], goldDir: string | null): { people: Person[]; firstNames: string[] } {
  const full = new Set<string>();
  for (const s of sources)
    for (const raw of nlp([s.headline, ...s.paragraphs].join('\n')).people().out('array') as string[]) {
      const tokens = raw
        .replace(/['’]s\b/gu, '')
        .replace(/[^\p{L}'’\s-]/gu, ' ')
        .split(/\s+/)
        .filter((t) => t && /^\p{Lu}/u.test(t));
      while (tokens.length && titles.has(tokens[0])) tokens.shift();
      if (tokens.length >= 2 && tokens.length <= 3 && tokens.every((t) => nameToken.test(t))) full.add(tokens.join(' '));
    }
  for (const f of goldDir ? readdirSync(goldDir).filter((f) => f.endsWith('.gold.json')).sort() : []) {
    const gold = JSON.parse(readFileSync(join(goldDir!, f), 'utf8')) as { actors: { name: string; kind: string }[] };
    for (const a of gold.actors) if (a.kind === 'person' && a.name.split(' ').length >= 2) full.add(a.name);
  }
  const lowercase = new Set(sources.flatMap((s) => (s.paragraphs.join(' ').match(/\b\p{Ll}+\b/gu) ?? []) as string[]));
  // "President Biden", "Mr. Tedeschi": surnames that compromise misses, renamed on their own.
  for (const s of sources)
    for (const m of [s.headline, ...s.paragraphs].join('\n').matchAll(/\b(?:President|Mr|Mrs|Ms|Dr|Secretary|Minister|Senator|Justice|Chancellor) ?\.? (\p{Lu}\p{Ll}+)\b/gu))
      full.add(m[1]);
  const people = [...full].sort().map((name) => {
    const last = name.split(' ').at(-1)!;
    return { full: name, last: lowercase.has(last.toLowerCase()) ? '' : last };
  }).filter((p) => p.full.includes(' ') || p.last);
  const firstNames = [...new Set(people.filter((p) => p.full.includes(' ')).map((p) => p.full.split(' ')[0]))].sort();
  return { people, firstNames };
}

const onsets = ['B', 'D', 'F', 'G', 'H', 'K', 'L', 'M', 'N', 'P', 'R', 'S', 'T', 'V', 'Z', 'Br', 'Dr', 'Gr', 'Kr', 'St', 'Tr', 'Ch', 'Sh', 'Th'];
const nuclei = ['a', 'e', 'i', 'o', 'u', 'ai', 'ei', 'ou', 'ia'];
const codas = ['', '', 'n', 'r', 'l', 's', 'm', 'k', 'nd', 'rt', 'st', 'ck'];
const endings = ['son', 'ova', 'ez', 'ski', 'ani', 'berg', 'ford', 'ar', 'el', 'in', 'ton', 'ic'];

/** A surname from syllable tables: 24·9·12 per syllable, so collisions are rare and retried. */
function surname(rand: () => number): string {
  const pick = <T,>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const syllables = 1 + Math.floor(rand() * 2);
  let s = '';
  for (let i = 0; i < syllables; i++) s += pick(onsets) + pick(nuclei) + pick(codas);
  s += pick(endings);
  return s[0] + s.slice(1).toLowerCase();
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface GeneratedArticle {
  name: string;
  text: string;
}

/**
 * N articles. Each takes a real article's length as its target, a run of consecutive paragraphs
 * from one source (so quotes that run over a paragraph end stay whole) and further runs from
 * one or two other sources. Every person in it is renamed: a real first name and a generated
 * surname, fresh for the article (3 in 4) or drawn from a recurring cast of N/8 names (1 in 4),
 * so some actors recur across articles, as in a real archive, and the actor count grows with N.
 */
export function generate(size: number, seed = defaultSeed, dirs: SourceDirs = sourceDirs()): GeneratedArticle[] {
  const rand = mulberry32(seed);
  const sources = loadSources(dirs);
  const { people, firstNames } = findPeople(sources, dirs.gold);
  const used = new Set<string>();
  const freshName = (): string => {
    for (;;) {
      const name = `${firstNames[Math.floor(rand() * firstNames.length)]} ${surname(rand)}`;
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
  const cast = Array.from({ length: Math.max(8, Math.ceil(size / 8)) }, freshName);
  const peopleIn = new Map(
    sources.map((s) => {
      const text = [s.headline, ...s.paragraphs].join('\n');
      const words = new Set(text.split(/[^\p{L}'’-]+/u));
      return [s, people.filter((p) => text.includes(p.full) || (p.last && words.has(p.last)))];
    }),
  );
  const headlines = new Set<string>();
  const articles: GeneratedArticle[] = [];
  for (let i = 0; i < size; i++) {
    const target = sources[Math.floor(rand() * sources.length)].words;
    const picked: Source[] = [];
    const paragraphs: string[] = [];
    let words = 0;
    for (let part = 0; part < 3 && words < target; part++) {
      const src = sources[Math.floor(rand() * sources.length)];
      if (picked.includes(src)) continue;
      picked.push(src);
      const want = part === 0 ? target * 0.6 : target - words;
      let at = Math.floor(rand() * Math.max(1, src.paragraphs.length - 2));
      for (let taken = 0; at < src.paragraphs.length && taken < want; at++) {
        const n = countWords(src.paragraphs[at]);
        paragraphs.push(src.paragraphs[at]);
        taken += n;
        words += n;
      }
    }
    const renames = new Map<string, string>();
    for (const p of new Set(picked.flatMap((s) => peopleIn.get(s)!))) {
      const name = rand() < 0.25 ? cast[Math.floor(rand() * cast.length)] : freshName();
      renames.set(p.full, p.full === p.last ? name.split(' ').at(-1)! : name);
      if (p.last && !renames.has(p.last)) renames.set(p.last, name.split(' ').at(-1)!);
    }
    const keys = [...renames.keys()].sort((a, b) => b.length - a.length);
    const pattern = keys.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${keys.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu') : null;
    const rename = (s: string) => (pattern ? s.replace(pattern, (m) => renames.get(m)!) : s);
    let headline = rename(picked[0].headline);
    for (let k = 2; headlines.has(headline); k++) headline = `${rename(picked[0].headline)} (${k})`;
    headlines.add(headline);
    articles.push({ name: `bench-${String(i + 1).padStart(5, '0')}.txt`, text: `${[headline, ...paragraphs.map(rename)].join('\n')}\n` });
  }
  return articles;
}

/** Writes the corpus as seed files into `dir`; returns the total word count. */
export function writeCorpus(dir: string, size: number, seed = defaultSeed, dirs: SourceDirs = sourceDirs()): { files: number; words: number } {
  mkdirSync(dir, { recursive: true });
  let words = 0;
  const articles = generate(size, seed, dirs);
  for (const a of articles) {
    writeFileSync(join(dir, a.name), a.text);
    words += countWords(a.text);
  }
  return { files: articles.length, words };
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { size: { type: 'string', default: '100' }, out: { type: 'string' }, seed: { type: 'string' }, sources: { type: 'string' } } });
  if (!values.out) throw new Error('--out DIR is required');
  const stats = writeCorpus(values.out, Number(values.size), values.seed ? Number(values.seed) : defaultSeed, sourceDirs(values.sources));
  console.log(`${stats.files} articles, ${stats.words} words → ${values.out}`);
}
