// The fields of a merged page taken from all its members: names, roles, status, corrections. Pure.
import type { Actor, Agreement } from '../../extract/types.ts';
import type { Corrected } from '../../schema/shared.ts';
import { displayName, nameKey } from '../names.ts';
import type { Member } from './identity.ts';

/** What an editor corrected about the items (`corrected`, set by applyCorrections), each fact once; absent when nothing. */
export function correctedField(items: object[]): { corrected?: Corrected } {
  const seen = new Set<string>();
  const all = items.flatMap((item) => (item as { corrected?: Corrected }).corrected ?? []).filter((c) => {
    const key = JSON.stringify(c);
    return seen.has(key) ? false : (seen.add(key), true);
  });
  return all.length ? { corrected: all } : {};
}

/** The other names the members go by (their names and aliases), each once, sorted; not `name` itself. */
export function aliasesOf(name: string, members: Member<{ name: string; aliases: string[] }>[]): string[] {
  const seen = new Set([nameKey(name)]);
  const out: string[] = [];
  for (const n of members.flatMap(({ item }) => [item.name, ...item.aliases]).map(displayName)) {
    const key = nameKey(n);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(n);
  }
  return out.sort();
}

/** An actor's roles, each once per sentence, blank ones left out. */
export function rolesOf(members: Member<Actor>[], article: (seed: number) => string): { text: string; article: string; sentence: number }[] {
  const seen = new Set<string>();
  const roles = [];
  for (const { seed, item } of members)
    for (const role of item.roles) {
      const text = displayName(role.text);
      const key = `${seed}\u0000${role.sentence}\u0000${text}`;
      if (!text || seen.has(key)) continue;
      seen.add(key);
      roles.push({ text, article: article(seed), sentence: role.sentence });
    }
  return roles;
}

/** An agreement's status: the last article that states one has the say. */
export function latestStatus(members: Member<Agreement>[]): Agreement['status'] {
  let status: Agreement['status'] = null;
  for (const { item } of members) status = item.status ?? status;
  return status;
}
