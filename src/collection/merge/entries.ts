// What the merge step takes in (one extraction per seed) and gives out (the entries of the content
// collection, each with the seeds it comes from), and the warnings it gives about a seed.
import type { z } from 'zod';
import { inText, seedFile, type TextDiagnostic } from '../../diagnostics.ts';
import type { Extraction } from '../../extract/types.ts';
import type { actorSchema } from '../../schema/actor.ts';
import type { agreementSchema } from '../../schema/agreement.ts';
import type { articleSchema } from '../../schema/article.ts';
import type { quoteSchema } from '../../schema/quote.ts';

/** One seed's extraction; `seed` is its file name under seeds/ (e.g. `x.txt`). */
export interface SeedExtraction {
  seed: string;
  extraction: Extraction;
}

export type ArticleData = z.input<ReturnType<typeof articleSchema>>;
export type ActorData = z.input<ReturnType<typeof actorSchema>>;
export type AgreementData = z.input<ReturnType<typeof agreementSchema>>;
export type QuoteData = z.input<ReturnType<typeof quoteSchema>>;

/** A content entity with the seeds it comes from (to name them in messages). */
export interface Entry<T> {
  slug: string;
  seeds: string[];
  data: T;
}

export interface KnowledgeBase {
  articles: Entry<ArticleData>[];
  actors: Entry<ActorData>[];
  agreements: Entry<AgreementData>[];
  quotes: Entry<QuoteData>[];
}

/** A warning about one seed, at `offset` of its article text: what the merge dropped, and why. */
export function warning({ seed, extraction }: SeedExtraction, offset: number, rule: string, message: string): TextDiagnostic {
  return inText(seedFile(seed), extraction.article.text, offset, { severity: 'warning', rule, source: 'merge', message });
}
