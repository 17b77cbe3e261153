// The site reads content/ itself instead of through Astro's content layer, with the collections'
// schemas (src/content.config.ts says why). In `astro dev` the content layer serialised every entry
// again after each change (about 1 s at 1,000 articles, after a 0.5 s debounce) and the next
// request loaded all of it back (about 1.8 s), so a one-seed edit took over 5 s to show; read here,
// an edit costs the files it changed.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { collectionSchemas } from '../schema/collections.ts';
import { resolvedRef } from '../schema/shared.ts';
import { collections, type Collection } from '../schema/vocab.ts';

const schemas = new Map(collections.map((c): [Collection, z.ZodType] => [c, collectionSchemas[c](resolvedRef)]));

/** An entry as `getCollection()` returns it. */
export interface FileEntry {
  id: string;
  collection: Collection;
  data: unknown;
}

/** Each file read, by path, with the size, time and inode it was read at. */
const read = new Map<string, { version: string; entry: FileEntry }>();

/** The files of one collection folder (none when it is missing), by name. */
function jsonFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .sort();
  } catch {
    return [];
  }
}

/** Every entry of every collection under `contentDir`, reading and parsing again only the files that changed since the last call. */
export function readContentFolder(contentDir: string): Record<Collection, FileEntry[]> {
  const seen = new Set<string>();
  const entries = (collection: Collection) =>
    jsonFiles(join(contentDir, collection)).map((name) => {
      const path = join(contentDir, collection, name);
      seen.add(path);
      const { mtimeMs, size, ino } = statSync(path);
      const version = `${mtimeMs} ${size} ${ino}`;
      let file = read.get(path);
      if (file?.version !== version) {
        file = { version, entry: { id: name.slice(0, -'.json'.length), collection, data: schemas.get(collection)!.parse(JSON.parse(readFileSync(path, 'utf8'))) } };
        read.set(path, file);
      }
      return file.entry;
    });
  const result = Object.fromEntries(collections.map((c) => [c, entries(c)])) as Record<Collection, FileEntry[]>;
  for (const path of read.keys()) if (!seen.has(path)) read.delete(path);
  return result;
}

/** What the stamp file holds now (undefined without one): a new value means content/ changed. */
export function readStamp(stamp: string | undefined): string | undefined {
  if (!stamp) return undefined;
  try {
    return readFileSync(stamp, 'utf8');
  } catch {
    return undefined;
  }
}
