// @ts-check
import { fileURLToPath } from 'node:url';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { indexSite } from './src/site/search-index.ts';

/**
 * Indexes the built site for search wherever `astro build` runs, unless the build step says it
 * will index it itself once Astro has exited (EXPLAINER_SEARCH_INDEX=later: Astro's heap and
 * Pagefind's are then never resident together).
 */
function pagefindSearch() {
  return {
    name: 'explainer-pagefind',
    hooks: {
      /** @param {{ dir: URL, logger: import('astro').AstroIntegrationLogger }} options */
      'astro:build:done': async ({ dir, logger }) => {
        if (process.env.EXPLAINER_SEARCH_INDEX === 'later') return;
        logger.info(`indexed ${await indexSite(fileURLToPath(dir))} pages`);
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
  // Pages whose cacheKey (src/site/cache-keys.ts) and code are unchanged are copied from the last
  // build, kept in cacheDir, instead of rendered again.
  experimental: { incrementalBuild: true },
  integrations: [
    sitemap({ filter: (page) => !/\/(404|search)\/?$/.test(page) }),
    pagefindSearch(),
  ],
});
