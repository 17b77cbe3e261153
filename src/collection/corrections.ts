// The editor's corrections (`seeds/corrections.yaml`): parsed with positions, checked against each
// other, and applied to the seeds' extractions before they are merged. Pure: no file system.
import { isMap, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { Actor, Agreement, Extraction, Mention, Quote } from '../extract/types.ts';
import {
  correctionsFileName,
  correctionsSchema,
  type ActorCorrection,
  type AgreementCorrection,
  type ArticleCorrection,
  type Corrected,
  type QuoteCorrection,
} from '../schema/corrections.ts';
import { type PlacedDiagnostic, type Place, seedFile } from '../diagnostics.ts';
import type { SeedExtraction } from './merge.ts';
import { displayName, nameKey } from './names.ts';

/** A problem with the corrections file, at a place in it: an error fails the build, a warning is printed. */
function problem(at: Place, severity: 'error' | 'warning', rule: string, message: string): PlacedDiagnostic {
  return { file: seedFile(correctionsFileName), ...at, severity, rule, source: 'corrections', message };
}

/** One entry of the file, with where it and each of its fields are. */
export interface Located<T> {
  value: T;
  at: Place;
  fields: Partial<Record<keyof T & string, Place>>;
}

export interface Corrections {
  quotes: Located<QuoteCorrection>[];
  actors: Located<ActorCorrection>[];
  agreements: Located<AgreementCorrection>[];
  articles: Located<ArticleCorrection>[];
}

export const noCorrections = (): Corrections => ({ quotes: [], actors: [], agreements: [], articles: [] });

/** Something corrected carries what the extractor had said, for its page and the open data. */
export type WithCorrected<T> = T & { corrected?: Corrected };

export function correctedOf(item: object): Corrected {
  return (item as { corrected?: Corrected }).corrected ?? [];
}

function note(item: object, field: string, original: string | string[] | null): void {
  const list = ((item as { corrected?: Corrected }).corrected ??= []);
  // The first answer recorded is the extractor's; a later correction of the same field keeps it.
  // Something the editor added has no extractor's answers.
  if (!list.some((c) => c.field === field || c.field === 'added')) list.push({ field, original });
}

/**
 * Reads the corrections file. A YAML syntax error or an entry that does not fit the schema is an
 * error at its line and column; the result then holds no corrections.
 */
export function parseCorrections(text: string): { corrections: Corrections; problems: PlacedDiagnostic[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const place = (offset: number | undefined): Place => {
    const { line, col } = lines.linePos(offset ?? 0);
    return { line, column: col };
  };
  const problems = doc.errors.map((e) =>
    problem(place(e.pos[0]), 'error', 'yaml-syntax', `not valid YAML (${e.message.split('\n')[0].replace(/ at line \d+, column \d+.*$/u, '')}) — fix the file's YAML`),
  );
  if (problems.length) return { corrections: noCorrections(), problems };
  const data = doc.toJS() ?? {};
  const parsed = correctionsSchema.safeParse(data);
  if (!parsed.success) {
    const same = (a: readonly PropertyKey[], b: readonly PropertyKey[]) => a.length <= b.length && a.every((p, i) => p === b[i]);
    // A rule over a whole entry says nothing new when a field of it is already wrong.
    const issues = parsed.error.issues.filter((issue) => issue.code !== 'custom' || !parsed.error.issues.some((o) => o.code !== 'custom' && same(issue.path, o.path)));
    for (const issue of issues) {
      // The deepest node of the issue's path that exists: where the editor has to look.
      let node: YamlNode | null = null;
      for (let n = issue.path.length; n >= 0 && !node; n--) {
        const found = n === 0 ? doc.contents : doc.getIn(issue.path.slice(0, n) as (string | number)[], true);
        if (found && typeof found === 'object' && 'range' in found) node = found as YamlNode;
      }
      const path = issue.path.map((p) => (typeof p === 'number' ? `[${p + 1}]` : `.${String(p)}`)).join('').replace(/^\./u, '');
      const message =
        issue.code === 'unrecognized_keys'
          ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map(String).join(', ')} — see the README for the fields of each kind of correction`
          : issue.code === 'invalid_type' && issue.input === undefined
            ? `${String(issue.path[issue.path.length - 1] ?? 'field')} is missing`
            : issue.message;
      problems.push(problem(place(node?.range?.[0]), 'error', 'corrections-schema', `${path || 'the file'}: ${message}`));
    }
    return { corrections: noCorrections(), problems };
  }
  const locate = <T extends object>(section: keyof Corrections, values: T[] | null | undefined): Located<T>[] =>
    (values ?? []).map((value, i) => {
      const item = doc.getIn([section, i], true) as YamlNode | undefined;
      const fields: Record<string, Place> = {};
      if (item && isMap(item))
        for (const pair of item.items) {
          const key = (pair.key as { value?: unknown })?.value;
          const at = (pair.value as YamlNode | null)?.range?.[0] ?? (pair.key as YamlNode | null)?.range?.[0];
          if (typeof key === 'string') fields[key] = place(at);
        }
      return { value, at: place(item?.range?.[0]), fields: fields as Located<T>['fields'] };
    });
  const c = parsed.data;
  return {
    corrections: {
      quotes: locate('quotes', c.quotes),
      actors: locate('actors', c.actors),
      agreements: locate('agreements', c.agreements),
      articles: locate('articles', c.articles),
    },
    problems: [],
  };
}

/** Quote words as compared: white space collapsed, curly apostrophes and quotation marks straight. */
function words(text: string): string {
  return text.replace(/[‘’‛′]/gu, "'").replace(/[“”„‟″]/gu, '"').replace(/\s+/gu, ' ').trim();
}

const show = (s: string, max = 60) => {
  const one = s.replace(/\s+/gu, ' ').trim();
  return JSON.stringify(one.length > max ? `${one.slice(0, max - 1)}…` : one);
};

interface Claim {
  what: string;
  value: string;
  at: Place;
}

/**
 * Two entries that say different things about the same fact: an error at the later one, naming the
 * line of the earlier. A fact is a slot of one target (a quote's speaker, an actor's fate or name, …).
 */
function contradictions(c: Corrections): PlacedDiagnostic[] {
  const claims = new Map<string, Claim>();
  const problems: PlacedDiagnostic[] = [];
  const claim = (target: string, slot: string, what: string, value: unknown, at: Place) => {
    const key = `${target}\u0000${slot}`;
    const v = JSON.stringify(value);
    const before = claims.get(key);
    if (!before) claims.set(key, { what, value: v, at });
    else if (before.value !== v)
      problems.push(
        problem(at, 'error', 'contradiction', `contradicts line ${before.at.line}: ${what} is ${before.value === '"keep"' ? 'kept' : before.value} there and ${v === '"keep"' ? 'kept' : v} here — keep one of the two`),
      );
  };
  for (const { value: q, at, fields } of c.quotes) {
    const target = `quote\u0000${q.article}\u0000${words(q.quote)}`;
    const what = `the speaker of quote ${show(q.quote, 40)} in ${q.article}`;
    claim(target, 'speaker', what, q.not_a_quote ? 'not a quote' : (q.speaker ?? null), fields.speaker ?? fields.not_a_quote ?? at);
  }
  const fates = new Map<string, { fate: string; at: Place }>();
  for (const { value: a, at, fields } of c.actors) {
    const target = `actor\u0000${a.article ?? '*'}\u0000${nameKey(a.actor)}`;
    const name = `actor ${show(a.actor)}${a.article ? ` in ${a.article}` : ''}`;
    const fate = a.drop ? 'dropped' : a.merge_into ? `merged into ${a.merge_into}` : a.split_as ? `split off as ${a.split_as}` : 'keep';
    const place = fields.drop ?? fields.merge_into ?? fields.split_as ?? at;
    const own = [a.drop && 'drop', a.merge_into && 'merge_into', a.split_as && 'split_as', (a.rename || a.kind || a.roles || a.affiliation !== undefined) && 'changes'].filter(Boolean);
    if (own.length > 1) problems.push(problem(at, 'error', 'contradiction', `${name}: ${own.join(' and ')} contradict each other in one entry — an actor is dropped, merged, split or changed, one of these`));
    claim(target, 'fate', `what happens to ${name}`, fate, place);
    if (a.rename) claim(target, 'name', `the name of ${name}`, displayName(a.rename), fields.rename ?? at);
    if (a.kind) claim(target, 'kind', `the kind of ${name}`, a.kind, fields.kind ?? at);
    if (a.roles) claim(target, 'roles', `the roles of ${name}`, a.roles, fields.roles ?? at);
    if (a.affiliation !== undefined) claim(target, 'affiliation', `the affiliation of ${name}`, a.affiliation, fields.affiliation ?? at);
    if (!a.article && (fate !== 'keep' || !fates.has(nameKey(a.actor)))) fates.set(nameKey(a.actor), { fate, at: place });
  }
  for (const { value: a, fields, at } of c.actors) {
    if (!a.merge_into) continue;
    const target = fates.get(nameKey(a.merge_into));
    if (target?.fate === 'dropped') problems.push(problem(fields.merge_into ?? at, 'error', 'contradiction', `contradicts line ${target.at.line}: merges ${show(a.actor)} into ${show(a.merge_into)}, which is dropped there — merge into another actor, or drop both`));
    else if (target?.fate.startsWith('merged into ') && nameKey(target.fate.slice(12)) === nameKey(a.actor))
      problems.push(problem(fields.merge_into ?? at, 'error', 'contradiction', `contradicts line ${target.at.line}: ${show(a.actor)} and ${show(a.merge_into)} are each merged into the other — merge one into the other, not both`));
    else if (nameKey(a.merge_into) === nameKey(a.actor)) problems.push(problem(fields.merge_into ?? at, 'error', 'self-merge', `merges ${show(a.actor)} into itself — name the actor it duplicates`));
  }
  const agreementFates = new Map<string, { fate: string; at: Place }>();
  for (const { value: g, at, fields } of c.agreements) {
    const named = g.agreement ?? g.add!;
    const target = `agreement\u0000${g.article ?? '*'}\u0000${nameKey(named)}`;
    const name = `agreement ${show(named)}${g.article ? ` in ${g.article}` : ''}`;
    const fate = g.drop ? 'dropped' : g.merge_into ? `merged into ${g.merge_into}` : 'keep';
    const place = fields.drop ?? fields.merge_into ?? at;
    const own = [g.drop && 'drop', g.merge_into && 'merge_into', (g.rename || g.parties || g.status !== undefined || g.add) && 'changes'].filter(Boolean);
    if (own.length > 1) problems.push(problem(at, 'error', 'contradiction', `${name}: ${own.join(' and ')} contradict each other in one entry — an agreement is dropped, merged or changed, one of these`));
    claim(target, 'fate', `what happens to ${name}`, fate, place);
    if (g.rename) claim(target, 'name', `the name of ${name}`, displayName(g.rename), fields.rename ?? at);
    if (g.parties) claim(target, 'parties', `the parties of ${name}`, g.parties, fields.parties ?? at);
    if (g.status !== undefined) claim(target, 'status', `the status of ${name}`, g.status, fields.status ?? at);
    if (!g.article && (fate !== 'keep' || !agreementFates.has(nameKey(named)))) agreementFates.set(nameKey(named), { fate, at: place });
  }
  for (const { value: g, fields, at } of c.agreements) {
    if (!g.merge_into) continue;
    const target = agreementFates.get(nameKey(g.merge_into));
    if (target?.fate === 'dropped') problems.push(problem(fields.merge_into ?? at, 'error', 'contradiction', `contradicts line ${target.at.line}: merges ${show(g.agreement ?? '')} into ${show(g.merge_into)}, which is dropped there — merge into another agreement, or drop both`));
  }
  for (const { value: a, at, fields } of c.articles)
    for (const field of ['date', 'source', 'author'] as const)
      if (a[field] !== undefined) claim(`article\u0000${a.article}`, field, `the ${field === 'author' ? 'byline' : field} of ${a.article}`, a[field], fields[field] ?? at);
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Every occurrence of `name` in the article text as a mention, in its sentence. */
function mentionsOf(e: Extraction, name: string): Mention[] {
  const out: Mention[] = [];
  const { text, sentences } = e.article;
  for (let at = text.indexOf(name); at >= 0 && name; at = text.indexOf(name, at + name.length)) {
    const sentence = sentences.findIndex((s) => s.start <= at && at < s.end);
    if (sentence >= 0) out.push({ start: at, end: at + name.length, sentence });
  }
  return out;
}

/** Whether an actor (or agreement) goes by `name`: its name, an alias, or the words of a mention. */
function goesBy(item: Actor | Agreement, key: string, text: string): boolean {
  if (nameKey(item.name) === key || item.aliases.some((a) => nameKey(a) === key)) return true;
  return item.mentions.some((m) => nameKey(text.slice(m.start, m.end)) === key);
}

const freshId = (e: Extraction, prefix: string) => {
  const ids = new Set([...e.actors.map((a) => a.id), ...e.agreements.map((a) => a.id)]);
  let n = 1;
  while (ids.has(`${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
};

/**
 * Applies the corrections to the seeds' extractions (copies; the inputs are left alone) so that
 * merging them gives the corrected collection: a merged actor takes its target's name and kind and
 * so joins it across articles, a dropped one leaves no reference behind, a speaker named by the
 * editor is found in the article (or in another one, or is a new actor). Every changed fact
 * records the extractor's answer. Entries that match nothing are warnings; contradictions are
 * errors, and then nothing is applied.
 */
export function applyCorrections(inputs: SeedExtraction[], c: Corrections): { inputs: SeedExtraction[]; problems: PlacedDiagnostic[] } {
  const problems = contradictions(c);
  // Nothing to apply (the usual case): no copies of every extraction either.
  if (problems.some((p) => p.severity === 'error') || Object.values(c).every((list) => !list.length)) return { inputs, problems };
  const warn = (at: Place, message: string) => problems.push(problem(at, 'warning', 'no-match', message));
  const out: SeedExtraction[] = inputs.map(({ seed, extraction }) => ({ seed, extraction: structuredClone(extraction) }));
  const bySeed = new Map(out.map((s, i) => [s.seed, i]));
  const seedOf = (article: string, at: Place): number | undefined => {
    const i = bySeed.get(article);
    if (i === undefined) warn(at, `no article ${show(article)} in seeds/ — name a seed's file name, such as ${show(out[0]?.seed ?? 'article.txt')}`);
    return i;
  };
  const original = new Map<object, string>(); // actor → the name the extractor gave it
  for (const { extraction } of out) for (const a of extraction.actors) original.set(a, a.name);
  const nameOf = (e: Extraction, id: string | null) => (id == null ? null : (original.get(e.actors.find((a) => a.id === id) ?? {}) ?? e.actors.find((a) => a.id === id)?.name ?? null));

  // Articles: date, source, byline.
  for (const { value: a, fields, at } of c.articles) {
    const i = seedOf(a.article, fields.article ?? at);
    if (i === undefined) continue;
    const article = out[i].extraction.article;
    for (const field of ['date', 'source', 'author'] as const)
      if (a[field] !== undefined) {
        note(article, field, article[field]);
        article[field] = a[field] ?? null;
      }
  }

  // Actors, matched by the names the extractor gave them (before any correction renames them).
  const actorsNamed = (name: string, article: string | undefined, at: Place): { i: number; actor: Actor }[] => {
    const key = nameKey(name);
    const scope = article === undefined ? out.map((_, i) => i) : [seedOf(article, at)].filter((i) => i !== undefined);
    return scope.flatMap((i) => out[i].extraction.actors.filter((a) => goesBy(a, key, out[i].extraction.article.text)).map((actor) => ({ i, actor })));
  };
  const actorMatches = c.actors.map((entry) => {
    const matches = actorsNamed(entry.value.actor, entry.value.article, entry.fields.article ?? entry.at);
    if (!matches.length && (entry.value.article === undefined || bySeed.has(entry.value.article)))
      warn(entry.fields.actor ?? entry.at, `no actor ${show(entry.value.actor)} in ${entry.value.article ? `article ${entry.value.article}` : 'any article'} — fix the name, or delete the entry`);
    return matches;
  });
  // Merge targets are found now, by the extractor's names, and read when merging (after renames).
  const mergeTargets = c.actors.map((entry) => {
    if (!entry.value.merge_into) return undefined;
    const target = actorsNamed(entry.value.merge_into, undefined, entry.at)[0]?.actor;
    if (!target) warn(entry.fields.merge_into ?? entry.at, `no actor ${show(entry.value.merge_into)} to merge ${show(entry.value.actor)} into — name an actor the articles mention`);
    return target;
  });

  /** An actor by name in article i: its own, a copy of one another article has, or (when `create`) a new one. */
  const resolveActor = (i: number, name: string, create: Actor['kind'] | null): Actor | undefined => {
    const e = out[i].extraction;
    const key = nameKey(name);
    const own = e.actors.find((a) => goesBy(a, key, e.article.text));
    if (own) return own;
    const elsewhere = out.flatMap((s) => s.extraction.actors).find((a) => nameKey(a.name) === key || a.aliases.some((x) => nameKey(x) === key));
    if (!elsewhere && !create) return undefined;
    const shown = elsewhere ? displayName(elsewhere.name) : displayName(name);
    const actor: Actor = { id: freshId(e, 'editor'), name: shown, kind: elsewhere?.kind ?? create!, aliases: [], roles: [], affiliation: null, gender: null, mentions: mentionsOf(e, shown) };
    if (!elsewhere) note(actor, 'added', null);
    e.actors.push(actor);
    return actor;
  };

  const dropped = new Set<Actor>();
  const actorPass = (entry: Located<ActorCorrection>, n: number) => {
    const a = entry.value;
    for (const { i, actor } of actorMatches[n]) {
      const e = out[i].extraction;
      if (a.drop) dropped.add(actor);
      else if (a.merge_into) {
        const target = mergeTargets[n];
        if (!target || nameKey(actor.name) === nameKey(target.name)) continue;
        note(actor, 'merged', original.get(actor) ?? actor.name);
        actor.aliases = [...actor.aliases, actor.name];
        actor.name = displayName(target.name);
        actor.kind = target.kind;
      } else if (a.split_as) {
        note(actor, 'split', original.get(actor) ?? actor.name);
        // No alias of the old name: it would join the actor it is split from again.
        const old = nameKey(actor.name);
        actor.aliases = actor.aliases.filter((x) => nameKey(x) !== old && !old.split(' ').includes(nameKey(x)));
        actor.name = displayName(a.split_as);
      } else {
        if (a.rename) {
          note(actor, 'name', original.get(actor) ?? actor.name);
          actor.aliases = [...actor.aliases, actor.name];
          actor.name = displayName(a.rename);
        }
        if (a.kind && a.kind !== actor.kind) {
          note(actor, 'kind', actor.kind);
          actor.kind = a.kind;
        }
        if (a.roles) {
          note(actor, 'roles', actor.roles.map((r) => r.text));
          const first = actor.mentions[0]?.sentence ?? 0;
          actor.roles = a.roles.map((text) => {
            const at = e.article.text.indexOf(text);
            const sentence = at < 0 ? -1 : e.article.sentences.findIndex((s) => s.start <= at && at < s.end);
            return { text, sentence: sentence < 0 ? first : sentence };
          });
        }
        if (a.affiliation !== undefined) {
          const before = nameOf(e, actor.affiliation);
          if (a.affiliation === null) actor.affiliation = null;
          else {
            const target = resolveActor(i, a.affiliation, null);
            if (!target) {
              warn(entry.fields.affiliation ?? entry.at, `no actor ${show(a.affiliation)} to be the affiliation of ${show(a.actor)} — name an actor the articles mention`);
              continue;
            }
            actor.affiliation = target.id;
          }
          note(actor, 'affiliation', before);
        }
      }
    }
  };
  // Merges last, so an actor merged into one the editor renames takes the new name.
  c.actors.forEach((entry, n) => entry.value.merge_into || actorPass(entry, n));
  c.actors.forEach((entry, n) => entry.value.merge_into && actorPass(entry, n));

  // Agreements, the same way.
  const agreementsNamed = (name: string, article: string | undefined, at: Place): { i: number; agreement: Agreement }[] => {
    const key = nameKey(name);
    const scope = article === undefined ? out.map((_, i) => i) : [seedOf(article, at)].filter((i) => i !== undefined);
    return scope.flatMap((i) => out[i].extraction.agreements.filter((g) => goesBy(g, key, out[i].extraction.article.text)).map((agreement) => ({ i, agreement })));
  };
  const agreementMatches = c.agreements.map((entry) => {
    const g = entry.value;
    if (g.add != null) {
      const i = seedOf(g.article!, entry.fields.article ?? entry.at);
      if (i === undefined) return [];
      const e = out[i].extraction;
      const existing = e.agreements.find((x) => goesBy(x, nameKey(g.add!), e.article.text));
      if (existing) return [{ i, agreement: existing }];
      const agreement: Agreement = { id: freshId(e, 'editor-agreement'), name: displayName(g.add), aliases: [], parties: [], status: null, mentions: mentionsOf(e, displayName(g.add)) };
      note(agreement, 'added', null);
      e.agreements.push(agreement);
      return [{ i, agreement }];
    }
    const matches = agreementsNamed(g.agreement!, g.article, entry.fields.article ?? entry.at);
    if (!matches.length && (g.article === undefined || bySeed.has(g.article)))
      warn(entry.fields.agreement ?? entry.at, `no agreement ${show(g.agreement!)} in ${g.article ? `article ${g.article}` : 'any article'} — fix the name, or delete the entry`);
    return matches;
  });
  const droppedAgreements = new Set<Agreement>();
  const agreementTargets = c.agreements.map((entry) => {
    const g = entry.value;
    if (!g.merge_into) return undefined;
    const target = agreementsNamed(g.merge_into, undefined, entry.at)[0]?.agreement;
    if (!target) warn(entry.fields.merge_into ?? entry.at, `no agreement ${show(g.merge_into)} to merge ${show(g.agreement ?? '')} into — name an agreement the articles mention`);
    return target;
  });
  const agreementPass = (entry: Located<AgreementCorrection>, n: number) => {
    const g = entry.value;
    const target = agreementTargets[n];
    for (const { i, agreement } of agreementMatches[n]) {
      const e = out[i].extraction;
      if (g.drop) droppedAgreements.add(agreement);
      else if (g.merge_into) {
        if (!target || nameKey(agreement.name) === nameKey(target.name)) continue;
        note(agreement, 'merged', agreement.name);
        agreement.aliases = [...agreement.aliases, agreement.name];
        agreement.name = displayName(target.name);
      } else {
        if (g.rename) {
          note(agreement, 'name', agreement.name);
          agreement.aliases = [...agreement.aliases, agreement.name];
          agreement.name = displayName(g.rename);
        }
        if (g.status !== undefined) {
          note(agreement, 'status', agreement.status);
          agreement.status = g.status;
        }
        if (g.parties) {
          note(agreement, 'parties', agreement.parties.map((id) => nameOf(e, id)).filter((x) => x != null));
          agreement.parties = g.parties.flatMap((name) => {
            const party = resolveActor(i, name, null);
            if (!party) warn(entry.fields.parties ?? entry.at, `no actor ${show(name)} to be a party to ${show(g.agreement ?? g.add ?? '')} — name an actor the articles mention`);
            return party ? [party.id] : [];
          });
        }
      }
    }
  };
  c.agreements.forEach((entry, n) => entry.value.merge_into || agreementPass(entry, n));
  c.agreements.forEach((entry, n) => entry.value.merge_into && agreementPass(entry, n));

  // Quotes: by article and words.
  const notQuotes = new Set<Quote>();
  for (const { value: q, at, fields } of c.quotes) {
    const i = seedOf(q.article, fields.article ?? at);
    if (i === undefined) continue;
    const e = out[i].extraction;
    const key = words(q.quote);
    const exact = e.quotes.filter((x) => words(x.text) === key);
    const matches = exact.length ? exact : e.quotes.filter((x) => words(x.text).includes(key));
    if (!matches.length) {
      warn(fields.quote ?? at, `no quote ${show(q.quote)} in article ${q.article} — copy the quote's words from the article, or delete the entry`);
      continue;
    }
    if (matches.length > 1) {
      problems.push(problem(fields.quote ?? at, 'warning', 'ambiguous-quote', `${show(q.quote)} is in ${matches.length} quotes of article ${q.article} — quote more of its words`));
      continue;
    }
    const quote = matches[0];
    if (q.not_a_quote) {
      notQuotes.add(quote);
      continue;
    }
    const before = nameOf(e, quote.speaker);
    if (q.speaker === null) quote.speaker = null;
    else if (q.speaker !== undefined) quote.speaker = resolveActor(i, q.speaker, q.speaker_kind ?? 'person')!.id;
    note(quote, 'speaker', before);
  }

  // What is dropped leaves no reference behind.
  for (const { extraction: e } of out) {
    const gone = new Set(e.actors.filter((a) => dropped.has(a)).map((a) => a.id));
    const goneAgreements = new Set(e.agreements.filter((g) => droppedAgreements.has(g)).map((g) => g.id));
    if (gone.size) {
      e.actors = e.actors.filter((a) => !gone.has(a.id));
      for (const a of e.actors)
        if (a.affiliation && gone.has(a.affiliation)) {
          note(a, 'affiliation', nameOf(e, a.affiliation));
          a.affiliation = null;
        }
      for (const q of e.quotes)
        if (q.speaker && gone.has(q.speaker)) {
          note(q, 'speaker', nameOf(e, q.speaker));
          q.speaker = null;
        }
      for (const g of e.agreements)
        if (g.parties.some((p) => gone.has(p))) {
          note(g, 'parties', g.parties.map((id) => nameOf(e, id)).filter((x) => x != null));
          g.parties = g.parties.filter((p) => !gone.has(p));
        }
    }
    if (goneAgreements.size) {
      e.agreements = e.agreements.filter((g) => !goneAgreements.has(g.id));
      for (const q of e.quotes) q.agreements = q.agreements.filter((id) => !goneAgreements.has(id));
    }
    e.quotes = e.quotes.filter((q) => !notQuotes.has(q));
  }
  return { inputs: out, problems: problems.sort((a, b) => a.line - b.line || a.column - b.column) };
}
