import type { Actor, Agreement, AgreementStatus, ExtractedArticle, Mention } from './types.ts';
import type { ActorMention } from './actors.ts';
import { isWord, tokenize, type Token } from './tokens.ts';
import { functionWords, memberNouns, reportingVerbs } from './lexicon.ts';
import {
  acquisitionVerbs, collectiveSubjects, makingVerbs, months, scopeModifiers, stopModifiers, strongHeads, twoSides, verbalHeads,
  verbMarkers, weakHeadModifiers, weakHeads, weekdays,
} from './agreement-lexicon.ts';
import { localId, uniqueId } from './slug.ts';
import { capitalOf } from './gazetteer.ts';

interface Found {
  name: string;
  aliases: Set<string>;
  parties: string[];
  mentions: Mention[];
  status: AgreementStatus | null;
  /** Head class: "agreement", "ceasefire", "merger", "project". */
  cls: string;
  /** Content words of the modifiers and complement, lower-case: what tells two agreements apart. */
  key: Set<string>;
  /** Dates in the name ("the May accord", "Monday's agreement"). */
  time: Set<string>;
  scope: string | null;
  proper?: boolean;
  definite?: boolean;
}

const determiner = /^(the|a|an|this|that|these|those|its|their|his|her|our|your|my|any|every|each|such|no)$/i;
const definite = /^(the|this|that|these|those)$/i;
const singular = (w: string) => w.replace(/ies$/, 'y').replace(/(?<=[^s])s$/, '').replace(/^memoranda$/, 'memorandum');
const partyKinds = new Set(['country', 'organization', 'person']);
/** Words after which a name is not the subject of the next verb: "talks in Oslo", "deal with Acme". */
const prepositions = /^(in|at|from|by|to|for|against|on|with|into|over|after|under|about|like|including|of)$/i;
/** Where a clause (and its subject) starts. */
const clauseBoundary = /^([;:"“”(–—-]|that|which|who|whom|when|after|before|while|because|but|said|says|say|told|if|as|since|until|once|amid|although|though|where|so|whether)$/i;
const normalWord = (w: string) => w.toLowerCase().replace(/[’']s$/, '').replace(/^cease-?fires?$/, 'ceasefire');
/** Words that make a partnership or initiative a pact between parties ("Transatlantic Trade and Investment Partnership"). */
const agreementTopics = /^(trade|economic|investment|strategic|security|defen[cs]e|energy|free)$/i;
/** Words that make a convention a gathering, not a treaty ("Republican National Convention"). */
const conventionEvents = /^(national|democratic|republican|gop|party|constitutional|annual)$/i;
const isTime = (w: string) => months.has(w) || weekdays.has(w) || /^(1[89]|20)\d\d$/.test(w);

function statusOf(sentence: string): AgreementStatus | null {
  const s = sentence.toLowerCase();
  if (/\b(deni(ed|es)|rejected|no such)\b/.test(s)) return 'denied';
  if (/\b(break(ing|s)?|broke|violat\w*|breach\w*)\b/.test(s)) return 'broken';
  if (/\bnegotiat\w*|\btalks on\b/.test(s)) return 'under negotiation';
  if (/\b(willing\w*|plan\w*|will|intend\w*|expected|set) to sign\b|\bto be signed\b|\bplanned\b|\bproposed\b/.test(s)) return 'planned';
  if (/\b(signed|sealed|agreed|reached|concluded|struck|ratified)\b/.test(s)) return 'signed';
  if (/\bin force\b|\bin place\b|\byielding\b/.test(s)) return 'in force';
  return null;
}

/**
 * A headline or subhead in title case, for agreement names: capitals there say nothing about a proper
 * name. Looser than `isTitleCaseLine` (names of actors), which must not take "Trade Minister Ann Berg
 * met …" for a headline; measured, the stricter test here loses agreements (0.937 → 0.923 on the dev sets).
 */
function isTitleCase(tokens: Token[]): boolean {
  const words = tokens.slice(1).filter((t) => isWord(t) && t.text.length >= 4 && /\p{L}/u.test(t.text));
  return words.length >= 3 && words.filter((t) => t.cap).length / words.length >= 0.75;
}

/** Between two countries or more, the people named with them sign for their states: the states alone are the parties. */
function stateParties(parties: string[], byId: Map<string, Actor>): string[] {
  const countries = parties.filter((p) => byId.get(p)!.kind === 'country').length;
  return countries >= 2 ? parties.filter((p) => byId.get(p)!.kind !== 'person') : parties;
}

/** "a deal with Beijing": a capital named as a side is its country's government, when the article names the country. */
function asGovernment(m: ActorMention, actors: Actor[], text: string): ActorMention {
  // As a side only ("with Beijing", "between Oslo and …"), never as the place in a name ("the Paris accord").
  if (m.kind !== 'place' || !/\b(?:with|between|among|and)\s+$/i.test(text.slice(Math.max(0, m.start - 10), m.start))) return m;
  const country = capitalOf(m.name);
  const actor = country && actors.find((a) => a.kind === 'country' && a.name === country.name);
  return actor ? { ...m, kind: 'country', actor: actor.id } : m;
}

/**
 * "agreements with Beijing, including a pact to … and an understanding to …": agreements listed after
 * "including" share the parties of the agreements they are part of.
 */
function inheritIncluded(found: Found[], text: string, sentences: ExtractedArticle['sentences']): void {
  for (const f of found) {
    if (f.parties.length) continue;
    const m = f.mentions[0];
    const s = sentences[m.sentence];
    if (!s) continue;
    const including = text.slice(s.start, m.start).search(/,\s+including\b/);
    if (including < 0) continue;
    const at = s.start + including;
    const whole = found.find((g) => g !== f && g.parties.length && g.mentions.some((x) => x.sentence === m.sentence && x.end <= at));
    if (whole) f.parties = [...whole.parties];
  }
}

/**
 * Finds agreements: noun phrases headed by an agreement word with their modifiers ("the joint
 * water-sharing agreement") and complements ("a pact to share radar data"), proper names ("…
 * Water Sharing Treaty") with their acronyms, anaphora ("the treaty") as further mentions, and
 * agreements stated by a verb ("Acme will buy Borlo", "the growers agreed to cut prices"). Parties come only
 * from the text's own evidence: "between X and Y", "with X", "X-Y deal", "X's deal", the modifier
 * ("the Norway deal") and the subject of "X and Y signed …". A party list may be empty.
 */
/**
 * The actor each name or alias stands for; a surface two actors share ("Harlow" of Anna Harlow and
 * Harlow Shipping Group) stands for the one the text writes it for most often.
 */
function actorBySurface(actors: Actor[], mentions: ActorMention[], text: string): Map<string, string> {
  const written = new Map<string, number>();
  for (const m of mentions) {
    const key = `${m.actor}\u0000${text.slice(m.start, m.end)}`;
    written.set(key, (written.get(key) ?? 0) + 1);
  }
  const count = (id: string, surface: string) => written.get(`${id}\u0000${surface}`) ?? 0;
  const bySurface = new Map<string, string>();
  for (const a of actors)
    for (const s of [a.name, ...a.aliases]) {
      const held = bySurface.get(s);
      if (held === undefined || count(a.id, s) > count(held, s)) bySurface.set(s, a.id);
    }
  return bySurface;
}

export function findAgreements(article: ExtractedArticle, actors: Actor[], mentionsAsWritten: ActorMention[]): Agreement[] {
  const { text, sentences } = article;
  const found: Found[] = [];
  const byId = new Map(actors.map((a) => [a.id, a]));
  const mentions = mentionsAsWritten.map((m) => asGovernment(m, actors, text));
  const partyMentions = mentions.filter((m) => partyKinds.has(m.kind) && byId.has(m.actor));
  const surfaceActor = actorBySurface(actors.filter((a) => partyKinds.has(a.kind)), partyMentions, text);
  const placeSurfaces = new Set(actors.filter((a) => a.kind === 'place' || a.kind === 'country').flatMap((a) => [a.name, ...a.aliases]));

  const bySentence = new Map<number, ActorMention[]>();
  for (const m of partyMentions) bySentence.set(m.sentence, [...(bySentence.get(m.sentence) ?? []), m]);
  // The headline is no sentence of the body: its names are found here by the actors' surfaces, and
  // what it names gets no mention (sentence -1).
  const title = article.titleSpan;
  const titleMentions: ActorMention[] = [];
  if (title.end > title.start) {
    // The longest run of up to six tokens that is an actor's surface, left to right: one lookup per
    // run, not a pattern per actor.
    const titleTokens = tokenize(text, title.start, title.end);
    for (let i = 0; i < titleTokens.length; i++)
      for (let n = Math.min(6, titleTokens.length - i); n > 0; n--) {
        const start = titleTokens[i].start;
        const end = titleTokens[i + n - 1].end;
        const surface = text.slice(start, end);
        const actor = surface.length >= 2 ? surfaceActor.get(surface) : undefined;
        if (!actor) continue;
        titleMentions.push({ start, end, sentence: -1, kind: byId.get(actor)!.kind, name: surface, actor });
        i += n - 1;
        break;
      }
    bySentence.set(-1, titleMentions);
  }
  const allMentions = [...titleMentions, ...mentions];
  const scan = [...(title.end > title.start ? [{ start: title.start, end: title.end, sentence: -1 }] : []), ...sentences.map((x, i) => ({ start: x.start, end: x.end, sentence: i }))];

  scan.forEach(({ sentence, ...s }) => {
    const tokens = tokenize(text, s.start, s.end);
    const inSentence = bySentence.get(sentence) ?? [];
    const sentenceText = text.slice(s.start, s.end);
    const titleCase = isTitleCase(tokens);
    const status = statusOf(sentenceText);
    let skipThrough = -1;
    for (let h = 0; h < tokens.length; h++) {
      const head = tokens[h];
      const lowerHead = head.text.toLowerCase();
      if (h > skipThrough) verbStated(tokens, h, sentence, status);
      const strongCls = strongHeads.get(lowerHead);
      const cls = strongCls ?? weakHeads.get(lowerHead);
      if (!cls) continue;
      const next = tokens[h + 1];
      // The last of adjacent heads heads the phrase ("cease-fire deal", "trade corridor initiative").
      if (next && (strongHeads.has(next.text.toLowerCase()) || weakHeads.has(next.text.toLowerCase())) && next.start === head.end + 1 && !(head.cap && !next.cap)) continue;
      if (next?.text === 'of' && /^deals?$/i.test(head.text) && !/^understanding$/i.test(tokens[h + 2]?.text ?? '')) continue; // "a great deal of"
      // "little agreement with that view", "broad agreement that …", "in agreement": consensus, not a pact.
      if (/^agreement$/i.test(head.text) && /^(little|much|broad|general|wide|widespread|universal|near-universal|more|less|enough|in)$/i.test(tokens[h - 1]?.text ?? '')) continue;
      if (h <= skipThrough) continue;
      if (tokens[h - 1]?.text === '(' && next?.text === ')') continue; // "(MoU)": the acronym of the name before it
      // "to deal with", "will contract", "help deal with": the verb.
      if (verbalHeads.has(lowerHead) && verbMarkers.has((tokens[h - 1]?.text ?? '').toLowerCase())) continue;
      if (verbalHeads.has(lowerHead) && h > 0 && /^(with|in)$/i.test(next?.text ?? '') && /^(to|and|or|must|can|will|cannot|help|helps|helped)$/i.test(tokens[h - 1].text)) continue;

      // Names that go on after the head: "memorandum of understanding", "the Treaty of Nairobi".
      let last = h;
      if (/^memorand(um|a|ums)$/i.test(head.text) && next?.text === 'of' && /^understanding$/i.test(tokens[h + 2]?.text ?? '')) last = h + 2;
      else if (head.cap && !titleCase && /^(of|on|for)$/.test(next?.text ?? '') && tokens[h + 2]?.cap && !isTime(normalWord(tokens[h + 2].text))) {
        last = h + 2;
        while (tokens[last + 1]?.cap || (/^(of|and|the|for|on)$/.test(tokens[last + 1]?.text ?? '') && tokens[last + 2]?.cap)) last++;
      }
      const proper =
        !titleCase &&
        ((head.cap && h > 0 && tokens[h - 1].cap && isWord(tokens[h - 1]) && !(h - 1 === 0 || tokens[h - 2]?.text === '.')) || (head.cap && last > h));
      let m = h;
      while (m > 0) {
        const t = tokens[m - 1];
        if (proper ? !(t.cap || /^(of|and|for|the|on|-)$/.test(t.text)) : !(isWord(t) || /^[()-]$/.test(t.text))) break;
        if (!proper && (determiner.test(t.text) || functionWords.has(t.text.toLowerCase()) || /^\d/.test(t.text) || makingVerbs.has(t.text.toLowerCase()) || reportingVerbs.has(t.text.toLowerCase()) || /^(is|was|are|were|be|been|has|have|had|will|would)$/i.test(t.text))) break;
        if (!proper && t.text !== '-' && (strongHeads.has(t.text.toLowerCase()) && !/^cease-?fire$/i.test(t.text))) break;
        if (proper && /^(the|this|that|these|those)$/i.test(t.text)) break;
        // "she hoped agreement …": a word right after a subject pronoun is its verb.
        if (!proper && /^(he|she|they|we|i|it|who|you)$/i.test(tokens[m - 2]?.text ?? '')) break;
        m--;
        if (h - m >= 6) break;
      }
      while (m < h && /^[)-]$|^(of|and|for|on)$/i.test(tokens[m].text)) m++;
      const modifiers = tokens.slice(m, h);
      // The complement that says what it is about: "an agreement on Norway's fishing rights", "a pact to share radar data".
      let end = tokens[last].end;
      let complementEnd = last;
      const comp = (next?.text ?? '').toLowerCase();
      const compWord = tokens[h + 2];
      if (
        last === h &&
        cls !== 'project' &&
        isWord(compWord) &&
        !isTime(normalWord(compWord.text)) &&
        !/^\d/.test(compWord.text) &&
        ((comp === 'on' || comp === 'over') || (comp === 'to' && !compWord.cap && !determiner.test(compWord.text) && !functionWords.has(compWord.text.toLowerCase())))
      ) {
        let c = h + 1;
        while (c + 1 < tokens.length && c - h < 9) {
          const t = tokens[c + 1];
          if (!isWord(t) && !isPossessiveToken(t) && t.text !== '-') break;
          if (/^(and|or|that|which|who|but|with|between|among|after|before|when|while|if|as|because|said|says|in|at|by|from|next|last|this|is|was|are|were|will|would|has|have|had)$/i.test(t.text)) break;
          c++;
          if (strongHeads.has(t.text.toLowerCase()) || weakHeads.has(t.text.toLowerCase())) break;
        }
        if (c > h + 1) complementEnd = c;
      }
      skipThrough = complementEnd;
      const complement = complementEnd > last ? tokens.slice(last + 1, complementEnd + 1) : [];
      end = tokens[complementEnd].end;
      const nameEnd = tokens[last].end;

      // What stands before the phrase: a determiner, a possessive ("Acme's", "Monday's", "its").
      const before = tokens[m - 1];
      let det = (before?.text ?? '').toLowerCase();
      const owners: string[] = [];
      const time = new Set<string>();
      if (before && /^['’]s$/.test(before.text)) {
        const owner = partyMentions.find((x) => x.end === before.start);
        if (owner) owners.push(owner.actor);
        else if (isTime(normalWord(tokens[m - 2]?.text ?? ''))) time.add(normalWord(tokens[m - 2].text));
        det = 'the';
      } else if (/^(its|their|our)$/.test(det)) {
        const owner = [...inSentence].reverse().find((x) => x.end <= (before?.start ?? 0) && x.kind !== 'person');
        if (owner) owners.push(owner.actor);
        det = 'the';
      } else if (/^(his|her)$/.test(det)) det = 'the';
      const plural = singular(lowerHead) !== lowerHead && !/^(cease-fire|ceasefire)$/.test(lowerHead) && lowerHead !== 'mou';

      // Parties named with it.
      const compound: string[] = [];
      const compoundPlaces: string[] = [];
      const key = new Set<string>();
      let scope: string | null = null;
      for (const t of [...modifiers, ...tokens.slice(h + 1, last + 1), ...complement]) {
        const parts = t.text.split(/[-‐]/);
        const inModifiers = t.start < head.start;
        for (const part of parts.length > 1 ? [t.text, ...parts] : [t.text]) {
          const lower = normalWord(part);
          if (inModifiers && parts.length > 1 && part !== t.text && surfaceActor.has(part)) compound.push(surfaceActor.get(part)!);
          if (inModifiers && parts.length > 1 && part !== t.text && placeSurfaces.has(part)) compoundPlaces.push(part);
          if (part === t.text && parts.length > 1 && lower !== 'ceasefire' && !/^\p{Ll}+-\p{Ll}+$/u.test(part)) continue;
          if (isTime(lower)) time.add(lower);
          else if (scopeModifiers.has(lower)) {
            if (inModifiers) scope = lower;
          }
          else if (!stopModifiers.has(lower) && !functionWords.has(lower) && !surfaceActor.has(part) && /\p{L}/u.test(part) && !/^['’]s$/.test(part)) key.add(singular(lower));
        }
      }
      if (strongCls === 'ceasefire') key.add('ceasefire');
      const phraseCls = key.has('ceasefire') ? 'ceasefire' : cls;
      const modifierStart = modifiers[0]?.start ?? head.start;
      // "the Norway fishing deal": the country is a party; a project named after something is not its party.
      const modifierMentions = inSentence.filter((x) => x.start >= modifierStart && x.end <= head.start && (cls !== 'project' || x.kind === 'country')).map((x) => x.actor);
      // "a deal to work with the regulator": the sides of the verb, not of the deal.
      const listed = complement.length && /^to$/i.test(complement[0].text) ? [] : listedParties(end, cls === 'project');
      const listedActors = listed.filter((x) => partyKinds.has(x.kind)).map((x) => x.actor);
      const npStart = det && (determiner.test(det) || det === 'the') ? m - 1 - (/^['’]s$/.test(before?.text ?? '') ? 1 : 0) : m;
      const subject = subjectOf(tokens, npStart, inSentence, s.start);
      const sidesBefore = twoSidesNamed(text.slice(s.start, start0(modifiers, head)), s.start);
      const parties = [...new Set([...subject, ...owners, ...compound, ...modifierMentions, ...listedActors, ...sidesBefore])].filter((p) => byId.has(p));
      const specific = key.size > 0 || time.size > 0 || proper || complement.length > 0;

      // Is it an agreement?
      if (!strongCls) {
        const needed = weakHeadModifiers.get(lowerHead);
        // A link or service is one between named places; a "Prison Service" is an institution.
        const between = /^(service|link|links|pipeline|pipelines)$/.test(lowerHead);
        // "Harbour Climate Initiative", "Program on Extremism", "Republican National Convention": a
        // body's or an event's name, unless something in it says who agreed with whom.
        const twoSided =
          compound.length >= 1 || compoundPlaces.length >= 2 || modifiers.some((t) => /^\p{Lu}\p{Ll}+[-‐]\p{Lu}\p{Ll}+$/u.test(t.text) && !/^(Post|Pre|Anti|Pro|Non|Neo|Ex|Mid)[-‐]/.test(t.text));
        const bodyOrEvent =
          (head.cap && /^(project|initiative|programme|program|plan|scheme|partnership|alliance)s?$/.test(lowerHead) && !twoSided && !modifiers.some((t) => agreementTopics.test(t.text))) ||
          (/^conventions?$/.test(lowerHead) && modifiers.some((t) => conventionEvents.test(t.text)));
        const ok =
          (proper && !between && !bodyOrEvent) ||
          listed.length > 0 ||
          twoSided ||
          (needed ? modifiers.some((t) => needed.test(t.text)) : false) ||
          (/^understanding$/i.test(lowerHead) && complement.length > 0) ||
          // "Senator Rosk spoke at the convention": a lower-case convention is a gathering.
          (subject.length > 0 && !/^(statement|declaration|plan|program|programme|service|link|links)$/.test(lowerHead) && !(/^conventions?$/.test(lowerHead) && !head.cap) && !bodyOrEvent);
        if (!ok) continue;
        if (/^(statement|communique|communiqué)s?$/.test(lowerHead) && !proper) continue;
        if (needed && !proper && !modifiers.some((t) => needed.test(t.text))) continue;
      }
      const start = modifiers[0]?.start ?? head.start;
      const name = text.slice(start, nameEnd).replace(/[()]/g, '').replace(/\s+/g, ' ');
      const possessor = /^['’]s$/.test(before?.text ?? '') && isWord(tokens[m - 2]) ? text.slice(tokens[m - 2].start, nameEnd) : null;
      const fullName = text.slice(start, end).replace(/[()]/g, '').replace(/\s+/g, ' ');
      const mention = { start, end, sentence };

      if (!specific && !parties.length) {
        // "the treaty": another mention of the latest agreement of its kind.
        if (definite.test(det) && !plural) {
          const target = [...found].reverse().find((f) => compatibleClass(f.cls, cls));
          if (target) {
            target.aliases.add(possessor ?? `${tokens[m - 1].text} ${head.text}`);
            target.mentions.push({ start: tokens[m - 1].start, end: head.end, sentence });
          }
        }
        continue;
      }
      if (plural && !parties.length && !proper && !modifiers.some((t) => t.cap && isWord(t))) continue;
      const indefinite = /^(a|an|another)$/.test(det);

      if (plural && listedActors.length > 1 && !proper) {
        // "deals with Bolivia and Paraguay": one agreement with each.
        const others = [...new Set([...subject, ...owners, ...compound, ...modifierMentions])];
        for (const p of listed.filter((x) => partyKinds.has(x.kind))) {
          const each = `${singular(name)} with ${text.slice(p.start, p.end)}`;
          record({ name: each, aliases: new Set([name]), parties: [...others, p.actor].filter((x) => byId.has(x)), mentions: [mention], status, cls, key: new Set([...key, `with:${p.actor}`]), time, scope }, true);
        }
        continue;
      }
      const aliases = new Set<string>();
      const acronym = /^\s*\(([A-Z][A-Za-z0-9]{1,9})\)/.exec(text.slice(nameEnd, s.end));
      if (acronym) aliases.add(acronym[1]);
      if (fullName !== name) aliases.add(fullName);
      if (possessor) aliases.add(possessor);
      // "deal with Oslo", "accord between the Guild and the Council": the sides as written.
      const sides = sidesPhrase(end, s.end);
      if (sides) aliases.add(`${fullName} ${sides}`);
      if (listed.length) aliases.add(`${fullName} ${text.slice(end, listed[listed.length - 1].end).replace(/^\s*\([^)]*\)/, '').trim()}`);
      // An indefinite mention without parties ("a supply deal") describes the agreement in hand, if there is one.
      // So does a mention without parties, name, scope or complement ("the radar agreement"): a second
      // agreement in an article comes with something that tells it apart.
      const attachOnly = !!strongCls && !parties.length && !proper && !(modifiers.some((t) => t.cap && isWord(t)) && !titleCase) && !scope && !complement.length && (indefinite ? !time.size : !!found.length);
      record({ name, aliases, parties, mentions: [mention], status, cls: phraseCls, key, time, scope, proper, definite: !indefinite && det !== '' && determiner.test(det) }, !attachOnly, attachOnly || (!key.size && !parties.length && !proper && !complement.length));
    }
    // Acronyms of agreements used on their own ("signed under the AWST").
    for (const t of tokens)
      for (const f of found)
        if (f.aliases.has(t.text) && /^[A-Z][A-Za-z0-9]{1,9}$/.test(t.text) && !f.mentions.some((x) => x.start <= t.start && x.end >= t.end))
          f.mentions.push({ start: t.start, end: t.end, sentence });
  });

  /** "with Oslo", "between the Guild and the Council": the sides as written after a phrase. */
  function sidesPhrase(from: number, to: number): string | null {
    const tokens = tokenize(text, from, Math.min(to, from + 120));
    if (!/^(with|between|among)$/i.test(tokens[0]?.text ?? '') || !/^\s+$/.test(text.slice(from, tokens[0].start))) return null;
    let e = 0;
    for (let i = 1; i < tokens.length && i <= 9; i++) {
      const t = tokens[i];
      if (t.cap && isWord(t)) e = i;
      else if (!/^(and|&|of|the|,)$/.test(t.text)) break;
    }
    return e ? text.slice(tokens[0].start, tokens[e].end) : null;
  }

  function start0(modifiers: Token[], head: Token) {
    return modifiers[0]?.start ?? head.start;
  }

  /**
   * Who "the two sides" in `phrase` are: the sides of the agreement in hand when it has two (they
   * need not be countries: "the Velan Front and the Ostra Council"), else the two countries named just before.
   */
  function twoSidesNamed(phrase: string, at: number): string[] {
    const said = twoSides.exec(phrase);
    if (!said) return [];
    if (/\b(sides|parties)\b/i.test(said[0])) {
      const inHand = [...found].reverse().find((f) => f.parties.length === 2 && f.mentions.some((x) => x.start < at));
      if (inHand) return [...inHand.parties];
    }
    return twoEarlier(at);
  }

  /** The two countries named just before `at` (in the three sentences before): what "the two sides" refers to, when only two are named there. */
  function twoEarlier(at: number): string[] {
    const i = sentences.findIndex((x) => x.end >= at);
    const from = sentences[Math.max(0, (i < 0 ? sentences.length : i) - 3)]?.start ?? 0;
    const named = [...new Set(mentions.filter((x) => x.start < at && x.start >= from && x.kind === 'country').map((x) => x.actor))];
    return named.length === 2 ? named : [];
  }

  /** "members of the union": the body acts through its people, so it is the subject. */
  function isMembersOf(tokens: Token[], of: number): boolean {
    return /^of$/i.test(tokens[of].text) && memberNouns.has((tokens[of - 1]?.text ?? '').toLowerCase());
  }

  function isPossessiveToken(t: Token | undefined) {
    return !!t && /^['’]s$/.test(t.text);
  }

  function compatibleClass(a: string, b: string) {
    return a === b || (a === 'agreement' && b === 'ceasefire') || (a === 'ceasefire' && b === 'agreement');
  }

  /** The actors listed right after "between", "with" or "among": "between Chile and Peru". */
  function listedParties(from: number, places: boolean): ActorMention[] {
    const lead = /^(?:\s*\([^)]{1,12}\))?\s+(between|with|among)\s+(the\s+)?/i.exec(text.slice(from, from + 34));
    if (!lead) return [];
    const listed: ActorMention[] = [];
    let at = from + lead[0].length;
    for (const m of allMentions) {
      if (m.start < at) continue;
      if (!/^(\s*(,|and|&|the)\s*)*$/i.test(text.slice(at, m.start))) break;
      if (!partyKinds.has(m.kind) && !(places && m.kind === 'place')) break;
      // "with Dutch retailer Borlo Group": the company, not the country of its demonym.
      const named = m.demonym ? allMentions.find((y) => y.start > m.end && /^\s+(\p{Ll}+\s+){1,3}$/u.test(text.slice(m.end, y.start))) : undefined;
      if (named && partyKinds.has(named.kind)) {
        listed.push(named);
        at = named.end;
        continue;
      }
      listed.push(m);
      at = m.end;
    }
    return listed;
  }

  /**
   * The subject of a verb that makes an agreement, when the phrase at `npStart` is its object:
   * "Chile and Argentina signed the …", "Acme, Borlo sign chip deal".
   */
  function subjectOf(tokens: Token[], npStart: number, inSentence: ActorMention[], sentenceStart: number): string[] {
    let v = npStart - 1;
    for (; v >= 0 && v >= npStart - 5; v--) {
      const t = tokens[v];
      if (!isWord(t)) return [];
      if (makingVerbs.has(t.text.toLowerCase())) break;
      if (strongHeads.has(t.text.toLowerCase())) return [];
    }
    if (v < 0 || v < npStart - 5) return [];
    // "for breaking the agreement": a gerund after a preposition has no subject of its own.
    if (/ing$/i.test(tokens[v].text) && prepositions.test(tokens[v - 1]?.text ?? '')) return [];
    let b = v - 1;
    while (b >= 0 && !clauseBoundary.test(tokens[b].text) && !strongHeads.has(tokens[b].text.toLowerCase())) b--;
    const from = b >= 0 ? tokens[b].end : sentenceStart;
    const to = tokens[v].start;
    if (twoSides.test(text.slice(from, to))) return twoSidesNamed(text.slice(from, to), from);
    const out: string[] = [];
    for (const x of inSentence) {
      if (x.start < from || x.end > to) continue;
      const i = tokens.findIndex((t) => t.start >= x.start);
      let p = i - 1;
      if (/^the$/i.test(tokens[p]?.text ?? '')) p--;
      if (p >= 0 && prepositions.test(tokens[p].text) && tokens[p].start >= from && !isMembersOf(tokens, p)) continue;
      // "Ruritania's rebel council": the possessor is not a party.
      const after = tokens.findIndex((t) => t.start >= x.end);
      if (isPossessiveToken(tokens[after]) && inSentence.some((y) => y.start >= tokens[after].end && y.start <= tokens[after].end + 1)) continue;
      out.push(x.actor);
    }
    return out;
  }

  /** Agreements stated by a verb: "Acme will buy Borlo", "the growers agreed in May to cut prices". */
  function verbStated(tokens: Token[], v: number, sentence: number, status: AgreementStatus | null) {
    const t = tokens[v];
    const lower = t.text.toLowerCase();
    const inSentence = bySentence.get(sentence) ?? [];
    const acquisition = acquisitionVerbs.get(lower);
    if (acquisition) {
      let o = v + 1;
      if (acquisition === 'merger' && /^with$/i.test(tokens[o]?.text ?? '')) o++;
      if (/^(the|rival|its)$/i.test(tokens[o]?.text ?? '')) o++;
      const object = inSentence.find((x) => x.start === tokens[o]?.start && x.kind === 'organization');
      if (!object) return;
      const subject = subjectOf(tokens, v + 1, inSentence, tokens[0]?.start ?? 0).filter((id) => byId.get(id)?.kind === 'organization');
      const subjectIds = subject.length ? subject : subjectAt(tokens, v, inSentence);
      if (!subjectIds.length || subjectIds.includes(object.actor)) return;
      const a = byId.get(subjectIds[0])!;
      const b = byId.get(object.actor)!;
      const name = `${a.name}-${b.name} ${acquisition}`;
      const aliases = new Set([acquisition === 'merger' ? `merger with ${b.name}` : `acquisition of ${b.name}`, `${a.name}-${b.name} deal`]);
      record({ name, aliases, parties: [a.id, b.id], mentions: [{ start: t.start, end: object.end, sentence }], status, cls: 'merger', key: new Set([`${a.id}+${b.id}`]), time: new Set(), scope: null }, true);
      return;
    }
    if (!/^(agree|agrees|agreed)$/.test(lower)) return;
    // "agreed in May to cut": a date may come between.
    let c = v + 1;
    const time = new Set<string>();
    if (/^(in|on|last|this)$/i.test(tokens[c]?.text ?? '') && isTime(normalWord(tokens[c + 1]?.text ?? ''))) {
      time.add(normalWord(tokens[c + 1].text));
      c += 2;
    }
    if (!/^to$/i.test(tokens[c]?.text ?? '')) return;
    const verb = tokens[c + 1];
    if (!verb || !isWord(verb) || verb.cap || determiner.test(verb.text) || functionWords.has(verb.text.toLowerCase())) return;
    if (strongHeads.has(verb.text.toLowerCase()) || strongHeads.has((tokens[c + 2]?.text ?? '').toLowerCase())) return;
    // Who agreed: named countries or organisations, or a collective ("Ministers agreed …").
    const subject = subjectAt(tokens, v, inSentence).filter((id) => byId.get(id)?.kind !== 'person');
    const prev = tokens[v - 1]?.text.toLowerCase() ?? '';
    const prev2 = tokens[v - 2]?.text.toLowerCase() ?? '';
    if (!subject.length && !collectiveSubjects.has(prev) && !collectiveSubjects.has(prev2)) return;
    let e = c + 1;
    while (e + 1 < tokens.length && e - c < 8 && isWord(tokens[e + 1]) && !/^(and|or|but|that|which|who|after|before|when|while|if|because|said|says|as)$/i.test(tokens[e + 1].text)) e++;
    const words = tokens.slice(c + 1, e + 1);
    const key = new Set(words.map((w) => normalWord(w.text)).filter((w) => !stopModifiers.has(w) && !functionWords.has(w) && !/^\d/.test(w)));
    const name = `agreement to ${text.slice(words[0].start, words[words.length - 1].end)}`;
    record({ name, aliases: new Set(), parties: subject, mentions: [{ start: t.start, end: words[words.length - 1].end, sentence }], status, cls: 'agreement', key, time, scope: null }, true);
  }

  /** The named subject right before a verb: "Acme will buy", "Chile and Peru agreed". */
  function subjectAt(tokens: Token[], v: number, inSentence: ActorMention[]): string[] {
    let b = v - 1;
    while (b >= 0 && /^(will|would|has|have|had|also|then|is|are|was|were|to|plans|plan|planned|agreed|could|may|might|can|last|on|in|week|month|year|finally|formally|has|tentatively)$/i.test(tokens[b].text) && v - b < 5) b--;
    const out: string[] = [];
    let at = b >= 0 ? tokens[b].end : -1;
    for (let i = inSentence.length - 1; i >= 0; i--) {
      const x = inSentence[i];
      if (x.end > at) continue;
      if (!/^\.?(\s*(,|and|&)\s*)*$/.test(text.slice(x.end, at))) break;
      out.unshift(x.actor);
      at = x.start;
      if (/^the\s*$/i.test(text.slice(Math.max(0, at - 4), at))) at -= 4;
    }
    return out;
  }

  /** A person who speaks for a country counts as that country when parties are compared. */
  function canon(id: string): string {
    const a = byId.get(id);
    return a?.kind === 'person' && a.affiliation && byId.get(a.affiliation)?.kind === 'country' ? a.affiliation : id;
  }

  function specificName(name: string) {
    return name.split(/[\s-]+/).some((w) => {
      const l = normalWord(w);
      return l && !stopModifiers.has(l) && !functionWords.has(l) && !strongHeads.has(l) && !weakHeads.has(l) && !scopeModifiers.has(l);
    });
  }

  function record(f: Found, create: boolean, attachOnly = false) {
    const cands = [...found].reverse();
    const fp = f.parties.map(canon);
    const gp = (g: Found) => g.parties.map(canon);
    const partiesFit = (g: Found) => !fp.length || !g.parties.length || fp.every((p) => gp(g).includes(p)) || gp(g).every((p) => fp.includes(p));
    const share = (g: Found) => fp.some((p) => gp(g).includes(p));
    const overlap = (g: Found) => [...f.key].some((k) => g.key.has(k));
    const nameFit = (g: Found) => !(f.proper || g.proper) || overlap(g) || !f.key.size || !g.key.size;
    const timeFit = (g: Found) => !f.time.size || !g.time.size || [...f.time].some((k) => g.time.has(k));
    const same =
      cands.find((g) => compatibleClass(g.cls, f.cls) && g.scope === f.scope && partiesFit(g) && timeFit(g) && nameFit(g) && (overlap(g) || (share(g) && (!f.key.size || !g.key.size || f.parties.length === g.parties.length)) || ([...f.time].some((k) => g.time.has(k))))) ??
      cands.find((g) => compatibleClass(g.cls, f.cls) && g.scope === f.scope && partiesFit(g) && timeFit(g) && nameFit(g) && ((!f.key.size && !f.time.size && !f.parties.length) || (!g.key.size && !g.parties.length && !g.time.size && !f.parties.length) || (share(g) && !f.key.size) || (attachOnly && !f.parties.length) || (f.definite && g.cls === f.cls && !f.key.size && !f.time.size && g.key.size > 0 && !g.parties.length && f.parties.length > 0)));
    if (!same) {
      if (create) found.push(f);
      return;
    }
    for (const a of f.aliases) same.aliases.add(a);
    same.aliases.add(f.name);
    // A bare first name ("Deal") gives way to a specific one.
    if ((!specificName(same.name) && specificName(f.name)) || (f.proper && !same.proper)) {
      same.aliases.add(same.name);
      same.name = f.name;
    }
    same.mentions.push(...f.mentions);
    for (const p of f.parties) if (!same.parties.includes(p) && !same.parties.map(canon).includes(canon(p))) same.parties.push(p);
    for (const k of f.key) same.key.add(k);
    for (const k of f.time) same.time.add(k);
    same.status ??= f.status;
    same.proper ||= f.proper;
  }

  inheritIncluded(found, text, sentences);
  const taken = new Set<string>();
  return found.map((f) => ({
    id: uniqueId(localId(f.name, 'agreement'), taken),
    name: f.name.charAt(0).toUpperCase() + f.name.slice(1),
    aliases: [...f.aliases].filter((a) => a.toLowerCase() !== f.name.toLowerCase() && (specificName(a) || /\s/.test(a) || /^[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*$/.test(a))).sort(),
    // Only actors of this extraction: a party is always an actor id of the same output.
    parties: stateParties(f.parties.filter((p) => byId.has(p)), byId),
    status: f.status,
    mentions: f.mentions.filter((x) => x.sentence >= 0).sort((a, b) => a.start - b.start),
  }));
}
