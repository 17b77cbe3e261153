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
 * Each thread loads the whole extractor (a second of start-up, a few hundred MB), so a thread
 * gets at least this many seeds, and there are never more than `maxWorkers` of them.
 */
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
 * Extracts every job, on worker threads (up to one per core) when there are enough of them. Results come
 * back in job order whatever order the threads finish in; `onDone` is called once per job. An
 * `extractor` other than the real one (a test's) runs on this thread.
 */
export async function extractAll(jobs: Job[], onDone: () => void, threads = availableParallelism(), extractor?: Extractor): Promise<JobResult[]> {
  const count = Math.min(threads, Math.ceil(jobs.length / seedsPerWorker), maxWorkers);
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
