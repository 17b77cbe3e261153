// Issue 11: a seeds/ folder nobody vetted — no leaks, no hangs, no blow-ups, nothing lost.
// Big inputs are generated here, never committed. Every FIFO test runs under a timeout, and
// everything a test makes lives in its own temporary project, removed at the end.
import { spawn, spawnSync } from 'node:child_process';
import { chmod, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { merge } from '../../src/collection/merge.ts';
import { readSeed } from '../../src/collection/read-seed.ts';
import { swapIn } from '../../src/collection/write.ts';
import { extract, type Extraction } from '../../src/extract/index.ts';
import { buildContent, project, runCli, snapshot } from './helpers.ts';

const isRoot = process.getuid?.() === 0;
const roots: string[] = [];
const temp = async (seeds: Record<string, string> = {}) => {
  const root = await project(seeds);
  roots.push(root);
  return root;
};
afterAll(async () => {
  for (const root of roots) {
    await chmod(join(root, 'dist'), 0o755).catch(() => {});
    await rm(root, { recursive: true, force: true });
  }
});

/** What the build printed, its paths relative to the project (in-process builds print them relative to the working directory). */
const printed = (run: { err: string }, root: string) => run.err.replaceAll(`${relative(process.cwd(), root)}/`, '');

const good = 'Talks resume in Vienna\nForeign Minister Anna Berg said "we are close" on Monday.\n';
const mkfifo = (path: string) => expect(spawnSync('mkfifo', [path]).status).toBe(0);
const cli = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));

describe('what is read from seeds/', () => {
  it('refuses a symbolic link to a file outside seeds/, and publishes nothing of it', async () => {
    const root = await temp({ 'a.txt': good });
    await symlink('/etc/passwd', join(root, 'seeds', 'leak.txt'));
    await symlink('a.txt', join(root, 'seeds', 'inside.txt'));
    const run = await buildContent(root, { skipInvalid: true });
    expect(run.exitCode).toBe(0);
    expect(printed(run, root)).toMatch(/seeds\/leak\.txt:1:1: error: symbolic link to \/etc\/passwd, outside seeds\/ — seeds are read only from inside seeds\/; copy the article in, or pass --follow-symlinks \[symlink-outside\]\n/);
    expect(run.skipped).toEqual(['leak.txt']);
    const content = [...(await snapshot(join(root, 'content'))).values()].join('\n');
    expect(content).not.toMatch(/root:x?:0:/);
    expect(await readdir(join(root, 'content', 'articles'))).toEqual(['a.json', 'inside.json']);
    const refused = await buildContent(root);
    expect(refused.exitCode).toBe(1);
  });

  it('refuses a FIFO by its type without opening it: no hang, the file named', { timeout: 60_000 }, async () => {
    const root = await temp({ 'a.txt': good });
    mkfifo(join(root, 'seeds', 'pipe.txt'));
    mkfifo(join(root, 'seeds', 'pipe'));
    const started = Date.now();
    expect(await readSeed(join(root, 'seeds', 'pipe.txt'), 1000)).toEqual({
      problem: { file: join(root, 'seeds', 'pipe.txt'), line: 1, column: 1, severity: 'error', rule: 'not-regular-file', source: 'read', message: 'a named pipe (FIFO), not a regular file — seeds must be .txt or .md files; it was not read' },
    });
    // As a user would run it, with a timeout that proves it does not hang.
    const run = spawnSync(process.execPath, [cli, 'build', '--content-only'], { cwd: root, encoding: 'utf8', timeout: 30_000 });
    expect(run.signal).toBeNull();
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^seeds\/pipe: note: skipped, a named pipe \(FIFO\) without a \.txt, \.md or \.markdown extension \[not-a-seed\]$/m);
    expect(run.stderr).toMatch(/^seeds\/pipe\.txt:1:1: error: a named pipe \(FIFO\), not a regular file — .* \[not-regular-file\]$/m);
    const skipping = spawnSync(process.execPath, [cli, 'build', '--content-only', '--skip-invalid'], { cwd: root, encoding: 'utf8', timeout: 30_000 });
    expect(skipping.status).toBe(0);
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('says what it skips: hidden files, other extensions, folders; reads .markdown; refuses a name with a newline', async () => {
    const root = await temp({ 'a.txt': good, '.hidden.txt': good, 'notes.doc': 'x', 'x.markdown': '# Headline here\n\nA body "quoted" by Anna Berg.\n', 'new\nline.txt': good });
    await mkdir(join(root, 'seeds', 'sub'));
    const run = await buildContent(root, { skipInvalid: true });
    expect(run.exitCode).toBe(0);
    expect(printed(run, root)).toContain('seeds/.hidden.txt: note: skipped, a hidden file (its name starts with a dot) [not-a-seed]\n');
    expect(printed(run, root)).toContain('seeds/notes.doc: note: skipped, a file without a .txt, .md or .markdown extension [not-a-seed]\n');
    expect(printed(run, root)).toContain('seeds/sub: note: skipped, a folder (seeds/ is not read recursively) [not-a-seed]\n');
    expect(printed(run, root)).toContain('"seeds/new\\nline.txt": error: the file name has control or invisible characters — rename the file [file-name]\n');
    expect(await readdir(join(root, 'content', 'articles'))).toEqual(['a.json', 'x.json']);
  });

  it('prints a forged file name escaped: no terminal escapes, no fake diagnostic', async () => {
    const forged = 'a\x1b[2Jb:1:1: error: fake.txt';
    const root = await temp({ [forged]: good, 'b.txt': '' });
    const run = await buildContent(root);
    expect(printed(run, root)).not.toContain('\x1b');
    expect(printed(run, root)).toContain('"seeds/a\\x1b[2Jb:1:1: error: fake.txt": error: the file name has control or invisible characters — rename the file [file-name]\n');
    expect(printed(run, root).split('\n').filter((l) => l.startsWith('seeds/a'))).toEqual([]);
  });

  it('refuses --max-seed-size 0 and a bad --seed-time-limit', async () => {
    const root = await temp({ 'a.txt': good });
    expect(runCli(root, ['--max-seed-size', '0'])).toMatchObject({ status: 2, stderr: 'explainer: error: --max-seed-size: "0" would refuse every seed — give a positive size, e.g. 2MB [usage]\nRun \'explainer build --help\' for usage.\n' });
    expect(runCli(root, ['--seed-time-limit', 'soon'])).toMatchObject({ status: 2, stderr: expect.stringMatching(/^explainer: error: --seed-time-limit: "soon" is not a positive number of seconds — write e\.g\. 20 or 60 \[usage\]\n/) });
  });
});

describe('bounded work per seed', () => {
  it('merges 12,000 people named in one sentence in n log n: co-mentions by sentence, at most maxRelated each', () => {
    const names = Array.from({ length: 12_000 }, (_, i) => `Minister P${i.toString(36)} Q${i.toString(36)}`);
    const text = `Ministers met\n${names.join(', ')} met on Monday.`;
    const e: Extraction = extract({ path: 'seeds/x.txt', text: 'Ministers met\nThey met.' });
    e.article.text = text;
    e.article.paragraphs = [{ start: 14, end: text.length }];
    e.article.sentences = [{ start: 14, end: text.length, paragraph: 0 }];
    let at = 14;
    e.actors = names.map((name, i) => {
      const start = text.indexOf(name, at) + 'Minister '.length;
      at = start + name.length;
      return { id: `p${i}`, name: name.slice(9), kind: 'person', aliases: [], roles: [], affiliation: null, gender: null, mentions: [{ start, end: start + name.length - 9, sentence: 0 }] };
    });
    const started = performance.now();
    const { kb } = merge([{ seed: 'x.txt', extraction: e }]);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(kb.actors).toHaveLength(12_000);
    expect(Math.max(...kb.actors.map((a) => (a.data.related as unknown[]).length))).toBeLessThanOrEqual(20);
  });

  it('stops a runaway extraction at the deadline with a located error that --skip-invalid skips', { timeout: 120_000 }, async () => {
    const names = Array.from({ length: 12_000 }, (_, i) => `Minister ${String.fromCharCode(65 + (i % 26))}${i.toString(36)} ${String.fromCharCode(65 + ((i / 26) | 0) % 26)}x${i.toString(36)}`);
    const root = await temp({ 'a.txt': good, 'names.txt': `Ministers met\n${names.join(', ')} met on Monday.\n` });
    const started = Date.now();
    const run = await buildContent(root, { skipInvalid: true, seedTimeLimitMs: 2000 });
    expect(run.exitCode).toBe(0);
    // Within the budget it builds; over it, it is refused and named.
    if (run.skipped.length) expect(printed(run, root)).toMatch(/^seeds\/names\.txt: error: extraction took over 2 s — .*--skip-invalid \[extraction-budget\]$/m);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(await readdir(join(root, 'content', 'articles'))).toContain('a.json');
  });

  it('stops a seed over its time or memory budget, names it, and goes on with the others', { timeout: 60_000 }, async () => {
    const root = await temp({ 'a.txt': good, 'hang.txt': 'Loops\nHANG', 'eat.txt': 'Grows\nEAT', 'z.txt': 'Last one\nAnna Berg said "fine".' });
    const run = await buildContent(root, { skipInvalid: true, seedTimeLimitMs: 1500, seedMemoryMb: 64, workerModule: new URL('./runaway-extractor.ts', import.meta.url) });
    expect(run.exitCode).toBe(0);
    expect(printed(run, root)).toContain('seeds/hang.txt: error: extraction took over 1.5 s — the seed is too long or too convoluted to extract in time (very many names or deeply nested markup); split it or simplify it, raise the limit with --seed-time-limit, or leave it out with --skip-invalid [extraction-budget]\n');
    expect(printed(run, root)).toContain('seeds/eat.txt: error: extraction needed over 64 MB of memory — ');
    expect(run.skipped).toEqual(['eat.txt', 'hang.txt']);
    expect(await readdir(join(root, 'content', 'articles'))).toEqual(['a.json', 'z.json']);
  });

  it('refuses nested emphasis quickly and reads 20,000 nested block quotes without a stack overflow', { timeout: 60_000 }, async () => {
    const n = 12_000; // 48 KB: took 16 s before
    const root = await temp({ 'a.txt': good, 'emph.md': `# Title\n\n${'*_'.repeat(n)}text${'_*'.repeat(n)}\n`, 'deep.md': `# Deep\n\n${'>'.repeat(20_000)} Anna Berg said "yes".\n` });
    const started = Date.now();
    const run = await buildContent(root, { skipInvalid: true });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(printed(run, root)).toMatch(/^seeds\/emph\.md:3:1: error: 24000 emphasis markers \(\* and _\) in a row, more than 64 — Markdown nested this deeply takes too long to parse; remove them, or save the seed as \.txt \[markdown-nesting\]$/m);
    expect(run.skipped).toEqual(['emph.md']);
    expect(await readdir(join(root, 'content', 'articles'))).toEqual(['a.json', 'deep.json']);
    const extracted = spawnSync(process.execPath, [cli, 'extract', join(root, 'seeds', 'deep.md')], { encoding: 'utf8', timeout: 30_000 });
    expect(extracted.status).toBe(0);
    expect(extracted.stderr).not.toMatch(/RangeError|\n\s+at /);
  });
});

describe('nothing lost', () => {
  it('checks dist/ before touching anything: content/ and dist/ stay', { timeout: 60_000 }, async () => {
    const root = await temp({ 'a.txt': good });
    expect(runCli(root).status).toBe(0);
    const content = await snapshot(join(root, 'content'));
    await writeFile(join(root, 'seeds', 'b.txt'), 'Second headline\nAnother "quoted" paragraph by Anna Berg.\n');
    if (!isRoot) {
      // A read-only dist/ (root ignores permissions, so only as another user).
      await mkdir(join(root, 'dist'));
      await writeFile(join(root, 'dist', 'index.html'), 'old site');
      await chmod(join(root, 'dist'), 0o555);
      const run = runCli(root, []);
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/^explainer: error: build failed: cannot write dist\/ \(EACCES: permission denied\) — fix its permissions or move it away; content\/ and dist\/ are unchanged \[not-writable\]$/m);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      await chmod(join(root, 'dist'), 0o755);
      await rm(join(root, 'dist'), { recursive: true });
    }
    // What fails for root too: dist is a file where a folder must be.
    await writeFile(join(root, 'dist'), 'not a folder');
    const run = runCli(root, []);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('explainer: error: build failed: cannot write dist/ (it is not a folder) — fix its permissions or move it away; content/ and dist/ are unchanged [not-writable]\n');
    expect(await snapshot(join(root, 'content'))).toEqual(content);
    expect(await readFile(join(root, 'dist'), 'utf8')).toBe('not a folder');
    expect((await readdir(root)).filter((n) => n.startsWith('.explainer-'))).toEqual([]);
    // .cache/ where the lock goes, unwritable (a file): one line.
    await rm(join(root, 'dist'));
    await rm(join(root, '.cache'), { recursive: true });
    await writeFile(join(root, '.cache'), 'not a folder');
    expect(runCli(root)).toMatchObject({ status: 1, stderr: expect.stringMatching(/^explainer: error: cannot write \.cache\/ to take the build lock \(\w+\) — make it writable \[build-lock\]\n$/) });
  });

  it.skipIf(isRoot)('goes on when an old tree cannot be deleted: a warning, not a failure, build after build', async () => {
    const root = await temp({ 'a.txt': good });
    const stuck = join(root, '.cache', 'trash-999999999-1-x', 'content');
    await mkdir(stuck, { recursive: true });
    await writeFile(join(stuck, 'f.json'), '{}');
    await chmod(stuck, 0o555); // its file cannot be removed (root ignores this, hence the skip)
    try {
      for (let i = 0; i < 2; i++) {
        const run = await buildContent(root);
        expect(run.exitCode).toBe(0);
        expect(printed(run, root)).toMatch(/^explainer: warning: could not delete .*trash-999999999-1-x \(EACCES\) — delete it by hand; builds go on meanwhile \[recover\]$/m);
      }
    } finally {
      await chmod(stuck, 0o755);
    }
  });

  it('rolls the swap back when moving a target fails midway: both old targets stay', async () => {
    const root = await temp();
    for (const dir of ['content', 'dist', 'new-content', 'new-dist']) {
      await mkdir(join(root, dir));
      await writeFile(join(root, dir, 'f'), dir);
    }
    const pairs = [
      { staged: join(root, 'new-content'), target: join(root, 'content') },
      { staged: join(root, 'new-dist'), target: join(root, 'dist') },
    ];
    process.env.EXPLAINER_TEST_FAIL_AT = 'swap-dist';
    try {
      await expect(swapIn(root, pairs)).rejects.toMatchObject({ code: 'EACCES' });
    } finally {
      delete process.env.EXPLAINER_TEST_FAIL_AT;
    }
    expect(await readFile(join(root, 'content', 'f'), 'utf8')).toBe('content');
    expect(await readFile(join(root, 'dist', 'f'), 'utf8')).toBe('dist');
    expect((await readdir(root)).sort()).toEqual(['content', 'dist', 'new-content', 'new-dist', 'seeds']);
    await swapIn(root, pairs);
    expect(await readFile(join(root, 'content', 'f'), 'utf8')).toBe('new-content');
    expect(await readFile(join(root, 'dist', 'f'), 'utf8')).toBe('new-dist');
  });

  it('lets one build run at a time: a second one refuses, naming the first; the output is a clean build', { timeout: 120_000 }, async () => {
    const root = await temp({ 'a.txt': good });
    expect(runCli(root).status).toBe(0);
    await writeFile(join(root, 'seeds', 'b.txt'), 'Second headline\nAnother "quoted" paragraph by Anna Berg.\n');
    // The first build waits just before its swap; a second one starts meanwhile.
    const first = spawn(process.execPath, [cli, 'build', '--content-only'], { cwd: root, env: { ...process.env, EXPLAINER_TEST_PAUSE_AT: 'swap', EXPLAINER_TEST_PAUSE_MS: '4000' } });
    let err = '';
    const paused = new Promise<void>((resolve) => first.stderr.on('data', (d: Buffer) => ((err += d), err.includes('test pause at swap') && resolve())));
    const exited = new Promise<number | null>((resolve) => first.on('close', resolve));
    await paused;
    const second = runCli(root);
    expect(second).toMatchObject({ status: 1, stderr: `explainer: error: another build is running (pid ${first.pid}) — wait for it to finish, then build again [build-lock]\n` });
    expect(await exited).toBe(0);
    const clean = await temp({ 'a.txt': good, 'b.txt': 'Second headline\nAnother "quoted" paragraph by Anna Berg.\n' });
    expect(runCli(clean).status).toBe(0);
    expect(await snapshot(join(root, 'content'))).toEqual(await snapshot(join(clean, 'content')));
    // A lock left by a killed build is stale and taken over.
    await writeFile(join(root, '.cache', 'build.lock'), '999999999\n');
    expect(runCli(root).status).toBe(0);
  });
});

describe('input checks', () => {
  it('refuses impossible dates, unclosed frontmatter and invisible headlines; keeps HTML blocks’ text', async () => {
    const root = await temp({
      'a.txt': good,
      'date.md': '---\ntitle: Dated\ndate: 2026-13-45\n---\nBody "quoted" by Anna Berg.\n',
      'feb.md': '---\ntitle: Dated\ndate: 2026-02-30\n---\nBody.\n',
      'unclosed.md': '---\ntitle: "Not the headline"\n\nBody.\n',
      'blank.txt': '\u200d\u3164\u2800\u0301\u{E0041}\ufe0f\nBody.\n',
      'guessed.txt': 'Guessed date\nVienna, February 30, 2026\nAnna Berg said "yes".\n',
      'html.md': '# Html\n\n<p>First paragraph.</p>\n<div>Second “quoted” one.</div>\n\n<!-- A hidden paragraph -->\n\nLast.\n',
    });
    const run = await buildContent(root, { skipInvalid: true });
    expect(run.exitCode).toBe(0);
    expect(printed(run, root)).toMatch(/^seeds\/date\.md:3:1: error: frontmatter `date` "2026-13-45" is not a real date — write it as YYYY-MM-DD \[frontmatter\]$/m);
    expect(printed(run, root)).toMatch(/^seeds\/feb\.md:3:1: error: frontmatter `date` "2026-02-30" is not a real date/m);
    expect(printed(run, root)).toMatch(/^seeds\/unclosed\.md:1:1: error: the frontmatter block is not closed — end it with a line of `---`/m);
    expect(printed(run, root)).toMatch(/^seeds\/blank\.txt:1:1: error: the headline has no visible characters — write a headline on the first line \[empty-headline\]$/m);
    expect(printed(run, root)).toMatch(/^seeds\/html\.md:6:1: warning: text inside an HTML comment is not shown and was left out \[html-dropped\]$/m);
    expect(printed(run, root)).toMatch(/^seeds\/guessed\.txt:2:9: warning: "February 30, 2026" is not a real date — the article gets no date from it \[impossible-date\]$/m);
    expect(JSON.parse(await readFile(join(root, 'content', 'articles', 'guessed.json'), 'utf8')).date).toBeNull();
    expect(run.skipped).toEqual(['blank.txt', 'date.md', 'feb.md', 'unclosed.md']);
    const html = JSON.parse(await readFile(join(root, 'content', 'articles', 'html.json'), 'utf8'));
    expect(html.text).toBe('Html\nFirst paragraph.\nSecond “quoted” one.\nLast.');
  });
});
