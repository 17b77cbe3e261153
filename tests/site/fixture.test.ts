// The hand-written fixture content must be what the build step would write: valid per schema,
// references resolving, offsets pointing at the right text.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actorSchema } from '../../src/schema/actor.ts';
import { agreementSchema } from '../../src/schema/agreement.ts';
import { articleSchema } from '../../src/schema/article.ts';
import { quoteSchema } from '../../src/schema/quote.ts';
import { slugRef } from '../../src/schema/shared.ts';
import { root } from './paths.ts';

const dir = join(root, 'tests', 'fixtures', 'site-content');
const schemas = { articles: articleSchema, actors: actorSchema, agreements: agreementSchema, quotes: quoteSchema };
type Name = keyof typeof schemas;
const load = (name: Name) =>
  new Map(readdirSync(join(dir, name)).map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(join(dir, name, f), 'utf8'))]));
const content = { articles: load('articles'), actors: load('actors'), agreements: load('agreements'), quotes: load('quotes') };

describe('fixture content', () => {
  it('matches the schemas', () => {
    for (const name of Object.keys(schemas) as Name[]) {
      for (const [id, data] of content[name]) expect(schemas[name](slugRef).safeParse(data).error, `${name}/${id}`).toBeUndefined();
    }
  });

  it('refers only to entries that exist', () => {
    const has = (name: Name, id: string) => expect(content[name].has(id), `${name}/${id}`).toBe(true);
    for (const a of content.articles.values()) {
      for (const m of a.mentions) has(m.collection, m.id);
      a.actors.forEach((id: string) => has('actors', id));
      a.quotes.forEach((id: string) => has('quotes', id));
    }
    for (const a of content.actors.values()) {
      if (a.affiliation) has('actors', a.affiliation);
      a.quotes.forEach((id: string) => has('quotes', id));
      a.related.forEach((r: { actor: string }) => has('actors', r.actor));
    }
    for (const q of content.quotes.values()) {
      has('articles', q.article);
      if (q.speaker) has('actors', q.speaker);
      for (const id of [q.previous, q.next]) if (id) has('quotes', id);
    }
  });

  it('has offsets that point at the right text', () => {
    for (const q of content.quotes.values()) {
      const a = content.articles.get(q.article);
      expect(a.text.slice(q.start, q.end)).toBe(q.text);
      const s = a.sentences[q.sentence];
      expect(s.start <= q.start && q.start < s.end && s.paragraph === q.paragraph).toBe(true);
    }
    for (const actor of content.actors.values()) {
      for (const m of actor.mentions) {
        const s = content.articles.get(m.article).sentences[m.sentence];
        expect(s.start <= m.start && m.end <= s.end).toBe(true);
      }
    }
  });

  it('carries the hostile and right-to-left text the site must render literally', () => {
    const all = JSON.stringify([...Object.values(content)].map((m) => [...m.values()]));
    for (const s of ['<script>alert(1)</script>', '{{ title }}', 'javascript:alert(1)', 'ليلى حداد', 'onerror=']) expect(all).toContain(s);
  });
});
