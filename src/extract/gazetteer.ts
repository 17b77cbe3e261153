import { createRequire } from 'node:module';

// Countries, demonyms, capitals and places: general knowledge from maintained packages.
const require = createRequire(import.meta.url);
const countries: {
  name: { common: string; official: string };
  cca2: string;
  altSpellings: string[];
  capital: string[];
  independent: boolean;
  demonyms?: { eng?: { m: string; f: string } };
}[] = require('world-countries');
const placeTable: Record<string, string> = require('./data/places.json');
const givenNameTable: Record<'male' | 'female' | 'either', string> = require('./data/given-names.json');

export interface Country {
  code: string;
  name: string;
}

/** Everyday names the packages lack (abbreviations and short forms used in news copy). */
const extraCountryNames: Record<string, string[]> = {
  US: ['U.S.', 'U.S.A.', 'America', 'United States'],
  GB: ['UK', 'U.K.', 'Britain', 'Great Britain'],
  RU: ['Russian Federation'],
  KR: ['South Korea'],
  KP: ['North Korea'],
  IR: ['Persia'],
  CZ: ['Czech Republic'],
  AE: ['UAE', 'U.A.E.'],
  CD: ['DRC', 'DR Congo'],
  NL: ['Holland'],
  // Everyday names for countries the package knows by a newer or formal one.
  TR: ['Turkey'],
  CV: ['Cape Verde', 'Cabo Verde'],
  MK: ['Macedonia'],
  SZ: ['Swaziland'],
  CG: ['Congo-Brazzaville'],
  TL: ['East Timor'],
};
const extraDemonyms: Record<string, string[]> = {
  GB: ['British', 'English', 'Scottish', 'Welsh'],
  US: ['American', 'U.S.'],
  NL: ['Dutch'],
  KR: ['South Korean'],
  KP: ['North Korean'],
  PH: ['Filipino'],
  CN: ['Chinese'],
  JP: ['Japanese'],
  IL: ['Israeli'],
  PS: ['Palestinian'],
  SA: ['Saudi'],
  AF: ['Afghan'],
  TR: ['Turkish'],
};
/** Alternative spellings that read as something else in running text. */
const ambiguous = new Set(['Jersey', 'Man', 'US']);

const byName = new Map<string, Country>();
const byDemonym = new Map<string, Country>();
const capitals = new Map<string, Country>();
const byCode = new Map<string, Country>();

// Sovereign states first, so that a demonym shared with a territory ("Norwegian") names the state.
for (const c of [...countries].sort((a, b) => Number(b.independent) - Number(a.independent))) {
  const country: Country = { code: c.cca2, name: c.name.common };
  byCode.set(c.cca2, country);
  const names = [c.name.common, ...c.altSpellings.filter((a) => a.length > 2), ...(extraCountryNames[c.cca2] ?? [])];
  if (c.name.official.split(' ').length <= 4) names.push(c.name.official);
  for (const n of names) if (!ambiguous.has(n) && !/^[a-z]/.test(n)) byName.set(n, country);
  for (const d of [c.demonyms?.eng?.m, c.demonyms?.eng?.f, ...(extraDemonyms[c.cca2] ?? [])]) if (d && !byDemonym.has(d)) byDemonym.set(d, country);
  for (const cap of c.capital) capitals.set(cap, country);
}
// "US" is a country in news copy when written in capitals; "us" the pronoun never reaches here.
byName.set('US', byCode.get('US')!);

export const countryByName = (name: string): Country | undefined => byName.get(name);

/** The country a capital city is the capital of ("Oslo welcomed the ruling" speaks for Norway). */
export const capitalOf = (name: string): Country | undefined => capitals.get(name);
export const countryByDemonym = (word: string): Country | undefined => byDemonym.get(word);

/** Continents, world regions and planets: places in no one country. */
const worldRegions = new Set([
  'Africa', 'Antarctica', 'Arctic', 'Asia', 'Europe', 'Oceania', 'Americas', 'North America', 'South America', 'Latin America',
  'Central America', 'Middle East', 'Near East', 'Far East', 'Eastern Europe', 'Western Europe', 'Central Europe', 'Northern Europe',
  'Southern Europe', 'Central Asia', 'South Asia', 'Southeast Asia', 'East Asia', 'West Africa', 'East Africa', 'North Africa',
  'Southern Africa', 'Sub-Saharan Africa', 'Horn of Africa', 'Sahel', 'Balkans', 'Baltics', 'Caucasus', 'Caribbean', 'Scandinavia',
  'Mediterranean', 'Pacific', 'Atlantic', 'Indo-Pacific', 'Persian Gulf', 'Gulf', 'Mercury', 'Venus', 'Earth', 'Mars', 'Jupiter',
  'Saturn', 'Uranus', 'Neptune', 'Moon',
]);

/** A capital or a known place (region, large city), with the country it lies in. */
export function placeByName(name: string): Country | undefined | null {
  if (worldRegions.has(name)) return null;
  const capital = capitals.get(name);
  if (capital) return capital;
  const code = placeTable[name];
  return code ? (byCode.get(code) ?? null) : undefined;
}

const givenNames = new Map<string, 'male' | 'female' | null>();
for (const [gender, names] of Object.entries(givenNameTable))
  for (const name of names.split(' ')) givenNames.set(name, gender === 'either' ? null : (gender as 'male' | 'female'));

/**
 * A first name's usual gender: `null` for a name given to both, `undefined` for a word that is no
 * first name. Countries and places are never first names here ("Georgia", "Paris").
 */
export function givenName(word: string): 'male' | 'female' | null | undefined {
  if (!/^\p{Lu}\p{Ll}+$/u.test(word) || byName.has(word) || byDemonym.has(word) || placeByName(word) !== undefined) return undefined;
  return givenNames.get(word.toLowerCase());
}
