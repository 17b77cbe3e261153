import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { extract, type Extraction, type SeedInput } from '../extract/index.ts';

export interface Job {
  index: number;
  path: string;
  text: string;
}

/** An extraction, or the exception the extractor threw (a bug, reported as such). */
export type JobResult = { index: number; extraction: Extraction } | { index: number; crash: { message: string; stack: string } };

/**
 * A worker thread loads the whole extractor first (over a second), while this thread has it
 * loaded already: measured on 2 cores, the 265 KiB corpus extracts in 1.8 s here and slower on
 * two threads. So threads are used by default only for this much text, each gets at least
 * `seedsPerWorker` seeds, and there are never more than `maxWorkers` (memory).
 */
export const minTextForWorkers = 1024 * 1024;
export const seedsPerWorker = 4;
export const maxWorkers = 8;

export type Extractor = (seed: SeedInput) => Extraction;

/** Runs one job, here or in a worker thread. */
export function runJob(job: Job, extractor: Extractor): JobResult {
  try {
    return { index: job.index, extraction: extractor({ path: job.path, text: job.text }) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { index: job.index, crash: { message, stack: (error instanceof Error && error.stack) || message } };
  }
}

/**
 * Extracts every job, on up to `threads` worker threads (default: one per core when there is
 * enough text, else none). Results come back in job order whatever order the threads finish in;
 * `onDone` is called once per job. An `extractor` other than the real one (a test's) runs here.
 */
export async function extractAll(jobs: Job[], onDone: () => void, threads?: number, extractor?: Extractor): Promise<JobResult[]> {
  const text = jobs.reduce((sum, job) => sum + job.text.length, 0);
  const wanted = threads ?? (text >= minTextForWorkers ? availableParallelism() : 1);
  const count = Math.min(wanted, Math.ceil(jobs.length / seedsPerWorker), maxWorkers);
  if (extractor || count < 2) {
    return jobs.map((job) => {
      const result = runJob(job, extractor ?? extract);
      onDone();
      return result;
    });
  }
  const results: JobResult[] = new Array(jobs.length);
  let next = 0;
  const workers = Array.from({ length: count }, () => new Worker(new URL('./extract-worker.ts', import.meta.url)));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const feed = () => {
              if (next >= jobs.length) return resolve();
              worker.postMessage(jobs[next++]);
            };
            worker.on('message', (result: JobResult) => {
              results[result.index] = result;
              onDone();
              feed();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => reject(new Error(`extraction worker stopped (exit code ${code})`)));
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
