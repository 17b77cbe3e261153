import type { Actor, Agreement, AgreementStatus, ExtractedArticle, Mention } from './types.ts';
import type { ActorMention } from './actors.ts';
import { isWord, tokenize, type Token } from './tokens.ts';
import { agreementHeads, functionWords, weakAgreementHeads } from './lexicon.ts';
import { localId, uniqueId } from './slug.ts';

interface Found {
  name: string;
  aliases: Set<string>;
  parties: string[];
  /** The parties were named with the agreement, not guessed from its sentence. */
  explicit: boolean;
  mentions: Mention[];
  status: AgreementStatus | null;
  /** Modifier words, lower-case, without the head: what tells two agreements apart. */
  key: string;
}

const determiner = /^(the|a|an|this|that|these|those|its|their|his|her|our|your|my|any|every|each|such|no)$/i;
const stopModifier = /^(is|was|are|were|be|been|has|have|had|will|would|new|existing|such|other|same|previous|current|latest|first|last|whole|proposed|possible|reach|reached|reaching|won|win|wins|sign|signed|signing|struck|strike|agree|agreed|seal|sealed|broker|brokered|million|billion|trillion|thousand|hundred|ambitious|major|landmark|historic|important|key|big|huge|significant)$/i;
const synonyms = new Map([['pact', 'agreement'], ['accord', 'agreement'], ['deal', 'agreement'], ['treaty', 'agreement'], ['agreement', 'agreement']]);
const singular = (w: string) => w.replace(/ies$/, 'y').replace(/(?<=[^s])s$/, '').replace(/^memoranda$/, 'memorandum');

function statusOf(sentence: string): AgreementStatus | null {
  const s = sentence.toLowerCase();
  if (/\b(deni(ed|es)|rejected|no such)\b/.test(s)) return 'denied';
  if (/\b(break(ing|s)?|broke|violat\w*|breach\w*)\b/.test(s)) return 'broken';
  if (/\bnegotiat\w*|\btalks on\b/.test(s)) return 'under negotiation';
  if (/\b(willing\w*|plan\w*|will|intend\w*|expected|set) to sign\b|\bto be signed\b|\bplanned\b|\bproposed\b/.test(s)) return 'planned';
  if (/\b(signed|sealed|agreed|reached|concluded|struck|ratified)\b/.test(s)) return 'signed';
  if (/\bin force\b|\bin place\b|\byielding\b/.test(s)) return 'in force';
  return null;
}

/**
 * Finds agreements: noun phrases headed by an agreement word with their modifiers ("the
 * joint water-sharing agreement"), proper names ("… Water Sharing Treaty") with
 * their acronyms, anaphora ("the treaty") as further mentions; parties from "between X and Y",
 * "with X", "X-Y", or the countries of the sentence, else the article's main actor.
 */
export function findAgreements(article: ExtractedArticle, actors: Actor[], mentions: ActorMention[]): Agreement[] {
  const { text, sentences } = article;
  const found: Found[] = [];
  const byId = new Map(actors.map((a) => [a.id, a]));
  const mainActors = [...actors]
    .filter((a) => a.kind === 'country' || a.kind === 'organization')
    .sort((a, b) => b.mentions.length - a.mentions.length || (a.id < b.id ? -1 : 1));

  const bySentence = new Map<number, ActorMention[]>();
  for (const m of mentions) bySentence.set(m.sentence, [...(bySentence.get(m.sentence) ?? []), m]);

  sentences.forEach((s, sentence) => {
    const tokens = tokenize(text, s.start, s.end);
    const inSentence = bySentence.get(sentence) ?? [];
    const sentenceText = text.slice(s.start, s.end);
    let skipThrough = -1;
    for (let h = 0; h < tokens.length; h++) {
      const head = tokens[h];
      const lowerHead = head.text.toLowerCase();
      if (!agreementHeads.has(lowerHead)) continue;
      // The last of adjacent heads heads the phrase ("trade corridor initiative").
      if (agreementHeads.has(tokens[h + 1]?.text.toLowerCase() ?? '') && tokens[h + 1].start === head.end + 1) continue;
      if (tokens[h + 1]?.text === 'of' && /^deal$/i.test(head.text)) continue; // "a great deal of"
      if (h <= skipThrough) continue;
      if (tokens[h - 1]?.text === '(' && tokens[h + 1]?.text === ')') continue; // "(MoU)": the acronym of the name before it
      // Names that go on after the head: "memorandum of understanding", "the Treaty of Nairobi".
      let last = h;
      if (/^memorandum$/i.test(head.text) && tokens[h + 1]?.text === 'of' && /^understanding$/i.test(tokens[h + 2]?.text ?? '')) last = h + 2;
      else if (head.cap && /^(of|on|for)$/.test(tokens[h + 1]?.text ?? '') && tokens[h + 2]?.cap) {
        last = h + 2;
        while (tokens[last + 1]?.cap || (/^(of|and|the|for|on)$/.test(tokens[last + 1]?.text ?? '') && tokens[last + 2]?.cap)) last++;
      }
      skipThrough = last;
      const end = tokens[last].end;
      const proper = (head.cap && h > 0 && tokens[h - 1].cap && isWord(tokens[h - 1]) && !(h - 1 === 0 || tokens[h - 2]?.text === '.')) || (head.cap && last > h);
      let m = h;
      while (m > 0) {
        const t = tokens[m - 1];
        if (proper ? !(t.cap || /^(of|and|for|the|on|-)$/.test(t.text)) : !(isWord(t) || /^[()-]$/.test(t.text))) break;
        if (!proper && (determiner.test(t.text) || functionWords.has(t.text.toLowerCase()) || stopModifier.test(t.text) || /^\d/.test(t.text))) break;
        if (proper && t.text === 'the') break;
        m--;
        if (h - m >= 6) break;
      }
      while (m < h && /^[)-]$|^(of|and|for|on)$/.test(tokens[m].text)) m++;
      const modifiers = tokens.slice(m, h);
      const det = tokens[m - 1]?.text.toLowerCase() ?? '';
      const plural = singular(lowerHead) !== lowerHead;
      const capitalisedModifier = modifiers.some((t) => t.cap && isWord(t));
      const after = text.slice(end, s.end);
      const partyMentions = listedParties(end);
      const partyPhrase = partyMentions.length ? text.slice(end, partyMentions[partyMentions.length - 1].end).replace(/^\s*\([^)]*\)/, '').trim() : null;
      const modifierMentions = inSentence.filter((x) => x.start >= (modifiers[0]?.start ?? head.start) && x.end <= head.start && (x.kind === 'country' || x.kind === 'organization'));
      const weak = weakAgreementHeads.has(lowerHead);
      const start = modifiers[0]?.start ?? head.start;
      const name = text.slice(start, end).replace(/[()]/g, '');

      if (!modifiers.length && !proper) {
        // "the treaty": another mention of the latest agreement.
        if ((det === 'the' || det === 'this' || det === 'that') && !plural && found.length && !weak) {
          const last = found[found.length - 1];
          last.aliases.add(`${tokens[m - 1].text} ${head.text}`);
          last.mentions.push({ start: tokens[m - 1].start, end: head.end, sentence });
          continue;
        }
        if (!partyMentions.length) continue;
      }
      if (det === 'a' || det === 'an') if (!partyMentions.length && !proper) continue;
      if (plural && !partyMentions.length && !capitalisedModifier) continue;
      if (weak && !proper && !capitalisedModifier && !partyMentions.length) continue;
      // A statement or declaration is an agreement only by its proper name ("the Jeddah Communique").
      if (/^(statement|declaration|communique|communiqué)s?$/.test(lowerHead) && !proper) continue;

      const sentenceCountries = inSentence.filter((x) => x.kind === 'country').map((x) => x.actor);
      const listed = new Set(partyMentions.map((x) => x.actor));
      const parties = (ids: string[]) => {
        const unique = [...new Set(ids)];
        const country = unique.length === 1 && byId.get(unique[0])?.kind === 'country';
        if (unique.length >= 2 || (unique.length && !partyMentions.length && !country)) return unique;
        if (unique.length === 1) {
          // "a deal with X": the other side is the one the sentence or the article centres on.
          const kind = byId.get(unique[0])?.kind;
          const other = sentenceCountries.find((c) => !listed.has(c) && c !== unique[0]) ?? mainActors.find((a) => !listed.has(a.id) && a.id !== unique[0] && a.kind === kind)?.id;
          return other ? [other, unique[0]] : unique;
        }
        const fromSentence = [...new Set(sentenceCountries)];
        if (fromSentence.length) return fromSentence;
        // "Both countries also discussed …": the two countries named last.
        if (/\b(both|the two) (countries|nations|sides|governments|states)\b/i.test(sentenceText)) {
          const earlier = [...new Set(mentions.filter((x) => x.start < s.start && x.kind === 'country').map((x) => x.actor).reverse())];
          if (earlier.length >= 2) return earlier.slice(0, 2).reverse();
        }
        return mainActors.length ? [mainActors[0].id] : [];
      };
      const status = statusOf(sentenceText);
      const acronym = /^\s*\(([A-Z][A-Za-z0-9]{1,9})\)/.exec(after);
      const mention = { start, end, sentence };

      if (plural && partyMentions.length > 1 && !capitalisedModifier) {
        // "deals with Bolivia and Paraguay": one agreement with each.
        for (const p of partyMentions) {
          const each = `${singular(name)} with ${text.slice(p.start, p.end)}`;
          record({ name: each, aliases: new Set([name]), parties: parties([p.actor]), explicit: true, mentions: [mention], status, key: `${singular(lowerHead)}:${p.actor}` });
        }
        continue;
      }
      const key = modifiers.map((t) => t.text.toLowerCase().replace(/[()]/g, '')).filter(Boolean).join(' ');
      const aliases = new Set<string>();
      if (acronym) aliases.add(acronym[1]);
      if (partyPhrase) aliases.add(`${name} ${partyPhrase}`);
      record({
        name,
        aliases,
        parties: parties([...modifierMentions, ...partyMentions].map((x) => x.actor)),
        explicit: modifierMentions.length + partyMentions.length > 0,
        mentions: [mention],
        status,
        key: `${synonyms.get(singular(lowerHead)) ?? singular(lowerHead)}:${key || name.toLowerCase()}`,
      });
    }
    // Acronyms of agreements used on their own ("signed under the AWST").
    for (const t of tokens)
      for (const f of found)
        if (f.aliases.has(t.text) && !f.mentions.some((x) => x.start <= t.start && x.end >= t.end)) f.mentions.push({ start: t.start, end: t.end, sentence });
  });

  /** The actors listed right after "between", "with" or "among": "between Iran and Russia". */
  function listedParties(from: number): ActorMention[] {
    const lead = /^(?:\s*\([^)]{1,12}\))?\s+(between|with|among)\s+(the\s+)?/.exec(text.slice(from, from + 34));
    if (!lead) return [];
    const listed: ActorMention[] = [];
    let at = from + lead[0].length;
    for (const m of mentions) {
      if (m.start < at) continue;
      if (!/^(\s*(,|and|&|the)\s*)*$/.test(text.slice(at, m.start)) || (m.kind !== 'country' && m.kind !== 'organization')) break;
      listed.push(m);
      at = m.end;
    }
    return listed;
  }

  function record(f: Found) {
    // The same agreement, or a shorter form of a name seen before ("Capital Adequacy Framework" of "G20 Capital Adequacy Framework").
    const [head, words] = f.key.split(':');
    const same =
      found.find((g) => g.key === f.key) ??
      found.find((g) => {
        const [gHead, gWords] = g.key.split(':');
        return gHead === head && !!words && !!gWords && (gWords.endsWith(` ${words}`) || words.endsWith(` ${gWords}`));
      });
    if (!same) return void found.push(f);
    for (const a of f.aliases) same.aliases.add(a);
    if (f.name !== same.name) same.aliases.add(f.name);
    same.mentions.push(...f.mentions);
    // Parties guessed from a later sentence add nothing to those of the first mention.
    if (f.explicit && !same.explicit) same.parties = [];
    if (f.explicit) for (const p of f.parties) if (!same.parties.includes(p)) same.parties.push(p);
    same.explicit ||= f.explicit;
    same.status ??= f.status;
  }

  const taken = new Set<string>();
  return found.map((f) => ({
    id: uniqueId(localId(f.name, 'agreement'), taken),
    name: f.name.charAt(0).toUpperCase() + f.name.slice(1),
    aliases: [...f.aliases].filter((a) => a !== f.name).sort(),
    parties: f.parties,
    status: f.status,
    mentions: f.mentions.sort((a, b) => a.start - b.start),
  }));
}
