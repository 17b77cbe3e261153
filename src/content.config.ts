import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { actorSchema } from './schema/actor.ts';
import { agreementSchema } from './schema/agreement.ts';
import { articleSchema } from './schema/article.ts';
import { quoteSchema } from './schema/quote.ts';
import type { Ref } from './schema/shared.ts';
import { readSiteEnv } from './options.ts';

// The build step writes into temporary folders and swaps them in, so the folder is configurable.
const { contentDir } = readSiteEnv();
const ref = reference as unknown as Ref;

// One JSON file per entry; the file name (a slug) is the entry id. The dev server reads the files
// itself (src/site/content-files.ts), so there the collections load nothing.
const from = (folder: string) => (import.meta.env.DEV ? () => [] : glob({ pattern: '*.json', base: `${contentDir}/${folder}` }));

export const collections = {
  articles: defineCollection({ loader: from('articles'), schema: articleSchema(ref) }),
  actors: defineCollection({ loader: from('actors'), schema: actorSchema(ref) }),
  agreements: defineCollection({ loader: from('agreements'), schema: agreementSchema(ref) }),
  quotes: defineCollection({ loader: from('quotes'), schema: quoteSchema(ref) }),
};
