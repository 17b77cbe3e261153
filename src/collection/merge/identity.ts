// Which extracted actors and agreements are the same thing across articles: each becomes one group,
// the future page. Pure.
import type { Actor, Agreement } from '../../extract/types.ts';
import { isGenericInstitution } from '../../extract/lexicon.ts';
import { actorKinds } from '../../schema/vocab.ts';
import { countryKey, displayName, nameKey, surnameKey, wordCount } from '../names.ts';
import type { TextDiagnostic } from '../../diagnostics.ts';
import { type SeedExtraction, warning } from './entries.ts';
import { index } from './lists.ts';

export interface Member<T> {
  /** Index of the seed in the (sorted) input. */
  seed: number;
  item: T;
}

export interface Group<T> {
  key: string;
  name: string;
  members: Member<T>[];
  /** Name keys of the members' names, and of their aliases. */
  names: Set<string>;
  aliases: Set<string>;
  slug: string;
}

/** The groups, and for each seed (by index) which group each of its local ids joined. */
export interface Grouped<T> {
  groups: Group<T>[];
  local: Map<string, Group<T>>[];
}

function newGroup<T>(key: string, name: string): Group<T> {
  return { key, name, members: [], names: new Set(), aliases: new Set(), slug: '' };
}

/**
 * Groups named things across articles: an item joins the group that has its name, or else the one
 * group (and only one) that has its name as an alias or whose name is one of its aliases.
 * `aliasKeys` says which of an item's aliases may be matched (a person's bare surname must not).
 */
class Grouper<T extends { name: string; aliases: string[] }> {
  readonly groups: Group<T>[] = [];
  private byName = new Map<string, Group<T>>();
  private byAlias = new Map<string, Set<Group<T>>>();

  private aliasKeys: (item: T) => string[];

  constructor(aliasKeys: (item: T) => string[]) {
    this.aliasKeys = aliasKeys;
  }

  add(seed: number, item: T, key: string): Group<T> {
    const own = this.aliasKeys(item);
    let group = this.byName.get(key);
    if (!group) {
      const candidates = new Set(this.byAlias.get(key));
      for (const alias of own) {
        const named = this.byName.get(alias);
        if (named) candidates.add(named);
      }
      group = candidates.size === 1 ? [...candidates][0] : undefined;
    }
    if (!group) {
      group = newGroup<T>(key, displayName(item.name));
      this.groups.push(group);
      this.byName.set(key, group);
    }
    this.join(group, seed, item, own);
    return group;
  }

  join(group: Group<T>, seed: number, item: T, aliasKeys: string[]): void {
    group.members.push({ seed, item });
    group.names.add(nameKey(item.name));
    for (const alias of aliasKeys) {
      group.aliases.add(alias);
      if (!this.byAlias.has(alias)) this.byAlias.set(alias, new Set());
      this.byAlias.get(alias)!.add(group);
    }
  }
}

/** The key an actor is merged by: countries by ISO code, everything else by its name. */
function mergeKey(actor: Actor): string {
  if (actor.kind === 'country') return countryKey(actor.name);
  // "Government" in two articles is one body only when it is the same country's.
  return isGenericInstitution(actor.name) ? `${nameKey(actor.name)} of ${actor.affiliation ?? 'unknown'}` : nameKey(actor.name);
}

/**
 * Merges actors across articles, kind by kind. Full names first (countries by ISO code, everything
 * else by name key, or by an alias resolving to one group); then one-word person names, which join
 * the single known person with that surname or alias, or stay apart when it is ambiguous. An actor
 * of an unknown kind or with a blank name joins no group, with a warning note.
 */
export function groupActors(inputs: SeedExtraction[], notes: TextDiagnostic[]): Grouped<Actor> {
  const local = inputs.map(() => new Map<string, Group<Actor>>());
  const groups: Group<Actor>[] = [];
  for (const input of inputs)
    for (const actor of input.extraction.actors)
      if (!(actorKinds as readonly string[]).includes(actor.kind))
        notes.push(warning(input, actor.mentions[0]?.start ?? 0, 'unknown-kind', `dropped actor ${actor.id}: the extractor gave it the unknown kind "${actor.kind}" (an extractor bug; please report it)`));
  for (const kind of actorKinds) {
    const isPerson = kind === 'person';
    const grouper = new Grouper<Actor>((a) => a.aliases.map(nameKey).filter((k) => k && (!isPerson || wordCount(k) > 1)));
    const oneWord: Member<Actor>[] = [];
    inputs.forEach((input, i) => {
      for (const actor of input.extraction.actors) {
        if (actor.kind !== kind) continue;
        const key = mergeKey(actor);
        if (!key) {
          notes.push(warning(input, actor.mentions[0]?.start ?? 0, 'invisible-name', `actor name ${JSON.stringify(actor.name)} has no visible characters, so it gets no page`));
        } else if (isPerson && wordCount(key) === 1) oneWord.push({ seed: i, item: actor });
        else local[i].set(actor.id, grouper.add(i, actor, key));
      }
    });
    // Full-name persons by the one-word names they go by: surnames and one-word aliases.
    const byShortName = index(grouper.groups, (g) =>
      g.members.flatMap(({ item }) => [surnameKey(item.name), ...item.aliases.map(nameKey).filter((k) => wordCount(k) === 1)]),
    );
    for (const { seed, item } of oneWord) {
      const key = nameKey(item.name);
      const matches = byShortName.get(key) ?? [];
      if (matches.length === 1) {
        grouper.join(matches[0], seed, item, []);
        local[seed].set(item.id, matches[0]);
      } else local[seed].set(item.id, grouper.add(seed, item, key));
    }
    for (const g of grouper.groups) g.key = `${kind}:${g.key}`;
    groups.push(...grouper.groups);
  }
  return { groups, local };
}

/** Merges agreements across articles by name, or by an alias resolving to one group. */
export function groupAgreements(inputs: SeedExtraction[]): Grouped<Agreement> {
  const grouper = new Grouper<Agreement>((a) => a.aliases.map(nameKey).filter(Boolean));
  const local = inputs.map(({ extraction }, i) => {
    const ids = new Map<string, Group<Agreement>>();
    for (const agreement of extraction.agreements) {
      const key = nameKey(agreement.name);
      if (key) ids.set(agreement.id, grouper.add(i, agreement, key));
    }
    return ids;
  });
  return { groups: grouper.groups, local };
}
