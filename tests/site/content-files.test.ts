// The dev server's reader of content/ (src/site/content-files.ts): entries as getCollection()
// gives them, and after an edit only the changed files read again.
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { readContentFolder, readStamp } from '../../src/site/content-files.ts';

const fixture = fileURLToPath(new URL('../fixtures/site-content/', import.meta.url));
const made: string[] = [];

async function copyOfFixture(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'explainer-content-files-'));
  made.push(dir);
  await cp(fixture, dir, { recursive: true });
  return dir;
}

afterEach(async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('readContentFolder', () => {
  it('reads every entry with its id from the file name and references as Astro resolves them', async () => {
    const content = await copyOfFixture();
    const read = readContentFolder(content);
    const article = read.articles.find((a) => a.id === 'harbor-accord-doubts');
    const file = JSON.parse(await readFile(join(content, 'articles', 'harbor-accord-doubts.json'), 'utf8'));
    expect(article).toMatchObject({ id: 'harbor-accord-doubts', collection: 'articles', data: { title: file.title, text: file.text } });
    expect((article?.data as { quotes?: unknown[] } | undefined)?.quotes).toEqual(file.quotes.map((id: string) => ({ collection: 'quotes', id })));
    for (const collection of ['articles', 'actors', 'agreements', 'quotes'] as const) {
      const names = (await readdir(join(content, collection))).map((name) => name.replace(/\.json$/, '')).sort();
      expect(read[collection].map((entry) => entry.id)).toEqual(names);
    }
  });

  it('after an edit, reads again the files that changed, keeps the others and forgets removed ones', async () => {
    const content = await copyOfFixture();
    const before = readContentFolder(content);
    const path = join(content, 'articles', 'harbor-accord-doubts.json');
    const file = JSON.parse(await readFile(path, 'utf8'));
    await writeFile(path, JSON.stringify({ ...file, title: 'A corrected headline' }));
    await rm(join(content, 'quotes', 'harbor-accord-doubts-3.json'));
    const after = readContentFolder(content);
    expect(after.articles.find((a) => a.id === 'harbor-accord-doubts')?.data).toMatchObject({ title: 'A corrected headline' });
    const other = before.articles.find((a) => a.id !== 'harbor-accord-doubts');
    expect(after.articles.find((a) => a.id === other?.id)).toBe(other);
    expect(after.quotes.map((q) => q.id)).not.toContain('harbor-accord-doubts-3');
    expect(after.quotes).toHaveLength(before.quotes.length - 1);
  });

  it('rejects a file its collection’s schema does not accept', async () => {
    const content = await copyOfFixture();
    await writeFile(join(content, 'quotes', 'harbor-accord-doubts-1.json'), JSON.stringify({ text: 42 }));
    expect(() => readContentFolder(content)).toThrow();
  });
});

describe('readStamp', () => {
  it('is undefined without a stamp file and its text with one', async () => {
    const dir = await copyOfFixture();
    const stamp = join(dir, 'content-stamp');
    expect(readStamp(undefined)).toBeUndefined();
    expect(readStamp(stamp)).toBeUndefined();
    await writeFile(stamp, '1 2\n');
    expect(readStamp(stamp)).toBe('1 2\n');
  });
});
