// What every attribution rule reads: the article, its quotes so far, and the actors' mentions outside
// quotation marks, indexed by sentence; with the small text helpers the rules share.
import type { Actor, ExtractedArticle, Quote, Sentence, Span } from '../types.ts';
import type { ActorMention } from '../actors.ts';
import type { QuoteSpan } from '../quote-spans.ts';
import type { Reporter } from '../diagnostics.ts';
import { type Token, trimEnd } from '../tokens.ts';
import { functionWords, titleAbbreviations, titleHeads } from '../lexicon.ts';
import { lastIndexAtOrBefore } from '../bisect.ts';
import type { AttributionRule } from '../../schema/vocab.ts';

export interface Context {
  article: ExtractedArticle;
  text: string;
  sentences: Sentence[];
  spans: QuoteSpan[];
  actors: Actor[];
  byId: Map<string, Actor>;
  /** Mentions outside quotation marks: who the text itself names. */
  outside: ActorMention[];
  outsideBySentence: Map<number, ActorMention[]>;
  /** The quotes attributed so far, in text order. */
  quotes: Quote[];
  reporter: Reporter;
}

/** A reporting verb and where its subject lies: before the verb, or after it (inverted). */
export interface Cue {
  verb: Token;
  subject: { start: number; end: number } | null;
}

/** A rule's answer: the speaker (or nobody, with where the words that describe them are). */
export interface Speaker {
  actor: string | null;
  mention: Span | null;
  rule: AttributionRule;
  confidence: number;
}

export function createContext(article: ExtractedArticle, spans: QuoteSpan[], actors: Actor[], mentions: ActorMention[], reporter: Reporter): Context {
  const ctx: Context = {
    article,
    text: article.text,
    sentences: article.sentences,
    spans,
    actors,
    byId: new Map(actors.map((a) => [a.id, a])),
    outside: [],
    outsideBySentence: new Map(),
    quotes: [],
    reporter,
  };
  ctx.outside = mentions.filter((m) => !inQuote(ctx, m.start));
  for (const m of ctx.outside) ctx.outsideBySentence.set(m.sentence, [...(ctx.outsideBySentence.get(m.sentence) ?? []), m]);
  return ctx;
}

// Spans and sentences are in text order: offsets are looked up by bisection, not by scanning.
export function inQuote(ctx: Context, at: number): boolean {
  const i = lastIndexAtOrBefore(ctx.spans, at, (q) => q.start);
  return i >= 0 && at < ctx.spans[i].end;
}

export const sentenceAt = (ctx: Context, at: number): number => Math.max(0, lastIndexAtOrBefore(ctx.sentences, at, (x) => x.start));

export const mentionsIn = (ctx: Context, sentence: number): ActorMention[] => ctx.outsideBySentence.get(sentence) ?? [];

/** A phrase up to the first punctuation, reading through the stops of "Mr." and initials ("J. Smith", "J.J. Smith"). */
const phrasePattern = new RegExp(String.raw`^(?:(?:${titleAbbreviations.join('|')})\.|(?:\p{Lu}\.)+(?=\s)|[^,.;:!?"“”()])*`, 'u');

export function phraseEnd(text: string, from: number, to: number): number {
  const m = phrasePattern.exec(text.slice(from, to));
  return trimEnd(text, from + (m?.[0].length ?? 0));
}

/** The speaker a mention names, by its words as written (or other words that name them: "Ann Berg's statement"). */
export function named(m: ActorMention, rule: AttributionRule = 'name', words: Span = m): Speaker {
  return { actor: m.actor, mention: words, rule, confidence: 0.9 };
}

/** The speaker of an earlier quote, passed on. */
export function inherit(previous: Quote, rule: AttributionRule): Speaker {
  return { actor: previous.speaker, mention: previous.speaker_mention_span, rule, confidence: 0.75 };
}

/** "Brandtner spokesman Ove Halme", "Acme's chief Ann Berg": a name that only qualifies the title of the next one. */
export function modifiesNext(ctx: Context, m: { end: number }, next: { start: number } | undefined): boolean {
  const between = next ? /^(?:['’]s)?((?:\s+\p{Ll}[\p{Ll}-]*){1,4})\s+$/u.exec(ctx.text.slice(m.end, next.start)) : null;
  const words = between ? between[1].trim().split(/\s+/) : [];
  return words.length > 0 && titleHeads.has(words[words.length - 1]) && !words.some((w) => functionWords.has(w));
}
