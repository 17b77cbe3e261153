// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { readSiteEnv } from './src/options.ts';
import { indexSite } from './src/site/search-index.ts';
import { writeSitemap } from './src/site/sitemap.ts';

// Where to read and write, and the site's address: set by the build step (src/options.ts).
const env = readSiteEnv();

/**
 * Writes the sitemap and indexes the built site for search wherever `astro build` runs, unless the
 * build step says it will do both itself once Astro has exited (searchIndex `later`: it adds the
 * pages Astro did not render again, and Astro's heap and Pagefind's are never resident together).
 */
function sitemapAndSearch() {
  return {
    name: 'explainer-sitemap-and-search',
    hooks: {
      /** @param {{ dir: URL, logger: import('astro').AstroIntegrationLogger }} options */
      'astro:build:done': async ({ dir, logger }) => {
        if (env.searchIndex === 'later') return;
        writeSitemap(fileURLToPath(dir), env.site);
        logger.info(`indexed ${await indexSite(fileURLToPath(dir))} pages`);
      },
    },
  };
}

/**
 * `explainer dev`: once the build step has rewritten content/ and its stamp, pages are rendered
 * from the changed files (src/site/content-files.ts) and the browser reloads.
 */
function reloadOnContent() {
  return {
    name: 'explainer-content-reload',
    hooks: {
      /** @param {{ server: import('vite').ViteDevServer }} options */
      'astro:server:setup': ({ server }) => {
        const stamp = env.contentStamp;
        if (!stamp) return;
        server.watcher.add(stamp);
        const reload = (/** @type {string} */ path) => {
          if (path !== stamp) return;
          // Astro keeps each route's getStaticPaths() result, whose props hold entries; this event
          // clears them, as Astro's own content layer does when its store changes.
          for (const [name, environment] of Object.entries(server.environments)) if (name !== 'client') environment.hot.send('astro:content-changed', {});
          server.environments.client.hot.send({ type: 'full-reload', path: '*' });
        };
        server.watcher.on('add', reload);
        server.watcher.on('change', reload);
      },
    },
  };
}

export default defineConfig({
  site: env.site,
  outDir: env.outDir,
  // Separate caches let builds of different content folders run side by side.
  cacheDir: env.cacheDir,
  trailingSlash: 'always',
  compressHTML: false,
  // Four pages at a time: while one page's file is written, others render (a full build of 1,000
  // articles renders in 11.5 s instead of 16.6 s; 8 at a time is no faster). The output is the same.
  build: { format: 'directory', concurrency: 4 },
  devToolbar: { enabled: false },
  // Not Astro's incremental build: it copies every unchanged page from its cache, one at a time, and
  // writes every page it renders twice. The build step keeps unchanged pages itself (src/site/page-keys.ts).
  integrations: [sitemapAndSearch(), reloadOnContent()],
});
