// `explainer extract --format text`: an extraction as a listing for people — who said what, then
// the actors and the agreements.
import type { Extraction } from './extract/types.ts';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

export function formatText(e: Extraction): string {
  const actors = new Map(e.actors.map((a) => [a.id, a]));
  const name = (id: string) => actors.get(id)?.name ?? id;
  const out: string[] = [oneLine(e.article.title) || '(no headline)'];
  const meta = [e.article.date, e.article.source, e.article.author && `by ${e.article.author}`].filter(Boolean);
  if (meta.length) out.push(meta.join(' · '));

  out.push('', `Quotes (${e.quotes.length})`);
  for (const q of e.quotes) {
    const speaker = q.speaker ? actors.get(q.speaker) : undefined;
    const role = speaker?.roles[0]?.text;
    const who = speaker
      ? `${speaker.name}${role ? ` (${oneLine(role)})` : ''}`
      : q.speaker
        ? q.speaker
        : `unattributed${q.speaker_mention ? ` (${oneLine(q.speaker_mention)})` : ''}`;
    out.push(`  ${who}${q.cue ? ` ${q.cue}` : ''}:`, `    “${oneLine(q.text)}”`);
  }

  out.push('', `Actors (${e.actors.length})`);
  for (const a of e.actors) {
    const facts = [a.kind, ...a.roles.map((r) => oneLine(r.text)).filter((r, i, all) => all.indexOf(r) === i)];
    if (a.affiliation) facts.push(`of ${name(a.affiliation)}`);
    const quotes = e.quotes.filter((q) => q.speaker === a.id).length;
    facts.push(plural(a.mentions.length, 'mention'));
    if (quotes) facts.push(plural(quotes, 'quote'));
    out.push(`  ${a.name} — ${facts.join(', ')}`);
  }

  out.push('', `Agreements (${e.agreements.length})`);
  for (const g of e.agreements) {
    const facts = [g.status ?? 'status unknown'];
    if (g.parties.length) facts.push(`parties: ${g.parties.map(name).join(', ')}`);
    out.push(`  ${g.name} — ${facts.join('; ')}`);
  }
  return `${out.join('\n')}\n`;
}
