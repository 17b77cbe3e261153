// The site's one build-time index: every collection loaded once, lookups by id, and the few
// derived views (rankings, relationship map) computed once and shared by all pages.
import type { CollectionEntry } from 'astro:content';
import { readSiteEnv } from '../options.ts';
import { readContentFolder, readStamp } from './content-files.ts';
import { layout, type EdgeKind, type GraphEdge, type GraphNode, type Layout, type LayoutOptions } from './graph.ts';

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
  maps: Maps;
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

/** Edges in a fixed order: by their first actor, then their second. */
const byPair = (x: GraphEdge, y: GraphEdge) => (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0);

/** Every pair of actors joined by quotes (speaker and the actors named in the quote), co-mentions and agreements. */
function allEdges(actors: Actor[], agreements: Agreement[], quotes: Quote[], article: (id: string) => Article): GraphEdge[] {
  const edges = new Map<string, GraphEdge>();
  const add = (x: string, y: string, kind: EdgeKind, count = 1) => {
    if (x === y) return;
    const [a, b] = x < y ? [x, y] : [y, x];
    const key = `${a} ${b}`;
    const edge = edges.get(key) ?? { a, b, counts: { quote: 0, comention: 0, agreement: 0 } };
    edge.counts[kind] += count;
    edges.set(key, edge);
  };
  // Both actors of a pair usually list their shared sentences; count them once.
  const shared = new Map<string, [string, string, number]>();
  for (const actor of actors) {
    for (const r of actor.data.related) {
      const [a, b] = actor.id < idOf(r.actor) ? [actor.id, idOf(r.actor)] : [idOf(r.actor), actor.id];
      const key = `${a} ${b}`;
      shared.set(key, [a, b, Math.max(shared.get(key)?.[2] ?? 0, r.count)]);
    }
  }
  for (const [a, b, count] of shared.values()) add(a, b, 'comention', count);
  for (const agreement of agreements) {
    const parties = agreement.data.parties.map(idOf);
    for (let i = 0; i < parties.length; i++) for (let j = i + 1; j < parties.length; j++) add(parties[i], parties[j], 'agreement');
  }
  for (const quote of quotes) {
    if (!quote.data.speaker) continue;
    const { start, end } = quote.data;
    for (const m of article(idOf(quote.data.article)).data.mentions) {
      if (m.collection === 'actors' && m.start >= start && m.end <= end) add(idOf(quote.data.speaker), m.id, 'quote');
    }
  }
  return [...edges.values()].sort(byPair);
}

const graphNode = (a: Actor): GraphNode => ({ id: a.id, label: a.data.name, kind: a.data.kind, weight: actorWeight(a) });

/** What a map is drawn from: its nodes, the edges among them and the layout's options. */
export interface MapInput {
  nodes: GraphNode[];
  edges: GraphEdge[];
  options: LayoutOptions;
}

/**
 * The map of the given actors (those linked to another of them) with the edges among them, found
 * pair by pair in `edgeOf` (a map has a few dozen actors at most, the site thousands of edges).
 */
function mapInput(candidates: Actor[], edgeOf: Map<string, GraphEdge>, options: LayoutOptions): MapInput {
  const among: GraphEdge[] = [];
  for (let i = 0; i < candidates.length; i++)
    for (let j = i + 1; j < candidates.length; j++) {
      const [a, b] = [candidates[i].id, candidates[j].id].sort();
      const edge = edgeOf.get(`${a} ${b}`);
      if (edge) among.push(edge);
    }
  among.sort(byPair);
  // An actor linked to none of the others shown would float alone: it is left out.
  const linked = new Set(among.flatMap((e) => [e.a, e.b]));
  return { nodes: candidates.filter((a) => linked.has(a.id)).map(graphNode), edges: among, options };
}

const draw = ({ nodes, edges, options }: MapInput): Layout => layout(nodes, edges, options);

export interface Maps {
  /** The home page's map of the most connected actors, wide and for phones. */
  home: { wide: Layout; narrow: Layout };
  /** The full map (/map/): more actors, wide only (phones get a list). */
  full: Layout;
  /** What an actor's map is drawn from: its neighbours (by shared sentences, quotes and agreements) and the links among them; null when it has fewer than two. */
  egoInput: (id: string) => MapInput | null;
  /** An actor's map, laid out. */
  ego: (id: string) => Layout | null;
}

function maps(actors: Actor[], agreements: Agreement[], quotes: Quote[], article: (id: string) => Article, actor: (id: string) => Actor): Maps {
  const edges = allEdges(actors, agreements, quotes, article);
  const edgeOf = new Map(edges.map((e) => [`${e.a} ${e.b}`, e]));
  const degree = new Map<string, number>();
  const neighbours = new Map<string, Map<string, number>>();
  for (const e of edges) {
    const total = e.counts.quote + e.counts.comention + e.counts.agreement;
    for (const [x, y] of [[e.a, e.b], [e.b, e.a]]) {
      degree.set(x, (degree.get(x) ?? 0) + 1);
      const own = neighbours.get(x) ?? new Map<string, number>();
      own.set(y, total);
      neighbours.set(x, own);
    }
  }
  // Most connected first: links to other actors, then weight (mentions and quotes).
  const connected = actors
    .filter((a) => degree.get(a.id))
    .sort((a, b) => degree.get(b.id)! - degree.get(a.id)! || actorWeight(b) - actorWeight(a) || (a.id < b.id ? -1 : 1));
  const egoInput = (id: string): MapInput | null => {
    const around = [...(neighbours.get(id) ?? [])].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)).slice(0, 8);
    if (around.length < 2) return null;
    return mapInput([actor(id), ...around.map(([n]) => actor(n))], edgeOf, { width: 360, height: 300, maxLabel: 18, center: id });
  };
  return {
    home: {
      wide: draw(mapInput(connected.slice(0, 16), edgeOf, { width: 760, height: 460 })),
      narrow: draw(mapInput(connected.slice(0, 9), edgeOf, { width: 360, height: 460, maxLabel: 18 })),
    },
    full: draw(mapInput(connected.slice(0, 45), edgeOf, { width: 1000, height: 720, maxLabel: 22 })),
    egoInput,
    ego: (id) => {
      const input = egoInput(id);
      return input && draw(input);
    },
  };
}

type Entries = [Article[], Actor[], Agreement[], Quote[]];

/** Where content/ is, and in the dev server its stamp. */
const env = readSiteEnv();

/** The collections, read from the content files themselves (content-files.ts says why). */
function entries(): Entries {
  const read = readContentFolder(env.contentDir);
  return [read.articles, read.actors, read.agreements, read.quotes] as unknown as Entries;
}

async function load(): Promise<SiteData> {
  const [articles, actors, agreements, quotes] = entries();
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
    maps: maps(actors, agreements, quotes, article, lookup(actors, 'actors')),
  };
}

let loaded: { stamp: string | undefined; data: Promise<SiteData> } | undefined;

/** The index, built on first use and shared by every page of the build; in the dev server, built again once the build step has changed content/. */
export function siteData(): Promise<SiteData> {
  const stamp = readStamp(env.contentStamp);
  if (!loaded || loaded.stamp !== stamp) loaded = { stamp, data: load() };
  return loaded.data;
}
