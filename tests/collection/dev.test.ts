import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { watchSeeds } from '../../src/collection/dev.ts';
import { defaultMaxSeedBytes } from '../../src/collection/read-seed.ts';
import { project } from './helpers.ts';

it('rebuilds content/ in place when a seed is saved, and keeps it when the seed turns bad', async () => {
  const root = await project({ 'a.txt': 'First headline\nBody.' });
  let err = '';
  const next = () => new Promise<number>((resolve) => (waiting = resolve));
  let waiting: (code: number) => void = () => {};
  const watcher = watchSeeds(
    { root, contentOnly: true, skipInvalid: false, maxSeedBytes: defaultMaxSeedBytes, verbose: false, mode: 'sync', stdout: { write: () => {} }, stderr: { write: (t) => void (err += t) } },
    (code) => waiting(code),
  );
  try {
    const title = async () => JSON.parse(await readFile(join(root, 'content', 'articles', 'a.json'), 'utf8')).title;
    let done = next();
    await writeFile(join(root, 'seeds', 'a.txt'), 'Second headline\nBody.');
    expect(await done).toBe(0);
    expect(await title()).toBe('Second headline');
    done = next();
    await writeFile(join(root, 'seeds', 'a.txt'), '');
    expect(await done).toBe(1);
    expect(err).toMatch(/a\.txt:1:1: error: file is empty/);
    expect(await title()).toBe('Second headline');
  } finally {
    watcher.close();
  }
});
