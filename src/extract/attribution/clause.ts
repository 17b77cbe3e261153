// Quotes with no reporting verb of their own: the subject of the clause they sit in, the name before
// a colon, the subject of the sentence before, a statement issued just before.
import type { Quote } from '../types.ts';
import type { QuoteSpan } from '../quote-spans.ts';
import { isWord, tokenize } from '../tokens.ts';
import { documentNouns } from '../lexicon.ts';
import { type Context, type Speaker, inQuote, mentionsIn, modifiesNext, named, sentenceAt } from './context.ts';
import { introducer, lemma } from './cues.ts';
import { pronounGender, resolvePronoun } from './pronoun.ts';

/** Phrases that may open a sentence before its subject, up to a comma. */
const frontedPhrase =
  /^(?:(?:In|At|On|After|Before|During|While|Whilst|When|Speaking|Asked|Writing|Addressing|Following|Despite|Later|Earlier|Meanwhile|However|But|And|Still|Yet|Also|Separately|Instead|Elsewhere|For his part|For her part)\b[^,"“”]{0,120},\s*)/;

/** A relative clause up to its comma (", which is set to host the vote, …"). */
const relativeClause = /^(?:which|who|whose|where|when)\b[^,"“”]{0,160},\s*/;

/** Nouns after a possessive that make the owner the speaker ("Ann Berg's slogan is “…”"). */
const ownWords = /^['’]s\s+(?:\w+\s+)?(?:slogan|motto|message|words|catchphrase|catch phrase|mantra|refrain|line|reply|response|answer|tweet|post)\b/i;

/** The quote opens inside a sentence, after words of its own ("Ann Berg called it “…”"). */
export function midSentence(ctx: Context, span: QuoteSpan): boolean {
  const s = ctx.sentences[sentenceAt(ctx, span.open)];
  return /[\p{L}\p{N}]/u.test(ctx.text.slice(s.start, span.open));
}

/**
 * The subject of the clause of sentence `index` that ends at `end`: a name (or a pronoun) at the
 * clause's start, after any fronted phrase ("In an interview with X, Y …").
 */
export function clauseSubject(ctx: Context, index: number, end: number): Speaker | null {
  const { text } = ctx;
  let from = ctx.sentences[index].start;
  const fronted = frontedPhrase.exec(text.slice(from, end));
  if (fronted) from += fronted[0].length;
  from += /^(?:(?:But|And|Yet|So|Still|Then|Now|Also)\s+)?/.exec(text.slice(from, end))![0].length;
  // Relative clauses after the fronted phrase (", which is set to …, Ann Berg said") are no subject either.
  let relative = relativeClause.exec(text.slice(from, end));
  while (relative) {
    from += relative[0].length;
    relative = relativeClause.exec(text.slice(from, end));
  }
  const pronoun = /^(he|she|they|it)\b/i.exec(text.slice(from, end));
  if (pronoun) return resolvePronoun(ctx, { start: from, end: from + pronoun[1].length }, pronounGender[pronoun[1].toLowerCase()], from);
  // The first name that is not a place ("OSLO — The council said …" names the council).
  const inClause = mentionsIn(ctx, index).filter((m) => m.start >= from && m.start < end && m.kind !== 'country' && m.kind !== 'place');
  // "Daily Courier columnist Ove Halme stated": the columnist, not the paper of the title.
  const subject = inClause[0] && modifiesNext(ctx, inClause[0], inClause[1]) && ctx.byId.get(inClause[1].actor)?.kind === 'person' ? inClause[1] : inClause[0];
  if (!subject || (subject.possessive && !ownWords.test(text.slice(subject.end, subject.end + 30)))) return null;
  // Only role words may stand before the name, after the last comma or dash ("Former Arkansas Gov. Ann Berg").
  const lead = text.slice(from, subject.start);
  const boundary = Math.max(lead.lastIndexOf(','), lead.lastIndexOf('—'), lead.lastIndexOf('–'), lead.lastIndexOf(')'));
  const before = tokenize(text, from + boundary + 1, subject.start).filter(isWord);
  if (before.length > 6 || before.some((t) => lemma(t) || /^(of|to|for|with|by|from|that|which|who|and|or|is|was|has|had|will|would)$/i.test(t.text))) return null;
  return { ...named(subject), rule: 'clause-subject', confidence: 0.7 };
}

/**
 * "Continued Ann Berg: “…”", "with Ann Berg yelling: “…”": a quote right after a colon belongs to the
 * first name (a person first) of the clause that ends with the colon.
 */
export function colonSubject(ctx: Context, span: QuoteSpan): Speaker | null {
  const before = ctx.text.slice(Math.max(0, span.open - 200), span.open);
  if (!/:\s*$/.test(before)) return null;
  const index = sentenceAt(ctx, span.open);
  const from = Math.max(ctx.sentences[index].start, span.open - before.length + before.search(/[^,;—–]*:\s*$/));
  const inClause = mentionsIn(ctx, index).filter((m) => m.start >= from && m.end <= span.open && m.kind !== 'country' && m.kind !== 'place');
  const subject = inClause.find((m) => m.kind === 'person') ?? inClause[0];
  return subject ? { ...named(subject), rule: 'colon', confidence: 0.7 } : null;
}

/**
 * A quote standing alone after a sentence about somebody ("Ann Berg praised the plan. ¶ “…”"):
 * the subject of the sentence just before, in this paragraph or the one above, when no quote is in it.
 */
export function subjectBefore(ctx: Context, span: QuoteSpan): Speaker | null {
  const here = sentenceAt(ctx, span.open);
  const index = introducer(ctx, span) ?? here - 1;
  const s = ctx.sentences[index];
  if (!s || s.paragraph < span.paragraph - 1 || index === here || midSentence(ctx, span)) return null;
  if (ctx.spans.some((q) => q.open >= s.start && q.open < s.end)) return null;
  const subject = clauseSubject(ctx, index, s.end);
  if (!subject?.actor || ctx.byId.get(subject.actor)?.kind !== 'person') return null;
  return { ...subject, rule: 'subject-before', confidence: 0.6 };
}

/** "X issued a statement on …. "…"": the subject of the sentence before, when it says they made a statement. */
export function statementBefore(ctx: Context, open: number): Speaker | null {
  const { text, sentences } = ctx;
  const here = sentenceAt(ctx, open);
  const before = sentences[here - 1];
  const opensParagraph = ctx.article.paragraphs[sentences[here].paragraph].start === open;
  if (!before || sentences[here].start !== open || (before.paragraph !== sentences[here].paragraph && !(opensParagraph && before.paragraph === sentences[here].paragraph - 1))) return null;
  const said = new RegExp(
    `\\b(?:issued|released|published|posted|made|gave|wrote)\\s+(?:a|an|the|his|her|their)\\s+(?:\\w+\\s+)?(?:${[...documentNouns].join('|')})\\b`,
  ).exec(text.slice(before.start, before.end));
  if (!said) return null;
  const subject = mentionsIn(ctx, here - 1).find((m) => m.start < before.start + said.index && !m.possessive && m.kind !== 'country' && m.kind !== 'place');
  return subject ? { ...named(subject), rule: 'statement-before' } : null;
}

/** A sentence between two quotes that is about someone else ("A resident group wrote …") ends the run of quotes. */
export function newSubjectBetween(ctx: Context, previous: Quote, open: number): boolean {
  const { text, sentences } = ctx;
  for (let i = sentenceAt(ctx, previous.end); i <= sentenceAt(ctx, open); i++) {
    const x = sentences[i];
    if (x.start < previous.end || x.end > open || inQuote(ctx, x.start + 1)) continue;
    if (/^(an?|another|one)\s/i.test(text.slice(x.start, x.end))) return true;
    if (mentionsIn(ctx, i).some((m) => m.actor !== previous.speaker && m.kind !== 'country' && m.kind !== 'place')) return true;
  }
  return false;
}
