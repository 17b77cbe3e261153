import { type Diagnostic, locator, type Place, type TextDiagnostic } from '../diagnostics.ts';

/** Collects an article's diagnostics, each placed in the input file when it is made. */
export class Reporter {
  readonly diagnostics: TextDiagnostic[] = [];
  private readonly file: string;
  private locate: (offset: number) => Place;

  constructor(file: string, text: string) {
    this.file = file;
    this.locate = locator(text);
  }

  /** Re-point offsets: later stages report against the normalised article text. */
  retarget(locate: (offset: number) => Place): void {
    this.locate = locate;
  }

  report(severity: Diagnostic['severity'], rule: string, message: string, offset: number): void {
    this.diagnostics.push({ file: this.file, ...this.locate(offset), offset, severity, rule, source: 'extract', message });
  }
}
