import { expect, it } from 'vitest';
import { progress, progressLine } from '../../src/collection/progress.ts';

it('gives done/total, elapsed time and an estimate of what is left', () => {
  expect(progressLine('extracting seeds', 5, 20, 2000)).toBe('extracting seeds 5/20, 2.0 s elapsed, about 6 s left');
  expect(progressLine('extracting seeds', 20, 20, 8000)).toBe('extracting seeds 20/20, 8.0 s elapsed');
});

function run(total: number, isTTY: boolean, env: Record<string, string>): string {
  let out = '';
  let t = 0;
  const bar = progress('x', total, { write: (s) => void (out += s), isTTY }, env, () => (t += 1000));
  for (let i = 0; i < total; i++) bar.tick();
  bar.end();
  return out;
}

it('rewrites one line on a terminal, prints plain lines in CI or to a pipe, and stays quiet for a handful', () => {
  expect(run(20, true, {})).toMatch(/^\r\x1b\[Kx 1\/20, .*\r\x1b\[Kx 20\/20, 20\.0 s elapsed\n$/s);
  const plain = run(20, true, { CI: 'true' });
  expect(plain.split('\n').filter(Boolean)).toHaveLength(10);
  expect(plain).not.toMatch(/\r/);
  expect(run(20, false, {})).toBe(plain);
  expect(run(3, true, {})).toBe('');
});
