// What an article page says about the article besides its text: summary, date, length. Pure.
import type { ExtractedArticle } from '../../extract/types.ts';
import { dateFromText, impossibleDates } from '../article-date.ts';

const summaryLength = 280;

/** The first paragraph, cut at a word boundary. */
export function summarize(text: string): string {
  const clean = text.replace(/\s+/gu, ' ').trim();
  if (clean.length <= summaryLength) return clean;
  const cut = clean.slice(0, summaryLength);
  const space = cut.lastIndexOf(' ');
  return `${(space > summaryLength / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.—–-]+$/u, '')}…`;
}

/** Words as a reader counts them: "U.S." and "don't" are one each, "2,000" is two. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/**
 * The article's date and summary. Frontmatter's date wins; otherwise the date the text states. The
 * summary is the first paragraph that is not the dateline. `impossible` lists dates the text gives
 * that do not exist (when the article has no date otherwise), to warn about.
 */
export function dateAndSummary(article: ExtractedArticle): { date: string | null; summary: string; impossible: { text: string; offset: number }[] } {
  const stated = dateFromText(article.text, article.paragraphs);
  const impossible = !article.date && !stated.date ? impossibleDates(article.text, article.paragraphs) : [];
  const first = article.paragraphs.find((_, p) => p !== stated.dateline);
  return { date: article.date ?? stated.date, summary: first ? summarize(article.text.slice(first.start, first.end)) : '', impossible };
}
