import { cp, lstat, readdir, readFile, rm, stat, symlink, unlink, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { recover, syncTree } from '../../src/collection/write.ts';
import type { SeedInput } from '../../src/extract/index.ts';
import { fixture, type Spec } from './hand-made.ts';
import { buildContent, project, runCli, snapshot } from './helpers.ts';

const articles = fileURLToPath(new URL('../corpus/articles/', import.meta.url));

/** An extractor whose actors, quotes and agreements the test decides, per seed file; counts its calls. */
function fakeExtractor(specs: Record<string, Spec>) {
  const calls: string[] = [];
  const extractor = (seed: SeedInput) => {
    calls.push(basename(seed.path));
    return fixture(basename(seed.path), seed.text, specs[basename(seed.path)] ?? {});
  };
  return { extractor, calls };
}

const files = async (root: string) => [...(await snapshot(join(root, 'content'))).keys()];

const jalaliText = 'Envoy visits\nKazem Jalali met officials. "We are close," Jalali said.';
const jalaliSpec: Spec = {
  actors: [{ id: 'a1', name: 'Kazem Jalali', aliases: ['Jalali'], forms: ['Kazem Jalali', 'Jalali said'] }],
  quotes: [{ id: 'q1', text: 'We are close,', speaker: 'a1' }],
};
const secondText = 'Talks resume\nJalali spoke again. "More work is needed," Jalali said. Anna Smith and Ben Smith disagreed.';
const secondSpec: Spec = {
  actors: [
    { id: 'b1', name: 'Jalali', forms: ['Jalali'] },
    { id: 'b2', name: 'Anna Smith' },
    { id: 'b3', name: 'Ben Smith' },
  ],
  quotes: [{ id: 'q1', text: 'More work is needed,', speaker: 'b1' }],
};

// Spawns the CLI a dozen times: generous on a loaded machine.
describe('explainer build (content)', { timeout: 300_000 }, () => {
  it('adds, edits and removes seeds: exactly the entities of the current seeds remain', async () => {
    const root = await project({ 'a.txt': jalaliText });
    const fake = fakeExtractor({ 'a.txt': jalaliSpec, 'b.txt': secondSpec });
    expect((await buildContent(root, { extractor: fake.extractor })).exitCode).toBe(0);
    expect(await files(root)).toEqual(['actors/kazem-jalali.json', 'articles/a.json', 'quotes/a-1.json']);

    // Add: the person quoted in both articles is one actor; two Smiths stay two.
    await writeFile(join(root, 'seeds', 'b.txt'), secondText);
    expect((await buildContent(root, { extractor: fake.extractor })).exitCode).toBe(0);
    expect(await files(root)).toEqual([
      'actors/anna-smith.json',
      'actors/ben-smith.json',
      'actors/kazem-jalali.json',
      'articles/a.json',
      'articles/b.json',
      'quotes/a-1.json',
      'quotes/b-1.json',
    ]);
    const jalali = JSON.parse(await readFile(join(root, 'content', 'actors', 'kazem-jalali.json'), 'utf8'));
    expect(jalali).toMatchObject({ name: 'Kazem Jalali', articles: ['a', 'b'], quotes: ['a-1', 'b-1'] });

    // Edit: the quote goes, and so does its file.
    await writeFile(join(root, 'seeds', 'a.txt'), 'Envoy visits\nKazem Jalali met officials.');
    const edited = fakeExtractor({ 'a.txt': { actors: jalaliSpec.actors }, 'b.txt': secondSpec });
    expect((await buildContent(root, { extractor: edited.extractor })).exitCode).toBe(0);
    expect(edited.calls).toEqual(['a.txt']);
    expect(await files(root)).toEqual(['actors/anna-smith.json', 'actors/ben-smith.json', 'actors/kazem-jalali.json', 'articles/a.json', 'articles/b.json', 'quotes/b-1.json']);

    // Remove: nothing of b.txt is left.
    await unlink(join(root, 'seeds', 'b.txt'));
    expect((await buildContent(root, { extractor: edited.extractor })).exitCode).toBe(0);
    expect(await files(root)).toEqual(['actors/kazem-jalali.json', 'articles/a.json']);
    expect(edited.calls).toEqual(['a.txt']);
  });

  it('extracts only seeds that changed, and keeps only what the current seeds need in the cache', async () => {
    const root = await project({ 'a.txt': 'A\nOne.', 'b.txt': 'B\nTwo.', 'c.txt': 'C\nThree.' });
    const fake = fakeExtractor({});
    expect(await buildContent(root, { extractor: fake.extractor })).toMatchObject({ exitCode: 0, extracted: 3, cached: 0 });
    expect(await buildContent(root, { extractor: fake.extractor })).toMatchObject({ exitCode: 0, extracted: 0, cached: 3 });
    await writeFile(join(root, 'seeds', 'b.txt'), 'B\nTwo, edited.');
    expect(await buildContent(root, { extractor: fake.extractor })).toMatchObject({ exitCode: 0, extracted: 1, cached: 2 });
    // A renamed seed is a new article (its id comes from the file name).
    await cp(join(root, 'seeds', 'c.txt'), join(root, 'seeds', 'd.txt'));
    await unlink(join(root, 'seeds', 'c.txt'));
    expect(await buildContent(root, { extractor: fake.extractor })).toMatchObject({ exitCode: 0, extracted: 1, cached: 2 });
    expect(fake.calls).toEqual(['a.txt', 'b.txt', 'c.txt', 'b.txt', 'd.txt']);
    expect(await readdir(join(root, '.cache', 'extractions'))).toHaveLength(3);
  });

  it('reuses the unchanged content files of the last build by hard link, never a symbolic link placed in content/', async () => {
    const root = await project({ 'a.txt': 'A\nOne.', 'b.txt': 'B\nTwo.' });
    expect(await buildContent(root)).toMatchObject({ exitCode: 0 });
    const [a, b] = ['a', 'b'].map((id) => join(root, 'content', 'articles', `${id}.json`));
    const [aBefore, bBefore] = [await stat(a), await stat(b)];
    // A symbolic link in content/ to a file outside it, with the very bytes the build will write.
    const outside = join(await project(), 'outside.json');
    await cp(b, outside);
    await unlink(b);
    await symlink(outside, b);
    await writeFile(join(root, 'seeds', 'a.txt'), 'A\nOne, edited.');
    expect(await buildContent(root)).toMatchObject({ exitCode: 0 });
    expect((await stat(a)).ino).not.toBe(aBefore.ino);
    expect((await lstat(b)).isFile()).toBe(true);
    expect(await readFile(b, 'utf8')).toBe(await readFile(outside, 'utf8'));
    // Everything the edit did not touch is the same file as before.
    await writeFile(join(root, 'seeds', 'b.txt'), 'B\nTwo.');
    const bNow = await stat(b);
    expect(await buildContent(root)).toMatchObject({ exitCode: 0 });
    expect((await stat(b)).ino).toBe(bNow.ino);
    expect(bNow.ino).not.toBe(bBefore.ino);
  });

  it('gives the same bytes for the same seeds, whatever the cache and thread count', async () => {
    const names = (await readdir(articles)).filter((n) => n.endsWith('.txt')).slice(0, 8);
    const roots = [await project(), await project()];
    for (const root of roots) for (const n of names) await cp(join(articles, n), join(root, 'seeds', n));
    await buildContent(roots[0], { threads: 1 });
    expect(await buildContent(roots[1], { threads: 2 })).toMatchObject({ exitCode: 0, extracted: 8 });
    expect(await buildContent(roots[1])).toMatchObject({ exitCode: 0, cached: 8 });
    const [a, b] = await Promise.all(roots.map((r) => snapshot(join(r, 'content'))));
    expect(a.size).toBeGreaterThanOrEqual(8);
    expect(b).toEqual(a);
  });

  it('keeps the previous content when the build is killed midway', async () => {
    const root = await project({ 'a.txt': 'First\nA paragraph.' });
    expect(runCli(root).status).toBe(0);
    const before = await snapshot(join(root, 'content'));
    await writeFile(join(root, 'seeds', 'b.txt'), 'Second\nAnother paragraph.');
    for (const stage of ['extracted', 'staged', 'swapping']) {
      const run = runCli(root, ['--content-only'], { EXPLAINER_TEST_KILL_AT: stage });
      expect(run.signal, stage).toBe('SIGKILL');
      // Killed mid-swap, content/ is away until the next run rolls the swap back.
      if (stage === 'swapping') await recover(root);
      expect(await snapshot(join(root, 'content')), stage).toEqual(before);
      expect((await readdir(root)).filter((n) => n.startsWith('.explainer-') && stage !== 'staged')).toEqual([]);
    }
    const after = runCli(root);
    expect(after.status).toBe(0);
    expect((await readdir(root)).filter((n) => n.startsWith('.explainer-'))).toEqual([]);
    expect(await files(root)).toEqual(['articles/a.json', 'articles/b.json']);
  });

  it('fails on an unusable seed with one located line each, leaving content/ as it was', async () => {
    const root = await project({ 'a.txt': 'Fine\nA paragraph.' });
    expect(runCli(root).status).toBe(0);
    const before = await snapshot(join(root, 'content'));
    await writeFile(join(root, 'seeds', 'empty.txt'), '');
    await writeFile(join(root, 'seeds', 'bad.md'), '---\ntitle: [unclosed\n---\nBody.\n');
    await writeFile(join(root, 'seeds', 'typed.md'), '---\ndate: 2024-01-02\ntitle: [a, list]\n---\nBody.\n');
    const run = runCli(root);
    expect(run.status).toBe(1);
    const lines = run.stderr.split('\n').filter((l) => / error: |^explainer:/.test(l));
    expect(lines).toEqual([
      expect.stringMatching(/^seeds\/bad\.md:2:\d+: error: frontmatter is not valid YAML .* — fix the YAML between the --- lines \[frontmatter\]$/),
      'seeds/empty.txt:1:1: error: file is empty, no headline or body — write a headline on the first line, then the article [empty-file]',
      expect.stringMatching(/^seeds\/typed\.md:3:1: error: frontmatter field `title` must be text, not a list — /),
      'explainer: error: build failed: 3 of 4 seeds cannot be used; content/ is unchanged (fix them, or pass --skip-invalid to build the rest) [unusable-seeds]',
    ]);
    expect(run.stderr).not.toMatch(/ at .*\.ts:\d+/);
    expect(await snapshot(join(root, 'content'))).toEqual(before);

    const skipping = runCli(root, ['--content-only', '--skip-invalid']);
    expect(skipping.status).toBe(0);
    expect(skipping.stderr).toMatch(/^explainer: warning: skipped 3 invalid seeds \(--skip-invalid\): seeds\/bad\.md, seeds\/empty\.txt, seeds\/typed\.md \[skip-invalid\]$/m);
    expect(await files(root)).toEqual(['articles/a.json']);
  });

  it('explains a missing seeds folder, a bad flag and a bad size in one line', async () => {
    const root = await project();
    await rm(join(root, 'seeds'), { recursive: true });
    expect(runCli(root)).toMatchObject({ status: 1, stderr: 'seeds/: error: no such folder — create it and put .txt or .md articles in it [no-seeds]\n' });
    expect(runCli(root, ['--max-seed-size', 'lots'])).toMatchObject({
      status: 2,
      stderr: 'explainer: error: --max-seed-size: cannot read "lots" as a size — write e.g. 2MB, 512KB or 1000000 [usage]\nRun \'explainer build --help\' for usage.\n',
    });
    expect(runCli(root, ['--frobnicate'])).toMatchObject({ status: 2, stderr: expect.stringMatching(/^explainer: error: Unknown option '--frobnicate'.* \[usage\]\nRun 'explainer build --help' for usage\.\n$/) });
  });
});

describe('syncTree (dev server)', () => {
  it('rewrites only changed files and removes stale ones', async () => {
    const root = await project();
    const content = join(root, 'content');
    await syncTree(content, [{ path: 'articles/a.json', json: '1' }, { path: 'articles/b.json', json: '2' }], ['articles', 'actors']);
    const first = await stat(join(content, 'articles', 'a.json'));
    await new Promise((r) => setTimeout(r, 20));
    await syncTree(content, [{ path: 'articles/a.json', json: '1' }, { path: 'actors/c.json', json: '3' }], ['articles', 'actors']);
    expect((await stat(join(content, 'articles', 'a.json'))).mtimeMs).toBe(first.mtimeMs);
    expect([...(await snapshot(content))]).toEqual([
      ['actors/c.json', '3'],
      ['articles/a.json', '1'],
    ]);
  });
});

describe('an extractor crash', () => {
  it('fails the build with one line naming the seed, the stack only with --verbose', async () => {
    const root = await project({ 'a.txt': 'A\nFine.', 'b.txt': 'B\nBoom.' });
    const extractor = (seed: SeedInput) => {
      if (seed.text.includes('Boom')) throw new TypeError('cannot read x\nof undefined');
      return fixture(basename(seed.path), seed.text);
    };
    const quiet = await buildContent(root, { extractor });
    expect(quiet.exitCode).toBe(1);
    expect(quiet.err).toMatch(/seeds\/b\.txt: error: the extractor crashed on this seed \(an extractor bug; please report it\): cannot read x \(--verbose shows where\) \[extractor-crash\]\n/);
    expect(await readdir(root)).not.toContain('content');
    const verbose = await buildContent(root, { extractor, verbose: true });
    expect(verbose.err).toMatch(/TypeError: cannot read x\nof undefined\n\s+at /);
  });
});
