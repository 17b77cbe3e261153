// Each content collection's schema, by the collection's name, for the code that reads or checks
// entries of any collection (src/collection/validate.ts, src/site/content-files.ts).
import type { z } from 'zod';
import { actorSchema } from './actor.ts';
import { agreementSchema } from './agreement.ts';
import { articleSchema } from './article.ts';
import { quoteSchema } from './quote.ts';
import type { Ref } from './shared.ts';
import type { Collection } from './vocab.ts';

export const collectionSchemas = {
  articles: articleSchema,
  actors: actorSchema,
  agreements: agreementSchema,
  quotes: quoteSchema,
} as const satisfies Record<Collection, (ref: Ref) => z.ZodType>;
