import { VFile } from 'vfile';
import type { Diagnostic } from './types.ts';

/** Line and column (both 1-based) of each offset in a text. */
export function locator(text: string): (offset: number) => { line: number; column: number } {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lineStarts[lo] + 1 };
  };
}

/**
 * Collects an article's diagnostics as vfile messages (so they print like any unified
 * tool's) and as plain records for the JSON output.
 */
export class Reporter {
  readonly file: VFile;
  readonly diagnostics: Diagnostic[] = [];
  private locate: (offset: number) => { line: number; column: number };

  constructor(path: string, text: string, locate?: (offset: number) => { line: number; column: number }) {
    this.file = new VFile({ path, value: text });
    this.locate = locate ?? locator(text);
  }

  /** Re-point offsets: later stages report against the normalised article text. */
  retarget(locate: (offset: number) => { line: number; column: number }): void {
    this.locate = locate;
  }

  report(severity: Diagnostic['severity'], rule: string, message: string, offset: number): void {
    const place = this.locate(offset);
    const msg = this.file.message(message, { place, ruleId: rule, source: 'explainer' });
    msg.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined;
    this.diagnostics.push({ severity, rule, message, offset, ...place });
  }
}
