// Worker thread: extracts the seeds the pool sends it, one message each.
import { parentPort } from 'node:worker_threads';
import { extract } from '../extract/index.ts';
import type { Job, JobResult } from './workers.ts';

parentPort!.on('message', (job: Job) => {
  let result: JobResult;
  try {
    result = { index: job.index, extraction: extract({ path: job.path, text: job.text }) };
  } catch (error) {
    result = { index: job.index, crash: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(result);
});
