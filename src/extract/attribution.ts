import type { Actor, ExtractedArticle, Quote } from './types.ts';
import type { ActorMention } from './actors.ts';
import type { QuoteSpan } from './quote-spans.ts';
import type { Reporter } from './diagnostics.ts';
import { isWord, tokenize, type Token } from './tokens.ts';
import { countryByDemonym, countryByName } from './gazetteer.ts';
import {
  documentNouns, functionWords, relayVerbs, reportingVerbs, titleAbbreviation, titleAbbreviations, titleHeads, titleWords, unnamedSourceHeads,
} from './lexicon.ts';

/** Verbs that only report speech right next to the words ("she continued: …", "what they called …"). */
const adjacentOnly = new Set([
  'continue', 'add', 'read', 'call', 'write', 'post', 'put', 'point', 'term', 'label', 'brand', 'dub', 'hail', 'welcome', 'thank',
  'praise', 'accuse', 'criticise', 'agree', 'believe', 'indicate', 'predict', 'recall', 'respond', 'answer', 'ask', 'report',
  'describe', 'cite', 'quote', 'promise', 'recommend', 'reason', 'defend', 'mention', 'state', 'suspect', 'maintain', 'confirm',
  'deny', 'urge', 'note', 'comment', 'suggest', 'announce', 'declare', 'remark', 'observe', 'conclude',
]);
const townNouns = new Set(['city', 'town', 'municipality', 'council']);
/** The members of a body speak for it: "the judges wrote" is the court's words. */
const bodyNouns = new Map([
  ['judges', ['court', 'tribunal']], ['justices', ['court']], ['panel', ['court', 'tribunal', 'committee', 'panel']],
  ['lawmakers', ['congress', 'parliament', 'assembly', 'senate', 'legislature']], ['legislators', ['congress', 'parliament', 'assembly', 'legislature']],
]);

/** Words between a subject and its verb that do not change who speaks. */
const skippable = new Set(['has', 'have', 'had', 'was', 'were', 'is', 'also', 'then', 'later', 'again', 'once', 'today', 'yesterday', 'earlier', 'recently', 'previously', 'further', 'simply', 'clearly', 'reportedly', 'publicly', 'privately', 'separately', 'subsequently', 'repeatedly', 'would', 'will', 'already', 'even', 'only', 'just', 'never', 'always', 'often']);
const pronounGender: Record<string, 'male' | 'female' | 'plural' | 'neuter'> = { he: 'male', she: 'female', they: 'plural', it: 'neuter', we: 'plural' };
const determiners = /^(the|a|an|another|one|two|three|some|several|many|other|this|that|these|those|its|his|her|their|our|senior|a\s+senior)$/i;

interface Cue {
  verb: Token;
  /** Where the subject lies: before the verb (left), or after it (inverted). */
  subject: { start: number; end: number } | null;
}

interface Speaker {
  actor: string | null;
  mention: string | null;
  rule: string;
  confidence: number;
}

/** A phrase up to the first punctuation, reading through the stops of "Mr." and initials. */
const phrasePattern = new RegExp(String.raw`^(?:(?:${titleAbbreviations.join('|')})\.|\p{Lu}\.(?=\s)|[^,.;:!?"“”()])*`, 'u');
/** The index of the last item whose key is at or before `at` (items sorted by key), or -1. */
function lastIndexAtOrBefore<T>(items: T[], at: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]) <= at) [found, lo] = [mid, mid + 1];
    else hi = mid - 1;
  }
  return found;
}

const lemma = (t: Token) => (t.cap ? undefined : reportingVerbs.get(t.text));

/** Tokens outside round brackets: "Ann Berg (D-Ore.), the senator," reads as "Ann Berg, the senator,". */
function withoutBrackets(tokens: Token[]): Token[] {
  let depth = 0;
  return tokens.filter((t) => {
    if (t.text === '(') depth++;
    const keep = depth === 0;
    if (t.text === ')') depth = Math.max(0, depth - 1);
    return keep;
  });
}

/** Words before a reporting verb's form that make it a noun ("the reports", "that states can"). */
const nounBefore = /^(the|a|an|these|those|many|some|all|both|other|such|his|her|its|their|our|news|media)$/i;
/** Words after it that make it a noun ("reports of closures", "states can pass"). */
const nounAfter = /^(of|can|could|will|would|may|might|must|should|are|were|have|do|is)$/i;

/** The reporting verb at `words[k]`, when it is one there: a verb form used as a verb, not as a noun. */
function cueLemma(words: Token[], k: number): string | undefined {
  // "Continued Stone: …": a capitalised verb opening its clause before a name.
  if (words[k].cap && k === 0 && words[1]?.cap && /(ed|s)$/.test(words[k].text)) return reportingVerbs.get(words[k].text.toLowerCase());
  const l = lemma(words[k]);
  if (!l || !/s$/.test(words[k].text)) return l;
  return nounBefore.test(words[k - 1]?.text ?? '') || nounAfter.test(words[k + 1]?.text ?? '') ? undefined : l;
}

/**
 * Gives each quote its speaker: the subject of a reporting verb before or after the words
 * (names, pronouns, role phrases, outlets), a quote split by its cue, a floating quote
 * following one already attributed, and nobody where the text names nobody.
 */
export function attributeQuotes(
  article: ExtractedArticle,
  spans: QuoteSpan[],
  actors: Actor[],
  mentions: ActorMention[],
  reporter: Reporter,
): Quote[] {
  const { text, sentences } = article;
  const byId = new Map(actors.map((a) => [a.id, a]));
  // Spans and sentences are in text order: look offsets up by bisection, not by scanning.
  const inQuote = (at: number) => {
    const i = lastIndexAtOrBefore(spans, at, (q) => q.start);
    return i >= 0 && at < spans[i].end;
  };
  const sentenceAt = (at: number) => Math.max(0, lastIndexAtOrBefore(sentences, at, (x) => x.start));
  const outside = mentions.filter((m) => !inQuote(m.start));
  const outsideBySentence = new Map<number, ActorMention[]>();
  for (const m of outside) outsideBySentence.set(m.sentence, [...(outsideBySentence.get(m.sentence) ?? []), m]);
  const quotes: Quote[] = [];

  spans.forEach((span, i) => {
    const previous = quotes[quotes.length - 1];
    const prevSpan = spans[i - 1];
    const nextSpan = spans[i + 1];
    const s0 = sentences[sentenceAt(span.open)];
    const s1 = sentences[sentenceAt(span.close ?? span.end - 1)];
    const leftFrom = prevSpan && prevSpan.paragraph === span.paragraph && (prevSpan.close ?? prevSpan.end) >= s0.start ? (prevSpan.close ?? prevSpan.end) + 1 : s0.start;
    // '"…?" Ann Berg asked.': a question or exclamation ends its sentence for the splitter, not for its cue.
    const exclaimed = span.close != null && /[?!]$/.test(text.slice(span.start, span.close)) && s1.end <= span.close + 2;
    const cueEnd = exclaimed && sentences[sentenceAt(s1.end) + 1]?.paragraph === span.paragraph ? sentences[sentenceAt(s1.end) + 1].end : s1.end;
    const rightTo = nextSpan && nextSpan.paragraph === span.paragraph && nextSpan.open < cueEnd ? nextSpan.open : cueEnd;
    const right = span.close == null ? null : rightCue(span.close + 1, rightTo);
    const left = leftCue(leftFrom, span.open) ?? introducerCues(span)[0] ?? null;
    const words = (text.slice(span.start, span.end).match(/[\p{L}\p{N}]+/gu) ?? []).length;
    const samePlace = previous && (previous.paragraph === span.paragraph || previous.paragraph === span.paragraph - 1);

    let speaker: Speaker | null = null;
    let cue: Token | null = null;
    if (span.continued && previous) speaker = { actor: previous.speaker, mention: previous.speaker_mention, rule: 'continuation', confidence: 0.9 };
    else {
      const cues = right ? [right] : leftCues(leftFrom, span.open);
      if (!cues.length) cues.push(...introducerCues(span));
      const chosen = firstResolved(cues, span.open);
      if (chosen) {
        cue = chosen.cue.verb;
        speaker = chosen.speaker;
        // "…," he said, "…": the second half has the same speaker.
        if (!speaker && previous && prevSpan?.paragraph === span.paragraph && left && !right) speaker = inherit(previous, 'split');
        // 'Ann Berg has criticised the plan, adding that it would be "…"': the clause's subject speaks.
        if (!speaker?.actor && !right && !speaker?.mention) speaker = clauseSubject(sentenceAt(span.open), span.open) ?? speaker;
      } else if (previous && prevSpan && previous.start === prevSpan.start && sentenceAt(prevSpan.open) === sentenceAt(span.open)) speaker = inherit(previous, 'split');
      else if ((speaker = colonSubject(span))) {
        // "Ann Berg, at the rally: “…”": the name that introduces the words
      }
      else if (midSentence(span) && (speaker = clauseSubject(sentenceAt(span.open), span.open))) {
        // the subject of the quote's own clause
      } else if (previous && samePlace && words > 3 && !newSubjectBetween(previous, span.open)) speaker = inherit(previous, 'floating');
      else speaker = statementBefore(span.open) ?? subjectBefore(span);
    }
    // A title in quotation marks ("Cowboys and Indians"): capitalised words, no speech verb.
    const quoted = text.slice(span.start, span.end);
    const title = words >= 2 && words <= 6 && (quoted.match(/\p{L}[\p{L}'’-]*/gu) ?? []).every((w) => /^\p{Lu}/u.test(w) || /^(of|and|the|a|an|in|on|for|to|with|at|by|or)$/.test(w));
    if (title && !(cue && /^(say|tell)$/.test(lemma(cue) ?? ''))) return;
    if (!speaker) {
      // Scare quotes and titles: a word or two that nobody is said to have said.
      if (words <= 3 && !cue) return;
      reporter.report('info', 'unattributed-quote', 'quote has no speaker the text names', span.open);
      speaker = { actor: null, mention: null, rule: cue ? 'unresolved-subject' : 'no-cue', confidence: 0.3 };
    }
    if (cue && relayVerbs.has(cue.text.toLowerCase()) && speaker.actor && byId.get(speaker.actor)?.kind === 'media')
      speaker = { ...speaker, actor: null, rule: 'relayed-by-outlet' };
    quotes.push({
      id: `q${quotes.length + 1}`,
      text: text.slice(span.start, span.end),
      start: span.start,
      end: span.end,
      sentence: sentenceAt(span.open),
      paragraph: span.paragraph,
      speaker: speaker.actor,
      speaker_mention: speaker.mention,
      cue: cue?.text ?? (speaker.rule === 'continuation' || speaker.rule === 'floating' ? previous?.cue ?? null : null),
      rule: speaker.rule,
      confidence: speaker.confidence,
      agreements: [],
    });
  });
  return quotes;

  /** A sentence between two quotes that is about someone else ("A resident group wrote …") ends the run of quotes. */
  function newSubjectBetween(previous: Quote, open: number): boolean {
    for (let i = sentenceAt(previous.end); i <= sentenceAt(open); i++) {
      const x = sentences[i];
      if (x.start < previous.end || x.end > open || inQuote(x.start + 1)) continue;
      if (/^(an?|another|one)\s/i.test(text.slice(x.start, x.end))) return true;
      if ((outsideBySentence.get(i) ?? []).some((m) => m.actor !== previous.speaker && m.kind !== 'country' && m.kind !== 'place')) return true;
    }
    return false;
  }

  /** The subject of the sentence just before a quote, when that sentence says they made a statement. */
  function statementBefore(open: number): Speaker | null {
    const here = sentenceAt(open);
    const before = sentences[here - 1];
    if (!before || before.paragraph !== sentences[here].paragraph || sentences[here].start !== open) return null;
    const said = new RegExp(`\\b(?:issued|released|published|posted|made|gave|wrote)\\s+(?:a|an|the|his|her|their)\\s+(?:\\w+\\s+)?(?:${[...documentNouns].join('|')})\\b`).exec(text.slice(before.start, before.end));
    if (!said) return null;
    const subject = (outsideBySentence.get(here - 1) ?? []).find((m) => m.start < before.start + said.index && !m.possessive && m.kind !== 'country' && m.kind !== 'place');
    return subject ? named(subject, '') : null;
  }

  /** The sentence closing the paragraph above with ":" or "," ("The minister said:"), when it introduces the quote that opens this one. */
  function introducer(span: QuoteSpan): number | null {
    const paragraph = article.paragraphs[span.paragraph];
    const above = article.paragraphs[span.paragraph - 1];
    if (!above || span.open !== paragraph.start || span.continued || !/[:,]$/.test(text.slice(above.start, above.end))) return null;
    const last = sentenceAt(above.end - 1);
    return inQuote(sentences[last].end - 1) ? null : last;
  }

  /** "Ann Berg observed, after the vote, that …:" above the quote: its reporting verbs, at any distance when it ends with a colon. */
  function introducerCues(span: QuoteSpan): Cue[] {
    const index = introducer(span);
    if (index == null) return [];
    const s = sentences[index];
    return leftCues(s.start, s.end, text[s.end - 1] === ':');
  }

  function inherit(previous: Quote, rule: string): Speaker {
    return { actor: previous.speaker, mention: previous.speaker_mention, rule, confidence: 0.75 };
  }

  /** `"…," X said` or `"…," said X`: a reporting verb among the first words after the quote. */
  function rightCue(from: number, to: number): Cue | null {
    const tokens = tokenize(text, from, to);
    const words = tokens.filter(isWord);
    // Twenty words reach past an apposition ('"…," Ann Berg, who led the study at the institute, said').
    const at = words.slice(0, 20).findIndex((t, k) => cueLemma(words, k) && !(t.text === 'according'));
    if (at < 0) {
      const according = /^[\s,;—–-]*according to\s+/i.exec(text.slice(from, to));
      if (according) {
        const start = from + according[0].length;
        return { verb: tokens.find((t) => t.text.toLowerCase() === 'according')!, subject: { start, end: phraseEnd(start, to) } };
      }
      return verbByPosition(from, words);
    }
    const verb = words[at];
    const lead = text.slice(from, verb.start);
    // Only a subject (or nothing) may stand between the quote and its verb; brackets ("(D-Ore.)") and
    // relative clauses in commas (", who led the study,") belong to the subject.
    const core = lead.replace(/\([^()]*\)/g, ' ').replace(/,\s+(?:who|which|whose)\b[^,]*,/g, ',');
    if (/[.!?]/.test(core.replace(new RegExp(titleAbbreviation.source, 'g'), '').replace(/\b[A-Z]\./g, '')) || /\b(that|which|who|because|but|and|if|when|while)\b/.test(core)) return null;
    const subject = lead.replace(/^[\s,;:—–-]+/, '');
    if (subject.trim()) return { verb, subject: { start: verb.start - lead.length + (lead.length - subject.length), end: trimEnd(verb.start) } };
    // A participle opens a clause of the same speaker ('"…," adding that …'), never an inverted subject.
    if (/ing$/.test(verb.text) || /^(that|to|it|he|she|they)$/i.test(words[at + 1]?.text ?? '')) return null;
    // Inverted: "said the minister", "said Nordmark's chief negotiator, Ingrid Solberg".
    const start = skipSpace(verb.end);
    let end = phraseEnd(start, to);
    const named = /^,\s*/.exec(text.slice(end, to));
    const apposed = named && outside.find((m) => m.kind === 'person' && m.start === end + named[0].length);
    if (apposed) end = apposed.end;
    return { verb, subject: { start, end } };
  }

  /**
   * '"…," Ann Berg barked.': a verb no lexicon lists, known by its place — a name right after a quote
   * that ends with a comma, question or exclamation mark, then a past-tense or present verb.
   */
  function verbByPosition(from: number, words: Token[]): Cue | null {
    if (!/[,?!]["”’]?\s*$/.test(text.slice(Math.max(0, from - 3), from))) return null;
    const subject = outside.find((m) => m.start >= from && m.start <= skipSpace(from) + 1 && m.kind !== 'country' && m.kind !== 'place');
    if (!subject) return null;
    const k = words.findIndex((t) => t.start >= subject.end);
    const verb = words[k];
    if (!verb || verb.cap || verb.start > subject.end + 1 || !/^\p{Ll}+(?:ed|s)$/u.test(verb.text) || functionWords.has(verb.text)) return null;
    return { verb, subject: { start: subject.start, end: subject.end } };
  }

  /** `X said: "…"`, `X told Y that … "…"`: the reporting verbs before the quote, the nearest first. */
  function leftCues(from: number, to: number, anyDistance = false): Cue[] {
    const tokens = tokenize(text, from, to);
    const words = tokens.filter(isWord);
    const cues: Cue[] = [];
    for (let k = words.length - 1; k >= 0; k--) {
      const verb = words[k];
      const l = cueLemma(words, k);
      if (!l) continue;
      if (verb.text.toLowerCase() === 'according' && words[k + 1]?.text === 'to') {
        const start = skipSpace(words[k + 1].end);
        cues.push({ verb, subject: { start, end: phraseEnd(start, to) } });
        continue;
      }
      if (adjacentOnly.has(l) && words.length - k > 6 && !anyDistance) continue;
      if (/ing$/.test(verb.text) && !/^(saying|adding|stating|noting|telling|warning|insisting|explaining|arguing|promising|recommending|reporting|citing|claiming)$/.test(verb.text.toLowerCase())) continue;
      cues.push({ verb, subject: { start: from, end: trimEnd(verb.start) } });
    }
    return cues;
  }

  function leftCue(from: number, to: number): Cue | null {
    return leftCues(from, to)[0] ?? null;
  }

  /**
   * The first cue whose subject names somebody: "She says …, but insists X is “…”" reads past the
   * nearest verb to the one whose subject is a name. Without a named subject, the nearest cue.
   */
  function firstResolved(cues: Cue[], at: number): { cue: Cue; speaker: Speaker | null } | null {
    let fallback: { cue: Cue; speaker: Speaker | null } | null = null;
    for (const cue of cues) {
      // "X commended Y, saying he “…”": a participle's subject is its main clause's.
      // ("with Y stating", "a statement saying" have subjects of their own: only a participle after a comma).
      const participle = /ing$/.test(cue.verb.text) && cue.subject != null && cue.subject.end <= cue.verb.start && /,\s*$/.test(text.slice(cue.subject.start, cue.verb.start));
      const speaker = (participle ? clauseSubject(sentenceAt(cue.verb.start), cue.verb.start) : null) ?? resolveSubject(cue, at);
      if (speaker?.actor) return { cue, speaker };
      fallback ??= { cue, speaker };
    }
    return fallback;
  }

  /**
   * A quote standing alone after a sentence about somebody ("Ann Berg praised the plan. ¶ “…”"):
   * the subject of the sentence just before, in this paragraph or the one above, when no quote is in it.
   */
  function subjectBefore(span: QuoteSpan): Speaker | null {
    const here = sentenceAt(span.open);
    const index = introducer(span) ?? here - 1;
    const s = sentences[index];
    if (!s || s.paragraph < span.paragraph - 1 || index === here || midSentence(span)) return null;
    if (spans.some((q) => q.open >= s.start && q.open < s.end)) return null;
    const subject = clauseSubject(index, s.end);
    if (!subject?.actor || byId.get(subject.actor)?.kind !== 'person') return null;
    return { ...subject, rule: 'subject-before', confidence: 0.6 };
  }

  /**
   * "Continued Ann Berg: “…”", "with Ann Berg yelling: “…”": a quote right after a colon belongs to the
   * first name of the clause that ends with the colon.
   */
  function colonSubject(span: QuoteSpan): Speaker | null {
    const before = text.slice(Math.max(0, span.open - 200), span.open);
    if (!/:\s*$/.test(before)) return null;
    const index = sentenceAt(span.open);
    const from = Math.max(sentences[index].start, span.open - before.length + before.search(/[^,;—–]*:\s*$/));
    const inClause = (outsideBySentence.get(index) ?? []).filter((m) => m.start >= from && m.end <= span.open && m.kind !== 'country' && m.kind !== 'place');
    const subject = inClause.find((m) => m.kind === 'person') ?? inClause[0];
    return subject ? { ...named(subject, ''), rule: 'colon', confidence: 0.7 } : null;
  }

  /** The quote opens inside a sentence, after words of its own ("Ann Berg called it “…”"). */
  function midSentence(span: QuoteSpan): boolean {
    const s = sentences[sentenceAt(span.open)];
    return /[\p{L}\p{N}]/u.test(text.slice(s.start, span.open));
  }

  /**
   * The subject of the clause a quote sits in, when no reporting verb names one: a name (or a
   * pronoun) at the clause's start, after any fronted phrase ("In an interview with X, Y …").
   */
  function clauseSubject(index: number, end: number): Speaker | null {
    const s = sentences[index];
    let from = s.start;
    // A fronted phrase up to its comma ("In an interview on Sunday, …", "Speaking in Oslo, …").
    const fronted = /^(?:(?:In|At|On|After|Before|During|While|Whilst|When|Speaking|Asked|Writing|Addressing|Following|Despite|Later|Earlier|Meanwhile|However|But|And|Still|Yet|Also|Separately|Instead|Elsewhere|For his part|For her part)\b[^,"“”]{0,120},\s*)/.exec(text.slice(from, end));
    if (fronted) from += fronted[0].length;
    const lead = /^(?:(?:But|And|Yet|So|Still|Then|Now|Also)\s+)?/.exec(text.slice(from, end))!;
    from += lead[0].length;
    const pronoun = /^(he|she|they|it)\b/i.exec(text.slice(from, end));
    if (pronoun) return resolvePronoun(pronoun[1], pronounGender[pronoun[1].toLowerCase()], from);
    const subject = (outsideBySentence.get(index) ?? []).find((m) => m.start >= from && m.start < end);
    if (!subject || subject.kind === 'country' || subject.kind === 'place') return null;
    // Only role words may stand before the name ("Former Arkansas Gov. Ann Berg", "conservative commentator X").
    const before = tokenize(text, from, subject.start).filter(isWord);
    if (before.length > 6 || before.some((t) => lemma(t) || /^(of|to|for|with|by|from|that|which|who|and|or|is|was|has|had|will|would)$/i.test(t.text))) return null;
    if (subject.possessive) return null;
    return { ...named(subject, ''), rule: 'clause-subject', confidence: 0.7 };
  }

  function skipSpace(at: number): number {
    while (at < text.length && /\s/.test(text[at])) at++;
    return at;
  }
  function trimEnd(at: number): number {
    while (at > 0 && /\s/.test(text[at - 1])) at--;
    return at;
  }
  function phraseEnd(from: number, to: number): number {
    // Up to the first punctuation, reading through the stops of "Mr." and initials.
    const m = phrasePattern.exec(text.slice(from, to));
    return trimEnd(from + (m?.[0].length ?? 0));
  }

  /** Who the words before (or after) a reporting verb are. */
  function resolveSubject(cue: Cue, at: number): Speaker | null {
    if (!cue.subject || cue.subject.end <= cue.subject.start) return null;
    const { start, end } = cue.subject;
    const tokens = withoutBrackets(tokenize(text, start, end).filter((t) => t.text !== '"'));
    // Drop auxiliaries and adverbs right before the verb: "X has also said".
    while (tokens.length && skippable.has(tokens[tokens.length - 1].text.toLowerCase())) tokens.pop();
    if (!tokens.length) return null;
    const last = tokens[tokens.length - 1];
    const according = cue.verb.text.toLowerCase() === 'according';
    const inside = outside.filter((m) => m.start >= start && m.end <= last.end && !m.possessive && (according || !followsBy(m)));
    const phrase = text.slice(start, last.end);

    // "X did this whilst promising …": the main clause's subject speaks.
    if (/^(while|whilst|after|before|as|when|by|in|before|since|until)$/i.test(last.text)) {
      const subject = inside.find((m) => m.kind !== 'country' && m.kind !== 'place');
      return subject ? named(subject, phrase) : null;
    }
    // "said planetary scientist Ann Berg of the Polar Institute at a press conference": the person, not what follows.
    const firstPerson = inside.find((m) => m.kind === 'person');
    const personWithModifier = firstPerson && /^\s+(?:of|from|at|in|on|with)\s/.test(text.slice(firstPerson.end, firstPerson.end + 6)) ? firstPerson : undefined;
    if (personWithModifier) return named(personWithModifier, phrase);
    // A name (or an appositive after it: "X, the minister, said").
    const adjacent = inside.find((m) => m.end === last.end);
    if (adjacent) return named(adjacent, phrase);
    if (last.text === ',') {
      // "X, the minister, said" / "the minister, X, said" / "X, who met Y, said": the name next to the
      // appositive's opening comma, or the name that is the appositive.
      const commas = tokens.filter((t) => t.text === ',');
      const open = commas.length > 1 ? commas[commas.length - 2] : undefined;
      const apposed = open && inside.find((m) => m.kind === 'person' && m.start === tokens[tokens.indexOf(open) + 1]?.start && m.end === tokens[tokens.length - 2]?.end);
      const before = open && inside.filter((m) => m.end === open.start || (m.end <= open.start && m.kind !== 'country' && m.kind !== 'place')).at(-1);
      const who = apposed ?? before ?? inside.filter((m) => m.kind === 'person').at(-1);
      if (who) return named(who, phrase);
    }
    const pronoun = pronounGender[last.text.toLowerCase()];
    if (pronoun && (tokens.length === 1 || /^[,;:]$/.test(tokens[tokens.length - 2]?.text ?? '') || functionWords.has(tokens[tokens.length - 2]?.text.toLowerCase() ?? ''))) return resolvePronoun(last.text, pronoun, Math.min(at, last.start));

    // A noun phrase: the last determiner-led stretch before the verb.
    let k = tokens.length - 1;
    while (k > 0 && isWord(tokens[k - 1]) && !determiners.test(tokens[k].text) && !/^(and|but|while|whilst|that|which|who|with|after|before|as)$/i.test(tokens[k - 1].text)) k--;
    const np = tokens.slice(k);
    const npText = text.slice(np[0].start, last.end);
    const head = last.text.toLowerCase();
    const npMentions = inside.filter((m) => m.start >= np[0].start);
    // "Cornyn's statement added": the document's owner speaks through it.
    const owner = outside.find((m) => m.possessive && m.start >= start && m.end <= last.end && m.kind !== 'country' && m.kind !== 'place');
    if (owner && documentNouns.has(head)) return named(owner, npText, 'document');
    // "the Kenyan ambassador", "a visibly tired attorney general", "Israeli prime minister": a role someone holds.
    // With "a", only a title of two words or more names one office ("an official" is anybody).
    const titled = titleHeads.has(head) && (/^the\b/i.test(npText) || (/^an?\b/i.test(npText) ? titleHeads.has(np.at(-2)?.text.toLowerCase() ?? '') || /\b(attorney|prime|foreign|home|secretary)\b/i.test(npText) : np[0].start === start));
    if (titled) {
      const holder = roleHolder(np, at);
      if (holder) return { actor: holder.id, mention: npText, rule: 'role', confidence: 0.8 };
    }
    if (documentNouns.has(head) || np.some((t) => documentNouns.has(t.text.toLowerCase()))) {
      // "X issued a statement saying …": the document speaks for whoever issued it.
      const issuer =
        npMentions.find((m) => m.kind === 'organization' || m.kind === 'media' || m.kind === 'person') ??
        inside.filter((m) => m.end <= np[0].start && m.kind !== 'country' && m.kind !== 'place').at(-1);
      return issuer ? named(issuer, npText, 'document') : { actor: null, mention: npText, rule: 'unnamed-document', confidence: 0.6 };
    }
    if (npMentions.length && !titleHeads.has(head) && !unnamedSourceHeads.has(head)) return named(npMentions[npMentions.length - 1], npText);
    // "the ministry said", "the city reasoned": the latest organisation with that head word in its name.
    if (/^the\s/i.test(npText) && (np.length === 2 || bodyNouns.has(head))) {
      const body = bodyNamed(head, at);
      if (body) return { actor: body.id, mention: npText, rule: 'organisation-noun', confidence: 0.7 };
    }
    if (unnamedSourceHeads.has(head) || titleHeads.has(head) || /^(the|a|an|another|one)\b/i.test(npText))
      return { actor: null, mention: npText, rule: 'unnamed-source', confidence: 0.7 };
    // Any other subject holding a name we know; else somebody the text does not name.
    if (inside.length) return named(inside[inside.length - 1], phrase);
    const subject = (phrase.split(/\s+/).length <= 8 ? phrase : npText).replace(/^[\s,;:]+/, '');
    const described = /^(the|a|an|another|one|some|several|two|three|its|his|her|their)\s/i.test(subject) && !tokenize(subject).some((t) => lemma(t));
    return described ? { actor: null, mention: subject, rule: 'unnamed-source', confidence: 0.6 } : null;
  }

  function followsBy(m: ActorMention): boolean {
    return /\b(by|to|from|of|for|in|at|on|about)\s+(the\s+)?$/i.test(text.slice(Math.max(0, m.start - 10), m.start));
  }

  function named(m: ActorMention, phrase: string, rule = 'name'): Speaker {
    const words = rule === 'name' ? text.slice(m.start, m.end) : phrase.trim();
    return { actor: m.actor, mention: words, rule, confidence: 0.9 };
  }

  /** "the Kenyan ambassador": the actor introduced with that role (and nationality). */
  function roleHolder(np: Token[], at: number): Actor | undefined {
    // "the foreign secretary" is not "the home secretary": a title word before the head is part of the role.
    const twoWords = titleWords.has(np.at(-2)?.text.toLowerCase() ?? '') && !/^(the|a|an)$/i.test(np.at(-2)!.text);
    const head = twoWords ? `${np.at(-2)!.text.toLowerCase()} ${np.at(-1)!.text.toLowerCase()}` : np[np.length - 1].text.toLowerCase();
    const modifiers = np.slice(0, -1).map((t) => t.text);
    const country = modifiers.map((m) => countryByDemonym(m) ?? countryByName(m)).find(Boolean);
    const holders = actors.filter((a) => {
      if (a.kind !== 'person') return false;
      const roles = a.roles.map((r) => r.text.toLowerCase()).join(' | ');
      if (!new RegExp(`\\b${head}\\b`).test(roles)) return false;
      if (country) {
        const aff = a.affiliation ? byId.get(a.affiliation) : undefined;
        if (aff?.kind === 'country' && aff.name !== country.name) return false;
      }
      return true;
    });
    return mostRecent(holders, at);
  }

  function bodyNamed(noun: string, at: number): Actor | undefined {
    const heads = townNouns.has(noun) ? ['municipality', 'council', 'city', 'town'] : (bodyNouns.get(noun) ?? [noun]);
    const bodies = actors.filter((a) => a.kind === 'organization' && a.name.toLowerCase().split(/\s+/).some((w) => heads.includes(w)));
    return bodies.length ? mostRecent(bodies, at) : undefined;
  }

  function mostRecent(candidates: Actor[], at: number): Actor | undefined {
    let best: Actor | undefined;
    let bestAt = -1;
    for (const a of candidates) {
      const last = Math.max(-1, ...a.mentions.filter((m) => m.start < at).map((m) => m.start));
      if (last > bestAt) [best, bestAt] = [a, last];
    }
    return best ?? candidates[0];
  }

  /** he/she → the latest compatible person: the previous speaker first, then the nearest subject. */
  function resolvePronoun(word: string, gender: 'male' | 'female' | 'plural' | 'neuter', at: number): Speaker | null {
    const fits = (a: Actor | undefined) =>
      !!a && (gender === 'plural' || gender === 'neuter' ? a.kind === 'organization' || a.kind === 'media' || a.kind === 'country' : a.kind === 'person' && (a.gender == null || a.gender === gender));
    if (gender === 'plural') {
      const last = quotes[quotes.length - 1];
      const a = last?.speaker ? byId.get(last.speaker) : undefined;
      return fits(a) ? { actor: a!.id, mention: word, rule: 'pronoun', confidence: 0.6 } : { actor: null, mention: word, rule: 'pronoun-unresolved', confidence: 0.5 };
    }
    const last = quotes[quotes.length - 1];
    const lastSpeaker = last?.speaker ? byId.get(last.speaker) : undefined;
    const paragraph = sentences[sentenceAt(at)].paragraph;
    // The previous speaker, unless another fitting person was named since.
    const since = last
      ? Array.from({ length: sentenceAt(at) - sentenceAt(last.end) + 1 }, (_, k) => outsideBySentence.get(sentenceAt(last.end) + k) ?? [])
          .flat()
          .filter((m) => m.start > last.end && m.start < at && m.actor !== last.speaker && fits(byId.get(m.actor)))
      : [];
    if (fits(lastSpeaker) && last.paragraph >= paragraph - 1 && !since.length) return { actor: lastSpeaker!.id, mention: word, rule: 'pronoun', confidence: 0.85 };
    // Sentence by sentence backwards: the first compatible name of the nearest sentence that has one.
    for (let s = sentenceAt(at); s >= 0; s--) {
      const candidates = (outsideBySentence.get(s) ?? []).filter((m) => m.start < at && fits(byId.get(m.actor)));
      if (!candidates.length) continue;
      const distinct = new Set(candidates.map((m) => m.actor));
      if (distinct.size > 1)
        reporter.report('info', 'ambiguous-pronoun', `"${word}" could be ${[...distinct].map((id) => byId.get(id)!.name).join(' or ')}; took the first`, at);
      return { actor: candidates[0].actor, mention: word, rule: 'pronoun', confidence: distinct.size > 1 ? 0.6 : 0.75 };
    }
    return { actor: null, mention: word, rule: 'pronoun-unresolved', confidence: 0.3 };
  }
}
