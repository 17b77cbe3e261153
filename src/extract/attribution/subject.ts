// Who the words before (or after) a reporting verb name: a name, an apposition, a pronoun, a role
// phrase ("the Kenyan ambassador"), a body ("the ministry"), a document and its issuer, or nobody.
import type { Actor } from '../types.ts';
import type { ActorMention } from '../actors.ts';
import { isWord, tokenize, type Token } from '../tokens.ts';
import { countryByDemonym, countryByName } from '../gazetteer.ts';
import { documentNouns, functionWords, titleHeads, titleWords, unnamedSourceHeads } from '../lexicon.ts';
import { type Context, type Cue, type Speaker, named, sentenceAt } from './context.ts';
import { clauseSubject } from './clause.ts';
import { lemma } from './cues.ts';
import { pronounGender, resolvePronoun } from './pronoun.ts';

/** Words between a subject and its verb that do not change who speaks. */
const skippable = new Set([
  'has', 'have', 'had', 'was', 'were', 'is', 'also', 'then', 'later', 'again', 'once', 'today', 'yesterday', 'earlier', 'recently',
  'previously', 'further', 'simply', 'clearly', 'reportedly', 'publicly', 'privately', 'separately', 'subsequently', 'repeatedly',
  'would', 'will', 'already', 'even', 'only', 'just', 'never', 'always', 'often', 'meanwhile', 'however', 'too', 'instead',
  'nonetheless', 'nevertheless', 'though', 'meantime',
]);
const determiners = /^(the|a|an|another|one|two|three|some|several|many|other|this|that|these|those|its|his|her|their|our|senior|a\s+senior)$/i;
const townNouns = new Set(['city', 'town', 'municipality', 'council']);
/** The members of a body speak for it: "the judges wrote" is the court's words. */
const bodyNouns = new Map([
  ['judges', ['court', 'tribunal']],
  ['justices', ['court']],
  ['panel', ['court', 'tribunal', 'committee', 'panel']],
  ['lawmakers', ['congress', 'parliament', 'assembly', 'senate', 'legislature']],
  ['legislators', ['congress', 'parliament', 'assembly', 'legislature']],
]);
/** Common nouns for an outlet: "the paper said" is the outlet named last before. */
const outletNouns = new Set(['paper', 'newspaper', 'broadcaster', 'magazine', 'tabloid', 'daily', 'agency', 'network', 'channel', 'station', 'website', 'outlet']);

/** Tokens outside round brackets: "Ann Berg (D-Ore.), the senator," reads as "Ann Berg, the senator,". */
function withoutBrackets(tokens: Token[]): Token[] {
  let depth = 0;
  return tokens.filter((t) => {
    if (t.text === '(') depth++;
    const keep = depth === 0;
    if (t.text === ')') depth = Math.max(0, depth - 1);
    return keep;
  });
}

/** A mention after "by", "to", "of" … is not the subject ("a letter sent to Ann Berg said"). */
const followsPreposition = (text: string, m: ActorMention) => /\b(by|to|from|of|for|in|at|on|about)\s+(the\s+)?$/i.test(text.slice(Math.max(0, m.start - 10), m.start));

/** Who the subject of a reporting verb is; `at` is the quote's opening mark. */
export function resolveSubject(ctx: Context, cue: Cue, at: number): Speaker | null {
  if (!cue.subject || cue.subject.end <= cue.subject.start) return null;
  const { text, outside } = ctx;
  const { start, end } = cue.subject;
  const tokens = withoutBrackets(tokenize(text, start, end).filter((t) => t.text !== '"'));
  // Drop auxiliaries and adverbs right before the verb: "X has also said".
  while (tokens.length && skippable.has(tokens[tokens.length - 1].text.toLowerCase())) tokens.pop();
  if (!tokens.length) return null;
  const last = tokens[tokens.length - 1];
  const according = cue.verb.text.toLowerCase() === 'according';
  const inside = outside.filter((m) => m.start >= start && m.end <= last.end && !m.possessive && (according || !followsPreposition(text, m)));

  // "She defended the plan but admitted …": a verb joined by "but" or "and" shares the clause's subject.
  if (/^(but|and|yet|then)$/i.test(last.text) && !according) return clauseSubject(ctx, sentenceAt(ctx, start), start);
  // "X did this whilst promising …": the main clause's subject speaks.
  if (/^(while|whilst|after|before|as|when|by|in|before|since|until)$/i.test(last.text)) {
    const subject = inside.find((m) => m.kind !== 'country' && m.kind !== 'place');
    return subject ? named(subject) : null;
  }
  // "Ann Berg, who has long called it …": the name a relative pronoun refers to.
  const antecedent = inside.find((m) => m.kind !== 'country' && m.kind !== 'place' && /^,\s+(?:who|which)\b/.test(text.slice(m.end, m.end + 8)));
  if (antecedent && !/[,;]/.test(text.slice(antecedent.end + 2, last.end).replace(/,$/, ''))) return named(antecedent);
  // "said planetary scientist Ann Berg of the Polar Institute at a press conference": the person, not what follows.
  const firstPerson = inside.find((m) => m.kind === 'person');
  if (firstPerson && /^\s+(?:of|from|at|in|on|with)\s/.test(text.slice(firstPerson.end, firstPerson.end + 6))) return named(firstPerson);
  // A name (or an appositive after it: "X, the minister, said").
  const adjacent = inside.find((m) => m.end === last.end);
  if (adjacent) return named(adjacent);
  if (last.text === ',') {
    const who = apposedName(tokens, inside);
    if (who) return named(who);
  }
  const pronoun = pronounGender[last.text.toLowerCase()];
  const before = tokens[tokens.length - 2]?.text ?? '';
  if (pronoun && (tokens.length === 1 || /^[,;:]$/.test(before) || functionWords.has(before.toLowerCase()))) return resolvePronoun(ctx, last, pronoun, Math.min(at, last.start));
  return nounPhraseSpeaker(ctx, tokens, start, inside, at);
}

/**
 * "X, the minister, said" / "the minister, X, said" / "X, who met Y, said": the name next to the
 * appositive's opening comma, or the name that is the appositive.
 */
function apposedName(tokens: Token[], inside: ActorMention[]): ActorMention | undefined {
  const commas = tokens.filter((t) => t.text === ',');
  const open = commas.length > 1 ? commas[commas.length - 2] : undefined;
  const apposed = open && inside.find((m) => m.kind === 'person' && m.start === tokens[tokens.indexOf(open) + 1]?.start && m.end === tokens[tokens.length - 2]?.end);
  const before = open && inside.filter((m) => m.end === open.start || (m.end <= open.start && m.kind !== 'country' && m.kind !== 'place')).at(-1);
  return apposed ?? before ?? inside.filter((m) => m.kind === 'person').at(-1);
}

/** The subject as a noun phrase: a document and its owner, a role, a body, a name inside it, or an unnamed source. */
function nounPhraseSpeaker(ctx: Context, tokens: Token[], start: number, inside: ActorMention[], at: number): Speaker | null {
  const { text, outside } = ctx;
  const last = tokens[tokens.length - 1];
  // The last determiner-led stretch before the verb.
  let k = tokens.length - 1;
  while (k > 0 && isWord(tokens[k - 1]) && !determiners.test(tokens[k].text) && !/^(and|but|while|whilst|that|which|who|with|after|before|as)$/i.test(tokens[k - 1].text)) k--;
  const np = tokens.slice(k);
  const npSpan = { start: np[0].start, end: last.end };
  const npText = text.slice(npSpan.start, npSpan.end);
  const head = last.text.toLowerCase();
  const npMentions = inside.filter((m) => m.start >= np[0].start);
  // "Cornyn's statement added": the document's owner speaks through it.
  const owner = outside.find((m) => m.possessive && m.start >= start && m.end <= last.end && m.kind !== 'country' && m.kind !== 'place');
  if (owner && documentNouns.has(head)) return named(owner, 'document', npSpan);
  // "the Kenyan ambassador", "a visibly tired attorney general", "Israeli prime minister": a role someone holds.
  // With "a", only a title of two words or more names one office ("an official" is anybody).
  const indefinite = /^an?\b/i.test(npText);
  const titled =
    titleHeads.has(head) &&
    (/^the\b/i.test(npText) ||
      (indefinite ? titleWords.has(np.at(-2)?.text.toLowerCase() ?? '') : np[0].start === start));
  if (titled) {
    const holder = roleHolder(ctx, np, at);
    if (holder) return { actor: holder.id, mention: npSpan, rule: 'role', confidence: 0.8 };
  }
  // "the paper said": the outlet named last before, not a document.
  if (/^the\s/i.test(npText) && np.length === 2 && outletNouns.has(head)) {
    const outlet = bodyNamed(ctx, head, at);
    if (outlet) return { actor: outlet.id, mention: npSpan, rule: 'organisation-noun', confidence: 0.7 };
  }
  if (documentNouns.has(head) || np.some((t) => documentNouns.has(t.text.toLowerCase()))) {
    // "X issued a statement saying …": the document speaks for whoever issued it.
    const issuer =
      npMentions.find((m) => m.kind === 'organization' || m.kind === 'media' || m.kind === 'person') ??
      inside.filter((m) => m.end <= np[0].start && m.kind !== 'country' && m.kind !== 'place').at(-1);
    return issuer ? named(issuer, 'document', npSpan) : { actor: null, mention: npSpan, rule: 'unnamed-document', confidence: 0.6 };
  }
  if (npMentions.length && !titleHeads.has(head) && !unnamedSourceHeads.has(head)) return named(npMentions[npMentions.length - 1]);
  // "the ministry said", "the city reasoned": the latest organisation with that head word in its name.
  if (/^the\s/i.test(npText) && (np.length === 2 || bodyNouns.has(head))) {
    const body = bodyNamed(ctx, head, at);
    if (body) return { actor: body.id, mention: npSpan, rule: 'organisation-noun', confidence: 0.7 };
  }
  if (unnamedSourceHeads.has(head) || titleHeads.has(head) || /^(the|a|an|another|one)\b/i.test(npText)) return { actor: null, mention: npSpan, rule: 'unnamed-source', confidence: 0.7 };
  // Any other subject holding a name we know; else somebody the text describes but does not name.
  if (inside.length) return named(inside[inside.length - 1]);
  const phrase = text.slice(start, last.end);
  const from = phrase.split(/\s+/).length <= 8 ? start : npSpan.start;
  const lead = /^[\s,;:]*/.exec(text.slice(from, last.end))![0].length;
  const subject = text.slice(from + lead, last.end);
  const described = /^(the|a|an|another|one|some|several|two|three|its|his|her|their)\s/i.test(subject) && !tokenize(subject).some((t) => lemma(t));
  return described ? { actor: null, mention: { start: from + lead, end: last.end }, rule: 'unnamed-source', confidence: 0.6 } : null;
}

/** "the Kenyan ambassador": the actor introduced with that role (and nationality). */
function roleHolder(ctx: Context, np: Token[], at: number): Actor | undefined {
  // "the foreign secretary" is not "the home secretary": a title word before the head is part of the role.
  const twoWords = titleWords.has(np.at(-2)?.text.toLowerCase() ?? '') && !/^(the|a|an)$/i.test(np.at(-2)!.text);
  const head = twoWords ? `${np.at(-2)!.text.toLowerCase()} ${np.at(-1)!.text.toLowerCase()}` : np[np.length - 1].text.toLowerCase();
  const country = np
    .slice(0, -1)
    .map((t) => countryByDemonym(t.text) ?? countryByName(t.text))
    .find(Boolean);
  const holders = ctx.actors.filter((a) => {
    if (a.kind !== 'person') return false;
    const roles = a.roles.map((r) => r.text.toLowerCase()).join(' | ');
    if (!new RegExp(`\\b${head}\\b`).test(roles)) return false;
    const affiliation = country && a.affiliation ? ctx.byId.get(a.affiliation) : undefined;
    return !(affiliation?.kind === 'country' && affiliation.name !== country!.name);
  });
  return mostRecent(holders, at);
}

function bodyNamed(ctx: Context, noun: string, at: number): Actor | undefined {
  if (outletNouns.has(noun)) {
    const outlets = ctx.actors.filter((a) => a.kind === 'media' && a.mentions.some((m) => m.start < at));
    return outlets.length ? mostRecent(outlets, at) : undefined;
  }
  const heads = townNouns.has(noun) ? ['municipality', 'council', 'city', 'town'] : (bodyNouns.get(noun) ?? [noun]);
  const bodies = ctx.actors.filter((a) => a.kind === 'organization' && a.name.toLowerCase().split(/\s+/).some((w) => heads.includes(w)));
  return bodies.length ? mostRecent(bodies, at) : undefined;
}

/** The candidate named last before `at` (else the first). */
function mostRecent(candidates: Actor[], at: number): Actor | undefined {
  let best: Actor | undefined;
  let bestAt = -1;
  for (const a of candidates) {
    const last = a.mentions.reduce((latest, m) => (m.start < at && m.start > latest ? m.start : latest), -1);
    if (last > bestAt) [best, bestAt] = [a, last];
  }
  return best ?? candidates[0];
}
