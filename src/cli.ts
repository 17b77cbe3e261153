import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { extract } from './extract/index.ts';
import type { Diagnostic } from './extract/types.ts';

const usage = `usage:
  explainer extract [--format json] [--verbose] FILE        print one article's extraction
  explainer extract --format jsonl [--verbose] FILE...     print one extraction per line (JSON Lines)
  explainer build [--content-only] [--skip-invalid] [--max-seed-size SIZE]
                                                            extract seeds/ into content/, then build the site into dist/
  explainer dev [build options] [-- astro dev options]      build content/, rebuild it when seeds/ change, run Astro's dev server`;

/** A mistake of the user's: printed as one line, never as a stack trace. */
export class UserError extends Error {}

function formatDiagnostic(path: string, d: Diagnostic): string {
  return `${path}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.rule}]`;
}

function readUtf8(file: string, path: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file));
  } catch (error) {
    throw new UserError(`${path}: cannot read as UTF-8 text (${(error as Error).message})`);
  }
}

/** Extracts one file; prints its diagnostics and returns the extraction, or null when it has errors. */
function extractFile(file: string, verbose: boolean) {
  const path = relative(process.cwd(), file) || file;
  const result = extract({ path, text: readUtf8(file, path) });
  for (const d of result.diagnostics) if (verbose || d.severity === 'error') console.error(formatDiagnostic(path, d));
  return result.diagnostics.some((d) => d.severity === 'error') ? null : result;
}

/** In a batch, one unreadable file is reported and gives a `null` line; the others go on. */
function extractFileOrReport(file: string, verbose: boolean) {
  try {
    return extractFile(file, verbose);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    console.error(`explainer: ${error.message}`);
    return null;
  }
}

function runExtract(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'json' }, verbose: { type: 'boolean', default: false } },
  });
  if (values.format === 'jsonl') {
    if (positionals.length === 0) throw new UserError(`extract --format jsonl takes one or more FILEs\n${usage}`);
    let failed = 0;
    for (const file of positionals) {
      const result = extractFileOrReport(file, values.verbose);
      if (!result) failed++;
      // One line per file, in order, so a batch reader can pair lines with paths.
      process.stdout.write(`${JSON.stringify(result)}\n`);
    }
    return failed ? 1 : 0;
  }
  if (values.format !== 'json') throw new UserError(`unknown --format ${values.format} (json or jsonl)`);
  if (positionals.length !== 1) throw new UserError(`extract --format json takes one FILE\n${usage}`);
  const result = extractFile(positionals[0], values.verbose);
  if (!result) return 1;
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  return 0;
}

async function runBuild(args: string[]): Promise<number> {
  const { build } = await import('./collection/build.ts');
  return build(args);
}

async function runDev(args: string[]): Promise<number> {
  const { dev } = await import('./collection/dev.ts');
  return dev(args);
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'extract') return runExtract(rest);
  if (command === 'build') return runBuild(rest);
  if (command === 'dev') return runDev(rest);
  throw new UserError(usage);
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UserError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(`explainer: ${(error as Error).message}`);
    process.exitCode = 2;
  } else {
    // Never a stack trace: the reason in one line (control characters escaped).
    console.error(`explainer: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`.split('\n')[0].replace(/\p{Cc}/gu, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
    process.exitCode = 1;
  }
}
