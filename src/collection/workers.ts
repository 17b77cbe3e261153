import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Extraction, SeedInput } from '../extract/index.ts';

export interface Job {
  index: number;
  path: string;
  text: string;
}

/**
 * An extraction; the exception the extractor threw (a bug, reported as such); or the budget a seed
 * went over (its worker was stopped).
 */
export type JobResult =
  | { index: number; extraction: Extraction }
  | { index: number; crash: { message: string; stack: string } }
  | { index: number; overBudget: 'time' | 'memory' };

/**
 * Every extraction runs on a worker thread, so that a seed that makes the extractor run away (an
 * input it handles in more than n log n) can be stopped: after `seedTimeLimitMs`, or when it needs
 * more than `seedMemoryMb` of heap, the worker is terminated and the seed reported. A worker
 * loads the whole extractor first (about a second); idle workers are kept for the next build in
 * the same process (the dev server). More than one worker is used only for this much text, each
 * gets at least `seedsPerWorker` seeds, and there are never more than `maxWorkers` (memory).
 */
export const minTextForWorkers = 1024 * 1024;
export const seedsPerWorker = 4;
export const maxWorkers = 8;
export const defaultSeedMemoryMb = 2048;

export type Extractor = (seed: SeedInput) => Extraction;

export interface Budget {
  timeMs: number;
  memoryMb: number;
}

/** Runs one job, here or in a worker thread. */
export function runJob(job: Job, extractor: Extractor): JobResult {
  try {
    return { index: job.index, extraction: extractor({ path: job.path, text: job.text }) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { index: job.index, crash: { message, stack: (error instanceof Error && error.stack) || message } };
  }
}

/** A worker with the extractor loaded (`ready`), tagged with the memory limit it was made with. */
interface Extractor_ {
  worker: Worker;
  ready: Promise<void>;
  memoryMb: number;
}
const idle: Extractor_[] = [];

/** Ends the idle workers: a build about to render the site needs their memory more than a next build needs them warm. */
export async function stopIdleWorkers(): Promise<void> {
  await Promise.all(idle.splice(0).map((w) => w.worker.terminate()));
}

function startWorker(memoryMb: number, module?: URL): Extractor_ {
  const worker = new Worker(new URL('./extract-worker.ts', import.meta.url), {
    resourceLimits: { maxOldGenerationSizeMb: memoryMb },
    workerData: { module: module?.href },
  });
  const ready = new Promise<void>((resolve, reject) => {
    const onMessage = (m: unknown) => {
      if ((m as { ready?: boolean }).ready) {
        worker.off('error', reject);
        resolve();
      }
    };
    worker.once('message', onMessage);
    worker.once('error', reject);
  });
  ready.catch(() => {});
  return { worker, ready, memoryMb };
}

/**
 * Extracts every job within the budget, on up to `threads` worker threads (default: one per core
 * when there is enough text, else one). Results come back in job order whatever order the threads
 * finish in; `onDone` is called once per job. An `extractor` other than the real one (a test's) runs
 * on this thread, with no budget; `workerModule` replaces the real one in the workers (tests).
 */
export async function extractAll(
  jobs: Job[],
  budget: Budget,
  onDone: () => void,
  threads?: number,
  extractor?: Extractor,
  workerModule?: URL,
): Promise<JobResult[]> {
  if (extractor)
    return jobs.map((job) => {
      const result = runJob(job, extractor);
      onDone();
      return result;
    });
  if (!jobs.length) return [];
  const text = jobs.reduce((sum, job) => sum + job.text.length, 0);
  const wanted = threads ?? (text >= minTextForWorkers ? availableParallelism() : 1);
  const count = Math.max(1, Math.min(wanted, Math.ceil(jobs.length / seedsPerWorker), maxWorkers));
  const results = new Map<number, JobResult>();
  let next = 0;
  const take = (): Extractor_ => {
    const i = workerModule ? -1 : idle.findIndex((w) => w.memoryMb === budget.memoryMb);
    const w = i >= 0 ? idle.splice(i, 1)[0] : startWorker(budget.memoryMb, workerModule);
    w.worker.ref();
    return w;
  };
  const kept: Extractor_[] = [];
  /** One lane: a worker at a time, replaced when it is stopped or dies. */
  const lane = async (): Promise<void> => {
    let w: Extractor_ | undefined;
    while (next < jobs.length) {
      w ??= take();
      try {
        await w.ready;
      } catch (error) {
        await w.worker.terminate();
        throw error;
      }
      if (next >= jobs.length) break; // another lane took the last job while this worker loaded
      const job = jobs[next++];
      const current = w;
      let broken = true;
      const result = await new Promise<JobResult>((resolve) => {
        const timer = setTimeout(() => finish({ index: job.index, overBudget: 'time' }), budget.timeMs);
        const finish = (r: JobResult) => {
          clearTimeout(timer);
          current.worker.off('message', onMessage);
          current.worker.off('error', onError);
          current.worker.off('exit', onExit);
          resolve(r);
        };
        const onMessage = (r: JobResult) => {
          broken = false;
          finish(r);
        };
        const onError = (error: Error & { code?: string }) =>
          finish(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { index: job.index, overBudget: 'memory' } : { index: job.index, crash: { message: error.message, stack: error.stack ?? error.message } });
        const onExit = (code: number) => finish({ index: job.index, crash: { message: `the extraction worker stopped (exit code ${code})`, stack: '' } });
        current.worker.on('message', onMessage);
        current.worker.on('error', onError);
        current.worker.on('exit', onExit);
        current.worker.postMessage(job);
      });
      if (broken) {
        // Stopped or broken: never reuse it.
        await current.worker.terminate();
        w = undefined;
      }
      results.set(job.index, result);
      onDone();
    }
    if (w) kept.push(w);
  };
  try {
    await Promise.all(Array.from({ length: count }, lane));
  } finally {
    for (const w of kept) {
      if (workerModule) await w.worker.terminate();
      else {
        w.worker.unref();
        idle.push(w);
      }
    }
  }
  return jobs.map((job) => results.get(job.index)!);
}
