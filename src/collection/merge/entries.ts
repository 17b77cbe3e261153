// What the merge step takes in (one extraction per seed) and gives out (the entries of the content
// collection, each with the seeds it comes from), and the notes it leaves for the user.
import type { z } from 'zod';
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

/** Something the build should tell the user about one seed; `offset` is into its article text. */
export interface Note {
  seed: string;
  severity: 'error' | 'warning';
  offset: number;
  message: string;
}
