import { z } from 'zod';
import { actorKinds } from './actor.ts';
import { agreementStatuses } from './agreement.ts';

// The editor's corrections file (`seeds/corrections.yaml`) and the provenance a corrected fact
// carries into the content. Things are named the way an editor sees them: a quote by its article
// (the seed's file name) and its words, actors and agreements by their names as written.

export const correctionsFileName = 'corrections.yaml';

const text = z.string().trim().min(1, 'must not be empty');
const article = text.regex(/^[^/\\]+$/, 'must be a seed file name in seeds/, such as strike.txt');
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((d) => {
    const date = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === d;
  }, 'is not a real date');

export const quoteCorrectionSchema = z
  .object({
    article,
    /** Words of the quote as the article writes them (all of it or any part that is unique). */
    quote: text,
    /** An actor's name (one the extractor found, or a new one); null: nobody said it. */
    speaker: text.nullable().optional(),
    /** The kind of a new speaker (default: person). */
    speaker_kind: z.enum(actorKinds).optional(),
    not_a_quote: z.literal(true).optional(),
  })
  .strict()
  .refine((c) => c.speaker !== undefined || c.not_a_quote, { message: 'says nothing to change — give speaker: NAME (or null), or not_a_quote: true' })
  .refine((c) => !(c.not_a_quote && c.speaker !== undefined), { message: 'a span that is not a quote has no speaker — keep speaker or not_a_quote, not both', path: ['not_a_quote'] });

export const actorCorrectionSchema = z
  .object({
    /** The actor's name as the text writes it (its name, an alias or a mention). */
    actor: text,
    /** Only in this article (a seed's file name); required by split_as. */
    article: article.optional(),
    rename: text.optional(),
    kind: z.enum(actorKinds).optional(),
    roles: z.array(text).optional(),
    affiliation: text.nullable().optional(),
    /** Another actor's name: this one becomes part of it. */
    merge_into: text.optional(),
    /** A new name: in `article`, this actor is someone else than the one of the same name elsewhere. */
    split_as: text.optional(),
    drop: z.literal(true).optional(),
  })
  .strict()
  .refine((c) => Object.keys(c).some((k) => k !== 'actor' && k !== 'article'), { message: 'says nothing to change — give rename, kind, roles, affiliation, merge_into, split_as or drop' })
  .refine((c) => !c.split_as || c.article, { message: 'split_as needs article: the seed where the actor is someone else', path: ['split_as'] });

export const agreementCorrectionSchema = z
  .object({
    /** The agreement's name as written; or `add` for one the extractor missed. */
    agreement: text.optional(),
    add: text.optional(),
    /** Only in this article; required by add. */
    article: article.optional(),
    rename: text.optional(),
    parties: z.array(text).optional(),
    status: z.enum(agreementStatuses).nullable().optional(),
    merge_into: text.optional(),
    drop: z.literal(true).optional(),
  })
  .strict()
  .refine((c) => (c.agreement == null) !== (c.add == null), { message: 'give either agreement: NAME (one the extractor found) or add: NAME (a new one)' })
  .refine((c) => !c.add || c.article, { message: 'add needs article: the seed the agreement is in', path: ['add'] })
  .refine((c) => c.add != null || Object.keys(c).some((k) => k !== 'agreement' && k !== 'article'), { message: 'says nothing to change — give rename, parties, status, merge_into or drop' });

export const articleCorrectionSchema = z
  .object({
    article,
    date: isoDate.nullable().optional(),
    source: text.nullable().optional(),
    author: text.nullable().optional(),
  })
  .strict()
  .refine((c) => c.date !== undefined || c.source !== undefined || c.author !== undefined, { message: 'says nothing to change — give date, source or author' });

export const correctionsSchema = z
  .object({
    quotes: z.array(quoteCorrectionSchema).nullable().optional(),
    actors: z.array(actorCorrectionSchema).nullable().optional(),
    agreements: z.array(agreementCorrectionSchema).nullable().optional(),
    articles: z.array(articleCorrectionSchema).nullable().optional(),
  })
  .strict();

export type QuoteCorrection = z.infer<typeof quoteCorrectionSchema>;
export type ActorCorrection = z.infer<typeof actorCorrectionSchema>;
export type AgreementCorrection = z.infer<typeof agreementCorrectionSchema>;
export type ArticleCorrection = z.infer<typeof articleCorrectionSchema>;

export { correctedSchema, type Corrected } from './shared.ts';

/** Words a reader sees for each corrected field. */
export const correctedLabels: Record<string, string> = {
  speaker: 'speaker set by an editor',
  name: 'name set by an editor',
  kind: 'kind set by an editor',
  roles: 'roles set by an editor',
  affiliation: 'affiliation set by an editor',
  merged: 'merged by an editor',
  split: 'split off by an editor',
  added: 'added by an editor',
  parties: 'parties set by an editor',
  status: 'status set by an editor',
  date: 'date set by an editor',
  source: 'source set by an editor',
  author: 'byline set by an editor',
};

// Ready-to-paste entries, in the file's format (JSON strings are valid YAML double-quoted scalars).

const yamlString = (s: string) => JSON.stringify(s);

/**
 * The fewest leading words of a quote (at least six, or all) that no other quote of the article
 * contains, so the entry keeps pointing at it.
 */
export function quoteKey(quote: string, others: string[]): string {
  const words = quote.replace(/\s+/gu, ' ').trim().split(' ');
  for (let n = Math.min(6, words.length); n < words.length; n++) {
    const key = words.slice(0, n).join(' ').replace(/[,;:]$/u, '');
    if (!others.some((o) => o !== quote && o.replace(/\s+/gu, ' ').includes(key))) return key;
  }
  return words.join(' ').replace(/[,;:]$/u, '');
}

export function quoteEntry(seed: string, key: string, speaker: string | null): string {
  return `quotes:\n  - article: ${yamlString(seed)}\n    quote: ${yamlString(key)}\n    speaker: ${speaker == null ? 'null' : yamlString(speaker)}  # the right name, or null; or instead: not_a_quote: true\n`;
}

export function actorEntry(name: string, kind: string): string {
  return `actors:\n  - actor: ${yamlString(name)}\n    kind: ${kind}  # ${actorKinds.join(', ')}\n    # rename: "the right name"\n    # roles: ["…"]\n    # affiliation: "…"\n    # merge_into: "another actor's name"\n    # drop: true\n`;
}

export function agreementEntry(name: string): string {
  return `agreements:\n  - agreement: ${yamlString(name)}\n    parties: []  # the parties' names\n    # status: ${agreementStatuses.join(' | ')}\n    # drop: true\n`;
}
