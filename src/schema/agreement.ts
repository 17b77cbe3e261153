import { z } from 'zod';
import { correctedSchema, inArticle, type Ref } from './shared.ts';

import { agreementStatuses } from './vocab.ts';

export { agreementStatuses };

export const agreementSchema = (ref: Ref) =>
  z.object({
    name: z.string().min(1),
    aliases: z.array(z.string()),
    parties: z.array(ref('actors')),
    status: z.enum(agreementStatuses).nullable(),
    /** The status each article states, in seed order (an article that states none is left out). */
    statuses: z.array(z.object({ article: ref('articles'), status: z.enum(agreementStatuses) })),
    articles: z.array(ref('articles')),
    mentions: z.array(inArticle(ref)),
    /** Quotes whose words talk about the agreement. */
    quotes: z.array(ref('quotes')),
    /** Facts an editor corrected, with the extractor's answers (absent when none). */
    corrected: correctedSchema.optional(),
  });
