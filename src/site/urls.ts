// Every URL the site links to, in one place.
export type Collection = 'articles' | 'actors' | 'agreements' | 'quotes';

export const entityPath = (collection: Collection, id: string) => `/${collection}/${id}/`;

/** The id of sentence `index` (0-based) on an article page. */
export const sentenceId = (index: number) => `s-${index + 1}`;

export const sentencePath = (article: string, index: number) => `${entityPath('articles', article)}#${sentenceId(index)}`;

/** Only http(s) URLs from frontmatter become links; anything else (e.g. `javascript:`) stays text. */
export function safeHttpUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
