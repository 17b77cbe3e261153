import { defineCollection, reference } from 'astro:content';
import { actorSchema } from './schema/actor.ts';
import { agreementSchema } from './schema/agreement.ts';
import { articleSchema } from './schema/article.ts';
import { quoteSchema } from './schema/quote.ts';
import type { Ref } from './schema/shared.ts';

const ref = reference as unknown as Ref;

// The collections and their schemas, the same as the build step validates content/ with, give the
// site its entry types (`CollectionEntry`). Their entries are not loaded through Astro's content
// layer: the site reads content/ itself with these schemas (src/site/content-files.ts), because the
// content layer copies the whole archive into its data store, serialises it (devalue) and loads it
// back in every build: at 10,000 articles 31 s of a full build, 50 s of a one-seed rebuild and
// gigabytes of memory beside the rendering.
const loadedBySite = () => [];

export const collections = {
  articles: defineCollection({ loader: loadedBySite, schema: articleSchema(ref) }),
  actors: defineCollection({ loader: loadedBySite, schema: actorSchema(ref) }),
  agreements: defineCollection({ loader: loadedBySite, schema: agreementSchema(ref) }),
  quotes: defineCollection({ loader: loadedBySite, schema: quoteSchema(ref) }),
};
