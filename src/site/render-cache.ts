// Astro's incremental build keeps a copy of every page with a cacheKey in its cache folder and,
// once all pages are rendered, a manifest of their keys. A build killed or failed in between
// leaves copies newer than the manifest: a later build whose key matches the manifest's again (the
// edit undone) would restore the newer, wrong copy. So a build marks the cache while Astro renders
// and clears the mark when Astro succeeds; a mark left behind makes the next build forget the
// manifest and render every page once.
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Astro's name for the manifest in its cacheDir (astro/dist/core/build/incremental.js). */
const manifestFile = 'incremental-build.json';
const markFile = 'explainer-rendering';

const exists = (path: string) => stat(path).then(() => true, () => false);

/** Marks Astro's cache folder as in use, forgetting the manifest a broken build left; returns what to call once Astro has succeeded. */
export async function beginRender(cacheDir: string): Promise<{ succeeded: () => Promise<void> }> {
  await mkdir(cacheDir, { recursive: true });
  const mark = join(cacheDir, markFile);
  if (await exists(mark)) await rm(join(cacheDir, manifestFile), { force: true });
  await writeFile(mark, `${process.pid}\n`);
  return { succeeded: () => rm(mark, { force: true }) };
}
