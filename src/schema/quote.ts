import { z } from 'zod';
import { correctedSchema, span, type Ref } from './shared.ts';
import { attributionRuleIds } from './vocab.ts';

export const quoteSchema = (ref: Ref) =>
  z.object({
    text: z.string().min(1),
    article: ref('articles'),
    ...span,
    sentence: z.number().int().nonnegative(),
    paragraph: z.number().int().nonnegative(),
    speaker: ref('actors').nullable(),
    /** The words that name the speaker, and where they are in the article's text. */
    speakerMention: z.string().nullable(),
    speakerMentionSpan: z.object(span).nullable(),
    /** The reporting verb, and where it is in the article's text. */
    cue: z.string().nullable(),
    cueSpan: z.object(span).nullable(),
    /** The attribution rule that named the speaker, and how sure it is. */
    rule: z.enum(attributionRuleIds),
    confidence: z.number().min(0).max(1),
    agreements: z.array(ref('agreements')),
    /** The speaker's previous and next quote across the collection. */
    previous: ref('quotes').nullable(),
    next: ref('quotes').nullable(),
    /** Facts an editor corrected, with the extractor's answers (absent when none). */
    corrected: correctedSchema.optional(),
  });
