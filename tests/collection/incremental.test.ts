// An edit rebuilds only what it changed: Astro copies every page whose cacheKey (src/site/cache-keys.ts)
// is unchanged from its last build. The copies must be exactly what a clean build of the edited
// seeds renders, or a key misses some data its page shows.
import { createHash } from 'node:crypto';
import { appendFile, cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { beginRender } from '../../src/site/render-cache.ts';
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

/** Pages Astro rendered and pages it copied from the last build, from its output (coloured when the environment asks for colour, as CI does). */
function pages(stdout: string) {
  const lines = [...stripVTControlCharacters(stdout).matchAll(/├─ (\S+)(.*)/g)];
  const copied = lines.filter((m) => /\((restored|cached)\)/.test(m[2])).map((m) => m[1]);
  return { rendered: lines.map((m) => m[1]).filter((p) => !copied.includes(p)), copied };
}

const slug = (seed: string) => seed.replace(/\.txt$/, '');

describe('incremental site build', () => {
  it('renders only the pages an edit changed, and its output is byte for byte a clean build of the edited seeds', async () => {
    const chosen = seeds;
    const edited = await project();
    for (const name of chosen.slice(0, 4)) await cp(join(articles, name), join(edited, 'seeds', name));
    const first = runCli(edited, []);
    expect(first.status, first.stderr).toBe(0);
    expect(pages(first.stdout).copied).toEqual([]);
    expect(pages(first.stdout).rendered).toContain(`/articles/${slug(chosen[0])}/index.html`);

    const searchScript = join(edited, 'dist', 'pagefind', 'pagefind.js');
    const searchScriptBefore = (await stat(searchScript)).ino;

    // One seed gains a quote, one is removed, one is added.
    await appendFile(join(edited, 'seeds', chosen[1]), '"We will keep working on this until it is done," the spokesperson said on Friday.\n');
    await rm(join(edited, 'seeds', chosen[2]));
    await cp(join(articles, chosen[4]), join(edited, 'seeds', chosen[4]));
    const again = runCli(edited, []);
    expect(again.status, again.stderr).toBe(0);
    // The untouched seeds' pages are copied, the edited and the added seed's pages rendered.
    const { rendered, copied } = pages(again.stdout);
    const astroLog = again.stdout.split('\n').filter((line) => !line.includes('├─')).join('\n');
    expect(copied, astroLog).toContain(`/articles/${slug(chosen[0])}/index.html`);
    expect(copied).toContain(`/articles/${slug(chosen[3])}/index.html`);
    expect(rendered).toContain(`/articles/${slug(chosen[1])}/index.html`);
    expect(rendered).toContain(`/articles/${slug(chosen[4])}/index.html`);
    // The search index's files that did not change are the last build's, linked.
    expect((await stat(searchScript)).ino).toBe(searchScriptBefore);

    const clean = await project();
    await cp(join(edited, 'seeds'), join(clean, 'seeds'), { recursive: true });
    const full = runCli(clean, []);
    expect(full.status, full.stderr).toBe(0);
    expect(pages(full.stdout).copied).toEqual([]);
    expect(await tree(join(edited, 'content'))).toEqual(await tree(join(clean, 'content')));
    expect(await tree(join(edited, 'dist'))).toEqual(await tree(join(clean, 'dist')));
  }, 300_000);

  it('forgets the cache manifest when the last build did not finish rendering', async () => {
    const cacheDir = join(await project(), '.cache', 'astro');
    await mkdir(cacheDir, { recursive: true });
    const manifest = join(cacheDir, 'incremental-build.json');
    await writeFile(manifest, '{}');
    await beginRender(cacheDir); // a build killed while rendering: it never succeeds
    const next = await beginRender(cacheDir);
    await expect(readFile(manifest, 'utf8')).rejects.toThrow(/ENOENT/);
    await next.succeeded();

    await writeFile(manifest, '{}');
    const finished = await beginRender(cacheDir);
    await finished.succeeded();
    await beginRender(cacheDir);
    expect(await readFile(manifest, 'utf8')).toBe('{}');
  });
});
