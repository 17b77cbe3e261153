// Every page of both built sites (and one of each kind of the long-list site's pages) passes html-validate with the project's .htmlvalidate.json:
// the recommended rules, tuned where the site means what it does — no-trailing-whitespace off
// (Astro's template indentation, not content), long-title off (a page's title is its article's
// own headline), and inline styles allowed for `background` (the relationship map's legend
// swatches take the colour of their line from a CSS variable). One finding is allowed where it is
// made: the actor directory's filter (#actor-filter) is a live filter whose script cancels
// submission, so it has no submit button (wcag/h32 stays on for every other form).
import { join } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { htmlFiles, readPages } from './html.ts';
import { builtSites, longListSite, root } from './paths.ts';

const validator = new HtmlValidate(new FileSystemConfigLoader());
const allowed = (m: { ruleId: string; selector: string | null }) => m.ruleId === 'wcag/h32' && m.selector === '#actor-filter';

it('the configuration still finds real mistakes', async () => {
  const page = `<!doctype html><html lang="en"><head><title>t</title></head><body>
    <p id="a">one</p><p id="a">two</p><img src="x.png"><button>b</button><div><span></div></body></html>`;
  const report = await validator.validateString(page, join(root, 'page.html'));
  const rules = new Set(report.results.flatMap((r) => r.messages.map((m) => m.ruleId)));
  for (const rule of ['no-dup-id', 'wcag/h37', 'no-implicit-button-type', 'close-order']) expect(rules).toContain(rule);
});

const pagesOf = (samples: string[]) => samples.map((path) => `${path.slice(1)}index.html`);

describe.each([...builtSites().map((site) => ({ ...site, samples: null })), longListSite()])('$name', ({ dir, error, samples }) => {
  it('is valid HTML (html-validate)', async () => {
    expect(error).toBe('');
    const files = samples ? pagesOf(samples) : htmlFiles(dir);
    expect(files.length).toBeGreaterThan(10);
    const problems: string[] = [];
    for (const file of files) {
      const report = await validator.validateFile(join(dir, file));
      for (const r of report.results) for (const m of r.messages) if (!allowed(m)) problems.push(`${file}:${m.line}:${m.column}: ${m.message} [${m.ruleId}]`);
    }
    expect(problems).toEqual([]);
  });
});

describe.each(builtSites())('$name', ({ dir }) => {
  it('credits the country and place data (ODbL, CC BY) in every page’s footer', () => {
    for (const page of readPages(dir)) {
      const footer = page.html.slice(page.html.indexOf('<footer'));
      expect(footer, page.path).toContain('<a href="https://github.com/mledoze/countries">world-countries</a> (ODbL)');
      expect(footer, page.path).toContain('<a href="https://www.geonames.org/">GeoNames</a> (CC BY 4.0)');
    }
  });
});
