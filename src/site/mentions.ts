// Mentions grouped for display: by article in reading order, one entry per sentence.
import type { Span } from './text.ts';

interface Mention extends Span {
  article: { id: string } | string;
  sentence: number;
}

export interface MentionGroup<A> {
  article: A;
  sentences: { sentence: number; marks: Span[] }[];
}

export function groupMentions<A>(mentions: readonly Mention[], article: (id: string) => A): MentionGroup<A>[] {
  const groups = new Map<string, Map<number, Span[]>>();
  for (const m of mentions) {
    const id = typeof m.article === 'string' ? m.article : m.article.id;
    const sentences = groups.get(id) ?? new Map<number, Span[]>();
    sentences.set(m.sentence, [...(sentences.get(m.sentence) ?? []), { start: m.start, end: m.end }]);
    groups.set(id, sentences);
  }
  return [...groups].map(([id, sentences]) => ({
    article: article(id),
    sentences: [...sentences].sort(([a], [b]) => a - b).map(([sentence, marks]) => ({ sentence, marks })),
  }));
}

/** One sentence an entity is named in, with its article. */
export interface MentionSentence<A> {
  article: A;
  sentence: number;
  marks: Span[];
}

/** Every sentence of the groups in one run, in order, to cut into pages. */
export const sentencesOf = <A>(groups: MentionGroup<A>[]): MentionSentence<A>[] =>
  groups.flatMap((g) => g.sentences.map((s) => ({ article: g.article, ...s })));

/** Sentences back in their article groups. */
export const groupSentences = <A>(sentences: MentionSentence<A>[]): MentionGroup<A>[] =>
  [...Map.groupBy(sentences, (s) => s.article)].map(([article, list]) => ({ article, sentences: list.map(({ sentence, marks }) => ({ sentence, marks })) }));
