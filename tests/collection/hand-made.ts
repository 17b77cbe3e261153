// Hand-made extractions for merge tests and the site fixture: real article structure from
// extract(), with actors, quotes and agreements placed by finding their words in the text.
import { extract, type Actor, type ActorKind, type Agreement, type AgreementStatus, type Extraction, type Mention, type Quote, type Span } from '../../src/extract/index.ts';
import type { AttributionRule } from '../../src/schema/vocab.ts';

export interface ActorSpec {
  id: string;
  name: string;
  kind?: ActorKind;
  aliases?: string[];
  /** Words in the text that mention the actor (default: its name). */
  forms?: string[];
  roles?: string[];
  affiliation?: string;
}

export interface Spec {
  actors?: ActorSpec[];
  /** Quoted words (found in the text), who said them and how the extractor would have found out (default: named, saying). */
  quotes?: {
    id: string;
    text: string;
    speaker: string | null;
    agreements?: string[];
    speakerMention?: string;
    cue?: string;
    rule?: AttributionRule;
    confidence?: number;
  }[];
  agreements?: { id: string; name: string; aliases?: string[]; parties?: string[]; forms?: string[]; status?: AgreementStatus }[];
}

/** Every occurrence of the forms, longest form first, never two overlapping. */
function mentionsOf(e: Extraction, forms: string[]): Mention[] {
  const out: Mention[] = [];
  for (const form of [...forms].sort((a, b) => b.length - a.length))
    for (let at = e.article.text.indexOf(form); at >= 0; at = e.article.text.indexOf(form, at + 1)) {
      const sentence = e.article.sentences.findIndex((s) => s.start <= at && at < s.end);
      const end = at + form.length;
      if (sentence >= 0 && !out.some((m) => m.start < end && at < m.end)) out.push({ start: at, end, sentence });
    }
  return out.sort((a, b) => a.start - b.start);
}

/** Where `words` are in the quote's paragraph, outside the quote: the occurrence nearest to it (null when none). */
function wordsNear(text: string, words: string | null, quote: Span, paragraph: Span): Span | null {
  let best: Span | null = null;
  const distance = (s: Span) => (s.end <= quote.start ? quote.start - s.end : s.start - quote.end);
  for (let at = words ? text.indexOf(words, paragraph.start) : -1; at >= 0 && at + words!.length <= paragraph.end; at = text.indexOf(words!, at + 1)) {
    const found = { start: at, end: at + words!.length };
    if (found.start >= quote.end || found.end <= quote.start) if (!best || distance(found) < distance(best)) best = found;
  }
  return best;
}

/** The extraction of `text` with the actors, quotes and agreements of `spec` in place of the extractor's. */
export function fixture(file: string, text: string, spec: Spec = {}): Extraction {
  const e = extract({ path: `seeds/${file}`, text });
  const sentenceAt = (at: number) => e.article.sentences.findIndex((s) => s.start <= at && at < s.end);
  e.actors = (spec.actors ?? []).map(
    (a): Actor => ({
      id: a.id,
      name: a.name,
      kind: a.kind ?? 'person',
      aliases: a.aliases ?? [],
      roles: (a.roles ?? []).map((r) => ({ text: r, sentence: sentenceAt(e.article.text.indexOf(r)) })),
      affiliation: a.affiliation ?? null,
      gender: null,
      mentions: mentionsOf(e, a.forms ?? [a.name]),
    }),
  );
  e.quotes = (spec.quotes ?? []).map((q): Quote => {
    const start = e.article.text.indexOf(q.text);
    if (start < 0) throw new Error(`fixture: quote not in text: ${q.text}`);
    const sentence = sentenceAt(start);
    const quote = { start, end: start + q.text.length };
    const paragraph = e.article.sentences[sentence].paragraph;
    const speakerMention = q.speakerMention ?? null;
    const cue = q.cue ?? 'said';
    return {
      id: q.id,
      text: q.text,
      ...quote,
      sentence,
      paragraph,
      speaker: q.speaker,
      speaker_mention: speakerMention,
      speaker_mention_span: wordsNear(e.article.text, speakerMention, quote, e.article.paragraphs[paragraph]),
      cue,
      cue_span: wordsNear(e.article.text, cue, quote, e.article.paragraphs[paragraph]),
      rule: q.rule ?? 'name',
      confidence: q.confidence ?? 1,
      agreements: q.agreements ?? [],
    };
  });
  e.agreements = (spec.agreements ?? []).map(
    (g): Agreement => ({ id: g.id, name: g.name, aliases: g.aliases ?? [], parties: g.parties ?? [], status: g.status ?? null, mentions: mentionsOf(e, g.forms ?? [g.name]) }),
  );
  return e;
}

