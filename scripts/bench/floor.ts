/**
 * The engine's floor: a bare Astro project that renders N trivial pages from one dynamic route,
 * built with the project's own astro (the folder sits inside the repo, so `astro` resolves to
 * ./node_modules). Nothing but Astro's own cost per page: no content collection, no layout.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { mustRun, type Run } from './measure.ts';

const astroBin = createRequire(import.meta.url).resolve('astro/package.json').replace(/package\.json$/, 'bin/astro.mjs');

const page = (pages: number) => `---
export function getStaticPaths() {
  return Array.from({ length: ${pages} }, (_, i) => ({ params: { slug: \`page-\${i + 1}\` }, props: { n: i + 1 } }));
}
const { n } = Astro.props;
---
<html lang="en">
  <head><meta charset="utf-8" /><title>Page {n}</title></head>
  <body><h1>Page {n}</h1><p>A trivial page for the benchmark's floor.</p></body>
</html>
`;

export function writeFloorProject(root: string, pages: number): void {
  mkdirSync(join(root, 'src/pages'), { recursive: true });
  writeFileSync(join(root, 'package.json'), '{ "name": "bench-floor", "private": true, "type": "module" }\n');
  writeFileSync(join(root, 'astro.config.mjs'), "import { defineConfig } from 'astro/config';\nexport default defineConfig({});\n");
  writeFileSync(join(root, 'src/pages/[slug].astro'), page(pages));
}

/** Builds `pages` trivial pages in `root` (the project is written there first). */
export async function buildFloor(root: string, pages: number, cpuProf?: string): Promise<Run> {
  writeFloorProject(root, pages);
  const profile = cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${cpuProf}`] : [];
  return mustRun(process.execPath, [...profile, astroBin, 'build'], {
    cwd: root,
    env: { ASTRO_TELEMETRY_DISABLED: '1' },
  });
}
