// The built HTML, read as files: valid, safe with hostile text, structured data on every page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ancestors, attr, byTag, elements, readPages, text } from './html.ts';
import { builtSites } from './paths.ts';

const sites = builtSites();

// Scripts a page may carry: JSON-LD, the search page's module, the actor directory's filter.
const allowedScript = (el: Parameters<typeof attr>[0]) =>
  attr(el, 'type') === 'application/ld+json' || attr(el, 'src') === '/search.js' || text(el).includes("document.getElementById('actor-filter')");

describe.each(sites)('$name', ({ dir, error }) => {
  const loaded = error ? [] : readPages(dir);
  /** The built pages (those whose path matches, if given): a test fails instead of looping over none when the build failed. */
  const pages = (path?: RegExp) => {
    expect(error, 'the site was built').toBe('');
    const found = path ? loaded.filter((p) => path.test(p.path)) : loaded;
    expect(found.length, `pages ${path ?? ''}`).toBeGreaterThan(0);
    return found;
  };

  it('is built', () => expect(error).toBe(''));

  it('has every page type', () => {
    const paths = pages().map((p) => p.path);
    for (const p of ['/', '/articles/', '/actors/', '/agreements/', '/quotes/', '/quotes/by-article/', '/map/', '/timeline/', '/people/', '/search/', '/404.html']) expect(paths).toContain(p);
    expect(paths.some((p) => p.startsWith('/articles/'))).toBe(true);
  });

  it('is valid HTML: no parse errors, unique ids, every id reference resolves', () => {
    for (const page of pages()) {
      expect(page.errors, page.path).toEqual([]);
      const ids = [...elements(page.document)].map((e) => attr(e, 'id')).filter(Boolean);
      expect(ids.length, `${page.path} duplicate ids`).toBe(new Set(ids).size);
      for (const el of elements(page.document)) {
        for (const name of ['for', 'aria-describedby', 'aria-labelledby']) {
          for (const ref of attr(el, name)?.split(/\s+/) ?? []) expect(ids, `${page.path} ${name}=${ref}`).toContain(ref);
        }
      }
      expect(byTag(page.document, 'a').filter((a) => ancestors(a).some((p) => p.tagName === 'a')), `${page.path} nested links`).toEqual([]);
    }
  });

  it('runs no script from the content: no event handlers, no javascript: links, only known scripts', () => {
    for (const page of pages()) {
      for (const el of elements(page.document)) {
        expect(el.attrs.filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName} ${a.name}`), page.path).toEqual([]);
        for (const a of ['href', 'src', 'action', 'cite']) expect(attr(el, a) ?? '', page.path).not.toMatch(/^\s*(javascript|data|vbscript):/i);
      }
      expect(byTag(page.document, 'script').filter((s) => !allowedScript(s)).length, page.path).toBe(0);
      for (const tag of ['img', 'svg', 'iframe', 'object']) {
        // The relationship map is the one SVG.
        const found = byTag(page.document, tag).filter((e) => tag !== 'svg' || !ancestors(e).some((p) => attr(p, 'class') === 'map'));
        expect(found.length, `${page.path} <${tag}>`).toBe(0);
      }
    }
  });

  it('has a title, description, canonical URL, Open Graph tags and JSON-LD on every page', () => {
    for (const page of pages()) {
      const meta = (key: string, value: string) => byTag(page.document, 'meta').find((m) => attr(m, key) === value);
      expect(text(byTag(page.document, 'title')[0] ?? page.document).trim(), page.path).not.toBe('');
      expect(attr(meta('name', 'description')!, 'content'), page.path).toBeTruthy();
      for (const p of ['og:title', 'og:description', 'og:type', 'og:url']) expect(meta('property', p), `${page.path} ${p}`).toBeDefined();
      const canonical = byTag(page.document, 'link').find((l) => attr(l, 'rel') === 'canonical');
      if (page.path === '/404.html') expect(canonical).toBeUndefined();
      else expect(attr(canonical!, 'href'), page.path).toBe(`https://explainer.test${page.path}`);
      const ld = byTag(page.document, 'script').filter((s) => attr(s, 'type') === 'application/ld+json');
      expect(ld.length, page.path).toBe(1);
      const raw = text(ld[0]);
      expect(raw).not.toMatch(/<\/script|<!--/i);
      expect(JSON.parse(raw)['@context']).toBe('https://schema.org');
      expect(byTag(page.document, 'h1').length, `${page.path} one h1`).toBe(1);
    }
  });

  it('gives JSON-LD of the right type to each entity page', () => {
    const types: Record<string, RegExp> = {
      articles: /^NewsArticle$/,
      actors: /^(Person|Organization|Country|NewsMediaOrganization|Place)$/,
      quotes: /^Quotation$/,
      agreements: /^CreativeWork$/,
    };
    for (const page of pages()) {
      const collection = page.path.split('/')[1];
      // (/quotes/by-article/ is a list, not a quote: quote slugs end in a number.)
      if (!types[collection] || page.path.split('/').length !== 4 || page.path === '/quotes/by-article/') continue;
      const ld = JSON.parse(text(byTag(page.document, 'script').find((s) => attr(s, 'type') === 'application/ld+json')!));
      expect(ld['@type'], page.path).toMatch(types[collection]);
      if (collection === 'quotes') expect(ld.isBasedOn['@type']).toBe('NewsArticle');
      if (collection === 'articles') expect(Array.isArray(ld.mentions)).toBe(true);
    }
  });

  it('isolates every linked actor name (bidi)', () => {
    for (const page of pages()) {
      for (const a of byTag(page.document, 'a')) {
        const href = attr(a, 'href') ?? '';
        if (!/^\/actors\/[^/]+\/$/.test(href) || ancestors(a).some((e) => e.tagName === 'svg')) continue;
        expect(byTag(a, 'bdi').length, `${page.path} → ${href}`).toBeGreaterThan(0);
      }
    }
  });

  it('gives every sentence of an article an id to link to', () => {
    for (const page of pages(/^\/articles\/[^/]+\/$/)) {
      const data = JSON.parse(readFileSync(join(dir, 'data', 'articles.json'), 'utf8'));
      const article = data.find((a: { id: string }) => `/articles/${a.id}/` === page.path);
      const ids = new Set([...elements(page.document)].map((e) => attr(e, 'id')));
      article.sentences.forEach((_: unknown, i: number) => expect(ids.has(`s-${i + 1}`), `${page.path} s-${i + 1}`).toBe(true));
    }
  });

  it('keeps quote pages small: HTML and CSS under 50 KB', () => {
    for (const page of pages(/^\/quotes\/[^/]+\/$/)) {
      const css = byTag(page.document, 'link').filter((l) => attr(l, 'rel') === 'stylesheet');
      const bytes = Buffer.byteLength(page.html) + css.reduce((n, l) => n + readFileSync(join(dir, attr(l, 'href')!)).length, 0);
      expect(bytes, page.path).toBeLessThan(50_000);
    }
  });
});

describe('hostile text in the fixture', () => {
  const fixture = sites[0];
  const pages = new Map(fixture.error ? [] : readPages(fixture.dir).map((p) => [p.path, p]));
  const article = pages.get('/articles/northland-southia-trade-pact/')!;
  const doubts = pages.get('/articles/harbor-accord-doubts/')!;

  it('appears literally, as text', () => {
    const body = text(byTag(article.document, 'main')[0]);
    expect(body).toContain('<script>alert(1)</script> is not a policy');
    expect(body).toContain('{{ title }}');
    expect(text(byTag(doubts.document, 'h1')[0])).toBe('Doubts over the Harbor Accord <img src=x onerror=alert(2)>');
    const quote = pages.get('/quotes/northland-southia-trade-pact-4/')!;
    expect(text(byTag(quote.document, 'blockquote')[0])).toContain('<script>alert(1)</script>');
  });

  it('is escaped inside JSON-LD', () => {
    const quote = pages.get('/quotes/northland-southia-trade-pact-4/')!;
    const raw = text(byTag(quote.document, 'script').find((s) => attr(s, 'type') === 'application/ld+json')!);
    expect(raw).toContain('\\u003cscript\\u003ealert(1)\\u003c/script\\u003e');
    expect(JSON.parse(raw).text).toContain('<script>alert(1)</script>');
  });

  it('shows a javascript: source as text, never as a link', () => {
    expect(text(byTag(doubts.document, 'main')[0])).toContain('javascript:alert(1)');
    const httpSource = byTag(article.document, 'a').find((a) => attr(a, 'href')?.startsWith('https://example.com/'));
    expect(httpSource).toBeDefined();
  });

  it('describes people and quotes in JSON-LD with jobTitle, affiliation, creator and isBasedOn', () => {
    const ld = (path: string) => JSON.parse(text(byTag(pages.get(path)!.document, 'script').find((s) => attr(s, 'type') === 'application/ld+json')!));
    const person = ld('/actors/maria-okafor/');
    expect(person).toMatchObject({ '@type': 'Person', name: 'Maria Okafor', jobTitle: ['Foreign Minister'], affiliation: { '@type': 'Country', name: 'Northland' } });
    const quote = ld('/quotes/northland-southia-trade-pact-1/');
    expect(quote).toMatchObject({ '@type': 'Quotation', creator: { name: 'Maria Okafor', url: 'https://explainer.test/actors/maria-okafor/' } });
    expect(quote.isBasedOn.url).toBe('https://explainer.test/articles/northland-southia-trade-pact/');
    expect(ld('/quotes/northland-southia-trade-pact-4/').creator).toBeUndefined();
    const article = ld('/articles/northland-southia-trade-pact/');
    expect(article.mentions.map((m: { name: string }) => m.name)).toContain('Harbor Accord');
    expect(ld('/articles/harbor-accord-doubts/').isBasedOn).toBeUndefined();
  });

  it('says how a quote was attributed, from the words of the article', () => {
    const quote = pages.get('/quotes/northland-southia-trade-pact-3/')!;
    expect(text(byTag(quote.document, 'main')[0]).replace(/\s+/g, ' ')).toContain('from the ambassador said — speaker identified by their title or role');
  });

  it('heads an article with its date, byline, source and reading time, then who said what and its agreements', () => {
    const main = text(byTag(article.document, 'main')[0]).replace(/\s+/g, ' ');
    const time = byTag(article.document, 'time')[0];
    expect(attr(time, 'datetime')).toBe('2024-10-01');
    expect(main).toContain('1 October 2024');
    expect(main).toMatch(/By Jane Reporter.*Source: example\.com.*\d+ min read/);
    const summary = byTag(article.document, 'section').find((s) => attr(s, 'aria-labelledby') === 'who-said-what')!;
    const said = text(summary).replace(/\s+/g, ' ');
    expect(said).toMatch(/Maria Okafor, Foreign Minister · 2 quotes “We are close to signing the Harbor Accord” ?“Nothing is final until the parliament votes\.”/);
    expect(said).toContain('Karim Haddad');
    expect(said.indexOf('Unattributed')).toBeGreaterThan(said.indexOf('Karim Haddad'));
    const agreements = byTag(article.document, 'section').find((s) => attr(s, 'aria-labelledby') === 'agreements-covered')!;
    expect(text(agreements).replace(/\s+/g, ' ')).toContain('Harbor Accord · under negotiation · between Northland and Southia');
    const ld = JSON.parse(text(byTag(article.document, 'script').find((s) => attr(s, 'type') === 'application/ld+json')!));
    expect(ld.datePublished).toBe('2024-10-01');
  });

  it('writes the speaker after every quote in the text, and links each actor once per article', () => {
    const body = byTag(article.document, 'div').find((d) => attr(d, 'class')?.includes('article-text'))!;
    const quotes = byTag(body, 'a').filter((a) => attr(a, 'class') === 'quote');
    const speakers = byTag(body, 'span').filter((s) => attr(s, 'class') === 'who');
    expect(speakers.map((s) => text(s))).toEqual(['(said by Maria Okafor)', '(said by Maria Okafor)', '(said by Karim Haddad)', '(said by unattributed (“an unnamed official”))']);
    expect(new Set(quotes.map((q) => attr(q, 'href'))).size).toBe(speakers.length);
    const links = byTag(body, 'a').filter((a) => attr(a, 'class') !== 'quote').map((a) => attr(a, 'href'));
    expect(links.length).toBeGreaterThan(3);
    expect(links.length).toBe(new Set(links).size);
  });

  it('leads an actor page with their role once, their affiliation and their quotes, and names each role’s sources', () => {
    const actor = pages.get('/actors/maria-okafor/')!;
    const lede = text(byTag(actor.document, 'p').find((p) => attr(p, 'class') === 'lede')!);
    expect(lede).toBe('Maria Okafor, Foreign Minister (Northland), is named in 2 articles and quoted 3 times.');
    const roles = byTag(actor.document, 'ul').find((u) => attr(u, 'class')?.includes('roles'))!;
    expect(byTag(roles, 'li').map((li) => text(byTag(li, 'bdi')[0]))).toEqual(['Foreign Minister']);
    expect(byTag(actor.document, 'section').find((s) => attr(s, 'aria-labelledby') === 'said')).toBeDefined();
    const country = pages.get('/actors/northland/')!;
    expect(text(byTag(country.document, 'section').find((s) => attr(s, 'aria-labelledby') === 'affiliates')!)).toContain('Maria Okafor');
  });

  it('shows an agreement’s status in each article, with its date', () => {
    const page = pages.get('/agreements/harbor-accord/')!;
    const over = text(byTag(page.document, 'section').find((s) => attr(s, 'aria-labelledby') === 'status-over-time')!).replace(/\s+/g, ' ');
    expect(over).toMatch(/1 October 2024 under negotiation Northland and Southia edge toward a trade pact.*undated no status stated Doubts over the Harbor Accord/);
  });

  it('names its two search landmarks apart, and has a favicon', () => {
    const search = pages.get('/search/')!;
    const names = byTag(search.document, 'form').filter((f) => attr(f, 'role') === 'search').map((f) => attr(f, 'aria-label'));
    expect(names).toHaveLength(2);
    expect(new Set(names).size).toBe(2);
    expect(readFileSync(join(fixture.dir, 'favicon.ico')).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
  });

  it('wraps the right-to-left name in <bdi> on its page', () => {
    const actor = pages.get('/actors/lyl-hd-d/')!;
    expect(text(byTag(byTag(actor.document, 'h1')[0], 'bdi')[0])).toBe('ليلى حداد');
  });
});
