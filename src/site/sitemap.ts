// The sitemap (sitemaps.org) of a built site: every page but the 404 and search pages, under the
// site's address, in files of at most 45,000 addresses with an index of them. It is made from the
// built folder rather than from what Astro rendered, because an incremental build renders only the
// pages that changed (src/site/page-keys.ts).
import { readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const perFile = 45_000;
const head = '<?xml version="1.0" encoding="UTF-8"?>';
const namespace = 'http://www.sitemaps.org/schemas/sitemap/0.9';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The sitemap files (name and text) for the pages at `paths` (`''`, `actors/`, …) of the site at `site`. */
export function sitemapFiles(site: string, paths: string[]): { path: string; data: string }[] {
  const urls = paths
    .filter((p) => p !== 'search/')
    .sort()
    .map((p) => escapeXml(new URL(p, site).href));
  const parts: string[][] = [];
  for (let i = 0; i < urls.length; i += perFile) parts.push(urls.slice(i, i + perFile));
  const files = parts.map((part, i) => ({
    path: `sitemap-${i}.xml`,
    data: `${head}<urlset xmlns="${namespace}">${part.map((u) => `<url><loc>${u}</loc></url>`).join('')}</urlset>`,
  }));
  const index = files.map((f) => `<sitemap><loc>${escapeXml(new URL(f.path, site).href)}</loc></sitemap>`).join('');
  return [{ path: 'sitemap-index.xml', data: `${head}<sitemapindex xmlns="${namespace}">${index}</sitemapindex>` }, ...files];
}

/** Writes the sitemap of the site built in `dir`: its pages are the folders holding an `index.html`. */
export function writeSitemap(dir: string, site: string): void {
  const paths = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name === 'index.html')
    .map((e) => relative(dir, e.parentPath))
    .map((folder) => (folder ? `${folder}/` : ''));
  for (const file of sitemapFiles(site, paths)) writeFileSync(join(dir, file.path), file.data);
}
