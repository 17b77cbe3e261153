// Issue 11, "nothing lost": for any sequence of seed edits, killed builds and rebuilds, content/ is
// always the output of some clean build — the last good one, or the current seeds' — and never
// missing (a build killed between the two renames of its swap is put back by the next run).
import { spawnSync } from 'node:child_process';
import { readdir, rm, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { recover } from '../../src/collection/write.ts';
import { buildContent, project, snapshot } from './helpers.ts';

const texts = [
  'Talks resume in Vienna\nForeign Minister Anna Berg said "we are close" on Monday.',
  '---\ntitle: Ceasefire holds\ndate: 2025-04-02\n---\nBoris Cole met Anna Berg in Geneva. "It holds," Cole said.',
  'Deal signed\nThe United Nations and Kenya signed the Nairobi Accord. "A good day," said Ruth Kamau.',
];
const names = ['a.txt', 'b.md', 'c.txt'];
const stages = ['extracted', 'staged', 'swapping', 'swapped'] as const;
const cli = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));

type Command = { kind: 'write'; seed: number; text: number } | { kind: 'delete'; seed: number } | { kind: 'build' } | { kind: 'kill'; stage: (typeof stages)[number] };
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('write' as const), seed: fc.nat(2), text: fc.nat(2) }),
  fc.record({ kind: fc.constant('delete' as const), seed: fc.nat({ max: 2 }) }),
  fc.record({ kind: fc.constant('build' as const) }),
  fc.record({ kind: fc.constant('kill' as const), stage: fc.constantFrom(...stages) }),
);

it('content/ always equals some clean build’s output, whatever edits, kills and rebuilds', { timeout: 240_000 }, async () => {
  const clean = new Map<string, Map<string, string> | null>();
  /** The content/ a clean build of these seeds gives (null: the build fails, no seeds). */
  const cleanOutput = async (seeds: Map<string, number>) => {
    const key = JSON.stringify([...seeds].sort());
    if (!clean.has(key)) {
      const root = await project(Object.fromEntries([...seeds].map(([n, t]) => [n, texts[t]])));
      const run = seeds.size ? await buildContent(root) : null;
      clean.set(key, run?.exitCode === 0 ? await snapshot(join(root, 'content')) : null);
      await rm(root, { recursive: true, force: true });
    }
    return clean.get(key)!;
  };
  await fc.assert(
    fc.asyncProperty(fc.array(command, { minLength: 2, maxLength: 6 }), async (commands) => {
      const root = await project({ 'a.txt': texts[0] });
      const seeds = new Map([['a.txt', 0]]);
      let good: Map<string, string> | null = null; // content/ of the last successful build
      const content = async () => ((await readdir(root)).includes('content') ? snapshot(join(root, 'content')) : null);
      try {
        for (const c of commands) {
          if (c.kind === 'write') {
            await writeFile(join(root, 'seeds', names[c.seed]), texts[c.text]);
            seeds.set(names[c.seed], c.text);
          } else if (c.kind === 'delete') {
            await unlink(join(root, 'seeds', names[c.seed])).catch(() => {});
            seeds.delete(names[c.seed]);
          } else if (c.kind === 'build') {
            await recover(root);
            const run = await buildContent(root).catch(() => ({ exitCode: 1 }));
            const expected = await cleanOutput(seeds);
            expect(run.exitCode).toBe(expected ? 0 : 1);
            if (expected) good = expected;
            expect(await content()).toEqual(good);
          } else {
            const run = spawnSync(process.execPath, [cli, 'build', '--content-only'], { cwd: root, timeout: 60_000, env: { ...process.env, EXPLAINER_TEST_KILL_AT: c.stage } });
            const now = await content();
            const expected = await cleanOutput(seeds);
            if (run.signal === 'SIGKILL') {
              // Killed: the old output, or (after both renames) the new one; mid-swap it is away
              // until the next run rolls the swap back.
              if (c.stage !== 'swapping') expect([good, expected]).toContainEqual(now);
              await recover(root);
              expect(await content()).toEqual(good);
            } else {
              // The build failed before that stage (no seeds): nothing changed.
              expect(expected).toBeNull();
              expect(now).toEqual(good);
            }
          }
        }
      } finally {
        await rm(root, { recursive: true, force: true });
      }
    }),
    { numRuns: 8 },
  );
});
