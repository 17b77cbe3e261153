// Worker thread: extracts the seeds the pool sends it, one message each.
import { parentPort } from 'node:worker_threads';
import { extract } from '../extract/index.ts';
import { runJob, type Job } from './workers.ts';

parentPort!.on('message', (job: Job) => parentPort!.postMessage(runJob(job, extract)));
