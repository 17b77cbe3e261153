// axe-core on every page of both built sites (and the long-list site's samples), light and dark: no WCAG 2.1 A/AA violation.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPages } from '../site/html.ts';
import { builtSites, longListSite } from '../site/paths.ts';
import { launch, serve } from './harness.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

// Both sites at once: most of the time is spent waiting on the browser.
describe.concurrent.each([...builtSites().map((site) => ({ ...site, samples: null })), longListSite()])('$name', ({ dir, error, samples }) => {
  it('has no axe violations at WCAG 2.1 AA on any page, in light or dark', { timeout: 240_000 }, async () => {
    expect(error).toBe('');
    const server = await serve(dir);
    const violations: string[] = [];
    try {
      // Also the search page with results shown, and a targeted (highlighted) sentence.
      const all = samples ?? readPages(dir).map((p) => p.path);
      const paths = [...all, '/search/?q=accord', `${all.find((p) => p.startsWith('/articles/'))}#s-1`];
      // Every rule on every page in the light scheme. The dark scheme changes only colours, which
      // depend on the template, not the content: contrast only, on one page of each kind.
      const oneOfEach = [...new Map(paths.map((p) => [p.replace(/^(\/[^/?#]+\/)[^/?#]+\/(#.*)?$/, '$1*$2'), p])).values()];
      const runs = [
        { colorScheme: 'light', paths, runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } },
        { colorScheme: 'dark', paths: oneOfEach, runOnly: { type: 'rule', values: ['color-contrast'] } },
      ] as const;
      for (const { colorScheme, paths, runOnly } of runs) {
        const page = await browser.newPage({ colorScheme });
        await page.addInitScript({ content: axeSource });
        for (const path of paths) {
          await page.goto(`${server.url}${path}`);
          if (path.includes('?q=')) await page.locator('#search-results li, #search-status:has-text("0 results")').first().waitFor();
          const result = await page.evaluate(
            (runOnly) =>
              (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, {
                runOnly,
                resultTypes: ['violations'],
              }),
            runOnly,
          );
          for (const v of result.violations) violations.push(`${colorScheme} ${path}: ${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        }
        await page.close();
      }
    } finally {
      await server.close();
    }
    expect(violations).toEqual([]);
  });
});
