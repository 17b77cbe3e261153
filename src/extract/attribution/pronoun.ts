// He, she, it, they: who a pronoun before or after a quote stands for.
import type { Actor, Span } from '../types.ts';
import { type Context, type Speaker, mentionsIn, modifiesNext, sentenceAt } from './context.ts';

export type PronounGender = 'male' | 'female' | 'plural' | 'neuter';
export const pronounGender: Record<string, PronounGender> = { he: 'male', she: 'female', they: 'plural', it: 'neuter', we: 'plural' };

/**
 * The pronoun (the word at `pronoun`) → the latest compatible actor named before `at`: the previous
 * speaker first (unless someone else who fits was named since), then the first fitting name of the
 * nearest sentence before it. Never a name written after the pronoun.
 */
export function resolvePronoun(ctx: Context, pronoun: Span, gender: PronounGender, at: number): Speaker {
  const { byId, quotes, sentences } = ctx;
  const word = ctx.text.slice(pronoun.start, pronoun.end);
  const fits = (a: Actor | undefined) =>
    !!a &&
    (gender === 'plural' || gender === 'neuter'
      ? a.kind === 'organization' || a.kind === 'media' || a.kind === 'country'
      : a.kind === 'person' && (a.gender == null || a.gender === gender));
  const last = quotes[quotes.length - 1];
  const lastSpeaker = last?.speaker ? byId.get(last.speaker) : undefined;
  if (gender === 'plural')
    return fits(lastSpeaker)
      ? { actor: lastSpeaker!.id, mention: pronoun, rule: 'pronoun', confidence: 0.6 }
      : { actor: null, mention: pronoun, rule: 'pronoun-unresolved', confidence: 0.5 };
  const here = sentenceAt(ctx, at);
  const paragraph = sentences[here].paragraph;
  const since = last
    ? Array.from({ length: here - sentenceAt(ctx, last.end) + 1 }, (_, k) => mentionsIn(ctx, sentenceAt(ctx, last.end) + k))
        .flat()
        .filter((m) => m.start > last.end && m.start < at && m.actor !== last.speaker && fits(byId.get(m.actor)))
    : [];
  if (fits(lastSpeaker) && last.paragraph >= paragraph - 1 && !since.length) return { actor: lastSpeaker!.id, mention: pronoun, rule: 'pronoun', confidence: 0.85 };
  for (let s = here; s >= 0; s--) {
    // "He also said … Governor Karl Strand …": that "he" is the same person, named further back.
    if (s < here && opensWithPronoun(ctx, s, word)) continue;
    const candidates = mentionsIn(ctx, s)
      .filter((m) => m.start < at && fits(byId.get(m.actor)))
      .filter((m, k, all) => !modifiesNext(ctx, m, all[k + 1]));
    if (!candidates.length) continue;
    const distinct = new Set(candidates.map((m) => m.actor));
    if (distinct.size > 1)
      ctx.reporter.report('info', 'ambiguous-pronoun', `"${word}" could be ${[...distinct].map((id) => byId.get(id)!.name).join(' or ')}; took the first`, at);
    return { actor: candidates[0].actor, mention: pronoun, rule: 'pronoun', confidence: distinct.size > 1 ? 0.6 : 0.75 };
  }
  return { actor: null, mention: pronoun, rule: 'pronoun-unresolved', confidence: 0.3 };
}

/** "He also said he expects a deal with Governor Karl Strand": the sentence's subject is the same pronoun, so the names in it do not take its place. */
function opensWithPronoun(ctx: Context, sentence: number, word: string): boolean {
  const s = ctx.sentences[sentence];
  const first = /^[\s"“‘']*(\p{L}+)/u.exec(ctx.text.slice(s.start, s.start + 12))?.[1];
  return first?.toLowerCase() === word.toLowerCase();
}
