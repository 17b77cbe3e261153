import type { Extraction } from '../extract/index.ts';
import type { Note } from './merge.ts';
import { displayName } from './names.ts';

/**
 * What the build adds to the extractor's diagnostics about one seed: an error for a headline
 * with nothing visible in it (no page may have an empty title), warnings for an article that
 * will have no quotes or no actors. Pure.
 */
export function checkExtraction(seed: string, e: Extraction): Note[] {
  const notes: Note[] = [];
  if (!displayName(e.article.title))
    notes.push({ seed, severity: 'error', offset: e.article.titleSpan.start, message: 'the headline has no visible characters — write a headline on the first line' });
  if (!e.quotes.length) notes.push({ seed, severity: 'warning', offset: 0, message: 'no quotes found — the article gets no quote pages; quoted words need quotation marks (“…” or "…")' });
  if (!e.actors.length) notes.push({ seed, severity: 'warning', offset: 0, message: 'no actors found — the article links to no people, countries or organisations; check that names are capitalised' });
  return notes;
}
