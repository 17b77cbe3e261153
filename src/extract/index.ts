import { readDocument, type SeedInput } from './document.ts';
import { findQuoteSpans } from './quote-spans.ts';
import { findMentions } from './mentions.ts';
import { buildActors } from './actors.ts';
import { attributeQuotes } from './attribution/index.ts';
import { findAgreements } from './agreements.ts';
import type { Extraction } from './types.ts';
import { wordsWrittenLower } from './tokens.ts';

export type { SeedInput } from './document.ts';
export type * from './types.ts';

/** Bumped whenever extraction output may change, so cached extractions are redone. */
export const extractorVersion = '0.6.8';

/** Extracts one article: pure, no file system. */
export function extract(seed: SeedInput): Extraction {
  const { article, reporter } = readDocument(seed);
  const spans = findQuoteSpans(article.text, article.paragraphs, reporter);
  // Words the article writes in lower case somewhere are common words in it, whatever their capital elsewhere.
  const writtenLower = wordsWrittenLower(article.text);
  const found = findMentions(article, writtenLower);
  const built = buildActors(article, found.mentions, found.bare, writtenLower);
  const agreements = findAgreements(article, built.actors, built.mentions);
  // An agreement's acronym ("AWST") is not an organisation.
  const agreementNames = new Set(agreements.flatMap((a) => [a.name, ...a.aliases]));
  const actors = built.actors.filter((a) => !agreementNames.has(a.name));
  const kept = new Set(actors.map((a) => a.id));
  const mentions = built.mentions.filter((m) => kept.has(m.actor));
  // Every party is an actor of this output: drop those whose actor went with an agreement's name.
  for (const a of agreements) a.parties = a.parties.filter((p) => kept.has(p));
  const quotes = attributeQuotes(article, spans, actors, mentions, reporter);
  for (const q of quotes)
    q.agreements = agreements.filter((a) => a.mentions.some((m) => m.start >= q.start && m.end <= q.end)).map((a) => a.id);
  return { article, actors, quotes, agreements, diagnostics: reporter.diagnostics };
}
