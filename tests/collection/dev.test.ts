import { spawn, spawnSync } from 'node:child_process';
import { appendFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { type AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { watchSeeds } from '../../src/collection/dev.ts';
import { defaultMaxSeedBytes } from '../../src/collection/read-seed.ts';
import { buildContent, project } from './helpers.ts';

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

it('prints again the warnings of the seed that changed, not those of every seed', async () => {
  const root = await project({ 'a.txt': 'First headline\nNobody is quoted.', 'b.txt': 'Other headline\nNobody is quoted here either.' });
  const reported = new Set<string>();
  const first = await buildContent(root, { mode: 'sync', reported });
  expect(first.err).toMatch(/a\.txt:1:1: warning: no quotes found/);
  expect(first.err).toMatch(/b\.txt:1:1: warning: no quotes found/);
  let err = '';
  let waiting: (code: number) => void = () => {};
  const watcher = watchSeeds(
    { root, contentOnly: true, skipInvalid: false, maxSeedBytes: defaultMaxSeedBytes, verbose: false, mode: 'sync', reported, stdout: { write: () => {} }, stderr: { write: (t) => void (err += t) } },
    (code) => waiting(code),
  );
  try {
    const done = new Promise<number>((resolve) => (waiting = resolve));
    await writeFile(join(root, 'seeds', 'a.txt'), 'Second headline\nStill nobody is quoted.');
    expect(await done).toBe(0);
    expect(err).toMatch(/a\.txt:1:1: warning: no quotes found/);
    expect(err).not.toMatch(/b\.txt/);
    expect(err).toMatch(/note: 2 warnings and notes about unchanged seeds, printed before, not repeated \[not-repeated\]/);
  } finally {
    watcher.close();
  }
});

it('goes on when seeds/ is replaced, a FIFO appears or a seed breaks', { timeout: 60_000 }, async () => {
  const root = await project({ 'a.txt': 'First headline\nBody.' });
  let err = '';
  const codes: number[] = [];
  let waiting: (code: number) => void = () => {};
  const next = () => new Promise<number>((resolve) => (waiting = resolve));
  const watcher = watchSeeds(
    { root, contentOnly: true, skipInvalid: false, maxSeedBytes: defaultMaxSeedBytes, verbose: false, mode: 'sync', stdout: { write: () => {} }, stderr: { write: (t) => void (err += t) } },
    (code) => (codes.push(code), waiting(code)),
  );
  const title = async (name = 'a') => JSON.parse(await readFile(join(root, 'content', 'articles', `${name}.json`), 'utf8')).title;
  try {
    // seeds/ replaced by a new folder (as `git checkout` or a sync tool may do).
    let done = next();
    await rename(join(root, 'seeds'), join(root, 'seeds-old'));
    await mkdir(join(root, 'seeds'));
    await writeFile(join(root, 'seeds', 'a.txt'), 'Replaced headline\nBody.');
    expect(await done).toBe(0);
    expect(await title()).toBe('Replaced headline');
    // Edits in the new folder are seen.
    done = next();
    await writeFile(join(root, 'seeds', 'a.txt'), 'Edited headline\nBody.');
    expect(await done).toBe(0);
    expect(await title()).toBe('Edited headline');
    // A FIFO: the rebuild ends with an error naming it; nothing hangs.
    done = next();
    expect(spawnSync('mkfifo', [join(root, 'seeds', 'pipe.txt')]).status).toBe(0);
    expect(await done).toBe(1);
    expect(err).toMatch(/pipe\.txt:1:1: error: a named pipe \(FIFO\), not a regular file/);
    done = next();
    await rm(join(root, 'seeds', 'pipe.txt'));
    await writeFile(join(root, 'seeds', 'b.txt'), 'Second article\nBody.');
    expect(await done).toBe(0);
    expect(await title('b')).toBe('Second article');
  } finally {
    watcher.close();
    await rm(root, { recursive: true, force: true });
  }
});

it('explainer dev stops on SIGTERM, even with a FIFO in seeds/', { timeout: 90_000 }, async () => {
  const root = await project({ 'a.txt': 'First headline\nBody.' });
  expect(spawnSync('mkfifo', [join(root, 'seeds', 'pipe.txt')]).status).toBe(0);
  const cli = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
  const dev = spawn(process.execPath, [cli, 'dev', '--skip-invalid'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    let out = '';
    const built = new Promise<void>((resolve) => {
      const on = (d: Buffer) => ((out += d), /built content\//.test(out) && resolve());
      dev.stdout.on('data', on);
      dev.stderr.on('data', on);
    });
    const exited = new Promise<number | null>((resolve) => dev.on('close', (code, signal) => resolve(code ?? (signal ? 143 : null))));
    await built;
    expect(out).toMatch(/pipe\.txt:1:1: error: a named pipe/);
    const sent = Date.now();
    dev.kill('SIGTERM');
    expect(await exited).not.toBeNull();
    expect(Date.now() - sent).toBeLessThan(10_000);
  } finally {
    dev.kill('SIGKILL');
    await rm(root, { recursive: true, force: true });
  }
});

/** A port nobody listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The page's HTML once `accept` holds for it (polling: the dev server renders on request). */
async function pageWhen(url: string, accept: (html: string) => boolean, timeoutMs: number): Promise<string> {
  const until = Date.now() + timeoutMs;
  let html = '';
  while (Date.now() < until) {
    html = await fetch(url, { signal: AbortSignal.timeout(10_000) }).then(
      (r) => r.text(),
      (error) => `${error} ${error.cause}`,
    );
    if (accept(html)) return html;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} never showed what was expected; last:\n${html.slice(0, 20000)}`);
}

it('explainer dev serves the site and shows a seed edit on the next request, without a restart', { timeout: 120_000 }, async () => {
  const root = await project({ 'a.txt': 'Bridge vote delayed\n\n"We will build the bridge," Mayor Lena Ostrova said on Monday.\n' });
  const cli = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
  const port = await freePort();
  const dev = spawn(process.execPath, [cli, 'dev', '--', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Under VITEST, Astro's dev server leaves requests to vitest.
    env: { ...process.env, VITEST: '' },
  });
  let log = '';
  dev.stdout.on('data', (d: Buffer) => void (log += d));
  dev.stderr.on('data', (d: Buffer) => void (log += d));
  const exited = new Promise((resolve) => dev.on('close', resolve));
  try {
    const article = `http://127.0.0.1:${port}/articles/a/`;
    await pageWhen(article, (html) => html.includes('We will build the bridge'), 90_000).catch((error) => {
      throw new Error(`${error.message}\nexplainer dev printed:\n${log}`);
    });
    await appendFile(join(root, 'seeds', 'a.txt'), '\n"The river is rising," Ostrova said.\n');
    await pageWhen(article, (html) => html.includes('The river is rising'), 20_000);
    const quotes = await pageWhen(`http://127.0.0.1:${port}/quotes/`, (html) => html.includes('The river is rising'), 5_000);
    expect(quotes).toContain('We will build the bridge');
  } finally {
    dev.kill('SIGTERM'); // reaches the Astro server too
    await exited;
    await rm(root, { recursive: true, force: true });
  }
});
