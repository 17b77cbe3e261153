// An extractor for the worker threads (tests): runs forever on a seed saying HANG, allocates
// without end on one saying EAT, and is the real one otherwise.
import { extract as real, type Extraction, type SeedInput } from '../../src/extract/index.ts';

export function extract(seed: SeedInput): Extraction {
  if (seed.text.includes('HANG')) for (;;);
  if (seed.text.includes('EAT')) {
    const heap: number[][] = [];
    for (;;) heap.push(new Array(1e6).fill(heap.length));
  }
  return real(seed);
}
