import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnosticOf, exitStatus, failure, formatDiagnostic, inText, report, usageError } from '../src/diagnostics.ts';

describe('formatDiagnostic', () => {
  it('prints file:line:column: severity: message [rule], the file relative to the working directory', () => {
    const d = inText('seeds/a.txt', 'Title\nShe said "yes', 15, { severity: 'warning', rule: 'unclosed-quote', source: 'extract', message: 'no closing mark' });
    expect(d).toEqual({ file: 'seeds/a.txt', line: 2, column: 10, offset: 15, severity: 'warning', rule: 'unclosed-quote', source: 'extract', message: 'no closing mark' });
    expect(formatDiagnostic(d, process.cwd())).toBe('seeds/a.txt:2:10: warning: no closing mark [unclosed-quote]');
    expect(formatDiagnostic(d, join(process.cwd(), 'project'))).toBe('project/seeds/a.txt:2:10: warning: no closing mark [unclosed-quote]');
  });

  it('leaves out the place for a whole file, keeps a folder’s slash, and names the program for the run itself', () => {
    expect(formatDiagnostic({ file: 'seeds/a.txt', severity: 'error', rule: 'extractor-crash', source: 'extract', message: 'crashed' })).toBe('seeds/a.txt: error: crashed [extractor-crash]');
    expect(formatDiagnostic({ file: 'seeds/', severity: 'error', rule: 'no-seeds', source: 'build', message: 'no such folder' })).toBe('seeds/: error: no such folder [no-seeds]');
    expect(formatDiagnostic(failure('site-build', 'build failed: astro exited').diagnostic)).toBe('explainer: error: build failed: astro exited [site-build]');
  });

  it('escapes a file name that could forge a message or move the cursor', () => {
    const d = { file: 'seeds/a\x1b[2Jb:1:1: error: x.txt', severity: 'error', rule: 'file-name', source: 'read', message: 'rename it' } as const;
    expect(formatDiagnostic(d)).toBe('"seeds/a\\x1b[2Jb:1:1: error: x.txt": error: rename it [file-name]');
  });
});

it('report prints one line each, info only when verbose', () => {
  let out = '';
  const sink = { write: (t: string) => void (out += t) };
  const info = { file: 'a.txt', line: 1, column: 1, severity: 'info', rule: 'r', source: 'extract', message: 'fyi' } as const;
  const warning = { ...info, severity: 'warning', message: 'look' } as const;
  report(sink, [info, warning]);
  expect(out).toBe('a.txt:1:1: warning: look [r]\n');
  out = '';
  report(sink, [info, warning], { verbose: true });
  expect(out).toBe('a.txt:1:1: info: fyi [r]\na.txt:1:1: warning: look [r]\n');
});

describe('diagnosticOf', () => {
  it('keeps a DiagnosticError’s own, and makes a bad command line a usage error (exit status 2)', () => {
    expect(diagnosticOf(usageError('no command given'))).toMatchObject({ severity: 'error', rule: 'usage', source: 'arguments' });
    const parseArgs = Object.assign(new TypeError("Unknown option '--x'"), { code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION' });
    expect(exitStatus(diagnosticOf(parseArgs))).toBe(2);
    expect(exitStatus(failure('build-lock', 'busy').diagnostic)).toBe(1);
  });

  it('explains a file-system error by what could not be done where, and anything else as a bug in one line', () => {
    const eacces = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES', syscall: 'rename', path: join(process.cwd(), 'dist') });
    expect(formatDiagnostic(diagnosticOf(eacces))).toBe(
      'explainer: error: build failed: cannot rename dist (EACCES: permission denied); nothing was swapped in, content/ and dist/ are as they were [file-system]',
    );
    expect(diagnosticOf(new RangeError('too deep\n    at f (x.ts:1:1)'))).toMatchObject({ rule: 'unexpected', message: 'RangeError: too deep (an unexpected error; please report it)' });
  });
});
