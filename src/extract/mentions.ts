import type { ActorKind, ExtractedArticle, Span } from './types.ts';
import { isPossessive, isWord, tokenize, type Token } from './tokens.ts';
import { firstIndexAtOrAfter } from './bisect.ts';
import { capitalOf, countryByDemonym, countryByName, givenName, placeByName, type Country } from './gazetteer.ts';
import {
  englishWords, functionWords, honorifics, mediaHeads, mediaNames, mediaNouns, mediaOpeners, months, nameConnectors,
  memberNouns, organizationHeads, organizationNames, organizationNouns, organizationOpeners, reportingVerbs, surnameParticles, titleWords,
  weekdays, agreementHeads, titleHeads,
} from './lexicon.ts';

/** A compass point naming part of a place ("North Philadelphia", "Kowloon West"). */
const compassPoint = /^(North|South|East|West|Central)$/;

/** A name found in the text, before mentions of one entity are gathered into an actor. */
export interface NameMention extends Span {
  sentence: number;
  kind: ActorKind;
  /** The name as written, without a leading "the" or honorific. */
  name: string;
  /** The country a country mention, demonym or place refers to or lies in. */
  country?: Country;
  /** A demonym ("Kenyan") rather than the country's name. */
  demonym?: boolean;
  honorific?: string;
  gender?: 'male' | 'female' | null;
  /** The title or role written before the name ("Kenyan Ambassador to Oslo"). */
  role?: Span;
  /** How sure the finder is that a person name is one: evidence from titles, verbs, shape. */
  evidence?: 'title' | 'honorific' | 'verb' | 'shape' | 'known' | 'context';
  /** A mention followed by 's. */
  possessive?: boolean;
  /** A title word alone ("Judge said"): a person only if it is the surname of someone named in full. */
  surnameOnly?: boolean;
}

/** A capitalised stretch of tokens that may hold one or several names. */
type Run = Token[];

const lower = (t: Token) => t.text.toLowerCase();
// "NATO", "U.S.", "G20", "P5+1", and acronyms joined by a hyphen ("PWU-ILA").
const isAcronym = (s: string) =>
  /^(?:[A-Z][A-Z0-9&]{1,6}|[A-Z](?:\.[A-Z])+\.?|[A-Z]+[0-9]+[A-Z]*|[A-Z][0-9][A-Z]|[A-Z]{2,6}(?:-[A-Z]{2,6})+)(?:\+\d+)?$/.test(s) && /[A-Z]/.test(s);
const isTitleWord = (t: Token) => titleWords.has(lower(t));
/** Arabic and other particles written in lower case before a capitalised name ("al-Haddad"). */
const particleName = /^(al|el|ad|ar|as|ash|at|az|bin|ibn|abu|bint|van|von|de|da|di|du|le|la|d|l)[-‐'’]\p{Lu}/u;
const isCapWord = (t: Token | undefined): boolean =>
  !!t && (t.cap || particleName.test(t.text)) && isWord(t) && t.text !== 'I' && !/^I['’]/.test(t.text) && !weekdays.has(t.text) && !months.has(t.text);
const titleCase = (s: string) => s.split(' ').map((w) => w.charAt(0) + w.slice(1).toLowerCase()).join(' ');

function capAfterConnectors(tokens: Token[], i: number): boolean {
  while (tokens[i] && nameConnectors.has(tokens[i].text)) i++;
  return isCapWord(tokens[i]);
}

/** A stock ticker after a company's name ("Acme ACME, +2.1%"): capitals, then the day's change. */
function isTicker(tokens: Token[], i: number): boolean {
  return /^[A-Z]{1,5}$/.test(tokens[i].text) && tokens[i + 1]?.text === ',' && /^[+\-−]$/.test(tokens[i + 2]?.text ?? '') && /^\d/.test(tokens[i + 3]?.text ?? '');
}

/** Where a list of capitalised words (", B, C and D") that starts at the comma `i` ends, or -1. */
function listInName(tokens: Token[], i: number): number {
  let k = i;
  while (tokens[k]?.text === ',' && isCapWord(tokens[k + 1]) && !tokens[k + 2]?.cap) k += 2;
  if (k === i) return -1;
  if (tokens[k]?.text === ',') k++;
  return tokens[k]?.text === 'and' && isCapWord(tokens[k + 1]) ? k + 2 : -1;
}

/**
 * A line in Title Case (a headline, a link line: "Acme Signs Borlo to Exclusive Deal"): every longer
 * word capitalised, two of them ordinary words that are not title words ("Signs", "Exclusive"),
 * unlike a sentence of titles and names ("Trade Minister Ann Berg met …"). Its capitals say nothing of names.
 */
export function isTitleCaseLine(words: Token[]): boolean {
  const long = words.filter((t) => t.text.length > 3 && !/^\d/.test(t.text));
  const ordinary = (t: Token) =>
    englishWords.has(lower(t)) && !titleWords.has(lower(t)) && !organizationHeads.has(t.text) && !countryByDemonym(t.text) && !weekdays.has(t.text) && !months.has(t.text);
  return long.length >= 4 && long.every((t) => t.cap) && long.filter(ordinary).length >= 2;
}

/** Capitalised runs of one sentence: names with their inner connectors ("Ministry of Ports"). */
function capitalisedRuns(tokens: Token[], allCaps: boolean): Run[] {
  const runs: Run[] = [];
  let run: Run = [];
  const flush = () => {
    while (run.length && !isCapWord(run[run.length - 1])) run.pop();
    if (run.length) runs.push(run);
    run = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const digitInName = /^\d+$/.test(t.text) && run.length && isCapWord(tokens[i + 1]) && t.start === tokens[i - 1].end + 1;
    const listEnd = t.text === ',' && run.some((r) => r.text === 'of') ? listInName(tokens, i) : -1;
    if (isTicker(tokens, i)) flush();
    else if (listEnd > 0) {
      // "Bureau of Alcohol, Tobacco, Firearms and Explosives": a list after "of" inside one name.
      run.push(...tokens.slice(i, listEnd));
      i = listEnd - 1;
    } else if (isCapWord(t) || (allCaps && isWord(t))) run.push(t);
    else if (run.length && (nameConnectors.has(t.text) || digitInName) && capAfterConnectors(tokens, i + 1) && !isPossessive(tokens[i - 1])) run.push(t);
    else flush();
  }
  flush();
  return runs;
}

/** Longest gazetteer or lexicon match starting at `from` within a run. */
function longest<T>(run: Run, from: number, text: string, look: (name: string) => T | undefined | null): { to: number; value: T } | null {
  for (let to = Math.min(run.length, from + 6); to > from; to--) {
    const name = text.slice(run[from].start, run[to - 1].end);
    const value = look(name);
    if (value) return { to, value };
  }
  return null;
}

const stripThe = (s: string) => s.replace(/^the\s+/i, '');
/** An outlet's usual name for a variant spelling ("Reuter" in old wire copy). */
const outletName = (name: string) => (stripThe(name) === 'Reuter' ? 'Reuters' : name);
const mediaLookup = (name: string) => (mediaNames.has(name) || mediaNames.has(stripThe(name)) ? true : undefined);
const orgLookup = (name: string) => (organizationNames.has(name) || organizationNames.has(stripThe(name)) ? true : undefined);

/**
 * Finds the names in an article: countries (also through demonyms), places, organisations, media
 * outlets and people, with the title written before a person's name. Pure rules over a capitalised
 * run of tokens; a second pass (`resolveBareNames`) settles bare surnames and unknown words.
 */
export function findMentions(article: ExtractedArticle, writtenLower: Set<string>): { mentions: NameMention[]; bare: NameMention[] } {
  const { text } = article;
  const mentions: NameMention[] = [];
  const bare: NameMention[] = [];
  const commonHere = (t: Token) => englishWords.has(lower(t)) && writtenLower.has(lower(t));
  article.sentences.forEach((s, sentence) => {
    const tokens = tokenize(text, s.start, s.end);
    const words = tokens.filter(isWord);
    // Headlines, captions and link lines in capitals or Title Case ("Read more: Acme Signs Borlo to Exclusive
    // Deal"): their capitals say nothing of names, so only names the gazetteers know are read there.
    const allCaps = words.length > 2 && words.filter((t) => /^[^\p{Ll}]+$/u.test(t.text)).length / words.length > 0.6;
    const titleCased = isTitleCaseLine(words);
    for (const run of capitalisedRuns(tokens, allCaps)) readRun(run, tokens, sentence, allCaps || titleCased);
  });
  findInstitutions();
  return { mentions, bare };

  /**
   * Institutions named in lower case after whose they are: "the Peruvian foreign ministry",
   * "the Unesco secretariat", "the government"; and outlets whose names are lower case ("the i").
   */
  function findInstitutions() {
    const pattern = new RegExp(
      `\\b(?:(?:[Tt]he|[Tt]his|[Tt]hat)\\s+)?((?:[A-Z][\\p{L}.’'-]*\\s+){0,3}?)((?:${institutionModifiers})\\s+)?(${institutionHeads})\\b`,
      'gu',
    );
    for (const m of text.matchAll(pattern)) {
      const prefix = m[1].trim();
      // "the Berg administration", "the Berg campaign": a body named after its leader.
      const leader = /^(administration|campaign|team)$/.test(m[3]) && [...mentions, ...bare].some((x) => x.kind === 'person' && (x.name === prefix || x.name.endsWith(` ${prefix}`)));
      const known = prefix && (countryByDemonym(prefix) || countryByName(prefix) || orgLookup(prefix) || leader || mentions.some((x) => x.kind === 'organization' && x.name === prefix));
      if (!known && (m[3] !== 'government' || m[2])) continue;
      // "the head of the Peruvian government" is a person's title.
      if (/\b[a-z]+ of\s*$/.test(text.slice(Math.max(0, m.index! - 20), m.index!)) && titleHeads.has(/([a-z]+) of\s*$/.exec(text.slice(Math.max(0, m.index! - 20), m.index!))![1])) continue;
      const start = known ? m.index! + m[0].indexOf(m[1]) : m.index! + m[0].lastIndexOf(m[2] ? m[2] : m[3]);
      const end = m.index! + m[0].length;
      const sentence = article.sentences.findIndex((s) => start >= s.start && start < s.end);
      if (sentence < 0) continue;
      mentions.push({ sentence, start, end, kind: 'organization', name: text.slice(start, end) });
    }
    for (const m of text.matchAll(/\b[Tt]he (i)\b(?=[\s,.;:])(?! [A-Z])/g)) {
      const start = m.index! + 4;
      const sentence = article.sentences.findIndex((s) => start >= s.start && start < s.end);
      if (sentence >= 0) mentions.push({ sentence, start, end: start + 1, kind: 'media', name: 'i' });
    }
  }

  function emit(m: Omit<NameMention, 'name'> & { name?: string }, tokens: Token[]) {
    const after = tokens[firstIndexAtOrAfter(tokens, m.end, (t) => t.start)];
    const name = m.name ?? text.slice(m.start, m.end);
    mentions.push({ ...m, name, possessive: isPossessive(after) && after!.start === m.end });
  }

  function readRun(fullRun: Run, tokens: Token[], sentence: number, allCaps: boolean) {
    let run = fullRun;
    // A sentence's first word may be any capitalised word: drop function words, days, months.
    // … and a reporting verb opening an inverted clause ("Stated Ann Berg:").
    const opener = (t: Token) =>
      (functionWords.has(lower(t)) && !isAcronym(t.text)) ||
      weekdays.has(t.text) ||
      months.has(t.text) ||
      nameConnectors.has(t.text) ||
      (t === tokens[0] && reportingVerbs.has(lower(t)));
    while (run.length && opener(run[0]))
      run = run.slice(1);
    // Trailing connectors, and post-nominal letters ("Jane Doe CMG OBE").
    while (run.length && (!isCapWord(run[run.length - 1]) || (run.length > 1 && notOrganizations.has(run[run.length - 1].text)))) run = run.slice(0, -1);
    if (!run.length) return;
    const span = (a: number, b: number) => ({ start: run[a].start, end: run[b - 1].end });
    const at = (a: number, b: number) => text.slice(run[a].start, run[b - 1].end);
    const whole = at(0, run.length);
    const before = tokens[tokens.indexOf(run[0]) - 1];
    const next = tokens[tokens.indexOf(run[run.length - 1]) + 1];
    const base = { sentence };

    if (allCaps) {
      // Headlines and datelines in capitals: only names the gazetteers know.
      for (let i = 0; i < run.length; ) {
        const title = (s: string) => s.charAt(0) + s.slice(1).toLowerCase();
        const proper = (n: string) => n.split(' ').map(title).join(' ');
        const hit =
          longest(run, i, text, (n) => (countryByName(n) ?? countryByName(proper(n)) ? { kind: 'country' as const, c: countryByName(n) ?? countryByName(proper(n)) } : undefined)) ??
          longest(run, i, text, (n) => (placeByName(proper(n)) ? { kind: 'place' as const, c: placeByName(proper(n))! } : undefined)) ??
          longest(run, i, text, (n) => (n.length > 1 && (mediaLookup(n) || mediaLookup(proper(n))) ? { kind: 'media' as const, c: undefined } : undefined));
        if (hit) {
          const n = at(i, hit.to);
          emit({ ...base, ...span(i, hit.to), kind: hit.value.kind, country: hit.value.c, name: hit.value.kind === 'country' ? hit.value.c!.name : /[a-z]/.test(n) ? n : proper(n) }, tokens);
          i = hit.to;
        } else i++;
      }
      return;
    }

    // Whole-run names from the lexicons and gazetteers.
    if (mediaLookup(whole)) return emit({ ...base, ...span(0, run.length), kind: 'media', name: outletName(whole) }, tokens);
    if (orgLookup(whole)) return emit({ ...base, ...span(0, run.length), kind: 'organization' }, tokens);
    const wholeCountry = countryByName(whole);
    if (wholeCountry) return emit({ ...base, ...span(0, run.length), kind: 'country', country: wholeCountry, name: wholeCountry.name }, tokens);
    const wholeDemonym = countryByDemonym(whole);
    if (wholeDemonym) return emit({ ...base, ...span(0, run.length), kind: 'country', country: wholeDemonym, demonym: true, name: wholeDemonym.name }, tokens);
    // "Oslo welcomed the ruling": a capital that acts, not after "in" or "to", is its government.
    const governing = capitalOf(whole);
    const verbAfterName = /^\s+(\p{Ll}+)/u.exec(text.slice(run[run.length - 1].end, run[run.length - 1].end + 20))?.[1] ?? '';
    if (governing && (/ed$/.test(verbAfterName) || reportingVerbs.has(verbAfterName)) && !/^(in|at|to|from|near|of|outside|around|via)$/i.test(before?.text ?? ''))
      return emit({ ...base, ...span(0, run.length), kind: 'country', country: governing, name: governing.name }, tokens);
    // "Lady Marsh of Elmhurst": a peer's name runs on through "of".
    if (run.length > 3 && peerTitles.has(run[0].text) && run.some((t) => t.text === 'of'))
      return emit({ ...base, ...span(1, run.length), kind: 'person', honorific: run[0].text, gender: honorifics.get(run[0].text) ?? null, evidence: 'honorific' }, tokens);
    const last = run[run.length - 1];
    // "… Water Sharing Treaty": an agreement, found elsewhere; the countries in its name are still mentions.
    if (agreementHeads.has(lower(last))) return readPrefix(run.slice(0, -1), tokens, sentence);
    // "Parliament", "the Senate": an institution named by its head word alone, mid-sentence.
    if (run.length === 1 && organizationHeads.has(last.text) && last.start !== article.sentences[sentence].start)
      return emit({ ...base, ...span(0, 1), kind: 'organization' }, tokens);
    if (mediaOpeners.has(run[0].text) && run.length > 1) return emit({ ...base, ...span(0, run.length), kind: 'media' }, tokens);
    // "… Herald", "… Guardian": an outlet, unless a title comes before the last word ("Harbourville Mayor Tom Herald").
    if (mediaHeads.has(last.text) && run.length > 1 && !run.slice(0, -1).some(isTitleWord) && !organizationHeads.has(run[run.length - 2]?.text))
      return emit({ ...base, ...span(0, run.length), kind: 'media' }, tokens);
    const ofHead = run.findIndex((t, i) => i > 0 && t.text === 'of' && mediaHeads.has(run[i - 1].text));
    if (ofHead > 0) return emit({ ...base, ...span(0, run.length), kind: 'media' }, tokens);

    // Laws, studies, bills, days: not actors; but a first name and a surname that is such a word is a person ("Ann Day").
    const personNamedLikeAWork = run.length === 2 && givenName(run[0].text) !== undefined && !commonHere(run[0]);
    // "World War II", "Summit 2": a work's head before a number is still a work.
    const workHead = workHeads.has(last.text) || (/^(?:[IVX]+|\d+)$/.test(last.text) && workHeads.has(run[run.length - 2]?.text ?? ''));
    if ((workHead && !personNamedLikeAWork) || workHeads.has(lower(next ?? last))) return;

    // Title words, then a name: a person even when an organisation opens the title ("Unesco General Conference President X").
    const tail = nameTail(run);
    const personAfterTitle = tail > 0 && tail < run.length && (titleHeads.has(lower(run[tail - 1])) || honorifics.has(run[tail - 1].text));

    // Organisations: a telling head word ("… Council"), or an opener with "of" ("Ministry of …").
    const org = personAfterTitle ? null : organisationSpan(run);
    if (org) {
      const [a, b] = org;
      if (a > 0) readRun(run.slice(0, a), tokens, sentence, false);
      emit({ ...base, ...span(a, b), kind: 'organization' }, tokens);
      if (b < run.length) readRun(run.slice(run[b].text === 'and' ? b + 1 : b), tokens, sentence, false);
      return;
    }

    // "Rep. Ann Berg of New York": a name, then the place it is of.
    const ofAt = run.findIndex((t, i) => i > 1 && t.text === 'of');
    if (ofAt > 0 && !geographyHeads.has(run[ofAt - 1].text)) {
      const where = at(ofAt + 1, run.length);
      // "Patricia Moran of Cheyenne", "Joel Pollak of Breitbart California": a first name and a surname before "of" are a person.
      const personBefore = ofAt >= 2 && givenName(run[ofAt - 2].text) !== undefined && !commonHere(run[ofAt - 2]) && !organizationHeads.has(run[ofAt - 1].text);
      if (countryByName(where) || placeByName(where) !== undefined || personBefore) {
        readRun(run.slice(0, ofAt), tokens, sentence, false);
        readRun(run.slice(ofAt + 1), tokens, sentence, false);
        return;
      }
    }

    // "North Sea", "Strait of Hormuz": geography by its head word.
    if (run.length > 1 && (geographyHeads.has(last.text) || (geographyHeads.has(run[0].text) && run[1].text === 'of')))
      return emit({ ...base, ...span(0, run.length), kind: 'place' }, tokens);

    // "Kowloon West", "North Philadelphia": a district named by a compass point.
    if ((run.length > 1 && compassPoint.test(last.text) && placeByName(run[0].text) !== undefined) || (run.length === 2 && compassPoint.test(run[0].text) && placeByName(last.text) !== undefined))
      return emit({ ...base, ...span(0, run.length), kind: 'place' }, tokens);

    // Otherwise: [role words, demonyms, countries, honorific] + a name at the end.
    let nameStart = tail;
    if (nameStart < run.length - 1 && placeByName(run[nameStart].text) !== undefined && nameStart === 0 && /^(to|in|of|from|at)$/i.test(before?.text ?? ''))
      nameStart++;
    readPrefix(run.slice(0, nameStart), tokens, sentence);
    if (nameStart === run.length) {
      // "Judge said", mid-sentence: maybe the surname of Maren Judge, named before.
      if (run.length === 1 && isTitleWord(run[0]) && run[0].start !== article.sentences[sentence].start)
        bare.push({ ...base, ...span(0, 1), name: run[0].text, kind: 'person', surnameOnly: true });
      return;
    }
    const honorific = nameStart > 0 && honorifics.has(run[nameStart - 1].text) ? run[nameStart - 1].text : undefined;
    const joinedRole = roleSpan(run, nameStart, tokens);
    const hasTitle = run.slice(0, nameStart).some((t) => titleHeads.has(lower(t))) || (!!joinedRole && joinedRole.start < run[0].start);
    const name = run.slice(nameStart);
    const nameText = at(nameStart, run.length);
    const nameSpan = span(nameStart, run.length);
    const role = hasTitle ? joinedRole : undefined;
    const single = name.length === 1;
    const place = placeByName(nameText);
    const following = tokens[tokens.indexOf(last) + 1];
    // "Lund said", "said Lund", "according to Lund": a name next to a reporting verb.
    const accordingTo = /\baccording to\s+$/i.test(text.slice(Math.max(0, run[0].start - 14), run[0].start));
    const verbAfter =
      (!!following && reportingVerbs.has(following.text)) || (!!before && reportingVerbs.has(before.text) && before.end === run[0].start - 1) || accordingTo;

    const named = countryByName(nameText);
    if (named) return emit({ ...base, ...nameSpan, kind: 'country', country: named, name: named.name }, tokens);
    if (orgLookup(nameText)) return emit({ ...base, ...nameSpan, kind: 'organization' }, tokens);
    if (honorific) return emit({ ...base, ...nameSpan, kind: 'person', honorific, gender: honorifics.get(honorific) ?? null, role, evidence: 'honorific' }, tokens);
    if (hasTitle && !place) return emit({ ...base, ...nameSpan, kind: 'person', role, evidence: 'title' }, tokens);
    if (single && notActors.has(nameText)) return;
    // "Thornvale, N.M.", "Derry, N.H.": an abbreviated state only says which town; it is no actor of its own.
    if (place !== undefined && nameText.includes('.') && /\p{Lu}[\p{L}.'’-]*,\s*$/u.test(text.slice(Math.max(0, nameSpan.start - 30), nameSpan.start))) return;
    if (place !== undefined && place !== null) return emit({ ...base, ...nameSpan, kind: 'place', country: place }, tokens);
    if (place === null) return emit({ ...base, ...nameSpan, kind: 'place' }, tokens);
    const nounBefore = before && !before.cap ? lower(before) : '';
    if (titleHeads.has(nounBefore)) return emit({ ...base, ...nameSpan, kind: 'person', evidence: 'title' }, tokens);
    const apposition = tokens[tokens.indexOf(run[0]) - 1]?.text === ',' ? lower(tokens[tokens.indexOf(run[0]) - 2] ?? run[0]) : '';
    if (mediaNouns.has(nounBefore) || mediaNouns.has(apposition)) return emit({ ...base, ...nameSpan, kind: 'media' }, tokens);
    if (organizationNouns.has(nounBefore) || organizationNouns.has(apposition)) return emit({ ...base, ...nameSpan, kind: 'organization' }, tokens);
    if (single && isAcronym(nameText) && !joinsKnownNames(nameText)) {
      // Post-nominal letters, and ordinary words written in capitals for emphasis ("UNLESS").
      const emphasis = englishWords.has(nameText.toLowerCase()) && (nameText.length >= 4 || lower(before ?? last) !== 'the');
      if (notOrganizations.has(nameText) || emphasis) return;
      const proper = titleCase(nameText);
      const country = countryByName(proper);
      if (country) return emit({ ...base, ...nameSpan, kind: 'country', country, name: country.name }, tokens);
      const spot = placeByName(proper);
      if (spot !== undefined) return emit({ ...base, ...nameSpan, kind: 'place', country: spot ?? undefined, name: proper }, tokens);
      if (mediaLookup(proper)) return emit({ ...base, ...nameSpan, kind: 'media', name: outletName(proper) }, tokens);
      return emit({ ...base, ...nameSpan, kind: 'organization' }, tokens);
    }
    if (isAcronymAfter(tokens, last)) return emit({ ...base, ...nameSpan, kind: 'organization' }, tokens);
    const unknownWords = name.filter((t) => !englishWords.has(lower(t)) && !surnameParticles.has(t.text)).length;
    // A word no dictionary has, or a first name before a surname: the shape of a person's name.
    // A first name and a surname ("Ann Berg", "George W. Bush"), unless both are words this article uses ("Grace Church").
    const initialBetween = name.length === 3 && /^\p{Lu}\.?$/u.test(name[1].text);
    const firstName =
      givenName(name[0].text) !== undefined && (name.length === 2 || initialBetween) && !isAcronym(last.text) && !(commonHere(name[0]) && commonHere(last));
    if (!single && (unknownWords > 0 || firstName) && !nextIsPlaceWord(next)) return emit({ ...base, ...nameSpan, kind: 'person', evidence: 'shape' }, tokens);
    // "the chief executive, Anna Berg," and "Tom Smith, 54,": a title before, or an age after, makes a person.
    const titledBefore = before?.text === ',' && titleHeads.has(lower(tokens[tokens.indexOf(run[0]) - 2] ?? before));
    if (!single && (titledBefore || /^,\s+\d{1,3},/.test(text.slice(last.end, last.end + 8))))
      return emit({ ...base, ...nameSpan, kind: 'person', evidence: 'title' }, tokens);
    // "Paul Dewar, an Ottawa MP, said": a title in apposition makes a name of common words a person.
    const apposedTitle = /^,\s+(?:an?|the)\s+([^,.;:"“”]{0,60})/.exec(text.slice(last.end, last.end + 80));
    if (!single && apposedTitle && apposedTitle[1].split(/\s+/).some((w) => titleHeads.has(w.toLowerCase()) || w === 'MP'))
      return emit({ ...base, ...nameSpan, kind: 'person', evidence: 'title' }, tokens);
    if (nextIsPlaceWord(next)) return emit({ ...base, ...nameSpan, kind: 'place' }, tokens);
    // One word, or common words only: decided once the whole article is read.
    bare.push({ ...base, ...nameSpan, name: nameText, kind: 'person', evidence: verbAfter ? 'verb' : undefined, possessive: isPossessive(following) });
  }

  /** Title words before a name may hold demonyms, countries and organisations: find those. */
  function readPrefix(prefix: Run, tokens: Token[], sentence: number) {
    for (let i = 0; i < prefix.length; ) {
      // "South African", "New Zealander": the longest demonym first.
      const demonym = longest(prefix, i, text, countryByDemonym);
      if (demonym) {
        emit({ sentence, ...spanOf(prefix, i, demonym.to), kind: 'country', country: demonym.value, demonym: true, name: demonym.value.name }, tokens);
        i = demonym.to;
        continue;
      }
      const country = longest(prefix, i, text, countryByName);
      if (country) {
        emit({ sentence, ...spanOf(prefix, i, country.to), kind: 'country', country: country.value, name: country.value.name }, tokens);
        i = country.to;
        continue;
      }
      const place = longest(prefix, i, text, (n) => placeByName(n) ?? undefined);
      if (place && !isTitleWord(prefix[i])) {
        emit({ sentence, ...spanOf(prefix, i, place.to), kind: 'place', country: place.value }, tokens);
        i = place.to;
        continue;
      }
      const known = longest(prefix, i, text, (n) => mediaLookup(n) ?? orgLookup(n));
      if (known) {
        const n = text.slice(prefix[i].start, prefix[known.to - 1].end);
        emit({ sentence, ...spanOf(prefix, i, known.to), kind: mediaLookup(n) ? 'media' : 'organization' }, tokens);
        i = known.to;
        continue;
      }
      i++;
    }
  }
}

/** Where a person's name starts at the end of a run: after title words, demonyms and known names. */
function nameTail(run: Run): number {
  let i = run.length;
  while (i > 0) {
    const t = run[i - 1];
    // A surname that is a title word after a first name ("Ann Bishop", "Tom King") is a name.
    const surname = i === run.length && i >= 2 && isTitleWord(t) && givenName(run[i - 2].text) !== undefined && !isTitleWord(run[i - 2]);
    if (surname) {
      i--;
      continue;
    }
    if (isTitleWord(t) || honorifics.has(t.text) || countryByDemonym(t.text) || (nameConnectors.has(t.text) && !surnameParticles.has(t.text))) break;
    if (countryByName(t.text) || orgLookup(t.text) || mediaLookup(t.text) || organizationHeads.has(t.text)) break;
    i--;
  }
  // Names are at most four words: more is a title or an organisation we do not know.
  return Math.max(i, run.length - 4);
}

/** "US-UK", "UN-OPCW": two names joined by a hyphen, not one organisation's acronym. */
function joinsKnownNames(acronym: string): boolean {
  const parts = acronym.split('-');
  return parts.length > 1 && parts.some((p) => countryByName(p) || orgLookup(p));
}

/** "Name (ACRONYM)": the name of an organisation. */
function isAcronymAfter(tokens: Token[], last: Token): boolean {
  const i = tokens.indexOf(last);
  return tokens[i + 1]?.text === '(' && isAcronym(tokens[i + 2]?.text ?? '') && tokens[i + 3]?.text === ')';
}

/** Capitalised abbreviations that are not organisations. */
const notOrganizations = new Set(['MW', 'GW', 'KW', 'kW', 'MWh', 'GWh', 'TWh', 'HTML', 'CSS', 'XML', 'API', 'URL', 'USB', 'GPS', 'LED', 'LNG', 'CO2', 'EV', 'PV', 'IVF', 'PDF', 'QC', 'KC', 'SC', 'MBE', 'OBE', 'CBE', 'KBE', 'DBE', 'CMG', 'KCMG', 'GCMG', 'CB', 'KCB', 'CH', 'FRS', 'QPM', 'MVO', 'LVO', 'CVO', 'MSP', 'MD', 'RN', 'IQ', 'GDP', 'GNP', 'CEO', 'CFO', 'COO', 'TV', 'DNA', 'HIV', 'AIDS', 'PM', 'AM', 'OK', 'PR', 'IT', 'AI', 'ID', 'VAT', 'PhD', 'MP', 'MPs', 'MEP', 'HQ', 'UTC', 'GMT', 'BST', 'EST', 'CET', 'FAQ', 'PDF', 'SMS', 'USD', 'EUR', 'GBP', 'COVID', 'SARS', 'NGO', 'NGOs', 'Q&A', 'LGBT', 'LGBTQ', 'US', 'UK']);

/** Faiths and movements: named often, never actors themselves. */
const notActors = new Set(['Islam', 'Christianity', 'Judaism', 'Hinduism', 'Buddhism', 'Sikhism', 'Scientology', 'Catholicism', 'Protestantism', 'Communism', 'Marxism', 'Zionism', 'Brexit', 'God', 'Allah', 'Internet', 'Web']);

/** Titles of peers, whose names go on through "of" ("Baroness Vane of Elmhurst"). */
const peerTitles = new Set(['Lord', 'Lady', 'Baroness', 'Baron', 'Viscount', 'Earl', 'Countess']);

/** Heads of names of laws, bills and studies: things, not actors. */
const workHeads = new Set(['Act', 'Bill', 'Law', 'Code', 'Directive', 'Regulation', 'Regulations', 'Constitution', 'Study', 'study', 'Survey', 'survey', 'Report', 'Index', 'Questions', 'Prize', 'Award', 'Awards', 'Cup', 'Games', 'Olympics', 'Championship', 'Festival', 'Day', 'Week', 'War', 'Summit']);

const spanOf = (run: Run, a: number, b: number) => ({ start: run[a].start, end: run[b - 1].end });

const institutionModifiers = 'foreign|finance|defence|defense|interior|justice|health|education|trade|economy|state|central|federal|national|regional|local|transitional|interim|coalition';
const institutionHeads = 'ministry|government|secretariat|embassy|parliament|cabinet|administration|delegation|legislature|campaign|team';

/** Words after which a capitalised word names a place ("the Lombardy region"). */
const geographyHeads = new Set(['County', 'Township', 'Borough', 'Parish', 'Manor', 'Sea', 'Ocean', 'Gulf', 'Bay', 'Strait', 'Straits', 'River', 'Lake', 'Mountains', 'Mount', 'Island', 'Islands', 'Peninsula', 'Desert', 'Valley', 'Coast', 'Canal', 'Basin', 'Delta', 'Plateau', 'Highlands', 'Sound', 'Archipelago']);
const placeNouns = new Set(['region', 'province', 'state', 'county', 'district', 'city', 'town', 'village', 'island', 'islands', 'valley', 'river', 'sea', 'coast', 'peninsula', 'prefecture', 'governorate', 'oblast', 'canton']);
const nextIsPlaceWord = (t: Token | undefined) => !!t && placeNouns.has(lower(t));

/** The title words right before a name, with the demonyms and places inside them. */
function roleSpan(run: Run, nameStart: number, tokens: Token[]): Span | undefined {
  let a = nameStart;
  while (a > 0 && honorifics.has(run[a - 1].text)) a--;
  const end = run[a - 1]?.end;
  if (end === undefined) return undefined;
  // A lower-case "to"/"of" phrase ends a run: "Ambassador to Moscow" is two runs; join them back.
  let start = run[0].start;
  const first = tokens.indexOf(run[0]);
  if (first >= 2 && /^(to|of|for)$/.test(tokens[first - 1].text) && tokens[first - 2].cap && isTitleWord(tokens[first - 2])) {
    let b = first - 2;
    while (b > 0 && tokens[b - 1].cap && !functionWords.has(lower(tokens[b - 1]))) b--;
    start = tokens[b].start;
  }
  return { start, end };
}

/** Where an organisation's name lies in a run: [from, to), or null. */
function organisationSpan(run: Run): [number, number] | null {
  const heads = run.map((t, i) => (organizationHeads.has(t.text) && (i > 0 || organizationOpeners.has(t.text)) ? i : -1)).filter((i) => i >= 0);
  const opener = run.findIndex((t, i) => organizationOpeners.has(t.text) && run[i + 1]?.text === 'of');
  if (!heads.length && opener < 0) return null;
  const firstHead = Math.min(...[...heads, opener].filter((i) => i >= 0));
  // The organisation starts after any title words before it ("CEO of the Refugee Council").
  let from = firstHead;
  while (from > 0) {
    const t = run[from - 1];
    if (honorifics.has(t.text)) break;
    // "Buddhist and the United Nations": a name after "and the" is a name of its own.
    if (t.text === 'and' && run[from]?.text === 'the') break;
    // "Ann Berg and Chamber of Commerce": a person's name before "and" is a name of its own.
    if (t.text === 'and' && givenName(run[0].text) !== undefined && from - 1 <= 3) break;
    // "Democrats and Republicans": a complete name before "and" is a name of its own.
    const lead = run.slice(0, from - 1);
    if (t.text === 'and' && lead.length && (organizationHeads.has(lead[lead.length - 1].text) || orgLookup(lead.map((r) => r.text).join(' ')))) break;
    if (t.text === 'of' || t.text === 'for') {
      const lead = run.slice(0, from - 1);
      const titled = lead.some((r) => titleHeads.has(lower(r))) && !lead.some((r) => organizationHeads.has(r.text) || organizationOpeners.has(r.text));
      const person = lead.length >= 2 && lead.length <= 3 && lead.every((r) => r.cap) && lead.some((r) => !englishWords.has(lower(r))) && !lead.some((r) => isTitleWord(r));
      // "Members of the Harbour Port Workers": people of the body, not a word of its name.
      const members = lead.length === 1 && memberNouns.has(lower(lead[0]));
      if (titled || person || members) break;
    }
    from--;
  }
  while (from < firstHead && nameConnectors.has(run[from].text)) from++;
  // It runs on through connectors; a name right after a head word, with no connector, is a person.
  let to = firstHead + 1;
  while (to < run.length) {
    const t = run[to];
    // "Civic Party and the Democratic Party": "and" after a head word starts another name.
    if (t.text === 'and') {
      const rest = run.slice(to + 1);
      const headBefore = run.slice(from, to).some((r) => organizationHeads.has(r.text));
      const anotherName =
        rest[0]?.text === 'the' ||
        // "… Nations and United States" (but "… of Australia and New Zealand" lists countries inside one name).
        (!countryByName(run[to - 1].text) && [1, 2, 3].some((n) => rest.length >= n && !!countryByName(rest.slice(0, n).map((r) => r.text).join(' ')))) ||
        (headBefore && rest.some((r) => organizationHeads.has(r.text) || organizationOpeners.has(r.text))) ||
        // "… Foundation and Ann Berg", "Democrats and Republicans": a complete name before "and".
        organizationHeads.has(run[to - 1].text);
      if (anotherName) break;
    }
    if (nameConnectors.has(t.text) || nameConnectors.has(run[to - 1].text) || organizationHeads.has(t.text)) to++;
    else {
      const rest = run.slice(to);
      const restIsName = rest.length <= 4 && rest.every((r) => r.cap && !organizationHeads.has(r.text) && !countryByName(r.text) && !placeByName(r.text));
      if (restIsName && organizationHeads.has(run[to - 1].text)) break;
      to++;
    }
  }
  return [from, to];
}
