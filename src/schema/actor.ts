import { z } from 'zod';
import { correctedSchema, inArticle, type Ref } from './shared.ts';

import { actorKinds } from './vocab.ts';

export { actorKinds };

export const actorSchema = (ref: Ref) =>
  z.object({
    name: z.string().min(1),
    kind: z.enum(actorKinds),
    aliases: z.array(z.string()),
    /** Titles and roles as written, each with the sentence it comes from. */
    roles: z.array(z.object({ text: z.string(), article: ref('articles'), sentence: z.number().int().nonnegative() })),
    affiliation: ref('actors').nullable(),
    articles: z.array(ref('articles')),
    quotes: z.array(ref('quotes')),
    agreements: z.array(ref('agreements')),
    /** Other actors appearing in the same articles, most shared sentences first. */
    related: z.array(z.object({ actor: ref('actors'), count: z.number().int().positive() })),
    mentions: z.array(inArticle(ref)),
    /** Facts an editor corrected, with the extractor's answers (absent when none). */
    corrected: correctedSchema.optional(),
  });
