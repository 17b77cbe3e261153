// The merge step: per-seed extractions in, one knowledge base out. Each concern has its module in
// merge/: which items are one thing (identity), their slugs, the fields merged from all members,
// back-references, co-mentions, the article view and summaries. This file puts them in order.
import type { Actor, Agreement, Mention, Quote } from '../extract/types.ts';
import { actorsInOrder, linkedMentions, mentionsOf } from './merge/article-view.ts';
import { type CoMentions, countCoMentions, relatedTo } from './merge/co-mentions.ts';
import type { TextDiagnostic } from '../diagnostics.ts';
import { type ActorData, type AgreementData, type ArticleData, type Entry, type KnowledgeBase, type QuoteData, type SeedExtraction, warning } from './merge/entries.ts';
import { aliasesOf, correctedField, latestStatus, rolesOf } from './merge/fields.ts';
import { type Group, groupActors, groupAgreements } from './merge/identity.ts';
import { unique } from './merge/lists.ts';
import { chainBySpeaker, type Resolver, resolver, slugsBy } from './merge/references.ts';
import { articleSlugs, giveSlugs, quoteSlug } from './merge/slugs.ts';
import { countWords, dateAndSummary } from './merge/summary.ts';
import { displayName } from './names.ts';

export type { ActorData, AgreementData, ArticleData, Entry, KnowledgeBase, QuoteData, SeedExtraction } from './merge/entries.ts';

/** What every step of one merge needs: the inputs, the slugs given so far, and where warnings go. */
interface Merging {
  inputs: SeedExtraction[];
  /** Article slug by seed index. */
  article: (seed: number) => string;
  resolve: Resolver;
  notes: TextDiagnostic[];
}

/**
 * Turns per-seed extractions (sorted by seed name) into one knowledge base: actors and agreements
 * merged across articles, global slugs, and every back-reference filled in. Pure. A local id that
 * does not resolve inside its own extraction is dropped, with a warning note naming the seed.
 */
export function merge(inputs: SeedExtraction[]): { kb: KnowledgeBase; notes: TextDiagnostic[] } {
  const notes: TextDiagnostic[] = [];
  const slugOfSeed = articleSlugs(inputs);
  const actorGroups = groupActors(inputs, notes);
  const agreementGroups = groupAgreements(inputs);
  giveSlugs(actorGroups.groups, 'actor');
  giveSlugs(agreementGroups.groups, 'agreement');
  const m: Merging = { inputs, article: (i) => slugOfSeed.get(inputs[i].seed)!, resolve: resolver(inputs, actorGroups.local, agreementGroups.local, notes), notes };

  const quotes = mergeQuotes(m);
  const coMentions: CoMentions = new Map();
  const linked = inputs.map(({ extraction }, i) => {
    countCoMentions(coMentions, extraction.actors, actorGroups.local[i]);
    return linkedMentions(mentionsOf(extraction.actors, extraction.agreements, actorGroups.local[i], agreementGroups.local[i]));
  });
  const agreements = mergeAgreements(m, agreementGroups.groups, quotes);
  const actors = mergeActors(m, actorGroups.groups, quotes, agreements, coMentions);
  const articles = mergeArticles(m, linked, actors, agreements, quotes);

  const bySlug = <T>(entries: Entry<T>[]) => entries.sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  return { kb: { articles: bySlug(articles), actors: bySlug(actors), agreements: bySlug(agreements), quotes: bySlug(quotes) }, notes };
}

/** Quotes, in seed order then reading order, each linked to its speaker's previous and next. */
function mergeQuotes(m: Merging): Entry<QuoteData>[] {
  const quotes = m.inputs.flatMap(({ seed, extraction }, i) =>
    [...extraction.quotes].sort((a, b) => a.start - b.start || a.end - b.end).map((q, n) => ({ slug: quoteSlug(m.article(i), n), seeds: [seed], data: quoteData(m, i, q) })),
  );
  chainBySpeaker(quotes);
  return quotes;
}

function quoteData(m: Merging, i: number, q: Quote): QuoteData {
  return {
    text: q.text,
    article: m.article(i),
    start: q.start,
    end: q.end,
    sentence: q.sentence,
    paragraph: q.paragraph,
    speaker: m.resolve.actor(i, q.speaker, q.start, `quote ${q.id}`),
    speakerMention: q.speaker_mention,
    speakerMentionSpan: q.speaker_mention_span,
    cue: q.cue,
    cueSpan: q.cue_span,
    rule: q.rule,
    confidence: q.confidence,
    agreements: unique(q.agreements.map((id) => m.resolve.agreement(i, id, q.start, `quote ${q.id}`)).filter((s) => s != null)),
    previous: null,
    next: null,
    ...correctedField([q]),
  };
}

/** The seeds (by index) a group's members come from, in seed order. */
const seedsOf = (g: Group<unknown>) => unique(g.members.map((member) => member.seed)).sort((a, b) => a - b);

/** Where a mention is, across the collection. */
const placeOf = (m: Merging, i: number, mention: Mention) => ({ article: m.article(i), sentence: mention.sentence, start: mention.start, end: mention.end });

function mergeAgreements(m: Merging, groups: Group<Agreement>[], quotes: Entry<QuoteData>[]): Entry<AgreementData>[] {
  const quotesAbout = slugsBy(quotes, (q) => q.agreements as string[]);
  return groups.map((g) => {
    const seeds = seedsOf(g);
    return {
      slug: g.slug,
      seeds: seeds.map((i) => m.inputs[i].seed),
      data: {
        name: g.name,
        aliases: aliasesOf(g.name, g.members),
        parties: unique(g.members.flatMap(({ seed, item }) => item.parties.map((p) => m.resolve.actor(seed, p, item.mentions[0]?.start ?? 0, `agreement ${item.id}`)))).filter((s) => s != null),
        status: latestStatus(g.members),
        statuses: g.members.flatMap(({ seed, item }) => (item.status ? [{ article: m.article(seed), status: item.status }] : [])),
        articles: seeds.map(m.article),
        mentions: g.members.flatMap(({ seed, item }) => item.mentions.map((mention) => placeOf(m, seed, mention))),
        quotes: quotesAbout(g.slug),
        ...correctedField(g.members.map((member) => member.item)),
      },
    };
  });
}

function mergeActors(m: Merging, groups: Group<Actor>[], quotes: Entry<QuoteData>[], agreements: Entry<AgreementData>[], coMentions: CoMentions): Entry<ActorData>[] {
  const agreementsOf = slugsBy(agreements, (a) => a.parties as string[]);
  const quotesBy = slugsBy(quotes, (q) => (q.speaker ? [q.speaker as string] : []));
  return groups.map((g) => {
    const seeds = seedsOf(g);
    return {
      slug: g.slug,
      seeds: seeds.map((i) => m.inputs[i].seed),
      data: {
        name: g.name,
        kind: g.members[0].item.kind,
        aliases: aliasesOf(g.name, g.members),
        roles: rolesOf(g.members, m.article),
        affiliation: affiliationOf(m, g),
        articles: seeds.map(m.article),
        quotes: quotesBy(g.slug),
        agreements: agreementsOf(g.slug),
        related: relatedTo(coMentions, g.slug),
        mentions: g.members.flatMap(({ seed, item }) => item.mentions.map((mention) => placeOf(m, seed, mention))),
        ...correctedField(g.members.map((member) => member.item)),
      },
    };
  });
}

/** The first affiliation a member names that is another page (a group is not its own affiliation). */
function affiliationOf(m: Merging, g: Group<Actor>): string | null {
  let affiliation: string | null = null;
  for (const { seed, item } of g.members) {
    const slug = m.resolve.actor(seed, item.affiliation, item.mentions[0]?.start ?? 0, `actor ${item.id}'s affiliation`);
    if (!affiliation && slug !== g.slug) affiliation = slug;
  }
  return affiliation;
}

function mergeArticles(
  m: Merging,
  linked: ReturnType<typeof linkedMentions>[],
  actors: Entry<ActorData>[],
  agreements: Entry<AgreementData>[],
  quotes: Entry<QuoteData>[],
): Entry<ArticleData>[] {
  const actorsIn = slugsBy(actors, (a) => a.articles as string[]);
  const agreementsIn = slugsBy(agreements, (a) => a.articles as string[]);
  const quotesIn = slugsBy(quotes, (q) => [q.article as string]);
  return m.inputs.map((input, i) => {
    const { seed, extraction } = input;
    const { article } = extraction;
    const slug = m.article(i);
    const { date, summary, impossible } = dateAndSummary(article);
    for (const bad of impossible) m.notes.push(warning(input, bad.offset, 'impossible-date', `"${bad.text}" is not a real date — the article gets no date from it`));
    return {
      slug,
      seeds: [seed],
      data: {
        title: displayName(article.title),
        date,
        source: article.source,
        author: article.author,
        seed,
        summary,
        text: article.text,
        titleSpan: article.titleSpan,
        paragraphs: article.paragraphs,
        sentences: article.sentences,
        mentions: linked[i],
        actors: actorsInOrder(linked[i], actorsIn(slug)),
        agreements: agreementsIn(slug),
        quotes: quotesIn(slug),
        wordCount: countWords(article.text),
        ...correctedField([article]),
      },
    };
  });
}
