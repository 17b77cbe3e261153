// Reads `seeds/corrections.yaml` for the build: the file-system side of src/collection/corrections.ts.
import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { hasError, type PlacedDiagnostic, seedFile } from '../diagnostics.ts';
import { correctionsFileName } from '../schema/corrections.ts';
import { noCorrections, parseCorrections, type Corrections } from './corrections.ts';
import { readSeed } from './read-seed.ts';

/**
 * The corrections of the project at `root` (none when there is no file), and the problems found
 * reading it; `failed` when one is an error. Read like a seed: only a regular file inside seeds/,
 * UTF-8, within the size limit.
 */
export async function readCorrections(
  root: string,
  options: { maxSeedBytes: number; followSymlinks?: boolean },
): Promise<{ corrections: Corrections; problems: PlacedDiagnostic[]; failed: boolean }> {
  const seeds = join(root, 'seeds');
  const path = join(seeds, correctionsFileName);
  try {
    await lstat(path);
  } catch {
    return { corrections: noCorrections(), problems: [], failed: false };
  }
  const read = await readSeed(path, options.maxSeedBytes, { file: seedFile(correctionsFileName), seedsDir: seeds, followSymlinks: options.followSymlinks });
  if ('problem' in read) {
    // An empty file is no corrections yet.
    if (read.problem.rule === 'empty-file') return { corrections: noCorrections(), problems: [], failed: false };
    return { corrections: noCorrections(), problems: [read.problem], failed: true };
  }
  const { corrections, problems } = parseCorrections(read.text);
  return { corrections, problems, failed: hasError(problems) };
}
