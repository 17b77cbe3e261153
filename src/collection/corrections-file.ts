// Reads `seeds/corrections.yaml` for the build: the file-system side of src/collection/corrections.ts.
import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { correctionsFileName } from '../schema/corrections.ts';
import { noCorrections, parseCorrections, type CorrectionProblem, type Corrections } from './corrections.ts';
import { readSeed } from './read-seed.ts';

/**
 * The corrections of the project at `root` (none when there is no file), and the problems found
 * reading it, each as a located line made by `line`. Read like a seed: only a regular file inside
 * seeds/, UTF-8, within the size limit.
 */
export async function readCorrections(
  root: string,
  options: { maxSeedBytes: number; followSymlinks?: boolean },
  line: (p: CorrectionProblem) => string,
): Promise<{ corrections: Corrections; lines: string[]; failed: boolean }> {
  const seeds = join(root, 'seeds');
  const file = join(seeds, correctionsFileName);
  try {
    await lstat(file);
  } catch {
    return { corrections: noCorrections(), lines: [], failed: false };
  }
  const read = await readSeed(file, options.maxSeedBytes, { seedsDir: seeds, followSymlinks: options.followSymlinks });
  if ('problem' in read) {
    // An empty file is no corrections yet.
    if (read.problem.message.startsWith('file is empty')) return { corrections: noCorrections(), lines: [], failed: false };
    return { corrections: noCorrections(), lines: [line({ ...read.problem, severity: 'error' })], failed: true };
  }
  const { corrections, problems } = parseCorrections(read.text);
  return { corrections, lines: problems.map(line), failed: problems.some((p) => p.severity === 'error') };
}
