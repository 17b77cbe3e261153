// Every input of tests/corpus/nasty/ built in one project, as its README asks: the unusable
// ones fail the build with a located one-line error (or are skipped and listed with
// --skip-invalid); the odd-but-usable ones build, with warnings.
import { spawnSync } from 'node:child_process';
import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ArticleData, KnowledgeBase } from '../../src/collection/merge.ts';
import { buildContent, project, snapshot } from './helpers.ts';

const nasty = fileURLToPath(new URL('../corpus/nasty/', import.meta.url));

let root: string;
let failed: Awaited<ReturnType<typeof buildContent>>;
let skipped: Awaited<ReturnType<typeof buildContent>>;
let kb: KnowledgeBase;

/** A seed's message lines, from `seeds/` on (they name seeds relative to the working directory). */
const lines = (err: string, file: string) =>
  err
    .split('\n')
    .filter((l) => l.includes(`seeds/${file}:`))
    .map((l) => l.slice(l.indexOf(`seeds/${file}:`)));
const article = (id: string): ArticleData => kb.articles.find((a) => a.slug === id)!.data;

beforeAll(async () => {
  root = await project();
  for (const name of await readdir(nasty)) if (/^\d\d-/.test(name)) await copyFile(join(nasty, name), join(root, 'seeds', name));
  const gen = spawnSync('sh', [join(nasty, 'gen-large.sh'), join(root, 'seeds', '03-huge-5mib.txt')]);
  expect(gen.status).toBe(0);
  failed = await buildContent(root);
  skipped = await buildContent(root, { skipInvalid: true });
  kb = skipped.kb!;
});

describe('a batch with unusable seeds', () => {
  it('fails as a whole, writing nothing, and names every unusable seed', async () => {
    expect(failed.exitCode).toBe(1);
    expect(failed.err).toMatch(/^explainer: error: build failed: 5 of 10 seeds cannot be used; content\/ is unchanged .*\[unusable-seeds\]$/m);
    expect(failed.err).not.toMatch(/\n\s+at /);
  });

  it('with --skip-invalid, builds the others and says which were skipped', async () => {
    expect(skipped.exitCode).toBe(0);
    expect(skipped.err).toMatch(
      /^explainer: warning: skipped 5 invalid seeds \(--skip-invalid\): \S*seeds\/01-empty\.txt, \S*seeds\/02-whitespace-only\.txt, \S*seeds\/03-huge-5mib\.txt, \S*seeds\/04-invalid-utf8\.txt, \S*seeds\/10-binary-png\.txt \[skip-invalid\]$/m,
    );
    expect(kb.articles.map((a) => a.slug)).toEqual(['05-crlf-bom', '06-script-template-frontmatter', '07-unbalanced-quotes', '08-markdown-frontmatter', '09-hostile-names']);
    expect(skipped.extracted).toBe(0);
  });
});

describe('unusable seeds: one located error line each', () => {
  it.each([
    ['01-empty.txt', /^seeds\/01-empty\.txt:1:1: error: file is empty, no headline or body — write a headline/],
    ['02-whitespace-only.txt', /^seeds\/02-whitespace-only\.txt:1:1: error: no text: .* — write a headline/],
    ['03-huge-5mib.txt', /^seeds\/03-huge-5mib\.txt:1:1: error: input is 5\.0 MiB, limit is 2\.0 MiB — .*--max-seed-size \[too-large\]$/],
    ['04-invalid-utf8.txt', /^seeds\/04-invalid-utf8\.txt:3:79: error: invalid UTF-8 at byte 272 \(0xE9\) — re-save the file as UTF-8 \[invalid-utf8\]$/],
    ['10-binary-png.txt', /^seeds\/10-binary-png\.txt:1:1: error: not a text file \(looks like PNG image data\) — /],
  ])('%s', (file, pattern) => {
    const errors = lines(failed.err, file).filter((l) => / error: /.test(l));
    expect(errors).toEqual([expect.stringMatching(pattern)]);
  });
});

describe('usable oddities build, with warnings', () => {
  it('05: a BOM and CRLF are warned about and change nothing in the output', async () => {
    expect(lines(failed.err, '05-crlf-bom.txt')).toEqual([
      expect.stringMatching(/^seeds\/05-crlf-bom\.txt:1:1: warning: byte-order mark removed/),
      expect.stringMatching(/^seeds\/05-crlf-bom\.txt:1:\d+: warning: CRLF or CR line endings/),
    ]);
    const a = article('05-crlf-bom');
    expect(a.title).toMatch(/^Rail union and operator reach pay agreement/);
    expect(a.text).not.toMatch(/[\r\ufeff]/);
    expect(a.text).toContain('Tomasz Wróbel');
    expect(kb.quotes.filter((q) => q.data.article === '05-crlf-bom').every((q) => !/\r/.test(q.data.text))).toBe(true);

    const clean = await project({ '05-crlf-bom.txt': (await readFile(join(nasty, '05-crlf-bom.txt'), 'utf8')).replace(/^\ufeff/, '').replace(/\r\n/g, '\n') });
    await buildContent(clean);
    const original = await project();
    await copyFile(join(nasty, '05-crlf-bom.txt'), join(original, 'seeds', '05-crlf-bom.txt'));
    await buildContent(original);
    expect(await snapshot(join(original, 'content'))).toEqual(await snapshot(join(clean, 'content')));
  });

  it('06: markup, template syntax and a fake frontmatter block stay literal text', () => {
    expect(lines(failed.err, '06-script-template-frontmatter.txt').filter((l) => l.includes('[frontmatter-lookalike]')).length).toBeGreaterThanOrEqual(2);
    const a = article('06-script-template-frontmatter');
    expect(a.title).toBe('City council approves <script>alert(1)</script> budget amendment');
    for (const literal of ['{{ title }}', '{% include secrets %}', '${process.env.HOME}', '&lt;b&gt;', '---']) expect(a.text).toContain(literal);
  });

  it('07: unclosed quotes are warned about and never run past their paragraph', () => {
    expect(lines(failed.err, '07-unbalanced-quotes.txt').filter((l) => / warning: .*\[unclosed-quote\]$/.test(l))).toHaveLength(4);
    const a = article('07-unbalanced-quotes');
    const quotes = kb.quotes.filter((q) => q.data.article === '07-unbalanced-quotes');
    expect(quotes.length).toBeGreaterThanOrEqual(4);
    for (const q of quotes) {
      const p = a.paragraphs[q.data.paragraph];
      expect(q.data.start >= p.start && q.data.end <= p.end, q.data.text).toBe(true);
    }
  });

  it('08: Markdown frontmatter gives the metadata and no markup reaches the text', () => {
    const a = article('08-markdown-frontmatter');
    expect(a).toMatchObject({ title: 'Coastal states agree fishing quotas after all-night talks', date: '2024-03-14', source: 'https://example.org/news/fishing-quotas' });
    expect(a.text).not.toMatch(/^---$|^title:|\*\*|^#/m);
    expect(kb.actors.filter((x) => /staff reporter/i.test(x.data.name))).toEqual([]);
  });

  it('09: hostile names give safe file names, no blank or bidi-overriding names, nothing outside content/', async () => {
    expect((await readdir(root)).sort()).toEqual(['.cache', 'content', 'seeds']);
    for (const file of (await snapshot(join(root, 'content'))).keys()) expect(file).toMatch(/^(articles|actors|agreements|quotes)\/[a-z0-9]+(-[a-z0-9]+)*\.json$/);
    for (const actor of kb.actors) {
      expect(actor.data.name.trim()).not.toBe('');
      expect(actor.data.name).not.toMatch(/[\u202a-\u202e\u2066-\u2069\p{Cc}]/u);
      expect(actor.slug.length).toBeLessThanOrEqual(60);
      expect(actor.slug).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/);
    }
  });
});

describe('the size limit', () => {
  it('is configurable', async () => {
    const small = await project({ 'a.txt': 'Headline\nA body that is long enough.' });
    const refused = await buildContent(small, { maxSeedBytes: 10 });
    expect(refused.exitCode).toBe(1);
    expect(refused.err).toMatch(/a\.txt:1:1: error: input is 36 bytes, limit is 10 bytes/);
    await writeFile(join(small, 'seeds', 'a.txt'), 'Headline\nShort.');
    expect((await buildContent(small, { maxSeedBytes: 100 })).exitCode).toBe(0);
  });
});
