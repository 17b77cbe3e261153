// An article's date from its own text, for seeds without frontmatter: a dateline paragraph
// ("Saturday, September 12, 2015") or the first full date the opening paragraphs state
// ("Today (27 March 2014) the government…"). Pure; dates are parsed by chrono-node.
import * as chrono from 'chrono-node';

export interface Span {
  start: number;
  end: number;
}

export interface TextDate {
  /** ISO `YYYY-MM-DD`, or null when the text states no full date. */
  date: string | null;
  /** Index of the paragraph that is only the date (a dateline), or null. */
  dateline: number | null;
}

/** Paragraphs searched for a dateline or a first date: datelines sit at the top. */
const opening = 3;
/** A dateline is short: the date, perhaps a place, and punctuation. */
const datelineLength = 60;
// Relative dates ("yesterday") have no reference point here; strict mode and a stated day,
// month and year keep only dates the text spells out.
const reference = new Date(Date.UTC(2000, 0, 1));

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function fullDates(text: string) {
  return chrono.en.strict
    .parse(text, reference)
    .filter((r) => r.start.isCertain('year') && r.start.isCertain('month') && r.start.isCertain('day'))
    .map((r) => ({
      index: r.index,
      text: r.text,
      iso: `${pad(r.start.get('year')!, 4)}-${pad(r.start.get('month')!)}-${pad(r.start.get('day')!)}`,
    }));
}

/** The date an article's text states for itself. */
export function dateFromText(text: string, paragraphs: readonly Span[]): TextDate {
  const first = paragraphs.slice(0, opening);
  for (const [i, p] of first.entries()) {
    const body = text.slice(p.start, p.end).trim();
    if (body.length > datelineLength) continue;
    const [found] = fullDates(body);
    // Only the date and what usually surrounds it in a dateline: a weekday, a place, punctuation.
    if (found && body.replace(found.text, '').replace(/[\s,.;:()–—-]+/gu, '').length <= 20) return { date: found.iso, dateline: i };
  }
  for (const p of first) {
    const [found] = fullDates(text.slice(p.start, p.end));
    if (found) return { date: found.iso, dateline: null };
  }
  return { date: null, dateline: null };
}

const months = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const monthPattern = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const dateShapes = [
  // 30 February 2026 · February 30, 2026 · 2026-02-30
  { re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${monthPattern}\\s+(\\d{4})\\b`, 'giu'), day: 1, month: 2, year: 3 },
  { re: new RegExp(`\\b${monthPattern}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'giu'), month: 1, day: 2, year: 3 },
  { re: /\b(\d{4})-(\d{2})-(\d{2})\b/gu, year: 1, month: 2, day: 3 },
];

/**
 * Dates in the opening paragraphs that are written like dates but do not exist ("30 February
 * 2026", "2026-13-45"): never used as the article's date, so the build warns about them. Offsets
 * into `text`.
 */
export function impossibleDates(text: string, paragraphs: readonly Span[]): { offset: number; text: string }[] {
  const found: { offset: number; text: string }[] = [];
  for (const p of paragraphs.slice(0, opening)) {
    const body = text.slice(p.start, p.end);
    for (const shape of dateShapes)
      for (const m of body.matchAll(shape.re)) {
        const name = m[shape.month].toLowerCase();
        const month = /^\d+$/.test(name) ? Number(name) : months.findIndex((x) => x.startsWith(name.slice(0, 3))) + 1;
        const day = Number(m[shape.day]);
        const year = Number(m[shape.year]);
        const days = month >= 1 && month <= 12 ? new Date(Date.UTC(year, month, 0)).getUTCDate() : 0;
        if (day < 1 || day > days) found.push({ offset: p.start + m.index!, text: m[0] });
      }
  }
  return found.sort((a, b) => a.offset - b.offset);
}
