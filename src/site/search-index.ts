import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { writeReusing } from '../collection/write.ts';

/**
 * Indexes a built site (`dir`) for search with Pagefind's Node API into `dir/pagefind/`; returns
 * the pages indexed. Pagefind names most of its files by their content (a page's fragment, a
 * chunk of the word index), so after an edit nearly all of them are those of the `previous`
 * site's index: those are linked from there rather than written again.
 */
export async function indexSite(dir: string, previous?: string): Promise<number> {
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: dir });
    if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
    const built = await index.getFiles();
    if (built.errors.length) throw new Error(`pagefind: ${built.errors.join('; ')}`);
    writeReusing(
      join(dir, 'pagefind'),
      built.files.map((f) => ({ path: f.path, data: f.content })),
      previous && join(previous, 'pagefind'),
    );
    return added.page_count;
  } finally {
    // Pagefind runs as a service process; leaving it would keep the process from exiting.
    await pagefind.close();
  }
}
