// `npm run lint` (Biome, configured in biome.json) passes, and its configuration still catches mistakes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const biome = (args: string[]) =>
  spawnSync(process.execPath, [join(root, 'node_modules', '@biomejs', 'biome', 'bin', 'biome'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

it('lints clean (npm run lint)', () => {
  const run = biome(['lint', '--colors=off', '.']);
  expect(run.stdout + run.stderr).toMatch(/Checked \d+ files/);
  expect(run.status, run.stdout + run.stderr).toBe(0);
});

it('reports real mistakes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'explainer-lint-'));
  try {
    const file = join(dir, 'example.ts');
    writeFileSync(file, 'export function f(a: number) {\n  debugger;\n  if (a == a) return a;\n}\n');
    const run = biome(['lint', '--colors=off', '--vcs-enabled=false', file]); // (a file outside the repository: no .gitignore)
    expect(run.status).toBe(1);
    for (const rule of ['noDebugger', 'noSelfCompare', 'noDoubleEquals']) expect(run.stdout + run.stderr).toContain(`lint/suspicious/${rule}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
