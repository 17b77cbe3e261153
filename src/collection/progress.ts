import type { Output } from '../diagnostics.ts';

/** Progress of a long step: `extracting 12/54 seeds, 3.2 s elapsed, about 10 s left`. Pure. */
export function progressLine(what: string, done: number, total: number, elapsedMs: number): string {
  const elapsed = `${(elapsedMs / 1000).toFixed(1)} s elapsed`;
  if (done === 0 || done >= total) return `${what} ${done}/${total}, ${elapsed}`;
  const left = Math.ceil(((elapsedMs / done) * (total - done)) / 1000);
  return `${what} ${done}/${total}, ${elapsed}, about ${left} s left`;
}

/** Fewer items than this finish too fast for progress to help. */
export const minItemsForProgress = 6;

/** Where progress goes: a terminal (`isTTY`) gets a line rewritten in place. */
export interface ProgressOutput extends Output {
  isTTY?: boolean;
}

/**
 * Reports progress on `out`: a line rewritten in place on a terminal, or (in CI, or when output is
 * not a terminal) a plain line at every tenth of the way.
 */
export function progress(what: string, total: number, out: ProgressOutput, env = process.env, now = () => performance.now()) {
  const started = now();
  const live = Boolean(out.isTTY) && !env.CI;
  const step = Math.max(1, Math.ceil(total / 10));
  let done = 0;
  let lastDraw = -Infinity;
  const quiet = total < minItemsForProgress;
  return {
    tick(): void {
      done++;
      if (quiet) return;
      const t = now();
      if (live) {
        if (done === total || t - lastDraw > 100) {
          lastDraw = t;
          out.write(`\r\x1b[K${progressLine(what, done, total, t - started)}`);
        }
      } else if (done % step === 0 || done === total) out.write(`${progressLine(what, done, total, t - started)}\n`);
    },
    end(): void {
      if (live && !quiet) out.write('\n');
    },
  };
}
