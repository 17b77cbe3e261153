// @ts-check
import { fileURLToPath } from 'node:url';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import * as pagefind from 'pagefind';

/** Indexes the built site with Pagefind's Node API, wherever `astro build` runs. */
function pagefindSearch() {
  return {
    name: 'explainer-pagefind',
    hooks: {
      /** @param {{ dir: URL, logger: import('astro').AstroIntegrationLogger }} options */
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        try {
          const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
          if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
          const added = await index.addDirectory({ path: site });
          if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
          const written = await index.writeFiles({ outputPath: `${site}/pagefind` });
          if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
          logger.info(`indexed ${added.page_count} pages`);
        } finally {
          // Pagefind runs as a service process; leaving it would keep the build from exiting.
          await pagefind.close();
        }
      },
    },
  };
}

export default defineConfig({
  site: process.env.EXPLAINER_SITE ?? 'https://explainer.example.org',
  outDir: process.env.EXPLAINER_OUT_DIR ?? 'dist',
  // Separate caches let builds of different content folders run side by side.
  cacheDir: process.env.EXPLAINER_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'always',
  compressHTML: false,
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  integrations: [
    sitemap({ filter: (page) => !/\/(404|search)\/?$/.test(page) }),
    pagefindSearch(),
  ],
});
