// Every setting from outside, read in one place and checked with zod: the command line of each
// command (with its usage text), the environment the build hands Astro (read by astro.config.mjs
// and src/content.config.ts, written by the build, the dev server and the tests), and the test
// hooks of the build. A bad value is a usage error naming the option, never a stack trace.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { failure, usageError } from './diagnostics.ts';
import { defaultMaxSeedBytes, formatBytes } from './collection/read-seed.ts';

/** Per-seed time budget of the extraction: a seed over it is an error naming it. */
export const defaultSeedTimeLimitMs = 20_000;

/** What `explainer build` (and `dev`, `review`) are told by their options. */
export interface BuildArgs {
  /** The folder holding `seeds/`: the working directory. */
  root: string;
  /** Stop after `content/` (no Astro build, `dist/` untouched). */
  contentOnly: boolean;
  skipInvalid: boolean;
  maxSeedBytes: number;
  /** Follow symbolic links in `seeds/` that point outside it (default: refused). */
  followSymlinks?: boolean;
  seedTimeLimitMs?: number;
  verbose: boolean;
}

export const buildUsage = `usage: explainer build [--content-only] [--skip-invalid] [--max-seed-size SIZE] [--verbose]
  --content-only        build content/ only, not the site in dist/
  --skip-invalid        build the usable seeds and list the others (default: any unusable seed fails the build)
  --max-seed-size SIZE  refuse larger seeds (default ${formatBytes(defaultMaxSeedBytes)}; e.g. 5MB, 512KB)
  --follow-symlinks     read symbolic links in seeds/ that point outside it (default: refused)
  --seed-time-limit S   stop extracting a seed after S seconds and report it (default ${defaultSeedTimeLimitMs / 1000})
  --verbose             also print informational diagnostics
  -h, --help            print this help`;

export const extractUsage = `usage: explainer extract [options] FILE...

Prints what the extractor finds in articles (.txt, or .md with frontmatter); - reads standard input.
Errors and warnings about the input go to stderr as FILE:LINE:COLUMN: severity: message [rule].

options:
  --format json         (default) one FILE: { article, actors, quotes, agreements, diagnostics } as JSON
  --format jsonl        FILE...: one extraction per line, in the order given; a FILE that cannot be
                        used gets the line null (and a message on stderr), and the others go on
  --format text         one FILE: a readable listing of who said what, the actors and the agreements
  --verbose             also print informational diagnostics
  --max-seed-size SIZE  refuse larger files (default ${formatBytes(defaultMaxSeedBytes)}; e.g. 5MB, 512KB)
  --name NAME           the name of the article read from - (default: stdin; a .md name reads Markdown)
  -h, --help            print this help

exit status: 0 extracted (with --format jsonl: every FILE has its line), 1 a FILE cannot be used,
2 usage error`;

export const devUsage = `usage: explainer dev [build options] [-- astro dev options]

Builds content/ from seeds/, rebuilds it whenever a seed changes, and runs Astro's dev server on it.

options:
  --skip-invalid, --max-seed-size SIZE,            as for explainer build (see explainer build --help)
  --follow-symlinks, --seed-time-limit S, --verbose
  -h, --help                                        print this help
  -- OPTIONS                                        passed to astro dev, e.g. explainer dev -- --port 4000`;

export const reviewUsage = `usage: explainer review [--format text|json] [build options]

Lists what most likely needs an editor: low-confidence quotes, ambiguous pronouns, places and
countries quoted, agreements without parties, names seen once with no role. Each item has its
FILE:LINE:COLUMN, its sentence and an entry to paste into seeds/corrections.yaml.

options:
  --format json     the items as a JSON array, for tools
  -h, --help        print this help`;

/** `--max-seed-size`: `2MB`, `512k`, `1.5 MiB` or `1000000` as a number of bytes, at least one. */
const size = z.string().transform((text, ctx) => {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(b|k|kb|kib|m|mb|mib)?\s*$/i.exec(text);
  if (!match) {
    ctx.addIssue({ code: 'custom', message: `--max-seed-size: cannot read "${text}" as a size — write e.g. 2MB, 512KB or 1000000` });
    return z.NEVER;
  }
  const unit = (match[2] ?? 'b').toLowerCase()[0];
  const bytes = Math.round(Number(match[1]) * (unit === 'm' ? 1024 * 1024 : unit === 'k' ? 1024 : 1));
  if (bytes < 1) ctx.addIssue({ code: 'custom', message: `--max-seed-size: "${text}" would refuse every seed — give a positive size, e.g. 2MB` });
  return bytes;
});

/** `--seed-time-limit`: a positive number of seconds, as milliseconds. */
const seconds = z.string().transform((text, ctx) => {
  const value = Number(text);
  if (!/^\s*\d+(\.\d+)?\s*$/.test(text) || !(value > 0)) ctx.addIssue({ code: 'custom', message: `--seed-time-limit: "${text}" is not a positive number of seconds — write e.g. 20 or 60` });
  return value * 1000;
});

/** Parses `values` (from node:util's parseArgs) with `schema`; the first problem (each names its option) is a usage error. */
function checked<T extends z.ZodType>(schema: T, values: unknown): z.output<T> {
  const parsed = schema.safeParse(values);
  if (parsed.success) return parsed.data;
  throw usageError(parsed.error.issues[0].message);
}

const buildFlags = {
  'content-only': { type: 'boolean', default: false },
  'skip-invalid': { type: 'boolean', default: false },
  'max-seed-size': { type: 'string' },
  'follow-symlinks': { type: 'boolean', default: false },
  'seed-time-limit': { type: 'string' },
  verbose: { type: 'boolean', default: false },
} as const;

const buildSchema = z.object({
  'content-only': z.boolean(),
  'skip-invalid': z.boolean(),
  'max-seed-size': size.optional(),
  'follow-symlinks': z.boolean(),
  'seed-time-limit': seconds.optional(),
  verbose: z.boolean(),
});

/** `explainer build`'s options (also `dev`'s and `review`'s); `root` is the working directory. */
export function parseBuildArgs(args: string[]): BuildArgs {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: buildFlags });
  if (positionals.length) throw usageError('build takes no file arguments (it reads seeds/)');
  const v = checked(buildSchema, values);
  return {
    root: process.cwd(),
    contentOnly: v['content-only'],
    skipInvalid: v['skip-invalid'],
    maxSeedBytes: v['max-seed-size'] ?? defaultMaxSeedBytes,
    followSymlinks: v['follow-symlinks'],
    seedTimeLimitMs: v['seed-time-limit'] ?? defaultSeedTimeLimitMs,
    verbose: v.verbose,
  };
}

/** `explainer dev [build options] [-- astro dev options]`. */
export function parseDevArgs(args: string[]): { build: BuildArgs; astro: string[] } {
  const split = args.indexOf('--');
  return { build: parseBuildArgs(split < 0 ? args : args.slice(0, split)), astro: split < 0 ? [] : args.slice(split + 1) };
}

/** `explainer review [--format text|json] [build options]`. */
export function parseReviewArgs(args: string[]): { format: 'text' | 'json'; build: BuildArgs } {
  const { values, tokens } = parseArgs({ args, strict: false, tokens: true, options: { format: { type: 'string' } } });
  const { format } = checked(z.object({ format: z.enum(['text', 'json'], { error: (i) => `review: unknown --format ${String(i.input)} (text or json)` }).default('text') }), values);
  const rest = args.filter((_, i) => !tokens.some((t) => t.kind === 'option' && t.name === 'format' && (t.index === i || (t.inlineValue === false && t.index + 1 === i))));
  return { format, build: parseBuildArgs(rest) };
}

export interface ExtractArgs {
  format: 'json' | 'jsonl' | 'text';
  files: string[];
  verbose: boolean;
  maxBytes: number;
  /** The name of the article read from standard input. */
  name: string;
}

const extractSchema = z
  .object({
    format: z.enum(['json', 'jsonl', 'text'], { error: (i) => `extract: unknown --format ${String(i.input)} (json, jsonl or text)` }),
    verbose: z.boolean(),
    'max-seed-size': size.optional(),
    name: z.string(),
    files: z.array(z.string()).min(1, 'extract: no FILE given (- reads standard input)'),
  })
  .superRefine(({ format, files }, ctx) => {
    if (format !== 'jsonl' && files.length > 1) ctx.addIssue({ code: 'custom', message: `extract --format ${format} takes one FILE (--format jsonl takes several)` });
    if (files.filter((f) => f === '-').length > 1) ctx.addIssue({ code: 'custom', message: 'extract: standard input (-) can only be read once' });
  });

/** `explainer extract [options] FILE...`. */
export function parseExtractArgs(args: string[]): ExtractArgs {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'json' }, verbose: { type: 'boolean', default: false }, 'max-seed-size': { type: 'string' }, name: { type: 'string', default: 'stdin' } },
  });
  const v = checked(extractSchema, { ...values, files: positionals });
  return { format: v.format, files: v.files, verbose: v.verbose, maxBytes: v['max-seed-size'] ?? defaultMaxSeedBytes, name: v.name };
}

/** What `astro build` and `astro dev` are told by the build, through the environment. */
export interface SiteEnv {
  /** The content collection to read. */
  contentDir: string;
  outDir: string;
  /** Astro's cache (its content store among it), one per project so builds of two projects never mix. */
  cacheDir: string;
  /** `later`: the build step indexes the site for search itself, once Astro has exited. */
  searchIndex: 'with-astro' | 'later';
  /** The site's address, for canonical links and the sitemap. */
  site: string;
  /** `explainer dev`: a file the build step rewrites once it has changed `content/`; the dev server reloads the site's data then (src/site/content-files.ts). */
  contentStamp?: string;
  /** A folder where the build step says which pages of the last build can be kept, and routes record every page's key (src/site/page-keys.ts). */
  pageKeys?: string;
}

const siteEnvNames = {
  contentDir: 'EXPLAINER_CONTENT_DIR',
  outDir: 'EXPLAINER_OUT_DIR',
  cacheDir: 'EXPLAINER_CACHE_DIR',
  searchIndex: 'EXPLAINER_SEARCH_INDEX',
  site: 'EXPLAINER_SITE',
  contentStamp: 'EXPLAINER_CONTENT_STAMP',
  pageKeys: 'EXPLAINER_PAGE_KEYS',
} as const satisfies Record<keyof SiteEnv, string>;

const siteEnvSchema = z.object({
  contentDir: z.string().min(1).default('content'),
  outDir: z.string().min(1).default('dist'),
  cacheDir: z.string().min(1).default('./node_modules/.astro'),
  searchIndex: z.enum(['with-astro', 'later']).default('with-astro'),
  site: z.url().default('https://explainer.example.org'),
  contentStamp: z.string().min(1).optional(),
  pageKeys: z.string().min(1).optional(),
});

/** The site's settings from the environment (defaults for a plain `astro build`); a bad value throws, naming its variable. */
export function readSiteEnv(env: NodeJS.ProcessEnv = process.env): SiteEnv {
  const values = Object.fromEntries(Object.entries(siteEnvNames).map(([key, name]) => [key, env[name] || undefined]));
  const parsed = siteEnvSchema.safeParse(values);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw failure('environment', `${siteEnvNames[issue.path[0] as keyof SiteEnv]}: ${issue.message}`);
}

/** The environment variables that tell Astro `settings`. */
export function siteEnv(settings: Partial<SiteEnv>): Record<string, string> {
  return Object.fromEntries(Object.entries(settings).map(([key, value]) => [siteEnvNames[key as keyof SiteEnv], value]));
}

/** The build's test hooks (tests/collection): where to die, wait or fail, read when the build gets there. */
export function testHooks(env: NodeJS.ProcessEnv = process.env) {
  return {
    killAt: env.EXPLAINER_TEST_KILL_AT,
    pauseAt: env.EXPLAINER_TEST_PAUSE_AT,
    pauseMs: z.coerce.number().positive().default(3000).parse(env.EXPLAINER_TEST_PAUSE_MS),
    failAt: env.EXPLAINER_TEST_FAIL_AT,
  };
}
