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
