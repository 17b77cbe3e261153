// Worker thread: extracts the seeds the pool sends it, one message each; says `ready` once the
// extractor is loaded, so loading does not count against a seed's time budget.
import { parentPort, workerData } from 'node:worker_threads';
import type { Extractor } from './workers.ts';
import { runJob, type Job } from './workers.ts';

const module = (workerData as { module?: string } | null)?.module;
const { extract } = (await import(module ?? '../extract/index.ts')) as { extract: Extractor };
parentPort!.on('message', (job: Job) => parentPort!.postMessage(runJob(job, extract)));
parentPort!.postMessage({ ready: true });
