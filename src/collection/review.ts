// `explainer review`: what most likely needs an editor, each with where it is, its sentence and a
// ready-to-paste entry for seeds/corrections.yaml. The queue itself is pure (reviewQueue).
import { join } from 'node:path';
import { formatDiagnostic, locator, seedFile, shownPath } from '../diagnostics.ts';
import type { BuildArgs } from '../options.ts';
import { actorEntry, agreementEntry, quoteEntry, quoteKey } from '../schema/corrections.ts';
import type { Corrected } from '../schema/shared.ts';
import { runBuild } from './build.ts';
import type { KnowledgeBase, SeedExtraction } from './merge.ts';

export type ReviewReason = 'low-confidence' | 'ambiguous-pronoun' | 'non-person-speaker' | 'agreement-without-parties' | 'lone-actor';

export interface ReviewItem {
  reason: ReviewReason;
  /** What to check, in words. */
  message: string;
  seed: string;
  line: number;
  column: number;
  sentence: string;
  /** A ready-to-paste entry of seeds/corrections.yaml. */
  entry: string;
}

/** Quotes attributed with less confidence than this are queued. */
export const lowConfidence = 0.7;

const order: ReviewReason[] = ['low-confidence', 'ambiguous-pronoun', 'non-person-speaker', 'agreement-without-parties', 'lone-actor'];

const corrected = (data: { corrected?: Corrected }, field?: string) => (data.corrected ?? []).some((c) => field == null || c.field === field);

/**
 * The review queue of a merged (and corrected) collection: quotes attributed with low confidence,
 * ambiguous pronouns, quotes attributed to a place or country, agreements without parties, people,
 * organisations and outlets named once with no role. What an editor already corrected is left out. Most doubtful first: low
 * confidence (least confident first), then by reason, then seed and reading order.
 */
export function reviewQueue(kb: KnowledgeBase, extractions: SeedExtraction[]): ReviewItem[] {
  const articles = new Map(kb.articles.map((a) => [a.slug, a.data]));
  const bySeed = new Map(kb.articles.map((a) => [a.data.seed, a.data]));
  const actors = new Map(kb.actors.map((a) => [a.slug, a.data]));
  const seedOrder = new Map(extractions.map((s, i) => [s.seed, i]));
  const items: (ReviewItem & { rank: number; offset: number })[] = [];
  const add = (reason: ReviewReason, seed: string, offset: number, message: string, entry: string, rank = 0) => {
    const article = bySeed.get(seed);
    if (!article) return;
    const { line, column } = locator(article.text)(offset);
    const s = article.sentences.find((x) => x.start <= offset && offset < x.end);
    const sentence = s ? article.text.slice(s.start, s.end).replace(/\s+/gu, ' ').trim() : '';
    items.push({ reason, message, seed, line, column, sentence, entry, rank, offset });
  };
  const quotesOf = new Map<string, string[]>();
  for (const q of kb.quotes) quotesOf.set(q.data.article as string, [...(quotesOf.get(q.data.article as string) ?? []), q.data.text]);

  for (const { data: q } of kb.quotes) {
    if (corrected(q, 'speaker')) continue;
    const article = articles.get(q.article as string)!;
    const speaker = q.speaker ? actors.get(q.speaker as string) : undefined;
    const entry = quoteEntry(article.seed, quoteKey(q.text, quotesOf.get(q.article as string) ?? []), speaker?.name ?? null);
    const who = speaker ? `${speaker.name} (${speaker.kind})` : 'nobody';
    if (q.confidence < lowConfidence) add('low-confidence', article.seed, q.start, `quote attributed with low confidence (${Math.round(q.confidence * 100)}%) to ${who}`, entry, q.confidence);
    // Outlets and organisations speak; a place or a country quoted is most likely a misread name.
    else if (speaker && (speaker.kind === 'place' || speaker.kind === 'country')) add('non-person-speaker', article.seed, q.start, `quote attributed to ${who}, not a person`, entry);
  }
  for (const { seed, extraction } of extractions)
    for (const d of extraction.diagnostics)
      if (d.rule === 'ambiguous-pronoun') {
        const slug = kb.articles.find((a) => a.data.seed === seed)?.slug;
        const quotes = kb.quotes.filter((q) => q.data.article === slug).sort((a, b) => a.data.start - b.data.start);
        const near = quotes.find((q) => q.data.start >= d.offset) ?? quotes[quotes.length - 1];
        const speaker = near?.data.speaker ? actors.get(near.data.speaker as string) : undefined;
        const entry = near ? quoteEntry(seed, quoteKey(near.data.text, quotesOf.get(near.data.article as string) ?? []), speaker?.name ?? null) : '';
        if (!near || !corrected(near.data, 'speaker')) add('ambiguous-pronoun', seed, d.offset, d.message, entry);
      }
  for (const { data: g } of kb.agreements) {
    if (g.parties.length || corrected(g, 'parties')) continue;
    const first = g.mentions[0];
    const article = first ? articles.get(first.article as string) : articles.get(g.articles[0] as string);
    if (article) add('agreement-without-parties', article.seed, first?.start ?? 0, `agreement ${JSON.stringify(g.name)} has no parties`, agreementEntry(g.name));
  }
  for (const { data: a } of kb.actors) {
    // Countries and places come from gazetteers; a false actor is a capitalised word taken for a name.
    if (a.kind === 'country' || a.kind === 'place' || a.mentions.length > 1 || a.roles.length || a.quotes.length || corrected(a)) continue;
    const first = a.mentions[0];
    const article = first ? articles.get(first.article as string) : undefined;
    if (article) add('lone-actor', article.seed, first.start, `${a.kind} ${JSON.stringify(a.name)} is named once, with no role — is it a real one?`, actorEntry(a.name, a.kind));
  }
  return items
    .sort((a, b) => order.indexOf(a.reason) - order.indexOf(b.reason) || a.rank - b.rank || (seedOrder.get(a.seed) ?? 0) - (seedOrder.get(b.seed) ?? 0) || a.offset - b.offset)
    .map(({ rank: _rank, offset: _offset, ...item }) => item);
}

/** The queue as text: each item as a note (`seeds/x.txt:3:14: note: what [reason]`), its sentence, the entry to paste; `root` holds seeds/. */
export function formatQueue(items: ReviewItem[], root: string): string {
  if (!items.length) return 'explainer review: nothing to review\n';
  const indent = (text: string) => text.replace(/^(?=.)/gmu, '    ');
  const note = (i: ReviewItem) => formatDiagnostic({ file: seedFile(i.seed), line: i.line, column: i.column, severity: 'note', rule: i.reason, source: 'review', message: i.message }, root);
  return `${items
    .map((i) => `${note(i)}\n  ${i.sentence}\n${indent(i.entry)}`)
    .join('\n')}\n${items.length} to review — paste an entry into seeds/corrections.yaml (under one quotes:, actors: or agreements: key), edit it, and build again\n`;
}

/** `explainer review [--format json] [build options]`: builds up to validation (writing nothing), then prints the queue. */
export async function review({ format, build }: { format: 'text' | 'json'; build: BuildArgs }): Promise<number> {
  const result = await runBuild({ ...build, contentOnly: true, mode: 'review', stdout: process.stderr, stderr: process.stderr });
  if (result.exitCode !== 0 || !result.kb || !result.extractions) return result.exitCode || 1;
  const items = reviewQueue(result.kb, result.extractions.corrected);
  const file = (seed: string) => shownPath(join(build.root, 'seeds', seed));
  process.stdout.write(format === 'json' ? `${JSON.stringify(items.map((i) => ({ ...i, file: file(i.seed) })), null, 2)}\n` : formatQueue(items, build.root));
  return 0;
}
