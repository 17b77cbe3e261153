// The extraction of one article: the contract of `explainer extract --format json`
// (and of ../shared/eval/score.mjs). Offsets are UTF-16 code units into `article.text`.
// Kinds, statuses and rule ids are the shared vocabulary of src/schema/vocab.ts.
import type { TextDiagnostic } from '../diagnostics.ts';
import type { ActorKind, AgreementStatus, AttributionRule } from '../schema/vocab.ts';

export type { ActorKind, AgreementStatus } from '../schema/vocab.ts';

export interface Span {
  start: number;
  end: number;
}

export interface Sentence extends Span {
  paragraph: number;
}

export interface Mention extends Span {
  sentence: number;
}

export interface ExtractedArticle {
  id: string;
  title: string;
  date: string | null;
  source: string | null;
  author: string | null;
  text: string;
  /** The headline's span in `text` (empty when the seed has none). */
  titleSpan: Span;
  paragraphs: Span[];
  sentences: Sentence[];
}

export interface Role {
  text: string;
  sentence: number;
}

export interface Actor {
  id: string;
  name: string;
  kind: ActorKind;
  aliases: string[];
  roles: Role[];
  /** Id of the country or organization the actor belongs to. */
  affiliation: string | null;
  gender: 'male' | 'female' | null;
  mentions: Mention[];
}

export interface Quote extends Span {
  id: string;
  text: string;
  sentence: number;
  paragraph: number;
  speaker: string | null;
  /** The words that name the speaker ("the Kenyan ambassador", "an official"). */
  speaker_mention: string | null;
  /** Where those words are in the text (for a quote that inherits its speaker: where the earlier quote's are). */
  speaker_mention_span: Span | null;
  /** The reporting verb ("said"), and where it is. */
  cue: string | null;
  cue_span: Span | null;
  /** Which attribution rule named the speaker (`src/schema/vocab.ts` lists them). */
  rule: AttributionRule;
  confidence: number;
  /** Agreements the quote talks about. */
  agreements: string[];
}


export interface Agreement {
  id: string;
  name: string;
  aliases: string[];
  parties: string[];
  status: AgreementStatus | null;
  mentions: Mention[];
}

export interface Extraction {
  article: ExtractedArticle;
  actors: Actor[];
  quotes: Quote[];
  agreements: Agreement[];
  diagnostics: TextDiagnostic[];
}
