// The `explainer` command's conventions: help on stdout with status 0, --version, status 2 for
// usage errors and 1 for failures, and extract reading files (or stdin) like the build reads seeds.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Extraction } from '../src/extract/types.ts';

const root = join(import.meta.dirname, '..');
const seed = join(root, 'seeds', '000_e6f7fa8826a39736.txt');
const nasty = (name: string) => join(root, 'tests', 'corpus', 'nasty', name);
const article = (name: string) => join(root, 'tests', 'corpus', 'articles', name);

function explainer(args: string[], input?: string | Uint8Array) {
  const run = spawnSync(process.execPath, [join(root, 'bin', 'explainer.mjs'), ...args], { cwd: root, encoding: 'utf8', input, env: { ...process.env, NO_COLOR: '1' } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('help and version', () => {
  it.each([['--help'], ['-h'], ['help']])('explainer %s prints the usage on stdout and exits 0', (flag) => {
    const run = explainer([flag]);
    expect(run).toMatchObject({ status: 0, stderr: '' });
    expect(run.stdout).toMatch(/^usage: explainer <command>/);
    for (const command of ['extract', 'build', 'dev']) expect(run.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
  });

  it.each([
    ['extract', /^usage: explainer extract .*--format jsonl.*--format text/s],
    ['build', /^usage: explainer build .*--skip-invalid/s],
    ['dev', /^usage: explainer dev .*-- OPTIONS/s],
  ])('explainer %s --help (and -h) prints that command’s usage', (command, usage) => {
    for (const flag of ['--help', '-h']) {
      const run = explainer([command, flag]);
      expect(run).toMatchObject({ status: 0, stderr: '' });
      expect(run.stdout).toMatch(usage);
    }
  });

  it('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(explainer(['--version'])).toEqual({ status: 0, stdout: `explainer ${version}\n`, stderr: '' });
  });
});

describe('exit status', () => {
  it.each([
    [[], /no command given/],
    [['frobnicate'], /unknown command frobnicate/],
    [['--frobnicate'], /unknown option --frobnicate/],
    [['extract'], /no FILE given/],
    [['extract', '--format', 'xml', seed], /unknown --format xml/],
    [['extract', seed, seed], /takes one FILE/],
    [['extract', '--format', 'jsonl', '-', '-'], /standard input \(-\) can only be read once/],
    [['extract', '--bogus', seed], /Unknown option '--bogus'/],
    [['extract', '--max-seed-size', 'lots', seed], /cannot read "lots" as a size/],
    [['build', '--bogus'], /Unknown option '--bogus'/],
    [['dev', '--bogus'], /Unknown option '--bogus'/],
  ])('is 2 for a usage error: explainer %j', (args, message) => {
    const run = explainer(args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^explainer: error: .* \[usage\]\nRun 'explainer (\w+ )?--help' for usage\.\n$/);
    expect(run.stderr).toMatch(message);
  });

  it.each([
    ['a missing file', join(root, 'no-such-article.txt'), [], /^no-such-article\.txt:1:1: error: cannot read the file \(ENOENT\) — .* \[unreadable\]$/m],
    ['an empty file', nasty('01-empty.txt'), [], /01-empty\.txt:1:1: error: file is empty, .* \[empty-file\]$/m],
    ['a binary file', nasty('10-binary-png.txt'), [], /10-binary-png\.txt:1:1: error: not a text file \(looks like PNG image data\) — .* \[not-text\]$/m],
    ['invalid UTF-8', nasty('04-invalid-utf8.txt'), [], /04-invalid-utf8\.txt:3:79: error: invalid UTF-8 at byte 272 .* \[invalid-utf8\]$/m],
    ['a file over the size limit', seed, ['--max-seed-size', '1KB'], /000_e6f7fa8826a39736\.txt:1:1: error: input is 2\.9 KiB, limit is 1\.0 KiB — .* \[too-large\]$/m],
  ])('is 1 when extract cannot use %s, with a located one-line message', (_, file, options, message) => {
    const run = explainer(['extract', ...options, file]);
    expect(run).toMatchObject({ status: 1, stdout: '' });
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('explainer extract', () => {
  const json = explainer(['extract', seed]);
  const extraction = JSON.parse(json.stdout) as Extraction;

  it('reads standard input with -, through the same checks as a file', () => {
    const text = readFileSync(seed);
    const piped = explainer(['extract', '--name', '000_e6f7fa8826a39736.txt', '-'], text);
    expect(piped).toMatchObject({ status: 0, stdout: json.stdout });
    // A byte-order mark is reported as for a seed; binary input is refused.
    const bom = explainer(['extract', '-'], Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), text]));
    expect(bom.status).toBe(0);
    expect(bom.stderr).toMatch(/^stdin:1:1: warning: byte-order mark removed \[bom\]$/m);
    expect((JSON.parse(bom.stdout) as Extraction).quotes).toEqual(extraction.quotes);
    expect(explainer(['extract', '-'], readFileSync(nasty('10-binary-png.txt')))).toMatchObject({ status: 1, stderr: expect.stringMatching(/^stdin:1:1: error: not a text file .* \[not-text\]\n$/) });
    expect(explainer(['extract', '--max-seed-size', '1KB', '-'], text)).toMatchObject({ status: 1, stderr: expect.stringMatching(/^stdin:1:1: error: input is over 1\.0 KiB, .* \[too-large\]\n$/) });
  });

  it('reads a .md name from stdin as Markdown', () => {
    const md = explainer(['extract', '--name', 'x.md', '-'], readFileSync(nasty('08-markdown-frontmatter.md')));
    expect(md.status).toBe(0);
    expect((JSON.parse(md.stdout) as Extraction).article).toMatchObject({ id: 'x', title: expect.not.stringContaining('---') });
  });

  it('--format jsonl prints one line per file, in order, null for a file that cannot be used', () => {
    const files = [article('042-desmond-tutu-passing.txt'), nasty('01-empty.txt'), join(root, 'missing.txt'), seed];
    const run = explainer(['extract', '--format', 'jsonl', ...files]);
    expect(run.status).toBe(0);
    const lines = run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Extraction | null);
    expect(lines.map((l) => l?.article.id ?? null)).toEqual(['042-desmond-tutu-passing', null, null, '000_e6f7fa8826a39736']);
    expect(lines[3]).toEqual(extraction);
    expect(run.stderr).toMatch(/01-empty\.txt:1:1: error: file is empty/);
    expect(run.stderr).toMatch(/missing\.txt:1:1: error: cannot read the file/);
  });

  it('--format text lists who said what, the actors and the agreements', () => {
    const run = explainer(['extract', '--format', 'text', seed]);
    expect(run.status).toBe(0);
    const text = run.stdout;
    expect(text.split('\n')[0]).toBe(extraction.article.title);
    expect(text).toContain(`Quotes (${extraction.quotes.length})`);
    const name = (id: string) => extraction.actors.find((a) => a.id === id)!.name;
    const quoted = extraction.quotes.filter((q) => q.speaker);
    expect(quoted.length).toBeGreaterThan(0);
    for (const q of quoted) {
      // The speaker's line comes right before the quote's.
      const at = text.indexOf(`“${q.text.replace(/\s+/g, ' ').trim()}”`);
      expect(at, q.text).toBeGreaterThan(0);
      const speakerLine = text.slice(0, at).trimEnd().split('\n').at(-1)!;
      expect(speakerLine.trim().startsWith(name(q.speaker!)), speakerLine).toBe(true);
    }
    for (const a of extraction.actors) expect(text).toMatch(new RegExp(`^  ${a.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} — ${a.kind}`, 'm'));
    for (const g of extraction.agreements) expect(text).toContain(`  ${g.name} — `);
  });
});
