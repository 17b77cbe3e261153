import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import type { SeedInput } from '../../src/extract/index.ts';
import { correctionsYaml, extraction, texts } from './corrections-fixture.ts';
import { watchSeeds } from '../../src/collection/dev.ts';
import { defaultMaxSeedBytes } from '../../src/collection/read-seed.ts';
import { buildContent, project, snapshot } from './helpers.ts';

// The extractor's fingerprint, so a test can bump the extractor's version.
const version = vi.hoisted(() => ({ value: 'v1' }));
vi.mock(import('../../src/collection/cache.ts'), async (original) => ({ ...(await original()), extractorFingerprint: async () => version.value }));

function fakeExtractor() {
  const calls: string[] = [];
  const extractor = (seed: SeedInput) => {
    calls.push(basename(seed.path));
    return extraction(basename(seed.path), seed.text);
  };
  return { extractor, calls };
}

const read = async (root: string, path: string) => JSON.parse(await readFile(join(root, 'content', path), 'utf8'));

const seeds = { 'a.txt': texts['a.txt'], 'b.txt': texts['b.txt'], 'c.txt': texts['c.txt'] };

describe('explainer build with seeds/corrections.yaml', { timeout: 120_000 }, () => {
  it('applies the corrections without re-extracting, keeps them across an extractor bump, and never reads the file as a seed', async () => {
    version.value = 'v1';
    const root = await project(seeds);
    const fake = fakeExtractor();
    expect(await buildContent(root, { extractor: fake.extractor })).toMatchObject({ exitCode: 0, extracted: 3 });
    expect((await read(root, 'quotes/a-1.json')).speaker).toBe('london');

    // Editing only the corrections file re-extracts nothing.
    await writeFile(join(root, 'seeds', 'corrections.yaml'), correctionsYaml);
    const corrected = await buildContent(root, { extractor: fake.extractor });
    expect(corrected).toMatchObject({ exitCode: 0, extracted: 0, cached: 3 });
    expect(corrected.err).toBe('');
    expect(await read(root, 'quotes/a-1.json')).toMatchObject({ speaker: 'maria-lopez', corrected: [{ field: 'speaker', original: 'London' }] });
    const before = await snapshot(join(root, 'content'));

    // A new extractor version: everything is extracted again, the corrections still apply, byte for byte.
    version.value = 'v2';
    expect(await buildContent(root, { extractor: fake.extractor })).toMatchObject({ exitCode: 0, extracted: 3, cached: 0 });
    expect(await snapshot(join(root, 'content'))).toEqual(before);

    // An unrelated seed changes nothing that was corrected.
    await writeFile(join(root, 'seeds', 'd.txt'), texts['d.txt']);
    expect(await buildContent(root, { extractor: fake.extractor })).toMatchObject({ exitCode: 0, extracted: 1, cached: 3 });
    const after = await snapshot(join(root, 'content'));
    for (const [path, json] of before) if (!path.startsWith('articles/') || path === 'articles/a.json') expect([path, after.get(path)]).toEqual([path, json]);
    expect(fake.calls.filter((c) => c === 'corrections.yaml')).toEqual([]);
  });

  it('fails on a malformed or contradicting file with a located error and leaves content/ alone; warns about a stale entry', async () => {
    version.value = 'v1';
    const root = await project(seeds);
    const fake = fakeExtractor();
    expect((await buildContent(root, { extractor: fake.extractor })).exitCode).toBe(0);
    const before = await snapshot(join(root, 'content'));
    const file = join(root, 'seeds', 'corrections.yaml');
    const shown = relative(process.cwd(), file);

    await writeFile(file, 'quotes:\n  - article: a.txt\n    quote: ready\n    speeker: Lopez\n');
    const malformed = await buildContent(root, { extractor: fake.extractor });
    expect(malformed.exitCode).toBe(1);
    expect(malformed.err).toContain(`${shown}:2:5: error: quotes[1]: unknown field speeker — see the README for the fields of each kind of correction [corrections-schema]\n`);
    expect(malformed.err).toContain(`explainer: error: build failed: ${shown} cannot be used; content/ is unchanged (fix it, or move it out of seeds/) [corrections]\n`);
    expect(malformed.err).not.toMatch(/\n\s+at /);

    await writeFile(file, 'quotes:\n  - article: a.txt\n    quote: ready to sign\n    speaker: Maria Lopez\n  - article: a.txt\n    quote: ready to sign\n    speaker: null\n');
    const contradicting = await buildContent(root, { extractor: fake.extractor });
    expect(contradicting.exitCode).toBe(1);
    expect(contradicting.err).toContain(`${shown}:7:14: error: contradicts line 4: the speaker of quote "ready to sign" in a.txt is "Maria Lopez" there and null here — keep one of the two [contradiction]\n`);
    expect(await snapshot(join(root, 'content'))).toEqual(before);

    await writeFile(file, 'quotes:\n  - article: a.txt\n    quote: words nobody said\n    speaker: null\n');
    const stale = await buildContent(root, { extractor: fake.extractor });
    expect(stale.exitCode).toBe(0);
    expect(stale.err).toBe(`${shown}:3:12: warning: no quote "words nobody said" in article a.txt — copy the quote's words from the article, or delete the entry [no-match]\n`);
  });

  it('explainer dev picks up an edit of the corrections file live, without extracting again', async () => {
    version.value = 'v1';
    const root = await project(seeds);
    const fake = fakeExtractor();
    expect((await buildContent(root, { extractor: fake.extractor })).exitCode).toBe(0);
    let waiting: (code: number) => void = () => {};
    const next = () => new Promise<number>((resolve) => (waiting = resolve));
    const watcher = watchSeeds(
      { root, contentOnly: true, skipInvalid: false, maxSeedBytes: defaultMaxSeedBytes, verbose: false, mode: 'sync', extractor: fake.extractor, stdout: { write: () => {} }, stderr: { write: () => {} } },
      (code) => waiting(code),
    );
    try {
      const done = next();
      await writeFile(join(root, 'seeds', 'corrections.yaml'), 'quotes:\n  - article: a.txt\n    quote: ready to sign\n    speaker: Maria Lopez\n');
      expect(await done).toBe(0);
      expect((await read(root, 'quotes/a-1.json')).speaker).toBe('maria-lopez');
      expect(fake.calls).toEqual(['a.txt', 'b.txt', 'c.txt']);
    } finally {
      watcher.close();
    }
  });

  it('explainer review prints the queue as located text and as JSON', async () => {
    const root = await project(seeds);
    // Through the CLI, with the real extractor (the order of the queue is tested on the fixture extractions).
    const cli = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
    const run = (args: string[]) => spawnSync(process.execPath, [cli, 'review', ...args], { cwd: root, encoding: 'utf8' });
    const text = run([]);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^seeds\/[abc]\.txt:\d+:\d+: note: .* \[(low-confidence|ambiguous-pronoun|non-person-speaker|agreement-without-parties|lone-actor)\]\n {2}.*\n {4}(quotes|actors|agreements):\n/);
    expect(text.stdout).toMatch(/\d+ to review — paste an entry into seeds\/corrections\.yaml/);
    const json = run(['--format', 'json']);
    expect(json.status, json.stderr).toBe(0);
    const items = JSON.parse(json.stdout) as { file: string; line: number; column: number; entry: string; reason: string }[];
    for (const item of items) expect(item).toMatchObject({ file: expect.stringMatching(/^seeds\/[abc]\.txt$/), line: expect.any(Number), entry: expect.any(String) });
    expect(run(['--format', 'yaml']).status).toBe(2);
  });
});
