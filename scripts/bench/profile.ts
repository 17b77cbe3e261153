/** Sums V8 `.cpuprofile` files: busy time per process or thread, and self time by where the code lives. */
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

export interface ThreadRow {
  role: string;
  wallSeconds: number;
  busySeconds: number;
}

export interface ProfileSummary {
  threads: ThreadRow[];
  rows: ProfileRow[];
  busySeconds: number;
}

/** Samples that are not work: a thread waiting for I/O, a child process or other threads. */
const idle = new Set(['(idle)', '(root)']);

/** `node_modules/astro/dist/x.js` → `astro`; `<snapshot>/src/collection/merge.ts` → `src/collection/merge.ts`. */
function locate(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : `native ${functionName || '(anonymous)'}`;
  const path = url.replace(/^file:\/\//, '');
  const pkg = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
  if (pkg) return pkg[1];
  if (path.startsWith('node:')) return path.split('/').slice(0, path.startsWith('node:internal/') ? 2 : 1).join('/');
  const project = path.match(/\/((?:src|dist|\.astro)\/.*)$/);
  return project ? project[1].replace(/^dist\/.*/, 'dist/ (the built site code)') : path;
}

/** Which process or thread a profile is, from the code it ran. */
function role(urls: Set<string>): string {
  const has = (part: string) => [...urls].some((u) => u.includes(part));
  if (has('extract-worker')) return 'extraction worker thread';
  if (has('/src/cli.ts')) return '`explainer build` (main thread)';
  if (has('node_modules/astro/')) return '`astro build` (child process)';
  return 'other';
}

export function summariseProfiles(dir: string, top = 15): ProfileSummary {
  const self = new Map<string, number>();
  const threads: ThreadRow[] = [];
  let busy = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
    const where = new Map(profile.nodes.map((n) => [n.id, locate(n.callFrame.url, n.callFrame.functionName)]));
    let threadBusy = 0;
    profile.samples.forEach((id, i) => {
      const key = where.get(id)!;
      if (idle.has(key)) return;
      const us = profile.timeDeltas[i] ?? 0;
      self.set(key, (self.get(key) ?? 0) + us);
      threadBusy += us;
    });
    busy += threadBusy;
    threads.push({ role: role(new Set(profile.nodes.map((n) => n.callFrame.url))), wallSeconds: (profile.endTime - profile.startTime) / 1e6, busySeconds: threadBusy / 1e6 });
  }
  const rows = [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([where, us]) => ({ where, seconds: us / 1e6, share: us / busy }));
  return { threads: threads.sort((a, b) => b.busySeconds - a.busySeconds), rows, busySeconds: busy / 1e6 };
}
