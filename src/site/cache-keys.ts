// Page keys for the incremental build (src/site/page-keys.ts): a page whose key and the site's code
// are unchanged since the last build is kept from it instead of rendered. A key is a hash
// of exactly the data its page renders: the page's own entry whole, every entry whose words it
// shows (an article's sentences, a quote) whole, and of the entries it only links to just what the
// link shows (a name, a kind, a title). So an actor's page changes with its quotes, mentions and
// agreements, and a seed that never names the actor leaves its page alone. A page that draws from
// anything else must add it here, or an incremental build would keep its stale copy: the test
// `tests/collection/incremental.test.ts` compares incremental output with a clean build.
import { createHash } from 'node:crypto';
import { actorWeight, idOf, type Actor, type Agreement, type Article, type Quote, type SiteData } from './data.ts';

type Entry = { id: string; data: unknown };

function hash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url');
}

const digests = new WeakMap<Entry, string>();

/** A hash of all an entry holds, computed once per entry and build. */
function whole(entry: Entry): string {
  let digest = digests.get(entry);
  if (digest == null) {
    digest = hash([entry.id, entry.data]);
    digests.set(entry, digest);
  }
  return digest;
}

/** What a link to an entry shows. */
export const actorLink = (a: Actor) => [a.id, a.data.name, a.data.kind];
export const articleLink = (a: Article) => [a.id, a.data.title, a.data.date];
const agreementLink = (a: Agreement) => [a.id, a.data.name, a.data.status];
/** A quote in a list: its words, where it is, and its speaker's link. */
export const quoteItem = (site: SiteData, q: Quote) => [
  whole(q),
  q.data.speaker && actorLink(site.actor(idOf(q.data.speaker))),
  articleLink(site.article(idOf(q.data.article))),
];

const sorted = (ids: Iterable<string>) => [...new Set(ids)].sort();

/** An actor's page: its quotes, the articles it is named in (their sentences are shown), its agreements, the actors it links to, its map. */
export function actorPageKey(site: SiteData, actor: Actor): string {
  const quotes = actor.data.quotes.map((ref) => site.quote(idOf(ref)));
  const articles = sorted([
    ...actor.data.articles.map(idOf),
    ...actor.data.mentions.map((m) => idOf(m.article)),
    ...actor.data.roles.map((r) => idOf(r.article)),
    ...quotes.map((q) => idOf(q.data.article)),
  ]).map(site.article);
  const agreements = sorted([...actor.data.agreements.map(idOf), ...quotes.flatMap((q) => q.data.agreements.map(idOf))]).map(site.agreement);
  return hash([
    whole(actor),
    actor.data.affiliation && actorLink(site.actor(idOf(actor.data.affiliation))),
    quotes.map((q) => quoteItem(site, q)),
    articles.map(whole),
    agreements.map(agreementLink),
    actor.data.related.map((r) => actorLink(site.actor(idOf(r.actor)))),
    site.affiliates(actor.id).map((a) => [...actorLink(a), a.data.roles[0]?.text, actorWeight(a)]),
    site.maps.egoInput(actor.id),
  ]);
}

/** An article's page: its text and quotes, who said them, the actors and agreements it names. */
export function articlePageKey(site: SiteData, article: Article): string {
  const agreements = article.data.agreements.map((ref) => site.agreement(idOf(ref)));
  return hash([
    whole(article),
    article.data.quotes.map((ref) => quoteItem(site, site.quote(idOf(ref)))),
    article.data.actors.map((ref) => {
      const actor = site.actor(idOf(ref));
      return [...actorLink(actor), actor.data.roles.filter((r) => idOf(r.article) === article.id)];
    }),
    agreements.map((a) => [...agreementLink(a), a.data.parties.map((p) => actorLink(site.actor(idOf(p))))]),
  ]);
}

/** A quote's page: its paragraph in the article, its speaker, agreements, the quotes before and after it and its article's other quotes (which make its corrections entry unique). */
export function quotePageKey(site: SiteData, quote: Quote): string {
  const article = site.article(idOf(quote.data.article));
  return hash([
    whole(quote),
    whole(article),
    article.data.quotes.map((ref) => whole(site.quote(idOf(ref)))),
    quote.data.speaker && actorLink(site.actor(idOf(quote.data.speaker))),
    quote.data.agreements.map((ref) => agreementLink(site.agreement(idOf(ref)))),
    [quote.data.previous, quote.data.next].map((ref) => ref && whole(site.quote(idOf(ref)))),
  ]);
}

/** An agreement's page: its parties, the articles that name it (in date order, with their sentences), its quotes and their speakers. */
export function agreementPageKey(site: SiteData, agreement: Agreement): string {
  const articles = sorted([...agreement.data.articles.map(idOf), ...agreement.data.mentions.map((m) => idOf(m.article))]).map(site.article);
  return hash([
    whole(agreement),
    agreement.data.parties.map((ref) => actorLink(site.actor(idOf(ref)))),
    articles.map(whole),
    agreement.data.quotes.map((ref) => quoteItem(site, site.quote(idOf(ref)))),
  ]);
}

/** What a page of a paginated list shows: where it is among the pages, and its items. */
interface ListPage<T> {
  data: T[];
  currentPage: number;
  lastPage: number;
}

/**
 * Gives every page of a paginated list (Astro's `paginate()`) a key: its place among the pages,
 * what each of its items shows (`item`) and what the page shows besides its items (`context`: a
 * total, the A–Z jump), so a page changes only when its slice of the list does.
 */
export function keyPages<P extends { props: { page: ListPage<unknown> } }>(
  pages: P[],
  item: (entry: P['props']['page']['data'][number]) => unknown,
  context: unknown = null,
) {
  return pages.map((p) => ({ ...p, key: () => hash([p.props.page.currentPage, p.props.page.lastPage, p.props.page.data.map(item), context]) }));
}

/** An article in a list (its card): link, source, summary and quote count. */
export const articleCard = (a: Article) => [...articleLink(a), a.data.source, a.data.summary, a.data.quotes.length];

/** An actor in the directory: its link, aliases (for the filter) and counts. */
export const actorEntry = (a: Actor) => [...actorLink(a), a.data.aliases, a.data.mentions.length, a.data.quotes.length];

/** An agreement in the list: its link, counts and parties. */
export const agreementCard = (site: SiteData, a: Agreement) => [
  ...agreementLink(a),
  a.data.mentions.length,
  a.data.quotes.length,
  a.data.parties.map((p) => actorLink(site.actor(idOf(p)))),
];

/** An article on the timeline: its link and the agreement statuses it states. */
export const timelineItem = (site: SiteData, { article, statuses }: { article: Article; statuses: { agreement: string; status: string }[] }) => [
  ...articleLink(article),
  statuses.map((s) => [s.status, agreementLink(site.agreement(s.agreement))]),
];

/** A sentence an entity is named in (its article's words are shown). */
export const mentionItem = (s: { article: Article; sentence: number; marks: unknown }) => [whole(s.article), s.sentence, s.marks];
