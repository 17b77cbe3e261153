import { readDocument, type SeedInput } from './document.ts';
import type { Extraction } from './types.ts';

export type { SeedInput } from './document.ts';
export type * from './types.ts';

/** Bumped whenever extraction output may change, so cached extractions are redone. */
export const extractorVersion = '0.1.0';

/** Extracts one article: pure, no file system. */
export function extract(seed: SeedInput): Extraction {
  const { article, reporter } = readDocument(seed);
  return { article, actors: [], quotes: [], agreements: [], diagnostics: reporter.diagnostics };
}
