// The TypeScript is checked as part of the suite: Node only strips types, so nothing else would.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

it('type-checks (tsc --noEmit, strict)', () => {
  // `astro sync` writes the types of the content collections (.astro/) that the site code imports.
  const sync = spawnSync(process.execPath, [join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'sync'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', EXPLAINER_CONTENT_DIR: join(root, 'tests', 'fixtures', 'site-content') },
  });
  expect(sync.status, sync.stderr).toBe(0);
  const tsc = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', root], { encoding: 'utf8' });
  expect(tsc.stdout + tsc.stderr).toBe('');
  expect(tsc.status).toBe(0);
}, 180_000);
