// The TypeScript is checked as part of the suite: Node only strips types, so nothing else would.
// `astro check` type-checks the .astro components and pages as well as every .ts file of the
// tsconfig (strict), after syncing the content collections' types (.astro/) that the site imports.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { siteEnv } from '../src/options.ts';

const root = join(import.meta.dirname, '..');

it('type-checks .ts and .astro files (astro check, strict)', () => {
  const check = spawnSync(process.execPath, [join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'check', '--minimumSeverity', 'warning', '--minimumFailingSeverity', 'warning'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...siteEnv({ contentDir: join(root, 'tests', 'fixtures', 'site-content') }) },
  });
  const output = check.stdout + check.stderr;
  expect(output).toMatch(/Result \(\d+ files\):\s*\n- 0 errors\n- 0 warnings/);
  expect(check.status, output).toBe(0);
}, 300_000);
