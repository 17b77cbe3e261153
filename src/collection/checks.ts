import { inText, seedFile, type TextDiagnostic } from '../diagnostics.ts';
import type { Extraction } from '../extract/index.ts';
import { displayName } from './names.ts';

/**
 * What the build adds to the extractor's diagnostics about one seed: an error for a headline
 * with nothing visible in it (no page may have an empty title), warnings for an article that
 * will have no quotes or no actors. Pure.
 */
export function checkExtraction(seed: string, e: Extraction): TextDiagnostic[] {
  const at = (offset: number, severity: 'error' | 'warning', rule: string, message: string) => inText(seedFile(seed), e.article.text, offset, { severity, rule, source: 'check', message });
  const found: TextDiagnostic[] = [];
  if (!displayName(e.article.title)) found.push(at(e.article.titleSpan.start, 'error', 'empty-headline', 'the headline has no visible characters — write a headline on the first line'));
  if (!e.quotes.length) found.push(at(0, 'warning', 'no-quotes', 'no quotes found — the article gets no quote pages; quoted words need quotation marks (“…” or "…")'));
  if (!e.actors.length) found.push(at(0, 'warning', 'no-actors', 'no actors found — the article links to no people, countries or organisations; check that names are capitalised'));
  return found;
}
