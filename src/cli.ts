import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { extract } from './extract/index.ts';
import type { Diagnostic, Extraction } from './extract/types.ts';
import { decodeSeed, defaultMaxSeedBytes, formatBytes, readSeed, shownName, type DecodedSeed } from './collection/read-seed.ts';
import { formatText } from './format-text.ts';

const usage = `usage: explainer <command> [options]

commands:
  extract FILE...   print the extraction of articles: actors, quotes with their speakers, agreements
  build             extract seeds/ into content/, then build the site into dist/
  dev               build content/, rebuild it when seeds/ change, and run Astro's dev server
  review            list what most likely needs an editor's correction (seeds/corrections.yaml)

options:
  -h, --help        print this help; explainer <command> --help prints the command's
  --version         print the version

exit status: 0 done, 1 failed, 2 usage error`;

const extractUsage = `usage: explainer extract [options] FILE...

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

const devUsage = `usage: explainer dev [build options] [-- astro dev options]

Builds content/ from seeds/, rebuilds it whenever a seed changes, and runs Astro's dev server on it.

options:
  --skip-invalid, --max-seed-size SIZE,            as for explainer build (see explainer build --help)
  --follow-symlinks, --seed-time-limit S, --verbose
  -h, --help                                        print this help
  -- OPTIONS                                        passed to astro dev, e.g. explainer dev -- --port 4000`;

const reviewUsage = `usage: explainer review [--format text|json] [build options]

Lists what most likely needs an editor: low-confidence quotes, ambiguous pronouns, places and
countries quoted, agreements without parties, names seen once with no role. Each item has its
FILE:LINE:COLUMN, its sentence and an entry to paste into seeds/corrections.yaml.

options:
  --format json     the items as a JSON array, for tools
  -h, --help        print this help`;

/** A mistake in how the command was called: exit status 2, with a hint to the help. */
export class UsageError extends Error {}

const helpFlag = (args: string[]) => {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
};

function formatDiagnostic(path: string, d: Diagnostic): string {
  return `${path}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.rule}]`;
}

/** Standard input's bytes, refusing more than `maxBytes` without reading the rest. */
async function readStdin(maxBytes: number): Promise<DecodedSeed> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      process.stdin.destroy();
      return { problem: { line: 1, column: 1, message: `input is over ${formatBytes(maxBytes)}, the limit — split the article, or raise the limit with --max-seed-size` } };
    }
    chunks.push(chunk);
  }
  return decodeSeed(new Uint8Array(Buffer.concat(chunks)));
}

interface ExtractOptions {
  verbose: boolean;
  maxBytes: number;
  name: string;
}

/**
 * Reads one input the way the build reads a seed (size limit, binary and encoding checks), extracts
 * it and prints its diagnostics; returns the extraction, or null when the input cannot be used.
 */
async function extractInput(file: string, o: ExtractOptions): Promise<Extraction | null> {
  const path = file === '-' ? o.name : relative(process.cwd(), file) || file;
  // A file named on the command line is read even through a symbolic link: the user chose it.
  const read = file === '-' ? await readStdin(o.maxBytes) : await readSeed(file, o.maxBytes, { followSymlinks: true });
  const shown = shownName(path);
  if ('problem' in read) {
    console.error(`${shown}:${read.problem.line}:${read.problem.column}: error: ${read.problem.message}`);
    return null;
  }
  const result = extract({ path, text: read.text });
  for (const d of result.diagnostics) if (o.verbose || d.severity !== 'info') console.error(formatDiagnostic(shown, d));
  return result.diagnostics.some((d) => d.severity === 'error') ? null : result;
}

async function runExtract(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'json' },
      verbose: { type: 'boolean', default: false },
      'max-seed-size': { type: 'string' },
      name: { type: 'string', default: 'stdin' },
    },
  });
  const format = values.format;
  if (format !== 'json' && format !== 'jsonl' && format !== 'text') throw new UsageError(`extract: unknown --format ${format} (json, jsonl or text)`);
  if (positionals.length === 0) throw new UsageError('extract: no FILE given (- reads standard input)');
  if (format !== 'jsonl' && positionals.length > 1) throw new UsageError(`extract --format ${format} takes one FILE (--format jsonl takes several)`);
  if (positionals.filter((f) => f === '-').length > 1) throw new UsageError('extract: standard input (-) can only be read once');
  let maxBytes = defaultMaxSeedBytes;
  if (values['max-seed-size'] != null) {
    const { parseSize } = await import('./collection/build.ts');
    try {
      maxBytes = parseSize(values['max-seed-size']);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  }
  const options = { verbose: values.verbose, maxBytes, name: values.name };
  if (format === 'jsonl') {
    // One line per file, in order, so that a batch reader can pair lines with paths; a file that
    // cannot be used is a null line, not a failure of the batch.
    for (const file of positionals) process.stdout.write(`${JSON.stringify(await extractInput(file, options))}\n`);
    return 0;
  }
  const result = await extractInput(positionals[0], options);
  if (!result) return 1;
  process.stdout.write(format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : formatText(result));
  return 0;
}

async function runBuild(args: string[]): Promise<number> {
  const { build, buildUsage } = await import('./collection/build.ts');
  if (helpFlag(args)) return help(`usage: ${buildUsage}\n  -h, --help            print this help`);
  return build(args);
}

async function runDev(args: string[]): Promise<number> {
  if (helpFlag(args)) return help(devUsage);
  const { BuildError, parseBuildArgs } = await import('./collection/build.ts');
  const split = args.indexOf('--');
  try {
    parseBuildArgs(split < 0 ? args : args.slice(0, split)); // reported here, as a usage error
  } catch (error) {
    if (error instanceof BuildError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) throw new UsageError(`dev: ${(error as Error).message}`);
    throw error;
  }
  const { dev } = await import('./collection/dev.ts');
  return dev(args);
}

function help(text: string): number {
  process.stdout.write(`${text}\n`);
  return 0;
}

function version(): string {
  return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'extract') return helpFlag(rest) ? help(extractUsage) : runExtract(rest);
  if (command === 'build') return runBuild(rest);
  if (command === 'dev') return runDev(rest);
  if (command === 'review') return helpFlag(rest) ? help(reviewUsage) : (await import('./collection/review.ts')).review(rest);
  if (command === '--help' || command === '-h' || command === 'help') {
    const topic = { extract: extractUsage, dev: devUsage, review: reviewUsage }[rest[0] ?? ''];
    if (rest[0] === 'build') return runBuild(['--help']);
    return help(topic ?? usage);
  }
  if (command === '--version') return help(`explainer ${version()}`);
  if (command === undefined) throw new UsageError('no command given');
  throw new UsageError(command.startsWith('-') ? `unknown option ${command}` : `unknown command ${command}`);
}

// A reader that stops early (explainer extract … | head) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    const command = ['extract', 'build', 'dev', 'review'].includes(process.argv[2]) ? `${process.argv[2]} ` : '';
    console.error(`explainer: ${(error as Error).message}\nRun 'explainer ${command}--help' for usage.`);
    process.exitCode = 2;
  } else {
    // Never a stack trace: the reason in one line (control characters escaped).
    console.error(`explainer: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`.split('\n')[0].replace(/\p{Cc}/gu, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
    process.exitCode = 1;
  }
}
