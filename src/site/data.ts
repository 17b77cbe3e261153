// The site's one build-time index: every collection loaded once, lookups by id, and the few
// derived views (rankings, relationship map) computed once and shared by all pages.
import { getCollection, type CollectionEntry } from 'astro:content';
import { layout, type EdgeKind, type GraphEdge, type Layout } from './graph.ts';

export type Article = CollectionEntry<'articles'>;
export type Actor = CollectionEntry<'actors'>;
export type Agreement = CollectionEntry<'agreements'>;
export type Quote = CollectionEntry<'quotes'>;

export interface SiteData {
  /** Newest first; undated articles last, by title. */
  articles: Article[];
  /** By name. */
  actors: Actor[];
  agreements: Agreement[];
  quotes: Quote[];
  article: (id: string) => Article;
  actor: (id: string) => Actor;
  agreement: (id: string) => Agreement;
  quote: (id: string) => Quote;
  /** Actors by mentions plus quotes, most first. */
  keyActors: Actor[];
  /** The actors whose affiliation is the given actor (a country's officials, an organization's staff). */
  affiliates: (id: string) => Actor[];
  map: Layout;
}

/** A reference field as Astro resolves it, or a plain id. */
export const idOf = (ref: { id: string } | string) => (typeof ref === 'string' ? ref : ref.id);

const byName = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

function lookup<T extends { id: string }>(entries: T[], collection: string) {
  const map = new Map(entries.map((e) => [e.id, e]));
  return (id: string) => {
    const entry = map.get(id);
    if (!entry) throw new Error(`unknown ${collection} entry "${id}"`);
    return entry;
  };
}

export const actorWeight = (a: Actor) => a.data.mentions.length + 2 * a.data.quotes.length;

/** Actors joined by quotes (speaker and the actors named in the quote), co-mentions and agreements. */
function relationshipMap(actors: Actor[], agreements: Agreement[], quotes: Quote[], article: (id: string) => Article): Layout {
  const shown = actors.slice(0, 30);
  const ids = new Set(shown.map((a) => a.id));
  const edges = new Map<string, GraphEdge>();
  const add = (x: string, y: string, kind: EdgeKind, count = 1) => {
    if (x === y || !ids.has(x) || !ids.has(y)) return;
    const [a, b] = x < y ? [x, y] : [y, x];
    const key = `${a} ${b}`;
    const edge = edges.get(key) ?? { a, b, counts: { quote: 0, comention: 0, agreement: 0 } };
    edge.counts[kind] += count;
    edges.set(key, edge);
  };
  for (const actor of shown) {
    for (const r of actor.data.related) if (actor.id < idOf(r.actor)) add(actor.id, idOf(r.actor), 'comention', r.count);
  }
  for (const agreement of agreements) {
    const parties = agreement.data.parties.map(idOf);
    for (let i = 0; i < parties.length; i++) for (let j = i + 1; j < parties.length; j++) add(parties[i], parties[j], 'agreement');
  }
  for (const quote of quotes) {
    if (!quote.data.speaker || !ids.has(idOf(quote.data.speaker))) continue;
    const { start, end } = quote.data;
    for (const m of article(idOf(quote.data.article)).data.mentions) {
      if (m.collection === 'actors' && m.start >= start && m.end <= end) add(idOf(quote.data.speaker), m.id, 'quote');
    }
  }
  const sortedEdges = [...edges.values()].sort((x, y) => x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
  return layout(
    shown.map((a) => ({ id: a.id, label: a.data.name, kind: a.data.kind, weight: actorWeight(a) })),
    sortedEdges,
  );
}

async function load(): Promise<SiteData> {
  const [articles, actors, agreements, quotes] = await Promise.all([
    getCollection('articles'),
    getCollection('actors'),
    getCollection('agreements'),
    getCollection('quotes'),
  ]);
  articles.sort(
    (a, b) =>
      (b.data.date ?? '').localeCompare(a.data.date ?? '') || byName.compare(a.data.title, b.data.title) || a.id.localeCompare(b.id),
  );
  actors.sort((a, b) => byName.compare(a.data.name, b.data.name) || a.id.localeCompare(b.id));
  agreements.sort((a, b) => byName.compare(a.data.name, b.data.name) || a.id.localeCompare(b.id));
  quotes.sort((a, b) => a.id.localeCompare(b.id));
  const article = lookup(articles, 'articles');
  const affiliates = Map.groupBy(
    actors.filter((a) => a.data.affiliation),
    (a) => idOf(a.data.affiliation!),
  );
  const keyActors = [...actors].sort((a, b) => actorWeight(b) - actorWeight(a) || a.id.localeCompare(b.id));
  return {
    articles,
    actors,
    agreements,
    quotes,
    article,
    actor: lookup(actors, 'actors'),
    agreement: lookup(agreements, 'agreements'),
    quote: lookup(quotes, 'quotes'),
    keyActors,
    affiliates: (id: string) => affiliates.get(id) ?? [],
    map: relationshipMap(keyActors, agreements, quotes, article),
  };
}

let loaded: Promise<SiteData> | undefined;

/** The index, built on first use and shared by every page of the build. */
export const siteData = () => (loaded ??= load());
