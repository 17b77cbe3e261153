// Pure text helpers: cut an article's text into the pieces the pages render. Offsets are UTF-16
// code units, like JavaScript string indices.

export interface Span {
  start: number;
  end: number;
}

/** A run of text, optionally linked to an entity page. */
export type Run = { text: string; link?: { collection: 'actors' | 'agreements'; id: string } };

/** A stretch of a sentence that belongs to a quote (quotes crossing sentences are split). */
export interface QuoteRun {
  quote: string;
  text: string;
  /** True on the quote's last piece, where its speaker is shown. */
  last: boolean;
}

export type Part = Run | QuoteRun;

/** A sentence (with its index) or the text between sentences (`sentence: null`). */
export interface SentenceParts {
  sentence: number | null;
  parts: Part[];
}

export interface ParagraphInput {
  text: string;
  paragraph: Span;
  /** Every sentence of the article; those inside `paragraph` are used. */
  sentences: readonly Span[];
  quotes: readonly (Span & { id: string })[];
  mentions: readonly (Span & { collection: 'actors' | 'agreements'; id: string })[];
  /**
   * Entities already linked earlier in the article (`collection/id`); shared across the paragraphs
   * of one article so each entity is linked once, at its first mention. Updated in place.
   */
  linked?: Set<string>;
}

export const isQuoteRun = (part: Part): part is QuoteRun => 'quote' in part;

/**
 * Splits one paragraph into sentences, quotes and links. Only the first mention of each entity in
 * the paragraph (or, given `linked`, in the article) is linked, and never one inside a quote (a
 * quote is itself a link).
 */
export function paragraphParts({ text, paragraph, sentences, quotes, mentions, linked = new Set() }: ParagraphInput): SentenceParts[] {
  const inside = (s: Span) => s.start >= paragraph.start && s.end <= paragraph.end && s.start < s.end;
  const ownQuotes: (Span & { id: string })[] = [];
  for (const q of [...quotes].filter(inside).sort((a, b) => a.start - b.start)) {
    if (!ownQuotes.some((o) => o.end > q.start)) ownQuotes.push(q);
  }
  const links: (Span & { collection: 'actors' | 'agreements'; id: string })[] = [];
  for (const m of [...mentions].filter(inside).sort((a, b) => a.start - b.start)) {
    const key = `${m.collection}/${m.id}`;
    if (linked.has(key) || ownQuotes.some((q) => q.start < m.end && m.start < q.end)) continue;
    if (links.some((l) => l.start < m.end && m.start < l.end)) continue;
    linked.add(key);
    links.push(m);
  }

  const result: SentenceParts[] = [];
  let cursor = paragraph.start;
  const own = sentences.map((s, i) => ({ ...s, i })).filter(inside);
  for (const s of own) {
    if (s.start < cursor) continue;
    if (s.start > cursor) result.push({ sentence: null, parts: [{ text: text.slice(cursor, s.start) }] });
    result.push({ sentence: s.i, parts: cut(text, s, ownQuotes, links) });
    cursor = s.end;
  }
  if (cursor < paragraph.end) result.push({ sentence: null, parts: cut(text, { start: cursor, end: paragraph.end }, ownQuotes, links) });
  return result;
}

function cut(
  text: string,
  range: Span,
  quotes: readonly (Span & { id: string })[],
  links: readonly (Span & { collection: 'actors' | 'agreements'; id: string })[],
): Part[] {
  const parts: Part[] = [];
  let at = range.start;
  const plain = (to: number) => {
    while (at < to) {
      const link = links.find((l) => l.start >= at && l.end <= to);
      const next = link ? link.start : to;
      if (next > at) parts.push({ text: text.slice(at, next) });
      if (!link) break;
      parts.push({ text: text.slice(link.start, link.end), link: { collection: link.collection, id: link.id } });
      at = link.end;
    }
    at = to;
  };
  for (const q of quotes) {
    if (q.end <= range.start || q.start >= range.end) continue;
    const start = Math.max(q.start, range.start);
    const end = Math.min(q.end, range.end);
    plain(start);
    parts.push({ quote: q.id, text: text.slice(start, end), last: q.end <= range.end });
    at = end;
  }
  plain(range.end);
  return parts;
}

/** A sentence with the given spans marked, for showing a mention in context. */
export function marked(text: string, sentence: Span, marks: readonly Span[]): { text: string; mark: boolean }[] {
  const out: { text: string; mark: boolean }[] = [];
  let at = sentence.start;
  for (const m of [...marks].sort((a, b) => a.start - b.start)) {
    const start = Math.max(m.start, at);
    const end = Math.min(m.end, sentence.end);
    if (end <= start) continue;
    if (start > at) out.push({ text: text.slice(at, start), mark: false });
    out.push({ text: text.slice(start, end), mark: true });
    at = end;
  }
  if (at < sentence.end) out.push({ text: text.slice(at, sentence.end), mark: false });
  return out;
}

/**
 * The words of the article that attribute a quote, e.g. "the Kenyan ambassador said" or "said
 * Kamau": the speaker mention and the reporting verb where extraction found them, when only white
 * space parts them; null when either is missing or other words come between.
 */
export function attributionWords(text: string, mention: Span | null, cue: Span | null): string | null {
  if (!mention || !cue) return null;
  const [first, second] = mention.start < cue.start ? [mention, cue] : [cue, mention];
  return /^\s+$/.test(text.slice(first.end, second.start)) ? text.slice(first.start, second.end) : null;
}

/** The first sentence, or its first `max` characters cut at a word, for one-line summaries. */
export function oneLine(summary: string, max = 200): string {
  const line = summary.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  const cutAt = line.lastIndexOf(' ', max);
  return `${line.slice(0, cutAt > max / 2 ? cutAt : max)}…`;
}

/** A quote's words for display on their own: without the comma or colon that led into the attribution. */
export const quoteWords = (text: string) => text.replace(/[\s,;:]+$/, '');
