import * as pagefind from 'pagefind';

/** Indexes a built site (`dir`) for search with Pagefind's Node API; returns the pages indexed. */
export async function indexSite(dir: string): Promise<number> {
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: dir });
    if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: `${dir}/pagefind` });
    if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    // Pagefind runs as a service process; leaving it would keep the process from exiting.
    await pagefind.close();
  }
}
