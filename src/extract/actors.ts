import type { Actor, ActorKind, ExtractedArticle, Role } from './types.ts';
import type { NameMention } from './mentions.ts';
import { capitalOf, countryByDemonym, countryByName, givenName, placeByName } from './gazetteer.ts';
import { agreementHeads, corporateSuffixes, englishWords, functionWords, isGenericInstitution, nameConnectors, organizationHeads, reportingVerbs, titleHeads } from './lexicon.ts';
import { localId, uniqueId } from './slug.ts';
import { firstIndexAtOrAfter } from './bisect.ts';

/** A name mention, once assigned to its actor. */
export interface ActorMention extends NameMention {
  actor: string;
}

interface Cluster {
  kind: ActorKind;
  key: string;
  surfaces: Map<string, number>;
  mentions: NameMention[];
  fullName: string;
  countryCode?: string;
  gender: 'male' | 'female' | null;
}

const normCache = new Map<string, string>();
/** A name for comparing (memoised: the same few names are compared again and again). */
function norm(s: string): string {
  let n = normCache.get(s);
  if (n === undefined) {
    if (normCache.size > 50_000) normCache.clear();
    n = s.normalize('NFKC').toLowerCase().replace(/^the\s+/, '').replace(/[’']/g, "'").replace(/[.,]/g, '').replace(/\s+/g, ' ').trim();
    normCache.set(s, n);
  }
  return n;
}
const words = (s: string) => s.split(/[\s-]+/).filter(Boolean);
const significant = (s: string) => words(s).filter((w) => !nameConnectors.has(w.toLowerCase()));
const initials = (s: string) => significant(s).map((w) => w[0]).join('').toUpperCase();
const lastWord = (s: string) => words(s).at(-1) ?? s;

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

/**
 * Gathers name mentions into actors: one per real-world entity. People merge by full name,
 * surname, honorific form and near-miss spellings; organisations by case, acronym and a shorter
 * form of a longer name; countries by code (names and demonyms); outlets and places by name.
 */
export function buildActors(
  article: ExtractedArticle,
  named: NameMention[],
  bare: NameMention[],
  writtenLower: Set<string>,
): { actors: Actor[]; mentions: ActorMention[] } {
  const { text } = article;
  const clusters: Cluster[] = [];
  const byKey = new Map<string, Cluster>();
  const assigned = new Map<NameMention, Cluster>();

  const add = (m: NameMention, key: string, fullName = m.name) => {
    let c = byKey.get(key);
    if (!c) {
      c = { kind: m.kind, key, surfaces: new Map(), mentions: [], fullName, countryCode: m.country?.code, gender: null };
      byKey.set(key, c);
      clusters.push(c);
    }
    c.mentions.push(m);
    const surface = text.slice(m.start, m.end);
    c.surfaces.set(surface, (c.surfaces.get(surface) ?? 0) + 1);
    if (m.gender) c.gender = m.gender;
    assigned.set(m, c);
    return c;
  };

  const ordered = [...named].sort((a, b) => a.start - b.start);
  // Full names first, so that surnames find them wherever they come.
  for (const m of ordered) {
    if (m.kind === 'country') add(m, `country:${m.country!.code}`, m.country!.name);
    else if (m.kind === 'person' && words(m.name).length > 1) add(m, `person:${norm(m.name)}`);
    else if (m.kind !== 'person' && !mayBeSurname(m)) add(m, `${m.kind}:${norm(m.name)}`);
  }
  const fullNamed = clusters.filter((c) => c.kind === 'person' && words(c.fullName).length > 1);
  const persons = () => fullNamed;
  const lastMentionBefore = (c: Cluster, at: number) => Math.max(-1, ...c.mentions.filter((x) => x.start < at).map((x) => x.start));
  /** Of `hits`, the person named most recently before `at`: a surname never reaches forward to a full name given later. */
  const namedLastBefore = (hits: Cluster[], at: number) =>
    hits.filter((c) => lastMentionBefore(c, at) >= 0).sort((a, b) => lastMentionBefore(b, at) - lastMentionBefore(a, at))[0];
  const surnameMatch = (m: NameMention): Cluster | undefined => {
    const name = norm(m.name);
    const hits = persons().filter((c) => {
      const ws = words(norm(c.fullName));
      return ws.at(-1) === name || norm(c.fullName).endsWith(` ${name}`) || (ws.length > 1 && ws[0] === name && !m.honorific);
    });
    const before = namedLastBefore(hits, m.start);
    if (before) return before;
    // A misspelt surname, as printed: close enough to one known surname, and only one.
    if (m.evidence) {
      // A title or honorific makes a near miss likely a misspelling; a bare name before "said", a typo of one letter.
      const allowed = m.evidence === 'verb' ? 1 : 2;
      const near = persons().filter((c) => {
        const s = lastWord(norm(c.fullName));
        return s.length >= 5 && editDistance(s, name) <= allowed;
      });
      if (near.length === 1) return near[0];
    }
    return undefined;
  };

  // A town's name that is also the surname of a person named before ("Ambassador Ian Bolton" … "Bolton
  // said") is that person; a capital never is ("George Washington" … "Washington").
  for (const m of ordered.filter(mayBeSurname)) {
    const person = bearerOfSurname(m);
    add(person ? { ...m, kind: 'person' } : m, person?.key ?? `${m.kind}:${norm(m.name)}`);
  }
  for (const m of [...ordered.filter((x) => x.kind === 'person' && words(x.name).length === 1), ...bare].sort((a, b) => a.start - b.start)) {
    if (m.surnameOnly) {
      const person = surnameMatch(m);
      if (person) add(m, person.key);
      continue;
    }
    const company = companyNamedAfter(m);
    if (company) {
      add({ ...m, kind: 'organization' }, company.key);
      continue;
    }
    // A surname of a full name, or a one-word name already known as a person ("President Lund" … "Lund told").
    const person = surnameMatch(m) ?? byKey.get(`person:${norm(m.name)}`);
    if (person) {
      add(m, person.key);
      continue;
    }
    const known = clusters.find((c) => c.kind !== 'person' && c.kind !== 'country' && norm(c.fullName) === norm(m.name));
    if (known) {
      add({ ...m, kind: known.kind }, known.key);
      continue;
    }
    const hyphenated = m.name.split(/-/);
    if (hyphenated.length > 1 && hyphenated.every((p) => countryByName(p))) {
      let at = m.start;
      for (const part of hyphenated) {
        const country = countryByName(part)!;
        add({ ...m, start: at, end: at + part.length, kind: 'country', country, name: country.name }, `country:${country.code}`, country.name);
        at += part.length + 1;
      }
      continue;
    }
    if (bare.includes(m) && !m.evidence) {
      if (placeOf(m)) add({ ...m, kind: 'place' }, `place:${norm(m.name)}`);
      else if (companyLike(m)) add({ ...m, kind: 'organization' }, `organization:${norm(m.name)}`);
      continue;
    }
    if (/^[A-Z]{2,}s$/.test(m.name)) continue; // "MPs", "NGOs": plural abbreviations of common nouns
    // A common word the article also writes in lower case ("Officials said"), not a name ("Lynch said").
    const common = words(m.name).every((w) => {
      const word = w.toLowerCase();
      const plural = /s$/.test(word) && englishWords.has(word.replace(/e?s$/, ''));
      return (englishWords.has(word) && (writtenLower.has(word) || plural)) || functionWords.has(word);
    });
    if (m.evidence === 'verb' && common && words(m.name).length === 1) continue; // "Officials said": a common noun, not a name
    // One word next to "said", never given with a first name or a title: a company or body ("Chrysler said
    // it …"), unless the pronoun that follows is a person's ("Lund said she …") or the quote it says
    // speaks of "I" ('"I was there," Lund said').
    if (m.evidence === 'verb' && words(m.name).length === 1 && pronounKindAfter(text, m.end) !== 'person' && !saysI(text, m.start))
      add({ ...m, kind: 'organization' }, `organization:${norm(m.name)}`);
    else if (m.evidence) add({ ...m, kind: 'person' }, `person:${norm(m.name)}`);
  }

  /** The person with a first name and `m` for a surname named last before `m` ("Ian Bolton" for "Bolton"). */
  function bearerOfSurname(m: NameMention): Cluster | undefined {
    const name = norm(m.name);
    const bearers = fullNamed.filter((c) => {
      const ws = c.fullName.split(/\s+/);
      return norm(ws[ws.length - 1]) === name && givenName(ws[0]) !== undefined;
    });
    return namedLastBefore(bearers, m.start);
  }

  /** A one-word town or region, not a capital: it may be a person's surname. */
  function mayBeSurname(m: NameMention): boolean {
    return m.kind === 'place' && words(m.name).length === 1 && !capitalOf(m.name);
  }

  /**
   * "Harlow" in an article naming Harlow Shipping Group and its founder Anna Harlow: the company, unless a title or honorific, or
   * a "he" or "she" after it, makes it the person.
   */
  function companyNamedAfter(m: NameMention): Cluster | undefined {
    if (m.honorific || m.evidence === 'title' || pronounKindAfter(text, m.end) === 'person') return undefined;
    const name = norm(m.name);
    return clusters.find((c) => {
      if (c.kind !== 'organization') return false;
      const [first, ...rest] = c.fullName.split(/\s+/);
      return rest.length > 0 && norm(first) === name && corporateSuffixes.has(rest[rest.length - 1]) && rest.every((w) => corporateSuffixes.has(w) || organizationHeads.has(w));
    });
  }

  /**
   * "The deal excludes Varnex, which Polgaz bought": one capitalised word mid-sentence that no
   * dictionary has is the name of a company or body.
   */
  function companyLike(m: NameMention): boolean {
    const opensSentence = /^["“‘'(\s]*$/.test(text.slice(article.sentences[m.sentence].start, m.start));
    // "the Danube treaty": a word that names a thing's subject, not a body.
    const next = /^\s+(\p{Ll}+)/u.exec(text.slice(m.end, m.end + 30))?.[1] ?? '';
    if (agreementHeads.has(next)) return false;
    // At a sentence's start, only before a verb in the present or past ("Nordbank sees …").
    const verbNext = /^\s+\p{Ll}+(?:s|ed)\b/u.test(text.slice(m.end, m.end + 20));
    if (words(m.name).length !== 1 || (opensSentence && !verbNext) || !/^\p{Lu}\p{Ll}[\p{L}\p{N}]*$/u.test(m.name)) return false;
    // Not a part of a person's name given anywhere in the article, and not followed by "he" or "she".
    const name = norm(m.name);
    if (fullNamed.some((c) => words(norm(c.fullName)).includes(name)) || pronounKindAfter(text, m.end) === 'person') return false;
    return !englishWords.has(m.name.toLowerCase());
  }

  /** A bare word after "in", "at", "from", "near", before its region, or listed after a place, is a place. */
  function placeOf(m: NameMention): boolean {
    if (words(m.name).length > 3) return false;
    const before = text.slice(Math.max(0, m.start - 12), m.start);
    if (/\b(in|at|near|outside)\s+$/.test(before)) return true;
    if (englishWords.has(m.name.toLowerCase())) return false;
    if (placeByName(m.name) !== undefined) return true;
    // "Thornvale, N.M.", "Derry, New Hampshire": a town is written before its state or country.
    const region = /^,\s+(\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*)?)/u.exec(text.slice(m.end, m.end + 30))?.[1];
    if (region && (placeByName(region) !== undefined || countryByName(region))) return true;
    if (/\b(from|to|around)\s+$/.test(before) && !/\baccording to\s+$/i.test(before)) return true;
    const listed = /,\s*$/.test(before) && clusters.some((c) => c.kind === 'place' && c.mentions.some((x) => x.end <= m.start && m.start - x.end <= 3));
    return listed;
  }

  mergeOrganisations(clusters, text, assigned);
  return finish(article, clusters.filter((c) => c.mentions.length), assigned);
}

/** Whether the first pronoun in the next words is a person's (he, she) or a thing's (it, they). */
function pronounKindAfter(text: string, at: number): 'person' | 'thing' | null {
  const window = text.slice(at, at + 200).replace(/["“][^"”]*["”]/g, ' ');
  const pronoun = /\b(he|she|his|her|him|it|its|they|their)\b/i.exec(window);
  return pronoun ? (/^(he|she|his|her|him)$/i.test(pronoun[1]) ? 'person' : 'thing') : null;
}

/** Whether the quote just before `at` ('"…," Lund said', '"…," said Lund') speaks in the first person singular. */
function saysI(text: string, at: number): boolean {
  const quote = /["“]([^"“”]{1,400})["”]\s*(?:\p{Ll}+\s+)?$/u.exec(text.slice(Math.max(0, at - 420), at));
  return !!quote && /\b(?:I|I['’](?:m|ve|ll|d)|me|my|myself)\b/.test(quote[1]);
}

/** Acronyms, case variants and shorter forms of a longer organisation name are one actor. */
function mergeOrganisations(clusters: Cluster[], text: string, assigned: Map<NameMention, Cluster>): void {
  const orgs = () => clusters.filter((c) => (c.kind === 'organization' || c.kind === 'media') && c.mentions.length);
  const into = (from: Cluster, to: Cluster) => {
    for (const m of from.mentions) {
      to.mentions.push(m);
      assigned.set(m, to);
      const s = text.slice(m.start, m.end);
      to.surfaces.set(s, (to.surfaces.get(s) ?? 0) + 1);
    }
    from.mentions = [];
  };
  for (const short of orgs()) {
    const name = short.fullName;
    const candidates = orgs().filter((c) => c !== short && c.kind === short.kind);
    const sameCase = candidates.find((c) => c.fullName.toLowerCase() === name.toLowerCase() || canonicalWords(c.fullName).join(' ') === canonicalWords(name).join(' '));
    if (sameCase) {
      into(short, sameCase);
      continue;
    }
    if (/^[A-Z0-9&]{2,8}$/.test(name) || /^[A-Z][a-z]+$/.test(name)) {
      const upper = name.toUpperCase();
      const spelled = candidates.filter((c) => words(c.fullName).length > 1 && (initials(c.fullName) === upper || parenthesised(text, c, name)));
      if (spelled.length === 1) {
        into(short, spelled[0]);
        continue;
      }
    }
    const shortWords = canonicalWords(name);
    const containers = candidates.filter((c) => {
      const long = canonicalWords(c.fullName);
      if (long.length <= shortWords.length) return false;
      // A suffix ("Home Office" of "UK Home Office"), or a part followed by "of" ("Supreme Court" of "… Court of Cassation");
      // not a prefix ("Unesco" of "Unesco secretariat", another body).
      for (let i = 0; i + shortWords.length <= long.length; i++) {
        if (!shortWords.every((w, j) => long[i + j] === w)) continue;
        const end = i + shortWords.length;
        if (end === long.length || /^(of|for)$/.test(words(norm(c.fullName)).find((w, k, all) => all.slice(0, k).filter((x) => !nameConnectors.has(x)).length === end && nameConnectors.has(w)) ?? '')) return true;
      }
      return false;
    });
    if (containers.length === 1) into(short, containers[0]);
  }
}

/** An organisation's words with a leading country or demonym written as the country ("British government" = "U.K. Government"). */
function canonicalWords(name: string): string[] {
  const ws = name.replace(/^the\s+/i, '').split(/\s+/);
  for (let n = Math.min(3, ws.length - 1); n > 0; n--) {
    const lead = ws.slice(0, n).join(' ');
    const country = countryByName(lead) ?? countryByDemonym(lead);
    if (country) return [country.code.toLowerCase(), ...significant(norm(ws.slice(n).join(' ')))];
  }
  return significant(norm(name));
}

/** "Name (ACRONYM)" or "ACRONYM (Name)" somewhere in the text. */
function parenthesised(text: string, c: Cluster, acronym: string): boolean {
  return c.mentions.some((m) => text.slice(m.end, m.end + acronym.length + 3).replace(/^\s*\(/, '').startsWith(acronym) || text.slice(Math.max(0, m.start - acronym.length - 3), m.start).includes(`${acronym} (`));
}

const appositiveRole = /^,\s+((?:the\s+|a\s+|an\s+)?[^,;:"“”()]{3,90}?)\s*(?:,|\.(?:\s|$)|\s+(?=(?:said|says|told|has|had|was|is|who)\b))/;

function rolesOf(article: ExtractedArticle, c: Cluster): Role[] {
  const { text } = article;
  const roles: Role[] = [];
  const push = (role: string, sentence: number) => {
    const t = role.replace(/\s+/g, ' ').trim();
    if (t && !roles.some((r) => r.text.toLowerCase() === t.toLowerCase())) roles.push({ text: t, sentence });
  };
  for (const m of c.mentions) {
    if (m.role) push(text.slice(m.role.start, m.role.end), m.sentence);
    const after = appositiveRole.exec(text.slice(m.end, m.end + 120));
    if (after && [...after[1].toLowerCase().matchAll(/[a-z]+/g)].some(([w]) => titleHeads.has(w)) && !/^(who|which|whose|where|when)\b/i.test(after[1]))
      push(after[1], m.sentence);
    // Lower-case role words right before the name: "immigration barrister", "campaigner".
    const before = /\b((?:[A-Za-z][a-z-]*\s+){0,2}([a-z][a-z-]*)),?\s+$/.exec(text.slice(Math.max(0, m.start - 40), m.start));
    if (!m.role && before && titleHeads.has(before[2])) {
      // The words right before the head, back to the first that is not part of a title.
      const words = before[1].split(/\s+/);
      let from = words.length - 1;
      while (from > 0 && !functionWords.has(words[from - 1].toLowerCase()) && !reportingVerbs.has(words[from - 1].toLowerCase())) from--;
      push(words.slice(from).join(' '), m.sentence);
    }
  }
  return roles;
}

const femaleWords = /\b(she|her|mrs|ms|miss|queen|princess|chairwoman|spokeswoman|congresswoman|businesswoman|actress|duchess|baroness|dame|lady)\b/i;
const maleWords = /\b(he|his|him|mr|king|prince|chairman|spokesman|congressman|businessman|actor|duke|baron|sir|lord)\b/i;

function finish(article: ExtractedArticle, clusters: Cluster[], assigned: Map<NameMention, Cluster>): { actors: Actor[]; mentions: ActorMention[] } {
  const taken = new Set<string>();
  const ids = new Map<Cluster, string>();
  const firstStart = new Map(clusters.map((c) => [c, c.mentions.reduce((min, m) => Math.min(min, m.start), Infinity)]));
  const sorted = [...clusters].sort((a, b) => firstStart.get(a)! - firstStart.get(b)!);
  for (const c of sorted) ids.set(c, uniqueId(localId(displayName(c), c.kind), taken));
  const countryByCode = new Map<string, Cluster>();
  for (const c of sorted) if (c.kind === 'country' && c.countryCode && !countryByCode.has(c.countryCode)) countryByCode.set(c.countryCode, c);
  const countryId = (code: string | undefined) => {
    const c = code ? countryByCode.get(code) : undefined;
    return c ? ids.get(c)! : null;
  };
  const people = mentionIndex(sorted.filter((c) => c.kind === 'person'));
  const bodies = mentionIndex(sorted.filter((c) => c.kind === 'country' || c.kind === 'organization'));
  const order = new Map(sorted.map((c, i) => [c, i]));
  // "the government" of an article is its main country's, whatever article it is in.
  const mainCountry = [...sorted].filter((c) => c.kind === 'country').sort((a, b) => b.mentions.length - a.mentions.length)[0];
  const mainCountryId = mainCountry ? ids.get(mainCountry)! : null;
  const actors: Actor[] = sorted.map((c) => {
    const name = displayName(c);
    const roles = c.kind === 'person' ? rolesOf(article, c) : [];
    const roleText = roles.map((r) => r.text).join(' ');
    let gender = c.gender;
    if (!gender && c.kind === 'person')
      gender =
        femaleWords.test(roleText) ? 'female'
        : maleWords.test(roleText) ? 'male'
        : (pronounAfter(article, c, people, speakingNext) ?? firstNameGender(name) ?? pronounAfter(article, c, people, anyPronoun));
    return {
      id: ids.get(c)!,
      name,
      kind: c.kind,
      aliases: [...c.surfaces.keys()].filter((s) => s !== name).sort(),
      roles,
      affiliation:
        c.kind === 'country'
          ? null
          : (affiliationOf(article, c, bodies, order, ids) ??
            countryId(c.kind === 'place' ? c.countryCode : roleCountry(roles)) ??
            (isGenericInstitution(name) ? mainCountryId : null)),
      gender,
      mentions: c.mentions.map((m) => ({ start: m.start, end: m.end, sentence: m.sentence })).sort((a, b) => a.start - b.start),
    };
  });
  const mentions: ActorMention[] = [...assigned.entries()]
    .filter(([, c]) => ids.has(c))
    .map(([m, c]) => ({ ...m, kind: c.kind, actor: ids.get(c)! }))
    .sort((a, b) => a.start - b.start);
  return { actors, mentions };
}

/** The country a role names ("Russian counterpart", "Iran's new president"). */
function roleCountry(roles: Role[]): string | undefined {
  for (const r of roles)
    for (const w of r.text.split(/[\s’']+/)) {
      const country = countryByDemonym(w) ?? countryByName(w);
      if (country) return country.code;
    }
  return undefined;
}

/** Every mention of some clusters with its cluster, in text order: for lookups by position. */
type MentionIndex = { start: number; end: number; cluster: Cluster }[];

function mentionIndex(clusters: Cluster[]): MentionIndex {
  return clusters.flatMap((cluster) => cluster.mentions.map((m) => ({ start: m.start, end: m.end, cluster }))).sort((a, b) => a.start - b.start);
}

/** The usual gender of a full name's first name ("Maria Okafor"), if it has one. */
function firstNameGender(name: string): 'male' | 'female' | null {
  const words = name.split(/\s+/);
  return words.length >= 2 ? (givenName(words[0]) ?? null) : null;
}

/** The first he/she/his/her in a stretch of text, outside quotations. */
const anyPronoun = (window: string) => /\b(he|his|him|she|her)\b/i.exec(window.replace(/["“][^"”]*["”]/g, ' '))?.[1];

/** "He said" or "She told" opening the next sentence: surer than a first name, which some of either sex bear ("Leslie Varga, …, said … He said …"). */
function speakingNext(window: string): string | undefined {
  const next = /^[^.!?]*[.!?]["”’]?\s+(he|she)\s+(?:also\s+)?(\p{Ll}+)/iu.exec(window);
  return next && reportingVerbs.has(next[2]) ? next[1] : undefined;
}

/** The gender of the first pronoun `find` sees after one of a person's mentions, before anyone else is named. */
function pronounAfter(article: ExtractedArticle, c: Cluster, people: MentionIndex, find: (window: string) => string | undefined): 'male' | 'female' | null {
  for (const m of c.mentions) {
    let next = m.end + 300;
    // A name inside the person's apposition ("X, an ally of Teodor Vasquez, said") is not somebody else taking over.
    const apposition = /^,[^,.;]*,/.exec(article.text.slice(m.end, m.end + 120));
    const after = apposition ? m.end + apposition[0].length : m.end + 1;
    for (let k = firstIndexAtOrAfter(people, after, (x) => x.start); k < people.length && people[k].start < next; k++)
      if (people[k].cluster !== c) next = people[k].start;
    const pronoun = find(article.text.slice(m.end, next));
    if (pronoun) return /^(she|her)$/i.test(pronoun) ? 'female' : 'male';
  }
  return null;
}

function displayName(c: Cluster): string {
  if (c.kind === 'country') return c.fullName;
  if (c.kind === 'person') {
    const longest = [...c.mentions].sort((a, b) => words(b.name).length - words(a.name).length || a.start - b.start)[0];
    return longest.name;
  }
  // The longest written form: the full name over an acronym or a short form.
  return [...c.surfaces.keys()].map((s) => s.replace(/^(the|this|that)\s+/i, '').replace(/^\p{Ll}(?=\p{L})/u, (ch) => ch.toUpperCase())).sort((a, b) => b.length - a.length || (a < b ? -1 : 1))[0];
}

/** The country or organisation named in a person's title ("Kenyan Ambassador" → Kenya). */
function affiliationOf(article: ExtractedArticle, c: Cluster, bodies: MentionIndex, order: Map<Cluster, number>, ids: Map<Cluster, string>): string | null {
  for (const m of c.mentions) {
    const role = m.role;
    // In the title before the name, or in an apposition after it ("X, Iran's new president").
    if (!role && !/^,\s+\S+['’]s\s/.test(article.text.slice(m.end, m.end + 40))) continue;
    const window = role ?? { start: m.end, end: Math.min(article.text.length, m.end + 60) };
    // Of the bodies named inside the window, the one named first in the article.
    let inside: Cluster | undefined;
    for (let k = firstIndexAtOrAfter(bodies, window.start, (x) => x.start); k < bodies.length && bodies[k].start < window.end; k++) {
      const o = bodies[k].cluster;
      if (o !== c && bodies[k].end <= window.end && (!inside || order.get(o)! < order.get(inside)!)) inside = o;
    }
    if (inside) return ids.get(inside)!;
  }
  return null;
}
