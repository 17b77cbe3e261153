// The full build (content, then `astro build`), the slow path: two real site builds at once, one
// that fails inside Astro, and one refused for a bad setting.
import { cp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { siteEnv } from '../../src/options.ts';
import { project, runCli, snapshot, startCli } from './helpers.ts';

const articles = fileURLToPath(new URL('../corpus/articles/', import.meta.url));

it('builds content/ and dist/ byte for byte the same twice, and keeps both when the site build fails or a setting is bad', async () => {
  const roots = [await project(), await project()];
  for (const root of roots) for (const name of ['012-ahmed-mohamed-clock.txt', '042-desmond-tutu-passing.txt']) await cp(join(articles, name), join(root, 'seeds', name));
  // At once: two projects' builds share this package's Astro, and neither may disturb the other.
  for (const run of await Promise.all(roots.map((root) => startCli(root, [])))) expect(run.status, run.stderr).toBe(0);
  const [content, dist] = [await snapshot(join(roots[0], 'content')), await snapshot(join(roots[0], 'dist'))];
  expect(dist.has('index.html')).toBe(true);
  expect(dist.has('articles/012-ahmed-mohamed-clock/index.html')).toBe(true);
  expect(await snapshot(join(roots[1], 'content'))).toEqual(content);
  expect(await snapshot(join(roots[1], 'dist'))).toEqual(dist);

  await writeFile(join(roots[0], 'seeds', 'new.txt'), 'A new article\nWith a paragraph.');
  // Astro fails: the file of its content store is a folder.
  await rm(join(roots[0], '.cache', 'astro', 'data-store.json'), { force: true });
  await mkdir(join(roots[0], '.cache', 'astro', 'data-store.json'));
  const failed = runCli(roots[0], []);
  expect(failed.status).toBe(1);
  expect(failed.stderr).toMatch(/^explainer: error: build failed: the site build \(astro build\) exited with status 1; content\/ and dist\/ are unchanged \[site-build\]$/m);
  expect(await snapshot(join(roots[0], 'content'))).toEqual(content);
  expect(await snapshot(join(roots[0], 'dist'))).toEqual(dist);
  // A bad setting is refused before anything is read, in one line.
  const badSite = runCli(roots[0], [], siteEnv({ site: 'not a url' }));
  expect(badSite).toMatchObject({
    status: 1,
    stderr: 'explainer: error: build failed: EXPLAINER_SITE: Invalid URL; content/ and dist/ are unchanged (fix the variable, or unset it for the default) [environment]\n',
  });
  expect(await snapshot(join(roots[0], 'content'))).toEqual(content);
  expect(await snapshot(join(roots[0], 'dist'))).toEqual(dist);
  expect((await readdir(roots[0])).sort()).toEqual(['.cache', 'content', 'dist', 'seeds']);
}, 300_000);
