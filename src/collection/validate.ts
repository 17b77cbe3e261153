import { collectionSchemas } from '../schema/collections.ts';
import { slugRef, type Ref } from '../schema/shared.ts';
import { type Diagnostic, seedFile } from '../diagnostics.ts';
import type { KnowledgeBase } from './merge.ts';
import { collections, type Collection } from '../schema/vocab.ts';

export { collections, type Collection };

/** One file of the content collection: `<collection>/<slug>.json`. */
export interface ContentFile {
  path: string;
  json: string;
}

/**
 * Checks every entity against its zod schema, with references checked to point at an existing
 * entity, and that quotes and mentions are exact spans of their article's text. Returns the files
 * to write (the parsed data, so keys come in schema order) or the problems, naming each seed.
 */
export function validate(kb: KnowledgeBase): { files: ContentFile[]; problems: Diagnostic[] } {
  const slugs = Object.fromEntries(collections.map((c) => [c, new Set(kb[c].map((e) => e.slug))])) as Record<Collection, Set<string>>;
  const ref: Ref = (collection) =>
    slugRef(collection).superRefine((value, ctx) => {
      if (!slugs[collection].has(value as string)) ctx.addIssue({ code: 'custom', message: `points to ${collection}/${String(value)}, which does not exist` });
    });
  const texts = new Map(kb.articles.map((a) => [a.slug, a.data.text]));
  const files: ContentFile[] = [];
  const problems: Diagnostic[] = [];
  // Reported against the (first) seed the entity comes from, as a whole: the content file is never written.
  const problem = (seeds: string[], where: string, rule: string, message: string) =>
    problems.push({ file: seeds.length ? seedFile(seeds[0]) : undefined, severity: 'error', rule, source: 'validate', message: `${where}: ${message} (a bug in the build, not in the seed; please report it)` });

  for (const collection of collections) {
    const schema = collectionSchemas[collection](ref);
    const seen = new Set<string>();
    for (const entry of kb[collection]) {
      const where = `${collection}/${entry.slug}.json`;
      // Two entities in one file would silently lose one of them.
      if (seen.has(entry.slug)) problem(entry.seeds, where, 'duplicate-slug', 'two entities have this slug');
      seen.add(entry.slug);
      const parsed = schema.safeParse(entry.data);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) problem(entry.seeds, where, 'schema', `${issue.path.join('.') || 'entry'}: ${issue.message}`);
        continue;
      }
      for (const span of spansOf(collection, entry.slug, parsed.data as Record<string, unknown>)) {
        const text = texts.get(span.article);
        if (text == null || span.end < span.start || span.end > text.length) problem(entry.seeds, where, 'span-outside', `${span.what} ${span.start}-${span.end} is outside the article text`);
        else if (span.text != null && text.slice(span.start, span.end) !== span.text) problem(entry.seeds, where, 'span-mismatch', `${span.what} text differs from the article text at ${span.start}-${span.end}`);
      }
      files.push({ path: `${collection}/${entry.slug}.json`, json: `${JSON.stringify(parsed.data, null, 2)}\n` });
    }
  }
  return { files, problems };
}

interface CheckedSpan {
  what: string;
  article: string;
  start: number;
  end: number;
  text?: string;
}

type Span = { start: number; end: number };

/** The spans of article text an entity points at. */
function spansOf(collection: Collection, slug: string, data: Record<string, unknown>): CheckedSpan[] {
  if (collection === 'quotes') {
    const q = data as { article: string; text: string; speakerMention: string | null; speakerMentionSpan: Span | null; cue: string | null; cueSpan: Span | null } & Span;
    const words = (what: string, span: Span | null, text: string | null) => (span ? [{ what, article: q.article, ...span, text: text ?? undefined }] : []);
    return [
      { what: 'quote', article: q.article, start: q.start, end: q.end, text: q.text },
      ...words('speaker mention', q.speakerMentionSpan, q.speakerMention),
      ...words('reporting verb', q.cueSpan, q.cue),
    ];
  }
  if (collection === 'articles') return (data.mentions as Span[]).map((m) => ({ what: 'mention', article: slug, start: m.start, end: m.end }));
  const mentions = data.mentions as ({ article: string } & Span)[];
  return mentions.map((m) => ({ what: 'mention', ...m }));
}
