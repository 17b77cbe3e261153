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
