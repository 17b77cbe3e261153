// Finding the reporting verb of a quote: after it ('"…," Ann Berg said'), before it ('Ann Berg said:
// "…"'), in the sentence that closes the paragraph above, or known only by its place.
import { isWord, skipSpace, tokenize, trimEnd, type Token } from '../tokens.ts';
import { functionWords, reportingVerbs, titleAbbreviation } from '../lexicon.ts';
import type { QuoteSpan } from '../quote-spans.ts';
import { type Context, type Cue, inQuote, phraseEnd, sentenceAt } from './context.ts';

/** Verbs that only report speech right next to the words ("she continued: …", "what they called …"). */
const adjacentOnly = new Set([
  'continue', 'add', 'read', 'call', 'write', 'post', 'put', 'point', 'term', 'label', 'brand', 'dub', 'hail', 'welcome', 'thank',
  'praise', 'accuse', 'criticise', 'agree', 'believe', 'indicate', 'predict', 'recall', 'respond', 'answer', 'ask', 'report',
  'describe', 'cite', 'quote', 'promise', 'recommend', 'reason', 'defend', 'mention', 'state', 'suspect', 'maintain', 'confirm',
  'deny', 'urge', 'note', 'comment', 'suggest', 'announce', 'declare', 'remark', 'observe', 'conclude',
]);

/** Past tenses not in -ed that report speech by their place ('"…," Ann Berg shot back'). */
const irregularPast = /^(shot|hit|spoke|went|broke|began|came|cut|threw|swore)$/;

/** Participles that report speech ("…, saying “…”"); others ("including") do not. */
const speakingParticiples = /^(saying|adding|stating|noting|telling|warning|insisting|explaining|arguing|promising|recommending|reporting|citing|claiming|writing|tweeting|declaring|announcing|responding|joking|quipping|boasting|suggesting|asserting|acknowledging|admitting|vowing|predicting|replying)$/

/** Words before a reporting verb's form that make it a noun ("the reports", "the judge's comments"). */
const nounBefore = /^(the|a|an|these|those|many|some|all|both|other|such|his|her|its|their|our|news|media|['’]s)$/i;
/** Words after it that make it a noun ("reports of closures", "states can pass"). */
const nounAfter = /^(of|can|could|will|would|may|might|must|should|are|were|have|do|is)$/i;

/** A reporting verb's lemma: lower case only (a capitalised "States" or "Notes" is a name). */
export const lemma = (t: Token): string | undefined => (t.cap ? undefined : reportingVerbs.get(t.text));

/** The reporting verb at `words[k]`, when it is one there: a verb form used as a verb, not as a noun. */
function cueLemma(words: Token[], k: number): string | undefined {
  // "Continued Stone: …": a capitalised verb opening its clause before a name.
  if (words[k].cap && k === 0 && words[1]?.cap && /(ed|s)$/.test(words[k].text)) return reportingVerbs.get(words[k].text.toLowerCase());
  const l = lemma(words[k]);
  // "a framework had been agreed": a passive verb's subject is not who speaks.
  if (l && /ed$/.test(words[k].text) && /^(been|being|be)$/i.test(words[k - 1]?.text ?? '')) return undefined;
  if (!l || !/s$/.test(words[k].text)) return l;
  return nounBefore.test(words[k - 1]?.text ?? '') || nounAfter.test(words[k + 1]?.text ?? '') ? undefined : l;
}

/** `"…," X said` or `"…," said X`: a reporting verb among the first words after the quote. */
export function rightCue(ctx: Context, from: number, to: number): Cue | null {
  const { text } = ctx;
  const tokens = tokenize(text, from, to);
  const words = tokens.filter(isWord);
  // Twenty words reach past an apposition ('"…," Ann Berg, who led the study at the institute, said').
  // A verb inside the relative clause (", who argued the case,") is not the cue.
  const inRelativeClause = (t: Token) => /,\s+(?:who|which|whose)\b[^,]*$/.test(text.slice(from, t.start));
  const at = words.slice(0, 20).findIndex((t, k) => cueLemma(words, k) && t.text !== 'according' && !inRelativeClause(t));
  if (at < 0) {
    const according = /^[\s,;—–-]*according to\s+/i.exec(text.slice(from, to));
    if (according) {
      const start = from + according[0].length;
      return { verb: tokens.find((t) => t.text.toLowerCase() === 'according')!, subject: { start, end: phraseEnd(text, start, to) } };
    }
    return verbByPosition(ctx, from, words);
  }
  const verb = words[at];
  const lead = text.slice(from, verb.start);
  // Only a subject (or nothing) may stand between the quote and its verb; brackets ("(D-Ore.)") and
  // relative clauses in commas (", who led the study,") belong to the subject.
  // A person named first, then an apposition in commas, is the subject whatever the apposition holds
  // ('"…," Ann Berg, director of ports, harbours and canals, said').
  const named = ctx.outside.find((m) => m.kind === 'person' && m.start === skipSpace(text, from));
  const apposition = named && /^,/.test(text.slice(named.end, verb.start)) && /,\s*$/.test(lead);
  const core = (apposition ? text.slice(from, named.end) : lead).replace(/\([^()]*\)/g, ' ').replace(/,\s+(?:who|which|whose)\b[^,]*,/g, ',');
  if (/[.!?]/.test(core.replace(new RegExp(titleAbbreviation.source, 'g'), '').replace(/\b[A-Z]\./g, '')) || /\b(that|which|who|because|but|and|if|when|while)\b/.test(core)) return null;
  // '"…" until Ulla Sten said': the verb of a clause of its own; but '"…" before the vote, she said' has its subject after the comma.
  if (/\b(until|unless|before|after|since|although|though)\b[^,]*$/.test(core)) return null;
  const subject = lead.replace(/^[\s,;:—–-]+/, '');
  // '"…" for the council, said Berg': words that go on the quoted sentence ("for the council,") are no subject.
  const sentenceGoesOn = /^(for|to|about|in|on|of|at|from|with|by|over|against|into)\b[^,]*,\s*$/i.test(subject);
  if (subject.trim() && !sentenceGoesOn) return { verb, subject: { start: verb.start - lead.length + (lead.length - subject.length), end: trimEnd(text, verb.start) } };
  // A participle opens a clause of the same speaker ('"…," adding that …'), never an inverted subject.
  if (/ing$/.test(verb.text) || /^(that|to|it|he|she|they)$/i.test(words[at + 1]?.text ?? '')) return null;
  // Inverted: "said the minister", "said Nordmark's chief negotiator, Ingrid Solberg".
  const start = skipSpace(text, verb.end);
  let end = phraseEnd(text, start, to);
  const comma = /^,\s*/.exec(text.slice(end, to));
  const apposed = comma && ctx.outside.find((m) => m.kind === 'person' && m.start === end + comma[0].length);
  if (apposed) end = apposed.end;
  return { verb, subject: { start, end } };
}

/**
 * '"…," Ann Berg barked.': a verb no lexicon lists, known by its place — a name right after a quote
 * that ends with a comma, question or exclamation mark, then a past-tense or present verb.
 */
function verbByPosition(ctx: Context, from: number, words: Token[]): Cue | null {
  const { text } = ctx;
  if (!/[,?!]["”’]?\s*$/.test(text.slice(Math.max(0, from - 3), from))) return null;
  const subject = ctx.outside.find((m) => m.start >= from && m.start <= skipSpace(text, from) + 1 && m.kind !== 'country' && m.kind !== 'place');
  if (!subject) return null;
  const verb = words.find((t) => t.start >= subject.end);
  if (!verb || verb.cap || verb.start > subject.end + 1 || !(/^\p{Ll}+(?:ed|s)$/u.test(verb.text) || irregularPast.test(verb.text)) || functionWords.has(verb.text)) return null;
  return { verb, subject: { start: subject.start, end: subject.end } };
}

/** `X said: "…"`, `X told Y that … "…"`: the reporting verbs before the quote, the nearest first. */
export function leftCues(ctx: Context, from: number, to: number, anyDistance = false): Cue[] {
  const { text } = ctx;
  const words = tokenize(text, from, to).filter(isWord);
  const cues: Cue[] = [];
  for (let k = words.length - 1; k >= 0; k--) {
    const verb = words[k];
    // "According to Ann Berg, …" opens its sentence with a capital.
    const l = cueLemma(words, k) ?? (verb.text === 'According' && words[k + 1]?.text === 'to' ? 'according' : undefined);
    if (!l) continue;
    if (verb.text.toLowerCase() === 'according' && words[k + 1]?.text === 'to') {
      const start = skipSpace(text, words[k + 1].end);
      cues.push({ verb, subject: { start, end: phraseEnd(text, start, to) } });
      continue;
    }
    if (verb.cap) {
      // "Continued Ann Berg:": the subject follows its verb.
      const start = skipSpace(text, verb.end);
      cues.push({ verb, subject: { start, end: phraseEnd(text, start, to) } });
      continue;
    }
    if (adjacentOnly.has(l) && words.length - k > 6 && !anyDistance) continue;
    if (/ing$/.test(verb.text) && !speakingParticiples.test(verb.text.toLowerCase())) continue;
    cues.push({ verb, subject: { start: from, end: trimEnd(text, verb.start) } });
  }
  return cues;
}

/** The sentence closing the paragraph above with ":" or "," ("The minister said:"), when it introduces the quote that opens this one. */
export function introducer(ctx: Context, span: QuoteSpan): number | null {
  const { text, sentences, article } = ctx;
  const paragraph = article.paragraphs[span.paragraph];
  const above = article.paragraphs[span.paragraph - 1];
  if (!above || span.open !== paragraph.start || span.continued || !/[:,]$/.test(text.slice(above.start, above.end))) return null;
  const last = sentenceAt(ctx, above.end - 1);
  return inQuote(ctx, sentences[last].end - 1) ? null : last;
}

/** "Ann Berg observed, after the vote, that …:" above the quote: its reporting verbs, at any distance when it ends with a colon. */
export function introducerCues(ctx: Context, span: QuoteSpan): Cue[] {
  const index = introducer(ctx, span);
  if (index == null) return [];
  const s = ctx.sentences[index];
  return leftCues(ctx, s.start, s.end, ctx.text[s.end - 1] === ':');
}
