// The site fixture (tests/fixtures/site-content/) is what the real merge and validation make of the
// fixture's hand-made extractions: regenerate it with tests/fixtures/site-make/make-fixture.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureContent } from '../fixtures/site-make/fixture-content.ts';

const dir = join(import.meta.dirname, '..', 'fixtures', 'site-content');
const committed = () =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => {
      const path = join(e.parentPath, e.name);
      return { path: path.slice(dir.length + 1), json: readFileSync(path, 'utf8') };
    })
    .sort((a, b) => (a.path < b.path ? -1 : 1));

describe('site fixture content', () => {
  it('is exactly what the build step makes of the fixture extractions (run make-fixture.ts after changing either)', () => {
    const made = fixtureContent().sort((a, b) => (a.path < b.path ? -1 : 1));
    expect(committed().map((f) => f.path)).toEqual(made.map((f) => f.path));
    expect(committed()).toEqual(made);
  });

  it('carries the hostile and right-to-left text the site must render literally', () => {
    const all = committed()
      .map((f) => f.json)
      .join('\n');
    for (const s of ['<script>alert(1)</script>', '{{ title }}', 'javascript:alert(1)', 'ليلى حداد', 'onerror=']) expect(all).toContain(s);
  });
});
