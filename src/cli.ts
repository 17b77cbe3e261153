import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { decodeSeed, readSeed, unusable, formatBytes, type DecodedSeed } from './collection/read-seed.ts';
import { diagnosticOf, exitStatus, report, usageError } from './diagnostics.ts';
import { extract } from './extract/index.ts';
import type { Extraction } from './extract/types.ts';
import { formatText } from './format-text.ts';
import { buildUsage, devUsage, extractUsage, parseBuildArgs, parseDevArgs, parseExtractArgs, parseReviewArgs, reviewUsage, type ExtractArgs } from './options.ts';

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

const helpFlag = (args: string[]) => {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
};

/** Standard input's bytes (named `file` in diagnostics), refusing more than `maxBytes` without reading the rest. */
async function readStdin(file: string, maxBytes: number): Promise<DecodedSeed> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      process.stdin.destroy();
      return unusable(file, 'too-large', `input is over ${formatBytes(maxBytes)}, the limit — split the article, or raise the limit with --max-seed-size`);
    }
    chunks.push(chunk);
  }
  return decodeSeed(new Uint8Array(Buffer.concat(chunks)), file);
}

/**
 * Reads one input the way the build reads a seed (size limit, binary and encoding checks), extracts
 * it and prints its diagnostics; returns the extraction, or null when the input cannot be used.
 */
async function extractInput(file: string, o: ExtractArgs): Promise<Extraction | null> {
  const path = file === '-' ? o.name : relative(process.cwd(), file) || file;
  // A file named on the command line is read even through a symbolic link: the user chose it.
  const read = file === '-' ? await readStdin(path, o.maxBytes) : await readSeed(file, o.maxBytes, { file: path, followSymlinks: true });
  if ('problem' in read) {
    report(process.stderr, [read.problem]);
    return null;
  }
  const result = extract({ path, text: read.text });
  report(process.stderr, result.diagnostics, { verbose: o.verbose });
  return result.diagnostics.some((d) => d.severity === 'error') ? null : result;
}

async function runExtract(args: string[]): Promise<number> {
  const options = parseExtractArgs(args);
  if (options.format === 'jsonl') {
    // One line per file, in order, so that a batch reader can pair lines with paths; a file that
    // cannot be used is a null line, not a failure of the batch.
    for (const file of options.files) process.stdout.write(`${JSON.stringify(await extractInput(file, options))}\n`);
    return 0;
  }
  const result = await extractInput(options.files[0], options);
  if (!result) return 1;
  process.stdout.write(options.format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : formatText(result));
  return 0;
}

async function runBuild(args: string[]): Promise<number> {
  if (helpFlag(args)) return help(buildUsage);
  const options = parseBuildArgs(args);
  return (await import('./collection/build.ts')).build(options);
}

async function runDev(args: string[]): Promise<number> {
  if (helpFlag(args)) return help(devUsage);
  const options = parseDevArgs(args);
  return (await import('./collection/dev.ts')).dev(options);
}

async function runReview(args: string[]): Promise<number> {
  if (helpFlag(args)) return help(reviewUsage);
  const options = parseReviewArgs(args);
  return (await import('./collection/review.ts')).review(options);
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
  if (command === 'review') return runReview(rest);
  if (command === '--help' || command === '-h' || command === 'help') {
    const topic = { extract: extractUsage, dev: devUsage, review: reviewUsage }[rest[0] ?? ''];
    if (rest[0] === 'build') return runBuild(['--help']);
    return help(topic ?? usage);
  }
  if (command === '--version') return help(`explainer ${version()}`);
  if (command === undefined) throw usageError('no command given');
  throw usageError(command.startsWith('-') ? `unknown option ${command}` : `unknown command ${command}`);
}

// A reader that stops early (explainer extract … | head) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // Never a stack trace: what went wrong as one diagnostic, and where to read the usage.
  const d = diagnosticOf(error);
  report(process.stderr, [d]);
  if (d.source === 'arguments') {
    const command = ['extract', 'build', 'dev', 'review'].includes(process.argv[2]) ? `${process.argv[2]} ` : '';
    process.stderr.write(`Run 'explainer ${command}--help' for usage.\n`);
  }
  process.exitCode = exitStatus(d);
}
