// Regenerates src/extract/data/given-names.json, the given-name lexicon: first names of English,
// Spanish, Italian and German speakers with their usual gender (gender-detection-from-name, MIT).
// A capitalised word followed by a given name's usual surname position is read as a person, and a
// person's gender comes from the first name when the text gives no title or pronoun.
// Run: npx node scripts/gen-names.ts
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const lists: Map<string, 'male' | 'female'>[] = ['en', 'es', 'it', 'de'].map((lang) =>
  require(`gender-detection-from-name/names/${lang}.js`),
);
const genders = new Map<string, Set<string>>();
for (const list of lists)
  for (const [name, gender] of list) {
    // Two letters or more, letters only: initials and hyphenated compounds are read elsewhere.
    if (!/^\p{L}{2,}$/u.test(name)) continue;
    let set = genders.get(name);
    if (!set) genders.set(name, (set = new Set()));
    set.add(gender);
  }
const byGender: Record<'male' | 'female' | 'either', string[]> = { male: [], female: [], either: [] };
for (const [name, set] of [...genders].sort(([a], [b]) => (a < b ? -1 : 1)))
  byGender[set.size > 1 ? 'either' : ([...set][0] as 'male' | 'female')].push(name);
const data = Object.fromEntries(Object.entries(byGender).map(([g, names]) => [g, names.join(' ')]));
writeFileSync(new URL('../src/extract/data/given-names.json', import.meta.url), `${JSON.stringify(data)}\n`);
console.log(Object.entries(byGender).map(([g, n]) => `${n.length} ${g}`).join(', '));
