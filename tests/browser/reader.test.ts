// The site as a reader uses it, in Debian's Chromium: following links, searching, the keyboard,
// small screens, hostile content; and screenshots for review in test-results/screenshots/.
import { mkdirSync, statSync } from 'node:fs';
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
    expect(pathOf(page)).toBe('/quotes/northland-southia-trade-pact-1/');
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
    // Polled: on a loaded machine the stylesheet can still be loading when the click returns.
    await expect.poll(() => target.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('sees who said each quote on a touch screen, without hover or focus', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await page.goto(`${site.url}/articles/northland-southia-trade-pact/`);
    const quote = page.locator('a.quote[href="/quotes/northland-southia-trade-pact-3/"]');
    const who = page.locator('#who-northland-southia-trade-pact-3');
    expect(await who.isVisible()).toBe(true);
    expect(await who.locator('bdi').innerText()).toBe('Karim Haddad');
    // Right after the quote (and its closing quotation mark), in reading order.
    const [q, w] = [await quote.boundingBox(), await who.boundingBox()];
    expect(w!.y + w!.height).toBeGreaterThanOrEqual(q!.y);
    expect(w!.y).toBeLessThan(q!.y + q!.height + 30);
    // Every quote in the text has its visible speaker; the summary at the top names them too.
    expect(await page.locator('.article-text .who').count()).toBe(await page.locator('.article-text a.quote').evaluateAll((as) => new Set(as.map((a) => a.getAttribute('href'))).size));
    for (const label of await page.locator('.article-text .who').all()) expect(await label.isVisible()).toBe(true);
    await expect.poll(() => page.locator('#who-said-what').isVisible()).toBe(true);
    await context.close();
  });

  it('searches for a speaker’s surname: their page comes first, results say who said what, and more can be shown', async () => {
    const { page, problems } = await open('/');
    await page.getByRole('searchbox', { name: 'Search the explainer' }).fill('Okafor');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=Okafor/);
    const results = page.locator('#search-results a');
    await results.first().waitFor();
    expect(await results.first().getAttribute('href')).toBe('/actors/maria-okafor/');
    const titles = await results.allInnerTexts();
    // Quote results are titled by speaker and first words, all different; no page labels in excerpts.
    const quoteTitles = titles.filter((t) => t.startsWith('Maria Okafor: “'));
    expect(quoteTitles.length).toBeGreaterThan(1);
    expect(new Set(quoteTitles).size).toBe(quoteTitles.length);
    for (const excerpt of await page.locator('#search-results p').allInnerTexts()) expect(excerpt).not.toMatch(/Reporting verb|Attribution|Every mention|Appears with/);
    await results.first().click();
    expect(pathOf(page)).toBe('/actors/maria-okafor/');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('finds words of an article on the article, not again on every actor page that lists the sentence', async () => {
    // "pressure" is only in a sentence of one article, which names a person and a newspaper.
    const { page, problems } = await open('/search/?q=pressure');
    await page.locator('#search-results li').first().waitFor();
    await expect.poll(() => page.locator('#search-status').innerText()).toMatch(/^1 result/);
    expect(await page.locator('#search-results a').getAttribute('href')).toBe('/articles/harbor-accord-doubts/');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows ten results at a time, then more on request, without moving the page', async () => {
    const { page } = await open('/search/?q=the', seedServer.url);
    await page.locator('#search-results li').first().waitFor();
    const status = await page.locator('#search-status').innerText();
    const total = Number(/^(\d+) results/.exec(status)![1]);
    expect(await page.locator('#search-results li').count()).toBe(Math.min(total, 10));
    if (total > 10) {
      await page.getByRole('button', { name: 'More results' }).click();
      await expect.poll(() => page.locator('#search-results li').count()).toBe(Math.min(total, 20));
    }
    const shift = await page.evaluate(
      () =>
        new Promise<number>((done) => {
          let sum = 0;
          new PerformanceObserver((list) => {
            for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!e.hadRecentInput) sum += e.value;
          }).observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => done(sum), 300);
        }),
    );
    expect(shift).toBeLessThan(0.05);
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

  it('filters the actors by name and kind with the keyboard alone', async () => {
    const { page } = await open('/actors/');
    const visible = () => page.locator('.directory > li:visible a').allInnerTexts();
    const all = await visible();
    expect(all.length).toBeGreaterThan(5);
    for (let i = 0; i < 60 && !(await page.evaluate(() => document.activeElement?.id === 'filter-name')); i++) await page.keyboard.press('Tab');
    await page.keyboard.type('okaf');
    expect(await visible()).toEqual(['Maria Okafor']);
    expect(await page.locator('#filter-status').innerText()).toBe(`1 of ${all.length} shown`);
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('filter-kind');
    await page.keyboard.press('ArrowDown'); // the first kind: people
    await expect.poll(visible).toEqual(all.filter((name) => ['Maria Okafor', 'Karim Haddad', 'ليلى حداد'].includes(name)));
    // The A–Z jump and the kind pages are plain links.
    await page.getByRole('navigation', { name: 'Jump to a letter' }).getByRole('link', { name: 'M' }).click();
    expect(pathOf(page)).toBe('/actors/#letter-m');
    await page.getByRole('navigation', { name: 'Kinds of actor' }).getByRole('link', { name: /Countries/ }).click();
    expect(pathOf(page)).toBe('/countries/');
    expect(await page.locator('.directory > li a').allInnerTexts()).toEqual(['Northland', 'Southia']);
    await page.close();
  });

  it('lists articles newest first with their dates; undated ones last', async () => {
    for (const [base, expected] of [
      [site.url, [['Northland and Southia edge toward a trade pact', '1 October 2024'], ['Doubts over the Harbor Accord <img src=x onerror=alert(2)>', null]]],
      [seedServer.url, null],
    ] as const) {
      const { page } = await open('/articles/', base);
      const cards = await page.locator('.cards > li').evaluateAll((lis) => lis.map((li) => [li.querySelector('h2')!.textContent!.trim(), li.querySelector('time')?.getAttribute('datetime') ?? null, li.querySelector('time')?.textContent ?? null]));
      const dates = cards.map((c) => c[1]);
      const dated = dates.filter(Boolean) as string[];
      expect(dated).toEqual([...dated].sort().reverse());
      expect(dates.slice(dated.length).every((d) => d === null)).toBe(true);
      if (expected) expect(cards.map((c) => [c[0], c[2]])).toEqual(expected);
      else expect(dated).toContain('2024-11-02');
      await page.close();
    }
  });

  it('draws the relationship maps with labels that do not overlap and fit the screen, at 1280 and 390 px', async () => {
    for (const { base, path } of [
      { base: site.url, path: '/' },
      { base: site.url, path: '/map/' },
      { base: site.url, path: '/actors/maria-okafor/' },
      { base: seedServer.url, path: '/' },
      { base: seedServer.url, path: '/map/' },
    ]) {
      for (const width of [1280, 390]) {
        const { page } = await open(path, base, { width, height: 900 });
        const found = await page.evaluate(() => {
          const out: { svg: DOMRect; labels: DOMRect[]; nodes: number; list: number }[] = [];
          for (const svg of document.querySelectorAll<SVGSVGElement>('.map svg')) {
            if (!svg.getClientRects().length) continue;
            out.push({
              svg: svg.getBoundingClientRect(),
              labels: [...svg.querySelectorAll('text')].map((t) => t.getBoundingClientRect()),
              nodes: svg.querySelectorAll('circle').length,
              list: 0,
            });
          }
          const list = document.querySelector('.map-list');
          if (list && list.getClientRects().length) out.push({ svg: list.getBoundingClientRect(), labels: [], nodes: 0, list: list.querySelectorAll('li').length });
          return out.map((o) => JSON.parse(JSON.stringify(o)) as typeof o);
        });
        const label = `${base === site.url ? 'fixture' : 'seed'} ${path} at ${width}`;
        expect(found.length, label).toBe(1);
        const [{ svg, labels, nodes, list }] = found;
        expect(svg.x, label).toBeGreaterThanOrEqual(0);
        expect(svg.x + svg.width, label).toBeLessThanOrEqual(width);
        expect(nodes + list, label).toBeGreaterThan(1);
        expect(labels.length, label).toBeGreaterThanOrEqual(Math.min(nodes, 2));
        for (const [i, a] of labels.entries()) {
          expect(a.x >= svg.x - 1 && a.x + a.width <= svg.x + svg.width + 1, `${label}: label inside`).toBe(true);
          expect(a.height, `${label}: label readable`).toBeGreaterThanOrEqual(11);
          for (const b of labels.slice(i + 1)) {
            const overlap = a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;
            expect(overlap, `${label}: labels overlap`).toBe(false);
          }
        }
        await page.close();
      }
    }
  });

  it('reaches every link with the keyboard alone', async () => {
    for (const path of ['/', '/articles/northland-southia-trade-pact/', '/actors/maria-okafor/', '/quotes/northland-southia-trade-pact-1/']) {
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
        if (el.tagName === 'SCRIPT' && el.getAttribute('type') !== 'application/ld+json' && !el.getAttribute('src') && !el.textContent?.includes("getElementById('actor-filter')")) found.push('inline script');
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
  it('saves every page type at 1280×800 and 390×844, light and dark, each whole and no wider than the screen', async () => {
    mkdirSync(screenshots, { recursive: true });
    const pages = {
      home: '/',
      article: '/articles/northland-southia-trade-pact/',
      actor: '/actors/maria-okafor/',
      country: '/actors/northland/',
      agreement: '/agreements/harbor-accord/',
      quote: '/quotes/northland-southia-trade-pact-1/',
      actors: '/actors/',
      quotes: '/quotes/',
      map: '/map/',
      timeline: '/timeline/',
      search: '/search/?q=Okafor',
    };
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
        const page = await browser.newPage({ viewport, colorScheme });
        for (const [name, path] of Object.entries(pages)) {
          const response = await page.goto(`${site.url}${path}`);
          expect(response?.ok(), `${path} loads`).toBe(true);
          if (path.includes('?q=')) await page.locator('#search-results li').first().waitFor();
          // Each page has its heading and nothing wider than the screen (a page that scrolls sideways on a phone fails).
          const shape = await page.evaluate(() => ({ h1: document.querySelectorAll('h1').length, wide: document.documentElement.scrollWidth - window.innerWidth }));
          expect(shape.h1, `${path}: one h1`).toBe(1);
          expect(shape.wide, `${path} at ${viewport.width} px scrolls sideways`).toBeLessThanOrEqual(0);
          const file = join(screenshots, `${name}-${viewport.width}-${colorScheme}.png`);
          await page.screenshot({ path: file, fullPage: true });
          expect(statSync(file).size, file).toBeGreaterThan(1000);
        }
        await page.close();
      }
    }
  });
});
