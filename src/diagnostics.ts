// The one diagnostics path. Every problem the program tells the user about — in a seed, in the
// corrections file, in the generated content, in how it was called, in the run as a whole — is a
// Diagnostic, made where the problem is found (with its file, place, rule and source) and printed
// by `report`, compiler-style: `file:line:column: severity: message [rule]`. A failure that ends
// the run is thrown as a DiagnosticError carrying its diagnostic. Pure, except that `report`
// writes, and that file names are shown relative to the working directory.
import { relative, resolve } from 'node:path';

/** `error`: the file cannot be used (or the run fails); `warning`, `note`: printed; `info`: printed with --verbose. */
export type Severity = 'error' | 'warning' | 'note' | 'info';

/** Which part of the program found the problem. */
export type Source = 'arguments' | 'read' | 'extract' | 'check' | 'corrections' | 'merge' | 'validate' | 'build' | 'review';

export interface Place {
  /** 1-based; column in UTF-16 units. */
  line: number;
  column: number;
}

export interface Diagnostic extends Partial<Place> {
  /** The file the problem is in, relative to the project (`seeds/x.txt`; a folder ends in `/`); absent: the run itself. */
  file?: string;
  /** Where in the article text (extraction, merge): the line and column are computed from it. */
  offset?: number;
  severity: Severity;
  /** A stable id for this kind of problem (`unclosed-quote`, `invalid-utf8`, …). */
  rule: string;
  source: Source;
  message: string;
}

/** A diagnostic at a line and column of a file. */
export type PlacedDiagnostic = Diagnostic & Place & { file: string };

/** A diagnostic about a place in an article's text (the extractor's, the merge's). */
export type TextDiagnostic = PlacedDiagnostic & { offset: number };

/** The name the run itself is reported under, like a compiler's `cc: error: …`. */
export const programName = 'explainer';

/** Line and column (both 1-based) of each offset in a text. */
export function locator(text: string): (offset: number) => Place {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lineStarts[lo] + 1 };
  };
}

/** A diagnostic at `offset` of an article's `text` (the seed `file`). */
export function inText(file: string, text: string, offset: number, d: Pick<Diagnostic, 'severity' | 'rule' | 'source' | 'message'>): TextDiagnostic {
  return { file, ...locator(text.slice(0, offset + 1))(offset), offset, ...d };
}

/** The file a seed's diagnostics name, relative to the project. */
export const seedFile = (name: string): string => `seeds/${name}`;

/**
 * A file name as it may be printed: control, format and separator characters escaped (`\n`,
 * `\x1b`, `\u202e`), so a seed's name can neither clear the screen nor flip the line; quoted when it
 * could be mistaken for a location or a message (`:` or quote marks in it).
 */
export function shownName(name: string): string {
  const escaped = name.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\\]/gu, (c) => {
    if (c === '\\') return '\\\\';
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    const code = c.codePointAt(0)!;
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });
  return escaped !== name || /[:"']/.test(name) ? `"${escaped.replace(/"/g, '\\"')}"` : name;
}

/** A path as printed: relative to the working directory, like a compiler's, and escaped. */
export function shownPath(path: string): string {
  const folder = path.endsWith('/') ? '/' : '';
  return shownName(relative(process.cwd(), path) || path.replace(/\/$/, '')) + folder;
}

/** `seeds/x.txt:3:1: warning: what — fix [rule]`; `root` is the folder the file is relative to. */
export function formatDiagnostic(d: Diagnostic, root = process.cwd()): string {
  const file = d.file == null ? programName : shownPath(resolve(root, d.file) + (d.file.endsWith('/') ? '/' : ''));
  return `${file}${d.line == null ? '' : `:${d.line}:${d.column}`}: ${d.severity}: ${d.message} [${d.rule}]`;
}

export interface Output {
  write(text: string): unknown;
}

/** Prints diagnostics, one line each, in the order given; `info` only when `verbose`. */
export function report(out: Output, diagnostics: Iterable<Diagnostic>, o: { root?: string; verbose?: boolean } = {}): void {
  for (const d of diagnostics) if (d.severity !== 'info' || o.verbose) out.write(`${formatDiagnostic(d, o.root)}\n`);
}

export const hasError = (diagnostics: Iterable<Diagnostic>): boolean => [...diagnostics].some((d) => d.severity === 'error');

/** A failure explained to the user by one diagnostic, with no stack trace. */
export class DiagnosticError extends Error {
  readonly diagnostic: Diagnostic;

  constructor(diagnostic: Diagnostic) {
    super(diagnostic.message);
    this.diagnostic = diagnostic;
  }
}

/** The run fails: an error about the run itself (or about `file`). */
export function failure(rule: string, message: string, file?: string): DiagnosticError {
  return new DiagnosticError({ file, severity: 'error', rule, source: 'build', message });
}

/** The program was called wrongly: exit status 2, with a hint to the help. */
export function usageError(message: string): DiagnosticError {
  return new DiagnosticError({ severity: 'error', rule: 'usage', source: 'arguments', message });
}

/** 2 for a usage error, 1 for any other failure. */
export const exitStatus = (d: Diagnostic): number => (d.source === 'arguments' ? 2 : 1);

/**
 * Anything thrown, as one diagnostic: a DiagnosticError's own; a bad command line (node:util's
 * parseArgs) as a usage error; a file-system error as what could not be done where and why (paths
 * escaped); anything else by its first line, as a bug. Never a stack trace.
 */
export function diagnosticOf(error: unknown): Diagnostic {
  if (error instanceof DiagnosticError) return error.diagnostic;
  const e = error as NodeJS.ErrnoException;
  if (e && typeof e === 'object' && typeof e.code === 'string' && e.code.startsWith('ERR_PARSE_ARGS')) return usageError(e.message).diagnostic;
  if (e && typeof e === 'object' && typeof e.code === 'string' && e.syscall) {
    const path = e.path ? ` ${shownPath(e.path)}` : '';
    const reason = e.code === 'EACCES' || e.code === 'EPERM' ? 'permission denied' : e.code === 'ENOSPC' ? 'no space left on the device' : e.code === 'EROFS' ? 'read-only file system' : e.code;
    const why = e.code === reason ? reason : `${e.code}: ${reason}`;
    return failure('file-system', `build failed: cannot ${e.syscall}${path} (${why}); nothing was swapped in, content/ and dist/ are as they were`).diagnostic;
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return failure('unexpected', `${message.split('\n')[0].replace(/[\p{Cc}]/gu, ' ')} (an unexpected error; please report it)`).diagnostic;
}
