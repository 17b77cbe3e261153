// Vitest globalSetup: builds the site once per run — from the fixture content, and from the seeds
// (through the build step's content-only mode) — for the site, link, a11y and browser tests.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { siteEnv } from '../../src/options.ts';
import { manyContent } from '../fixtures/site-make/many-content.ts';
import { root, sitePaths } from './paths.ts';

function run(args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, args, {
    cwd,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    encoding: 'utf8',
  });
  return { ok: result.status === 0, output: `${result.stdout}\n${result.stderr}` };
}

/**
 * `astro build` of `contentDir` into `outDir` (which must be inside the project: Astro keeps its
 * intermediate files next to it then), with its own cache so concurrent builds never share one.
 */
export function buildSite(contentDir: string, outDir: string) {
  rmSync(outDir, { recursive: true, force: true });
  const built = run(
    [join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'],
    root,
    siteEnv({ contentDir, outDir, cacheDir: `${outDir}-cache`, site: 'https://explainer.test' }),
  );
  if (!built.ok) throw new Error(`astro build of ${contentDir} failed:\n${built.output}`);
}

/** Removes the builds of runs whose process is gone (killed before their teardown). */
function removeAbandonedRuns(runs: string) {
  for (const name of existsSync(runs) ? readdirSync(runs) : []) {
    const pid = Number(/^run-(\d+)$/.exec(name)?.[1]);
    if (!pid) continue;
    try {
      process.kill(pid, 0);
    } catch {
      rmSync(join(runs, name), { recursive: true, force: true });
    }
  }
}

/** Builds both sites; a failure is handed to the tests (which report it) rather than aborting every suite. */
export default function setup(project: TestProject) {
  const runs = join(root, 'test-results', 'site');
  removeAbandonedRuns(runs);
  const base = join(runs, `run-${process.pid}`);
  const { fixtureSite, seedRoot, seedSite, manyContent: manyDir, manySite } = sitePaths(base);
  project.provide('siteBase', base);
  const attempt = (build: () => void) => {
    try {
      build();
      return '';
    } catch (error) {
      return (error as Error).message;
    }
  };
  project.provide('fixtureError', attempt(() => buildSite(join(root, 'tests', 'fixtures', 'site-content'), fixtureSite)));
  project.provide(
    'seedError',
    attempt(() => {
      mkdirSync(join(seedRoot, 'seeds'), { recursive: true });
      cpSync(join(root, 'seeds'), join(seedRoot, 'seeds'), { recursive: true });
      cpSync(join(root, 'tests', 'fixtures', 'site-hostile-seed'), join(seedRoot, 'seeds'), { recursive: true });
      const content = run([join(root, 'src', 'cli.ts'), 'build', '--content-only'], seedRoot);
      if (!content.ok || readdirSync(join(seedRoot, 'content', 'articles')).length === 0) {
        throw new Error(`the build step produced no content from seeds/:\n${content.output}`);
      }
      buildSite(join(seedRoot, 'content'), seedSite);
    }),
  );
  project.provide(
    'manyError',
    attempt(() => {
      for (const file of manyContent()) {
        mkdirSync(dirname(join(manyDir, file.path)), { recursive: true });
        writeFileSync(join(manyDir, file.path), file.json);
      }
      buildSite(manyDir, manySite);
    }),
  );
  return () => rmSync(base, { recursive: true, force: true });
}
