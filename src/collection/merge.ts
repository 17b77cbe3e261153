import type { z } from 'zod';
import { inText, seedFile, type TextDiagnostic } from '../diagnostics.ts';
import type { Actor, Agreement, Extraction, Mention } from '../extract/types.ts';
import { actorKinds, type actorSchema } from '../schema/actor.ts';
import type { agreementSchema } from '../schema/agreement.ts';
import type { articleSchema } from '../schema/article.ts';
import type { quoteSchema } from '../schema/quote.ts';
import { countryKey, displayName, nameKey, surnameKey, wordCount } from './names.ts';
import { assignSlugs, slugify } from './slug.ts';
import { dateFromText, impossibleDates } from './article-date.ts';
import { isGenericInstitution } from '../extract/lexicon.ts';
import type { Corrected } from '../schema/shared.ts';

/** What an editor corrected about the items (`corrected`, set by applyCorrections), each fact once; absent when nothing. */
function correctedField(items: object[]): { corrected?: Corrected } {
  const seen = new Set<string>();
  const all = items.flatMap((item) => (item as { corrected?: Corrected }).corrected ?? []).filter((c) => {
    const key = JSON.stringify(c);
    return seen.has(key) ? false : (seen.add(key), true);
  });
  return all.length ? { corrected: all } : {};
}

/** One seed's extraction; `seed` is its file name under seeds/ (e.g. `x.txt`). */
export interface SeedExtraction {
  seed: string;
  extraction: Extraction;
}

export type ArticleData = z.input<ReturnType<typeof articleSchema>>;
export type ActorData = z.input<ReturnType<typeof actorSchema>>;
export type AgreementData = z.input<ReturnType<typeof agreementSchema>>;
export type QuoteData = z.input<ReturnType<typeof quoteSchema>>;

/** A content entity with the seeds it comes from (to name them in messages). */
export interface Entry<T> {
  slug: string;
  seeds: string[];
  data: T;
}

export interface KnowledgeBase {
  articles: Entry<ArticleData>[];
  actors: Entry<ActorData>[];
  agreements: Entry<AgreementData>[];
  quotes: Entry<QuoteData>[];
}

/** A warning about one seed, at `offset` of its article text: what the merge dropped, and why. */
function warning({ seed, extraction }: SeedExtraction, offset: number, rule: string, message: string): TextDiagnostic {
  return inText(seedFile(seed), extraction.article.text, offset, { severity: 'warning', rule, source: 'merge', message });
}

/** How many related actors an actor page lists. */
export const maxRelated = 20;

interface Member<T> {
  /** Index of the seed in the (sorted) input. */
  seed: number;
  item: T;
}

interface Group<T> {
  key: string;
  name: string;
  members: Member<T>[];
  /** Name keys of the members' names, and of their aliases. */
  names: Set<string>;
  aliases: Set<string>;
  slug: string;
}

function newGroup<T>(key: string, name: string): Group<T> {
  return { key, name, members: [], names: new Set(), aliases: new Set(), slug: '' };
}

/**
 * Groups named things across articles: an item joins the group that has its name, or else the one
 * group (and only one) that has its name as an alias or whose name is one of its aliases.
 * `aliasKeys` says which of an item's aliases may be matched (a person's bare surname must not).
 */
class Grouper<T extends { name: string; aliases: string[] }> {
  readonly groups: Group<T>[] = [];
  private byName = new Map<string, Group<T>>();
  private byAlias = new Map<string, Set<Group<T>>>();

  private aliasKeys: (item: T) => string[];

  constructor(aliasKeys: (item: T) => string[]) {
    this.aliasKeys = aliasKeys;
  }

  add(seed: number, item: T, key: string): Group<T> {
    const own = this.aliasKeys(item);
    let group = this.byName.get(key);
    if (!group) {
      const candidates = new Set(this.byAlias.get(key));
      for (const alias of own) {
        const named = this.byName.get(alias);
        if (named) candidates.add(named);
      }
      group = candidates.size === 1 ? [...candidates][0] : undefined;
    }
    if (!group) {
      group = newGroup<T>(key, displayName(item.name));
      this.groups.push(group);
      this.byName.set(key, group);
    }
    this.join(group, seed, item, own);
    return group;
  }

  join(group: Group<T>, seed: number, item: T, aliasKeys: string[]): void {
    group.members.push({ seed, item });
    group.names.add(nameKey(item.name));
    for (const alias of aliasKeys) {
      group.aliases.add(alias);
      if (!this.byAlias.has(alias)) this.byAlias.set(alias, new Set());
      this.byAlias.get(alias)!.add(group);
    }
  }
}

function mergeKey(actor: Actor): string {
  if (actor.kind === 'country') return countryKey(actor.name);
  // "Government" in two articles is one body only when it is the same country's.
  return isGenericInstitution(actor.name) ? `${nameKey(actor.name)} of ${actor.affiliation ?? 'unknown'}` : nameKey(actor.name);
}

/**
 * Merges actors across articles, kind by kind. Full names first (countries by ISO code, everything
 * else by name key, or by an alias resolving to one group); then one-word person names, which join
 * the single known person with that surname or alias, or stay apart when it is ambiguous.
 */
function groupActors(inputs: SeedExtraction[], notes: TextDiagnostic[]): { groups: Group<Actor>[]; local: Map<string, Group<Actor>>[] } {
  const local = inputs.map(() => new Map<string, Group<Actor>>());
  const groups: Group<Actor>[] = [];
  for (const input of inputs)
    for (const actor of input.extraction.actors)
      if (!(actorKinds as readonly string[]).includes(actor.kind))
        notes.push(warning(input, actor.mentions[0]?.start ?? 0, 'unknown-kind', `dropped actor ${actor.id}: the extractor gave it the unknown kind "${actor.kind}" (an extractor bug; please report it)`));
  for (const kind of actorKinds) {
    const isPerson = kind === 'person';
    const grouper = new Grouper<Actor>((a) =>
      a.aliases.map(nameKey).filter((k) => k && (!isPerson || wordCount(k) > 1)),
    );
    const oneWord: Member<Actor>[] = [];
    inputs.forEach((input, i) => {
      for (const actor of input.extraction.actors) {
        if (actor.kind !== kind) continue;
        const key = mergeKey(actor);
        if (!key) {
          notes.push(warning(input, actor.mentions[0]?.start ?? 0, 'invisible-name', `actor name ${JSON.stringify(actor.name)} has no visible characters, so it gets no page`));
        } else if (isPerson && wordCount(key) === 1) oneWord.push({ seed: i, item: actor });
        else local[i].set(actor.id, grouper.add(i, actor, key));
      }
    });
    // Full-name persons by the one-word names they go by: surnames and one-word aliases.
    const byShortName = index(grouper.groups, (g) =>
      g.members.flatMap(({ item }) => [surnameKey(item.name), ...item.aliases.map(nameKey).filter((k) => wordCount(k) === 1)]),
    );
    for (const { seed, item } of oneWord) {
      const key = nameKey(item.name);
      const matches = byShortName.get(key) ?? [];
      if (matches.length === 1) {
        grouper.join(matches[0], seed, item, []);
        local[seed].set(item.id, matches[0]);
      } else local[seed].set(item.id, grouper.add(seed, item, key));
    }
    for (const g of grouper.groups) g.key = `${kind}:${g.key}`;
    groups.push(...grouper.groups);
  }
  return { groups, local };
}

function groupAgreements(inputs: SeedExtraction[]): { groups: Group<Agreement>[]; local: Map<string, Group<Agreement>>[] } {
  const grouper = new Grouper<Agreement>((a) => a.aliases.map(nameKey).filter(Boolean));
  const local = inputs.map(({ extraction }, i) => {
    const ids = new Map<string, Group<Agreement>>();
    for (const agreement of extraction.agreements) {
      const key = nameKey(agreement.name);
      if (key) ids.set(agreement.id, grouper.add(i, agreement, key));
    }
    return ids;
  });
  return { groups: grouper.groups, local };
}

/** Rank order for slugs: the seed an entity first appears in, then the order it was found. */
function bySeed<T>(groups: Group<T>[]): Group<T>[] {
  const first = (g: Group<T>) => Math.min(...g.members.map((m) => m.seed));
  return groups.map((g, i) => ({ g, i, s: first(g) })).sort((a, b) => a.s - b.s || a.i - b.i).map(({ g }) => g);
}

function giveSlugs<T>(groups: Group<T>[], fallback: string): void {
  const ranked = bySeed(groups);
  const slugs = assignSlugs(ranked.map((g) => ({ key: g.key, slug: slugify(g.name, fallback) })));
  for (const g of ranked) g.slug = slugs.get(g.key)!;
}

/** Items by key (an item may have several keys), each list in item order. */
function index<T>(items: T[], keys: (item: T) => Iterable<string>): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items)
    for (const key of new Set(keys(item))) {
      if (!map.has(key)) map.set(key, []);
      map.get(key)!.push(item);
    }
  return map;
}

/** Distinct values in first-seen order. */
function unique<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

function aliasesOf(name: string, names: string[]): string[] {
  const seen = new Set([nameKey(name)]);
  const out: string[] = [];
  for (const n of names.map(displayName)) {
    const key = nameKey(n);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(n);
  }
  return out.sort();
}

/** An actor's roles, each once per sentence, blank ones left out. */
function rolesOf(members: Member<Actor>[], article: (seed: number) => string): { text: string; article: string; sentence: number }[] {
  const seen = new Set<string>();
  const roles = [];
  for (const { seed, item } of members)
    for (const role of item.roles) {
      const text = displayName(role.text);
      const key = `${seed}\u0000${role.sentence}\u0000${text}`;
      if (!text || seen.has(key)) continue;
      seen.add(key);
      roles.push({ text, article: article(seed), sentence: role.sentence });
    }
  return roles;
}

const summaryLength = 280;

/** The first paragraph, cut at a word boundary. */
export function summarize(text: string): string {
  const clean = text.replace(/\s+/gu, ' ').trim();
  if (clean.length <= summaryLength) return clean;
  const cut = clean.slice(0, summaryLength);
  const space = cut.lastIndexOf(' ');
  return `${(space > summaryLength / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.—–-]+$/u, '')}…`;
}

export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/**
 * Turns per-seed extractions (sorted by seed name) into one knowledge base: actors and agreements
 * merged across articles, global slugs, and every back-reference filled in. Pure. A local id that
 * does not resolve inside its own extraction is dropped, with a warning note naming the seed.
 */
export function merge(inputs: SeedExtraction[]): { kb: KnowledgeBase; notes: TextDiagnostic[] } {
  const notes: TextDiagnostic[] = [];
  const articleSlugs = assignSlugs(inputs.map(({ seed, extraction }) => ({ key: seed, slug: slugify(extraction.article.id, 'article') })));
  const { groups: actorGroups, local: localActors } = groupActors(inputs, notes);
  const { groups: agreementGroups, local: localAgreements } = groupAgreements(inputs);
  giveSlugs(actorGroups, 'actor');
  giveSlugs(agreementGroups, 'agreement');

  // What the extractor got wrong about a valid seed never stops the build: the reference is dropped, with a warning.
  const broken = (input: SeedExtraction, offset: number, what: string) =>
    notes.push(warning(input, offset, 'broken-reference', `dropped a broken reference: ${what} (an extractor bug; please report it)`));
  const actorSlug = (i: number, id: string | null, offset: number, what: string): string | null => {
    if (id == null) return null;
    const group = localActors[i].get(id);
    if (group) return group.slug;
    if (!inputs[i].extraction.actors.some((a) => a.id === id)) broken(inputs[i], offset, `${what} names actor "${id}", which does not exist`);
    return null; // an actor dropped for its blank name
  };
  const agreementSlug = (i: number, id: string, offset: number, what: string): string | null => {
    const group = localAgreements[i].get(id);
    if (group) return group.slug;
    if (!inputs[i].extraction.agreements.some((a) => a.id === id)) broken(inputs[i], offset, `${what} names agreement "${id}", which does not exist`);
    return null;
  };

  // Quotes, in seed order then reading order.
  const quotes: Entry<QuoteData>[] = [];
  const quoteSlugs = inputs.map(() => new Map<string, string>());
  inputs.forEach(({ seed, extraction }, i) => {
    const article = articleSlugs.get(seed)!;
    [...extraction.quotes]
      .sort((a, b) => a.start - b.start || a.end - b.end)
      .forEach((q, n) => {
        const slug = `${article}-${n + 1}`;
        quoteSlugs[i].set(q.id, slug);
        quotes.push({
          slug,
          seeds: [seed],
          data: {
            text: q.text,
            article,
            start: q.start,
            end: q.end,
            sentence: q.sentence,
            paragraph: q.paragraph,
            speaker: actorSlug(i, q.speaker, q.start, `quote ${q.id}`),
            speakerMention: q.speaker_mention,
            cue: q.cue,
            rule: q.rule,
            confidence: q.confidence,
            agreements: unique(q.agreements.map((id) => agreementSlug(i, id, q.start, `quote ${q.id}`)).filter((s) => s != null)),
            previous: null,
            next: null,
            ...correctedField([q]),
          },
        });
      });
  });
  const bySpeaker = index(quotes, (q) => (q.data.speaker ? [q.data.speaker as string] : []));
  for (const list of bySpeaker.values())
    list.forEach((q, n) => {
      q.data.previous = list[n - 1]?.slug ?? null;
      q.data.next = list[n + 1]?.slug ?? null;
    });

  // Mentions per article, and which actors share a sentence.
  const sharedSentences = new Map<string, Map<string, number>>();
  const articleMentions = inputs.map(({ extraction }, i) => {
    const all: { collection: 'actors' | 'agreements'; id: string; sentence: number; start: number; end: number }[] = [];
    const inSentence = new Map<number, { slug: string; start: number }[]>();
    for (const actor of extraction.actors) {
      const group = localActors[i].get(actor.id);
      if (!group) continue;
      for (const m of actor.mentions) {
        all.push({ collection: 'actors', id: group.slug, sentence: m.sentence, start: m.start, end: m.end });
        if (!inSentence.has(m.sentence)) inSentence.set(m.sentence, []);
        inSentence.get(m.sentence)!.push({ slug: group.slug, start: m.start });
      }
    }
    for (const agreement of extraction.agreements) {
      const group = localAgreements[i].get(agreement.id);
      if (group) for (const m of agreement.mentions) all.push({ collection: 'agreements', id: group.slug, sentence: m.sentence, start: m.start, end: m.end });
    }
    const count = (a: string, b: string) => {
      if (!sharedSentences.has(a)) sharedSentences.set(a, new Map());
      const counts = sharedSentences.get(a)!;
      counts.set(b, (counts.get(b) ?? 0) + 1);
    };
    for (const mentioned of inSentence.values()) {
      // The sentence's actors in reading order, each once. Each is paired with the next
      // `maxRelated` (every pair in any ordinary sentence), so a sentence naming thousands of
      // actors costs n·maxRelated, not n².
      const seen = new Set<string>();
      const slugs = mentioned.sort((a, b) => a.start - b.start).flatMap(({ slug }) => (seen.has(slug) ? [] : (seen.add(slug), [slug])));
      for (let a = 0; a < slugs.length; a++)
        for (let b = a + 1; b < Math.min(slugs.length, a + 1 + maxRelated); b++) {
          count(slugs[a], slugs[b]);
          count(slugs[b], slugs[a]);
        }
    }
    // Reading order; where mentions overlap the longer one wins, so links never nest.
    all.sort((a, b) => a.start - b.start || b.end - a.end || a.collection.localeCompare(b.collection) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    let end = -1;
    return all.filter((m) => (m.start >= end ? ((end = m.end), true) : false));
  });

  const seedIndices = (members: Member<unknown>[]) => unique(members.map((m) => m.seed)).sort((a, b) => a - b);
  const inArticle = (i: number, m: Mention) => ({ article: articleSlugs.get(inputs[i].seed)!, sentence: m.sentence, start: m.start, end: m.end });

  /** Looks up the slugs of the entries that have a key (a reference to something). */
  const slugsBy = <T>(entries: Entry<T>[], keys: (data: T) => string[]) => {
    const map = index(entries, (e) => keys(e.data));
    return (key: string) => (map.get(key) ?? []).map((e) => e.slug);
  };
  const quotesAbout = slugsBy(quotes, (q) => q.agreements as string[]);
  const agreements: Entry<AgreementData>[] = agreementGroups.map((g) => {
    const seeds = seedIndices(g.members);
    let status: Agreement['status'] = null;
    for (const { item } of g.members) status = item.status ?? status;
    return {
      slug: g.slug,
      seeds: seeds.map((i) => inputs[i].seed),
      data: {
        name: g.name,
        aliases: aliasesOf(g.name, g.members.flatMap(({ item }) => [item.name, ...item.aliases])),
        parties: unique(g.members.flatMap(({ seed, item }) => item.parties.map((p) => actorSlug(seed, p, item.mentions[0]?.start ?? 0, `agreement ${item.id}`)))).filter((s) => s != null),
        status,
        statuses: g.members.flatMap(({ seed, item }) => (item.status ? [{ article: articleSlugs.get(inputs[seed].seed)!, status: item.status }] : [])),
        articles: seeds.map((i) => articleSlugs.get(inputs[i].seed)!),
        mentions: g.members.flatMap(({ seed, item }) => item.mentions.map((m) => inArticle(seed, m))),
        quotes: quotesAbout(g.slug),
        ...correctedField(g.members.map((m) => m.item)),
      },
    };
  });

  const agreementsOf = slugsBy(agreements, (a) => a.parties as string[]);
  const quotesBy = slugsBy(quotes, (q) => (q.speaker ? [q.speaker as string] : []));
  const actors: Entry<ActorData>[] = actorGroups.map((g) => {
    const seeds = seedIndices(g.members);
    let affiliation: string | null = null;
    for (const { seed, item } of g.members) {
      const slug = actorSlug(seed, item.affiliation, item.mentions[0]?.start ?? 0, `actor ${item.id}'s affiliation`);
      if (!affiliation && slug !== g.slug) affiliation = slug;
    }
    const related = [...(sharedSentences.get(g.slug) ?? new Map<string, number>())]
      .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
      .slice(0, maxRelated)
      .map(([actor, count]) => ({ actor, count }));
    return {
      slug: g.slug,
      seeds: seeds.map((i) => inputs[i].seed),
      data: {
        name: g.name,
        kind: g.members[0].item.kind,
        aliases: aliasesOf(g.name, g.members.flatMap(({ item }) => [item.name, ...item.aliases])),
        roles: rolesOf(g.members, (seed) => articleSlugs.get(inputs[seed].seed)!),
        affiliation,
        articles: seeds.map((i) => articleSlugs.get(inputs[i].seed)!),
        quotes: quotesBy(g.slug),
        agreements: agreementsOf(g.slug),
        related,
        mentions: g.members.flatMap(({ seed, item }) => item.mentions.map((m) => inArticle(seed, m))),
        ...correctedField(g.members.map((m) => m.item)),
      },
    };
  });

  const actorsIn = slugsBy(actors, (a) => a.articles as string[]);
  const agreementsIn = slugsBy(agreements, (a) => a.articles as string[]);
  const quotesIn = slugsBy(quotes, (q) => [q.article as string]);
  const articles: Entry<ArticleData>[] = inputs.map((input, i) => {
    const { seed, extraction } = input;
    const { article } = extraction;
    const slug = articleSlugs.get(seed)!;
    const mentions = articleMentions[i];
    // Frontmatter's date wins; otherwise the date the text states (a dateline is not the summary).
    const stated = dateFromText(article.text, article.paragraphs);
    if (!article.date && !stated.date)
      for (const bad of impossibleDates(article.text, article.paragraphs))
        notes.push(warning(input, bad.offset, 'impossible-date', `"${bad.text}" is not a real date — the article gets no date from it`));
    const first = article.paragraphs.find((_, p) => p !== stated.dateline);
    return {
      slug,
      seeds: [seed],
      data: {
        title: displayName(article.title),
        date: article.date ?? stated.date,
        source: article.source,
        author: article.author,
        seed,
        summary: first ? summarize(article.text.slice(first.start, first.end)) : '',
        text: article.text,
        titleSpan: article.titleSpan,
        paragraphs: article.paragraphs,
        sentences: article.sentences,
        mentions,
        // First mentioned first; actors the text never points at (e.g. only in a role) last.
        actors: unique([
          ...mentions.filter((m) => m.collection === 'actors').map((m) => m.id),
          ...actorsIn(slug),
        ]),
        agreements: agreementsIn(slug),
        quotes: quotesIn(slug),
        wordCount: countWords(article.text),
        ...correctedField([article]),
      },
    };
  });

  const bySlug = <T>(entries: Entry<T>[]) => entries.sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  return { kb: { articles: bySlug(articles), actors: bySlug(actors), agreements: bySlug(agreements), quotes: bySlug(quotes) }, notes };
}
