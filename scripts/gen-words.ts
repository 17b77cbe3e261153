// Regenerates src/extract/data/english-words.txt, the English word list of `englishWords` in
// src/extract/lexicon.ts: the words of an-array-of-english-words, one a line, sorted by UTF-16
// code units so that the extractor looks a word up by binary search over the text as it is read,
// without parsing 3 MB of JSON into a Set in every process and worker. Run: npx node scripts/gen-words.ts
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const words = [...new Set<string>(require('an-array-of-english-words'))].filter((w) => w !== '').sort((a, b) => (a < b ? -1 : 1));
const bad = words.find((w) => /[\n\u0080-\uffff]/.test(w));
if (bad) throw new Error(`gen-words: ${JSON.stringify(bad)} is not a one-line Latin-1 word`);
writeFileSync(new URL('../src/extract/data/english-words.txt', import.meta.url), `${words.join('\n')}\n`, 'latin1');
console.log(`${words.length} words`);
