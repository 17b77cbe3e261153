// The whole of tests/corpus/articles/ plus the project's seeds: one build with no errors
// and nothing the schemas or the reference checks reject.
import { cp, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { buildContent, project } from './helpers.ts';

const articles = fileURLToPath(new URL('../corpus/articles/', import.meta.url));
const seeds = fileURLToPath(new URL('../../seeds/', import.meta.url));

it('builds the whole corpus with zero errors and zero schema violations', async () => {
  const root = await project();
  const names = [...(await readdir(articles)).filter((n) => n.endsWith('.txt')).map((n) => join(articles, n)), ...(await readdir(seeds)).map((n) => join(seeds, n))];
  for (const file of names) await cp(file, join(root, 'seeds', file.slice(file.lastIndexOf('/') + 1)));
  const result = await buildContent(root);
  expect(result.err.split('\n').filter((l) => / error: |build failed/.test(l))).toEqual([]);
  expect(result.exitCode).toBe(0);
  expect(result.kb!.articles).toHaveLength(names.length);
  expect(result.extracted).toBe(names.length);
}, 300_000);
