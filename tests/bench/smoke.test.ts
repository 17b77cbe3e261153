// The benchmark itself is code: a smoke run (`--quick --no-write`, two tiny sizes) must go through
// every step — corpus, throughput, full build, floor, one-seed rebuild, profiles, report — so it
// cannot silently break again. It generates its corpus from the openly licensed articles in
// tests/corpus, so it needs nothing outside the repository.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const scratch = join(root, 'scripts', 'bench', '.work');

describe('npm run bench -- --quick --no-write', () => {
  it('measures two sizes end to end, prints its tables and leaves no scratch folder', { timeout: 600_000 }, () => {
    const before = existsSync(scratch) ? readdirSync(scratch) : [];
    const run = spawnSync(
      process.execPath,
      [join(root, 'scripts', 'bench', 'run.ts'), '--quick', '--no-write', '--sizes', '3,6', '--sources', join(root, 'tests', 'corpus', 'articles')],
      { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 << 20 },
    );
    expect(run.stderr).not.toMatch(/Error|at .*\.ts:\d+/);
    expect(run.status).toBe(0);
    // The build table has a row per size with its page count; the rebuild re-extracted one seed only and copied pages from the last build.
    for (const size of [3, 6]) expect(run.stdout).toMatch(new RegExp(`^\\| ${size} \\| [\\d,]+ \\| [\\d,]+ \\| [\\d,]+ \\| [\\d.]+ \\|`, 'm'));
    expect(run.stdout).toMatch(/^\| Rebuild after editing one seed of 3: only that seed re-extracted \| 1 re-extracted, 2 from cache \| met \|$/m);
    for (const size of [3, 6]) expect(run.stdout).toMatch(new RegExp(`^\\| ${size} \\| [\\d.]+ \\| [\\d.]+ \\| [\\d.?]+ \\| [\\d.]+ % \\| 1 \\| ${size - 1} \\| [\\d,]+ \\| [1-9][\\d,]* \\|$`, 'm'));
    expect(run.stdout).toMatch(/^\| `extract\(\)` \| 6 \|/m);
    expect(existsSync(scratch) ? readdirSync(scratch) : []).toEqual(before);
  });
});
