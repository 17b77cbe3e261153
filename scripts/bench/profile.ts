/** Sums the self time of V8 `.cpuprofile` files by where the code lives (a package or a project file). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileRow {
  where: string;
  seconds: number;
  share: number;
}

/** `node_modules/astro/dist/x.js` → `astro`; `/repo/src/collection/build.ts` → `src/collection/build.ts`. */
function locate(url: string, functionName: string, root: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : `native ${functionName || '(anonymous)'}`;
  const path = url.replace(/^file:\/\//, '');
  const pkg = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
  if (pkg) return pkg[1];
  if (path.startsWith('node:')) return 'node internals';
  if (path.startsWith(root)) return path.slice(root.length + 1).replace(/^scripts\/bench\/\.work\/[^/]+\/[^/]+\//, '');
  return path;
}

/** Self time per location over every profile in `dir`, largest first; `root` is the repo. */
export function summariseProfiles(dir: string, root: string, top = 15): { rows: ProfileRow[]; totalSeconds: number; files: number } {
  const self = new Map<string, number>();
  let total = 0;
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  for (const file of files) {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
    const where = new Map(profile.nodes.map((n) => [n.id, locate(n.callFrame.url, n.callFrame.functionName, root)]));
    profile.samples.forEach((id, i) => {
      const us = profile.timeDeltas[i] ?? 0;
      const key = where.get(id)!;
      self.set(key, (self.get(key) ?? 0) + us);
      total += us;
    });
  }
  const rows = [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([where, us]) => ({ where, seconds: us / 1e6, share: us / total }));
  return { rows, totalSeconds: total / 1e6, files: files.length };
}
