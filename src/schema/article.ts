import { z } from 'zod';
import { correctedSchema, span, type Ref } from './shared.ts';

export const articleSchema = (ref: Ref) =>
  z.object({
    title: z.string().min(1),
    date: z.string().nullable(),
    source: z.string().nullable(),
    author: z.string().nullable(),
    /** The seed's file name under seeds/. */
    seed: z.string(),
    summary: z.string(),
    text: z.string(),
    titleSpan: z.object(span),
    paragraphs: z.array(z.object(span)),
    sentences: z.array(z.object({ ...span, paragraph: z.number().int().nonnegative() })),
    /** Actor and agreement mentions in reading order, to link in the text. */
    mentions: z.array(
      z.object({
        collection: z.enum(['actors', 'agreements']),
        id: z.string(),
        sentence: z.number().int().nonnegative(),
        ...span,
      }),
    ),
    actors: z.array(ref('actors')),
    agreements: z.array(ref('agreements')),
    quotes: z.array(ref('quotes')),
    wordCount: z.number().int().nonnegative(),
    /** Facts an editor corrected, with the extractor's answers (absent when none). */
    corrected: correctedSchema.optional(),
  });
