import type { Reporter } from './diagnostics.ts';
import type { Span } from './types.ts';
import { reportingVerbs } from './lexicon.ts';
import { trimEnd } from './tokens.ts';

/** Where ", Name said" / ", she told" interrupts an unclosed quote: the offset of its comma, or -1. */
function embeddedCue(text: string, from: number, to: number): number {
  const cue = /,\s+(?:(?:[A-Z][\p{L}'’.-]*\s+){1,3}|(?:he|she|they)\s+)(\p{Ll}+)\b/gu;
  cue.lastIndex = from;
  for (let m = cue.exec(text); m && m.index < to; m = cue.exec(text)) if (reportingVerbs.has(m[1])) return m.index;
  return -1;
}

export interface QuoteSpan extends Span {
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark, or null when the quote runs to the paragraph's end. */
  close: number | null;
  paragraph: number;
  /** The quote goes on in the next paragraph (which opens with a mark). */
  continues: boolean;
  /** The quote goes on from the previous paragraph. */
  continued: boolean;
}

const doubleOpeners = '“„«';
const doubleClosers = '”»';
const space = /[\s\u00a0]/u;
const openingContext = /[\s\u00a0([{\u2014\u2013\-:;,/…]/u;

type Mark = 'open' | 'close' | 'either' | null;

/** Whether the mark at `i` can open or close a quote, judged by its neighbours. */
function classify(text: string, i: number, start: number, end: number): Mark {
  const ch = text[i];
  const before = i > start ? text[i - 1] : '';
  const after = i + 1 < end ? text[i + 1] : '';
  const canOpen = (before === '' || openingContext.test(before) || '"“‘'.includes(before)) && after !== '' && !space.test(after);
  // '"Caving in, " she said': a straight mark after punctuation and a stray space still closes.
  const strayClose = ch === '"' && space.test(before) && /[,.!?;]/.test(text[i - 2] ?? '') && (after === '' || space.test(after));
  const canClose = (before !== '' && !space.test(before) && (after === '' || !/[\p{L}\p{N}]/u.test(after))) || strayClose;
  if (ch === '"') return canOpen && canClose ? 'either' : canOpen ? 'open' : canClose ? 'close' : null;
  if (doubleOpeners.includes(ch)) return ch === '“' && !canOpen && canClose ? 'close' : 'open';
  if (doubleClosers.includes(ch)) return 'close';
  if (ch === '‘') return canOpen ? 'open' : null;
  if (ch === '’') return canClose ? 'close' : null;
  return null;
}

/**
 * A straight single mark that opens or closes a quote, not an apostrophe: it opens after a space or
 * bracket at the top level (nothing else open) before a letter, and closes after a letter before a
 * space or punctuation. Inside words ("don't", "Lund's") and in "'90s" it is an apostrophe.
 */
function straightSingle(text: string, i: number, p: Span, depth: number): 'open' | 'close' | null {
  const before = i > p.start ? text[i - 1] : ' ';
  const after = i + 1 < p.end ? text[i + 1] : ' ';
  if (/[\s(\[]/u.test(before) && /\p{L}/u.test(after) && depth === 0) {
    // Only when a closing mark follows in this paragraph: a lone opener is an apostrophe ("'em").
    const rest = text.slice(i + 1, p.end);
    return /[\p{L}\p{N}.,!?]'(?![\p{L}])/u.test(rest) ? 'open' : null;
  }
  if (/[\p{L}\p{N}.,!?]/u.test(before) && !/\p{L}/u.test(after)) return 'close';
  return null;
}

const isDouble = (ch: string) => ch === '"' || doubleOpeners.includes(ch) || doubleClosers.includes(ch);

/**
 * Finds the top-level quoted spans of each paragraph. Marks nest ('single' inside "double",
 * "inner" inside "outer"); a straight `"` between two letters (`Unesco"s`) is an apostrophe.
 * A quote still open at a paragraph's end stops there: it goes on in the next paragraph only
 * when that one opens with a mark, otherwise it is reported as unclosed.
 */
export function findQuoteSpans(text: string, paragraphs: Span[], reporter: Reporter): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let carried = false;
  paragraphs.forEach((p, paragraph) => {
    const stack: { mark: string; at: number }[] = [];
    const opensWithMark = (q: Span | undefined) => !!q && /^["“„«‘]/.test(text[q.start]);
    for (let i = p.start; i < p.end; i++) {
      const ch = text[i];
      if (ch === "'") {
        // Two straight single marks close a double quote ("…,'' she said"); one may quote at top level ('a disaster').
        if (text[i + 1] === "'" && stack.length && isDouble(stack[0].mark) && /\S/.test(text[i - 1] ?? ' ')) {
          const first = stack[0];
          stack.length = 0;
          push(first.at, i);
          spans[spans.length - 1].close = i + 1; // the cue is read after both marks
          i++;
          continue;
        }
        const single = straightSingle(text, i, p, stack.length);
        if (single === 'open') stack.push({ mark: "'", at: i });
        else if (single === 'close' && stack[stack.length - 1]?.mark === "'") {
          const top = stack.pop()!;
          if (!stack.length) push(top.at, i);
        }
        continue;
      }
      if (!'"“”„«»‘’'.includes(ch)) continue;
      const kind = classify(text, i, p.start, p.end);
      if (!kind) continue;
      const top = stack[stack.length - 1];
      // '"A. "B."' with paragraphs merged into one line: a fresh opening mark after a sentence end
      // inside an open double quote starts the next quote of the same speaker.
      if (top && stack.length === 1 && isDouble(top.mark) && isDouble(ch) && kind === 'open' && /[.!?]\s+$/.test(text.slice(Math.max(p.start, i - 3), i))) {
        stack.pop();
        push(top.at, null, false, trimEnd(text, i));
        stack.push({ mark: ch, at: i });
        continue;
      }
      const closesTop = top && (kind === 'close' || kind === 'either') && isDouble(ch) === isDouble(top.mark);
      if (closesTop) {
        stack.pop();
        if (!stack.length) push(top.at, i);
      } else if (kind === 'open' || kind === 'either') {
        // Single marks only count inside a double quote or when no double quote is open at all.
        if (!isDouble(ch) && stack.length === 0 && !/[\s\u00a0(]/u.test(text[i - 1] ?? ' ')) continue;
        stack.push({ mark: ch, at: i });
      }
    }
    const next = paragraphs[paragraph + 1];
    const continues = stack.length > 0 && opensWithMark(next) && isDouble(stack[0].mark) === isDouble(text[next!.start]);
    if (stack.length) {
      const first = stack[0];
      if (continues) push(first.at, null, true);
      else {
        // A mark never closed: the words end at the paragraph, or before a cue inside it ("…, Mendes told reporters").
        const cue = continues ? -1 : embeddedCue(text, first.at + 1, p.end);
        reporter.report('warning', 'unclosed-quote', `quote mark ${first.mark} opened here is never closed; the quote ends ${cue >= 0 ? 'before its attribution' : 'with its paragraph'}`, first.at);
        push(first.at, cue >= 0 ? cue : null);
      }
    }
    carried = continues;

    function push(open: number, close: number | null, goesOn = false, endAt?: number) {
      const start = open + 1;
      const end = close ?? endAt ?? p.end;
      if (!/[\p{L}\p{N}]/u.test(text.slice(start, end))) return;
      spans.push({ start, end, open, close, paragraph, continues: goesOn, continued: carried && open === p.start });
    }
  });
  return spans;
}
