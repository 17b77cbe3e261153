// Gives each quote its speaker. The rules are tried in order; the first that names somebody wins:
//   continuation  a quote that runs on from the paragraph above
//   cue           the subject of a reporting verb after, before or above the quote (subject.ts)
//   split         the second half of a quote its cue interrupts
//   colon         the name that introduces the words with a colon
//   clause        the subject of the clause a quote sits in, with no reporting verb
//   floating      the previous speaker, for a quote that follows theirs
//   before        a statement, or a sentence about somebody, just before a lone quote
// Nobody, where the text names nobody; titles and scare quotes are no quotes at all.
import type { Actor, ExtractedArticle, Quote } from '../types.ts';
import type { ActorMention } from '../actors.ts';
import type { QuoteSpan } from '../quote-spans.ts';
import type { Reporter } from '../diagnostics.ts';
import type { Token } from '../tokens.ts';
import { functionWords, relayVerbs, reportingVerbs } from '../lexicon.ts';
import { type Context, type Cue, type Speaker, createContext, inherit, sentenceAt } from './context.ts';
import { introducerCues, leftCues, lemma, rightCue } from './cues.ts';
import { resolveSubject } from './subject.ts';
import { clauseSubject, colonSubject, midSentence, newSubjectBetween, statementBefore, subjectBefore } from './clause.ts';

/** Where one quote stands among its neighbours, and the cues around it. */
interface Place {
  span: QuoteSpan;
  previous: Quote | undefined;
  prevSpan: QuoteSpan | undefined;
  right: Cue | null;
  /** The reporting verbs before the quote (or above it), the nearest first. */
  left: Cue[];
  /** Whether `left` is in the quote's own sentence (not an introduction above it). */
  leftInSentence: boolean;
  words: number;
}

export function attributeQuotes(article: ExtractedArticle, spans: QuoteSpan[], actors: Actor[], mentions: ActorMention[], reporter: Reporter): Quote[] {
  const ctx = createContext(article, spans, actors, mentions, reporter);
  spans.forEach((_, i) => {
    const quote = attributeOne(ctx, placeOf(ctx, spans, i));
    if (quote) ctx.quotes.push(quote);
  });
  return ctx.quotes;
}

function placeOf(ctx: Context, spans: QuoteSpan[], i: number): Place {
  const { text, sentences } = ctx;
  const span = spans[i];
  const prevSpan = spans[i - 1];
  const nextSpan = spans[i + 1];
  const s0 = sentences[sentenceAt(ctx, span.open)];
  const s1 = sentences[sentenceAt(ctx, span.close ?? span.end - 1)];
  // Before the quote: back to its sentence's start, or to a quote earlier in the same sentence.
  const prevEnd = prevSpan ? (prevSpan.close ?? prevSpan.end) : -1;
  const leftFrom = prevSpan && prevSpan.paragraph === span.paragraph && prevEnd >= s0.start ? prevEnd + 1 : s0.start;
  // '"…?" Ann Berg asked.': a question or exclamation ends its sentence for the splitter, not for its cue.
  // So does a full stop, when a short sentence with the cue follows ('"… emails." Ann Berg said.').
  const following = sentences[sentenceAt(ctx, s1.end) + 1];
  const ended = span.close != null && s1.end <= span.close + 2 && following?.paragraph === span.paragraph;
  // The words may end inside a quote of their own ('"… 'How do we win?'" Ann Berg said.').
  const exclaimed = ended && /[?!]['’"”]*$/.test(text.slice(span.start, span.close!));
  const shortCue = ended && /[.]['’"”]*$/.test(text.slice(span.start, span.close!)) && isBareCue(text.slice(following.start, following.end));
  const cueEnd = exclaimed || shortCue ? following.end : s1.end;
  const rightTo = nextSpan && nextSpan.paragraph === span.paragraph && nextSpan.open < cueEnd ? nextSpan.open : cueEnd;
  const left = leftCues(ctx, leftFrom, span.open);
  return {
    span,
    previous: ctx.quotes[ctx.quotes.length - 1],
    prevSpan,
    right: span.close == null ? null : rightCue(ctx, span.close + 1, rightTo),
    left: left.length ? left : introducerCues(ctx, span),
    leftInSentence: left.length > 0,
    words: (text.slice(span.start, span.end).match(/[\p{L}\p{N}]+/gu) ?? []).length,
  };
}

function attributeOne(ctx: Context, place: Place): Quote | null {
  const { span, previous, words } = place;
  const { text } = ctx;
  let { speaker, cue } = findSpeaker(ctx, place);
  const said = !!cue && /^(say|tell)$/.test(lemma(cue) ?? '');
  if (namesAThing(ctx, span, words, said) || quotedAsWords(ctx, span, words, said)) return null;
  if (!speaker) {
    // Scare quotes and terms: a word or three that nobody is said to have said.
    if (words <= 3 && !cue) return null;
    ctx.reporter.report('info', 'unattributed-quote', 'quote has no speaker the text names', span.open);
    speaker = { actor: null, mention: null, rule: cue ? 'unresolved-subject' : 'no-cue', confidence: 0.3 };
  }
  // "…, the paper quoted X as saying": an outlet that passes words on is not their speaker.
  if (cue && relayVerbs.has(cue.text.toLowerCase()) && speaker.actor && ctx.byId.get(speaker.actor)?.kind === 'media')
    speaker = { ...speaker, actor: null, rule: 'relayed-by-outlet' };
  const inherited = speaker.rule === 'continuation' || speaker.rule === 'floating';
  const mention = speaker.mention;
  return {
    id: `q${ctx.quotes.length + 1}`,
    text: text.slice(span.start, span.end),
    start: span.start,
    end: span.end,
    sentence: sentenceAt(ctx, span.open),
    paragraph: span.paragraph,
    speaker: speaker.actor,
    speaker_mention: mention && text.slice(mention.start, mention.end),
    speaker_mention_span: mention && { start: mention.start, end: mention.end },
    cue: cue?.text ?? (inherited ? (previous?.cue ?? null) : null),
    cue_span: cue ? { start: cue.start, end: cue.end } : inherited ? (previous?.cue_span ?? null) : null,
    rule: speaker.rule,
    confidence: speaker.confidence,
    agreements: [],
  };
}

/** The rules in order; see the top of this file. */
function findSpeaker(ctx: Context, place: Place): { speaker: Speaker | null; cue: Token | null } {
  const { span, previous, prevSpan, right, left, leftInSentence, words } = place;
  if (span.continued && previous) return { speaker: { actor: previous.speaker, mention: previous.speaker_mention_span, rule: 'continuation', confidence: 0.9 }, cue: null };
  // The cue after the quote first; one before it in the same sentence when that one names nobody
  // ('Ann Berg says it will "…." The move was first reported by …').
  const chosen = firstResolved(ctx, right ? [right, ...(leftInSentence ? left : [])] : left, span.open);
  if (chosen) {
    let speaker = chosen.speaker;
    // "…," he said, "…": the second half has the same speaker.
    if (!speaker && previous && prevSpan?.paragraph === span.paragraph && left.length && !right) speaker = inherit(previous, 'split');
    // 'Ann Berg has criticised the plan, adding that it would be "…"': the clause's subject speaks.
    if (!speaker?.actor && !right && !speaker?.mention) speaker = clauseSubject(ctx, sentenceAt(ctx, span.open), span.open) ?? speaker;
    return { speaker, cue: chosen.cue.verb };
  }
  const sameSentence = previous && prevSpan && previous.start === prevSpan.start && sentenceAt(ctx, prevSpan.open) === sentenceAt(ctx, span.open);
  const samePlace = previous && (previous.paragraph === span.paragraph || previous.paragraph === span.paragraph - 1);
  const speaker =
    (sameSentence ? inherit(previous, 'split') : null) ??
    colonSubject(ctx, span) ??
    (midSentence(ctx, span) ? clauseSubject(ctx, sentenceAt(ctx, span.open), span.open) : null) ??
    (previous && samePlace && words > 3 && !newSubjectBetween(ctx, previous, span.open) ? inherit(previous, 'floating') : null) ??
    statementBefore(ctx, span.open) ??
    subjectBefore(ctx, span);
  return { speaker, cue: null };
}

/**
 * The first cue whose subject names somebody: "She says …, but insists X is “…”" reads past the
 * nearest verb to the one whose subject is a name. Without a named subject, the nearest cue.
 */
function firstResolved(ctx: Context, cues: Cue[], at: number): { cue: Cue; speaker: Speaker | null } | null {
  let fallback: { cue: Cue; speaker: Speaker | null } | null = null;
  for (const cue of cues) {
    // "X commended Y, saying he “…”": a participle after a comma speaks for its main clause's subject
    // ("with Y stating", "a statement saying" have subjects of their own).
    const participle = /ing$/.test(cue.verb.text) && cue.subject != null && cue.subject.end <= cue.verb.start && /,\s*$/.test(ctx.text.slice(cue.subject.start, cue.verb.start));
    const speaker = (participle ? clauseSubject(ctx, sentenceAt(ctx, cue.verb.start), cue.verb.start) : null) ?? resolveSubject(ctx, cue, at);
    if (speaker?.actor) return { cue, speaker };
    fallback ??= { cue, speaker };
  }
  return fallback;
}

/**
 * Marks around the name of a thing: a title ('he told the "Sunday Show"'; a title is words only when
 * said or told, and never after "on", "the", "told" …), or one capitalised word mid-sentence ('watched
 * "Hardball"') that is neither said nor exclaimed.
 */
function namesAThing(ctx: Context, span: QuoteSpan, words: number, said: boolean): boolean {
  const { text } = ctx;
  const quoted = text.slice(span.start, span.end);
  const afterName = /(?:\b(?:on|in|to|told|the|of|at|from|with|via|his|her|its|their)|\S['’]s)\s*$/i.test(text.slice(Math.max(0, span.open - 8), span.open));
  if (isTitle(quoted, words) && (afterName || !said)) return true;
  return words === 1 && /^\p{Lu}/u.test(quoted) && !/[.!?]$/.test(quoted) && !said && midSentence(ctx, span);
}

/**
 * Words quoted as words, not as anybody's: 'the question "…"', 'the slogan "…"', and a short term
 * between an article and its noun ('a "no" vote').
 */
function quotedAsWords(ctx: Context, span: QuoteSpan, words: number, said: boolean): boolean {
  const { text } = ctx;
  const from = ctx.article.paragraphs[span.paragraph].start;
  const before = (n: number) => text.slice(Math.max(from, span.open - n), span.open);
  if (/\b(?:question|wording|phrase|term|words?|slogan|titled|entitled|hashtag|motto|headline|label)\s*$/i.test(before(12))) return true;
  const after = span.close == null ? span.end : span.close + 1;
  const noun = /^\s+(\p{Ll}{3,})\b/u.exec(text.slice(after, after + 20))?.[1];
  return words <= 2 && !said && /\b(?:a|an|the)\s*$/i.test(before(5)) && !!noun && !functionWords.has(noun) && !reportingVerbs.has(noun);
}

/**
 * A sentence that is only a cue: a few words of subject, a reporting verb, a few after ("Ann Berg said
 * on Monday."); a relative clause or apposition in commas belongs to the subject ("Ann Berg, who runs
 * the stall, said.").
 */
function isBareCue(sentence: string): boolean {
  const core = sentence.replace(/,\s+(?:who|whose|the|a|an)\b[^,]*,/g, ' ');
  // Inner stops belong to the words ("U.S."), the sentence's own does not ("Ann Berg said.").
  const words: string[] = (core.match(/[\p{L}\p{N}'’.-]+/gu) ?? []).map((w) => w.replace(/\.$/, ''));
  const verb = words.findIndex((w) => reportingVerbs.has(w));
  return !/["“”]/.test(sentence) && words.length <= 8 && verb > 0 && verb <= 4 && words.length - verb <= 4 && !/^(he|she|it|they)$/i.test(words[0]) && !words.includes('that');
}

/** A title in quotation marks ("Cowboys and Indians"): two to six capitalised words. */
function isTitle(quoted: string, words: number): boolean {
  return words >= 2 && words <= 6 && (quoted.match(/\p{L}[\p{L}'’-]*/gu) ?? []).every((w) => /^\p{Lu}/u.test(w) || /^(of|and|the|a|an|in|on|for|to|with|at|by|or)$/.test(w));
}
