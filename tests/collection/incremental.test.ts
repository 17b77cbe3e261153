// An edit rebuilds only what it changed: Astro renders the pages whose key (src/site/cache-keys.ts)
// changed, and the build keeps every other page of the last build, linked (src/site/page-keys.ts,
// src/collection/page-cache.ts). The kept pages must be exactly what a clean build of the edited
// seeds renders, or a key misses some data its page shows.
import { createHash } from 'node:crypto';
import { appendFile, cp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { project, runCli } from './helpers.ts';

const articles = fileURLToPath(new URL('../corpus/articles/', import.meta.url));
const seeds = ['001-north-korea-quasi-state-of-war.txt', '012-ahmed-mohamed-clock.txt', '033-anti-corruption-summit-remarks.txt', '042-desmond-tutu-passing.txt', '045-sandra-day-oconnor-passing.txt'];

/** Every file under `dir`, relative path → SHA-256 of its bytes. */
async function tree(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).sort((a, b) => (join(a.parentPath, a.name) < join(b.parentPath, b.name) ? -1 : 1)))
    files[join(entry.parentPath, entry.name).slice(dir.length + 1)] = createHash('sha256').update(await readFile(join(entry.parentPath, entry.name))).digest('hex');
  return files;
}

/** The inode of a page of the built site: a kept page is the last build's file, linked. */
const inode = async (root: string, page: string) => (await stat(join(root, 'dist', page, 'index.html'))).ino;

/** How many pages the build says it kept from the last one. */
const kept = (stdout: string) => Number(/kept (\d+) unchanged pages? of the last build/.exec(stdout)?.[1] ?? 0);

const slug = (seed: string) => seed.replace(/\.txt$/, '');

describe('incremental site build', () => {
  it('renders only the pages an edit changed, and its output is byte for byte a clean build of the edited seeds', async () => {
    const chosen = seeds;
    const edited = await project();
    for (const name of chosen.slice(0, 4)) await cp(join(articles, name), join(edited, 'seeds', name));
    const first = runCli(edited, []);
    expect(first.status, first.stderr).toBe(0);
    expect(kept(first.stdout)).toBe(0);
    const page = (seed: string) => `articles/${slug(seed)}`;
    const before = { untouched: await inode(edited, page(chosen[0])), edited: await inode(edited, page(chosen[1])) };

    const searchScript = join(edited, 'dist', 'pagefind', 'pagefind.js');
    const searchScriptBefore = (await stat(searchScript)).ino;

    // One seed gains a quote, one is removed, one is added.
    await appendFile(join(edited, 'seeds', chosen[1]), '"We will keep working on this until it is done," the spokesperson said on Friday.\n');
    await rm(join(edited, 'seeds', chosen[2]));
    await cp(join(articles, chosen[4]), join(edited, 'seeds', chosen[4]));
    const again = runCli(edited, []);
    expect(again.status, again.stderr).toBe(0);
    // The untouched seeds' pages are kept, the edited seed's page rendered anew.
    expect(kept(again.stdout)).toBeGreaterThan(0);
    expect(await inode(edited, page(chosen[0]))).toBe(before.untouched);
    expect(await inode(edited, page(chosen[1]))).not.toBe(before.edited);
    // The search index's files that did not change are the last build's, linked.
    expect((await stat(searchScript)).ino).toBe(searchScriptBefore);

    const clean = await project();
    await cp(join(edited, 'seeds'), join(clean, 'seeds'), { recursive: true });
    const full = runCli(clean, []);
    expect(full.status, full.stderr).toBe(0);
    expect(kept(full.stdout)).toBe(0);
    expect(await tree(join(edited, 'content'))).toEqual(await tree(join(clean, 'content')));
    expect(await tree(join(edited, 'dist'))).toEqual(await tree(join(clean, 'dist')));
  }, 300_000);

  it('renders again a page of the published site that was changed by hand, and keeps none after a change to the site code', async () => {
    const root = await project();
    for (const name of seeds.slice(0, 2)) await cp(join(articles, name), join(root, 'seeds', name));
    expect(runCli(root, []).status).toBe(0);
    const file = join(root, 'dist', 'articles', slug(seeds[0]), 'index.html');
    const rendered = await readFile(file, 'utf8');
    await writeFile(file, rendered.replace('</body>', '<p>changed by hand</p></body>'));
    const untouched = await inode(root, `articles/${slug(seeds[1])}`);

    const again = runCli(root, []);
    expect(again.status, again.stderr).toBe(0);
    expect(await readFile(file, 'utf8')).toBe(rendered);
    expect(await inode(root, `articles/${slug(seeds[1])}`)).toBe(untouched);

    // Records of a build with other site code: nothing is kept.
    const records = join(root, '.cache', 'pages.json');
    await writeFile(records, JSON.stringify({ ...JSON.parse(await readFile(records, 'utf8')), code: 'other code' }));
    const afterCodeChange = runCli(root, []);
    expect(afterCodeChange.status, afterCodeChange.stderr).toBe(0);
    expect(kept(afterCodeChange.stdout)).toBe(0);
    expect(await inode(root, `articles/${slug(seeds[1])}`)).not.toBe(untouched);
  }, 300_000);
});
