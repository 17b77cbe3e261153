import { readDocument, type SeedInput } from './document.ts';
import { findQuoteSpans } from './quote-spans.ts';
import { findMentions } from './mentions.ts';
import { buildActors } from './actors.ts';
import { attributeQuotes } from './attribution.ts';
import type { Extraction } from './types.ts';

export type { SeedInput } from './document.ts';
export type * from './types.ts';

/** Bumped whenever extraction output may change, so cached extractions are redone. */
export const extractorVersion = '0.2.0';

/** Extracts one article: pure, no file system. */
export function extract(seed: SeedInput): Extraction {
  const { article, reporter } = readDocument(seed);
  const spans = findQuoteSpans(article.text, article.paragraphs, reporter);
  const found = findMentions(article);
  const { actors, mentions } = buildActors(article, found.mentions, found.bare);
  const quotes = attributeQuotes(article, spans, actors, mentions, reporter);
  return { article, actors, quotes, agreements: [], diagnostics: reporter.diagnostics };
}
