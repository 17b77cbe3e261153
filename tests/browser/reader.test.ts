// The site as a reader uses it, in Debian's Chromium: following links, searching, the keyboard,
// small screens, hostile content; and screenshots for review in test-results/screenshots/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPages } from '../site/html.ts';
import { builtSites, screenshots } from '../site/paths.ts';
import { launch, serve } from './harness.ts';

const [fixture, seed] = builtSites();
let browser: Browser;
let site: Awaited<ReturnType<typeof serve>>;
let seedServer: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  expect(fixture.error).toBe('');
  [browser, site, seedServer] = await Promise.all([launch(), serve(fixture.dir), serve(seed.error ? fixture.dir : seed.dir)]);
});

afterAll(async () => {
  await Promise.all([browser?.close(), site?.close(), seedServer?.close()]);
});

/** A fresh page that fails the test on any dialog (alert, confirm, prompt) or page error. */
async function open(path: string, base = site.url, viewport = { width: 1280, height: 800 }) {
  const page = await browser.newPage({ viewport });
  const problems: string[] = [];
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(`${base}${path}`);
  return { page, problems };
}

const pathOf = (page: Page) => new URL(page.url()).pathname + new URL(page.url()).hash;

describe('a reader', () => {
  it('follows article → quote → speaker → agreement → back to the sentence, highlighted', async () => {
    const { page, problems } = await open('/');
    await page.getByRole('link', { name: 'Northland and Southia edge toward a trade pact' }).click();
    expect(pathOf(page)).toBe('/articles/northland-southia-trade-pact/');
    await page.locator('a.quote', { hasText: 'We are close to signing' }).click();
    expect(pathOf(page)).toBe('/quotes/maria-okafor-1/');
    await expect.poll(() => page.locator('blockquote').innerText()).toContain('We are close to signing the Harbor Accord');
    await page.locator('figcaption').getByRole('link', { name: 'Maria Okafor' }).click();
    expect(pathOf(page)).toBe('/actors/maria-okafor/');
    await page.locator('main').getByRole('link', { name: 'Harbor Accord', exact: true }).first().click();
    expect(pathOf(page)).toBe('/agreements/harbor-accord/');
    const mention = page.locator('a.sentence-link', { hasText: 'would cut tariffs' });
    await mention.click();
    expect(pathOf(page)).toBe('/articles/northland-southia-trade-pact/#s-5');
    const target = page.locator(':target');
    expect(await target.innerText()).toContain('would cut tariffs');
    const background = await target.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).not.toBe('rgba(0, 0, 0, 0)');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('sees who said a quote on hover and on keyboard focus', async () => {
    const { page } = await open('/articles/northland-southia-trade-pact/');
    const quote = page.locator('a.quote[href="/quotes/karim-haddad-3/"]');
    const who = page.locator('#who-karim-haddad-3');
    expect(await who.isVisible()).toBe(false);
    await quote.hover();
    expect(await who.innerText()).toBe('Said by Karim Haddad');
    await page.mouse.move(0, 0);
    await quote.focus();
    expect(await who.isVisible()).toBe(true);
    await page.close();
  });

  it('searches for a speaker’s surname and lands on their page', async () => {
    const { page, problems } = await open('/');
    await page.getByRole('searchbox', { name: 'Search the explainer' }).fill('Okafor');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=Okafor/);
    const results = page.locator('#search-results a');
    await results.first().waitFor();
    await page.locator('#search-results a[href="/actors/maria-okafor/"]').click();
    expect(pathOf(page)).toBe('/actors/maria-okafor/');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('filters search results by type', async () => {
    const { page } = await open('/search/?q=accord&type=quote');
    await page.locator('#search-results a').first().waitFor();
    const hrefs = await page.locator('#search-results a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^\/quotes\//);
    await page.close();
  });

  it('sorts the actors table by name, then back by mentions', async () => {
    const { page } = await open('/actors/');
    const table = page.locator('section', { has: page.getByRole('heading', { name: /^People/ }) }).locator('table');
    const names = () => table.locator('tbody td:first-child').allInnerTexts();
    const byMentions = await names();
    await table.getByRole('button', { name: 'Name' }).click();
    expect(await names()).toEqual([...byMentions].sort((a, b) => a.localeCompare(b)));
    expect(await table.locator('th[aria-sort]').innerText()).toBe('Name');
    await table.getByRole('button', { name: 'Mentions' }).click();
    expect(await names()).toEqual(byMentions);
    await page.close();
  });

  it('reaches every link with the keyboard alone', async () => {
    for (const path of ['/', '/articles/northland-southia-trade-pact/', '/actors/maria-okafor/', '/quotes/maria-okafor-1/']) {
      const { page } = await open(path);
      // Record each focused link in the page, then press Tab past the last one.
      const links = await page.evaluate(() => {
        const all = [...document.querySelectorAll('a[href]')];
        const w = window as unknown as { reached: Set<number> };
        w.reached = new Set();
        document.addEventListener('focusin', (e) => all.includes(e.target as Element) && w.reached.add(all.indexOf(e.target as Element)));
        return all.filter((a) => a.getClientRects().length > 0).length;
      });
      for (let i = 0; i < links + 8; i++) await page.keyboard.press('Tab');
      const reached = await page.evaluate(() => (window as unknown as { reached: Set<number> }).reached.size);
      expect(reached, path).toBe(links);
      await page.close();
    }
  });

  it('reads every page at 360 px without sideways scrolling', async () => {
    const paths = readPages(fixture.dir).map((p) => p.path);
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    for (const path of paths) {
      await page.goto(`${site.url}${path}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await page.close();
  });
});

describe('hostile content', () => {
  /** Whatever the content said, the page holds no element or handler it could have injected. */
  const injected = (page: Page) =>
    page.evaluate(() => {
      const found: string[] = [];
      for (const el of document.querySelectorAll('*')) {
        for (const a of el.attributes) if (a.name.startsWith('on')) found.push(`${el.tagName} ${a.name}`);
        if (['IMG', 'IFRAME', 'OBJECT', 'EMBED', 'B'].includes(el.tagName)) found.push(el.tagName);
        if (el.tagName === 'A' && /^\s*javascript:/i.test(el.getAttribute('href') ?? '')) found.push('javascript: link');
        if (el.tagName === 'SCRIPT' && el.getAttribute('type') !== 'application/ld+json' && !el.getAttribute('src') && !el.textContent?.includes('table.sortable')) found.push('inline script');
      }
      return found;
    });

  it('fires no dialog and injects nothing on any fixture page', async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    for (const { path } of readPages(fixture.dir)) {
      await page.goto(`${site.url}${path}`);
      expect(await injected(page), path).toEqual([]);
    }
    // Hover and focus every quote too, which shows the speaker boxes.
    await page.goto(`${site.url}/articles/harbor-accord-doubts/`);
    for (const q of await page.locator('a.quote').all()) await q.hover();
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('fires no dialog on the page built from a seed full of script payloads, nor when searching it', async () => {
    expect(seed.error).toBe('');
    const { page, problems } = await open('/articles/zz-hostile/', seedServer.url);
    const text = await page.locator('main').innerText();
    expect(text).toContain("<script>alert('title')</script>");
    expect(text).toContain('onerror=alert(');
    expect(await injected(page)).toEqual([]);
    for (const href of await page.locator('main a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
      await page.goto(`${seedServer.url}${href}`);
      expect(await injected(page), href!).toEqual([]);
    }
    await page.goto(`${seedServer.url}/search/?q=alert`);
    await page.locator('#search-results li').first().waitFor();
    expect(await injected(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('screenshots for review', () => {
  it('saves home, article, actor and quote pages at 1280×800 and 390×844', async () => {
    mkdirSync(screenshots, { recursive: true });
    const pages = { home: '/', article: '/articles/northland-southia-trade-pact/', actor: '/actors/maria-okafor/', quote: '/quotes/maria-okafor-1/' };
    for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
      const page = await browser.newPage({ viewport });
      for (const [name, path] of Object.entries(pages)) {
        await page.goto(`${site.url}${path}`);
        await page.screenshot({ path: join(screenshots, `${name}-${viewport.width}.png`), fullPage: true });
      }
      await page.close();
    }
  });
});
