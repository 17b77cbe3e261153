import { z } from 'zod';

/**
 * Builds the schema of a reference to another collection. The generator passes plain slugs
 * (`slugRef`); `src/content.config.ts` passes Astro's `reference()` (for the entry types); the
 * site's reader of content/ passes `resolvedRef`, which makes what `reference()` makes.
 */
export type Ref = (collection: 'articles' | 'actors' | 'agreements' | 'quotes') => z.ZodType<RefValue>;

/** A reference as the generator writes it (a slug) or as Astro reads it back (`{ collection, id }`). */
export type RefValue = string | { collection: string; id: string };

/** An entry's id: a slug, which is also its file's name. */
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

export const slugRef: Ref = () => slug;

/** A reference as Astro's `reference()` resolves it, for the site's reader of content/ (src/site/content-files.ts). */
export const resolvedRef: Ref = (collection) => slug.transform((id) => ({ collection, id }));

export const span = { start: z.number().int().nonnegative(), end: z.number().int().nonnegative() };

/** A place in an article: the sentence (its index) and the characters of the mention. */
export const inArticle = (ref: Ref) =>
  z.object({ article: ref('articles'), sentence: z.number().int().nonnegative(), ...span });

/** What an editor changed about an entity (`seeds/corrections.yaml`), and what the extractor had said. */
export const correctedSchema = z.array(
  z.object({
    field: z.string(),
    /** The extractor's answer, as a reader would read it (null: it had none). */
    original: z.union([z.string(), z.array(z.string())]).nullable(),
  }),
);
export type Corrected = z.infer<typeof correctedSchema>;
