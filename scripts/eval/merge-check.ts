// Runs texts through extraction, merge and validation as one collection, as `explainer build` does,
// and prints every error: the build must never stop on what the extractor got wrong about a valid seed.
//   npx node scripts/eval/merge-check.ts FILE… (or a folder of .txt files)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { type Diagnostic, report, seedFile } from '../../src/diagnostics.ts';
import { extract } from '../../src/extract/index.ts';
import { checkExtraction } from '../../src/collection/checks.ts';
import { merge } from '../../src/collection/merge.ts';
import { validate } from '../../src/collection/validate.ts';

const files = process.argv.slice(2).flatMap((p) => (statSync(p).isDirectory() ? readdirSync(p).filter((f) => f.endsWith('.txt')).map((f) => join(p, f)) : [p]));
// Diagnostics name a seed as the build does (seeds/x.txt); printed, they name the file read.
const pathOf = new Map(files.map((path) => [seedFile(basename(path)), path]));
const located = (d: Diagnostic): Diagnostic => ({ ...d, file: d.file && (pathOf.get(d.file) ?? d.file) });
const inputs = files.map((path) => {
  const extraction = extract({ path, text: readFileSync(path, 'utf8') });
  return { seed: basename(path), extraction };
});
inputs.sort((a, b) => (a.seed < b.seed ? -1 : 1));
const checks = inputs.flatMap(({ seed, extraction }) => checkExtraction(seed, extraction));
const { kb, notes } = merge(inputs);
const { problems } = validate(kb);
const errors = [...checks, ...notes, ...problems].filter((n) => n.severity === 'error');
const warnings = [...notes].filter((n) => n.severity === 'warning');
report(process.stdout, [...errors, ...warnings].map(located));
console.log(`${inputs.length} texts: ${errors.length} errors, ${warnings.length} merge warnings; ${kb.actors.length} actors, ${kb.quotes.length} quotes, ${kb.agreements.length} agreements`);
process.exitCode = errors.length ? 1 : 0;
