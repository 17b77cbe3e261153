/** Sums V8 `.cpuprofile` files: busy time per process or thread, self time by where the code lives, hottest functions. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ThreadRow {
  role: string;
  wallSeconds: number;
  busySeconds: number;
}

export interface ProfileSummary {
  threads: ThreadRow[];
  /** Self seconds by `role › where` (a package or project file). */
  places: Map<string, number>;
  /** Self seconds by `role › function (where:line)`. */
  functions: Map<string, number>;
  busySeconds: number;
}

/** Samples that are not work: a thread waiting for I/O, a child process or other threads. */
const idle = new Set(['(idle)', '(root)']);

/** `node_modules/astro/dist/x.js` → `astro`; `<snapshot>/src/collection/merge.ts` → `src/collection/merge.ts`. */
function locate(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : 'native code';
  const path = url.replace(/^file:\/\//, '');
  const pkg = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
  if (pkg) return pkg[1];
  if (path.startsWith('node:')) return path.split('/').slice(0, path.startsWith('node:internal/') ? 2 : 1).join('/');
  const project = path.match(/\/((?:src|\.astro)\/.*)$/);
  return project ? project[1].replace(/^\.astro\/.*/, 'the site code bundled by Astro') : path;
}

/** Which process or thread a profile is, from the code it ran. */
function role(urls: Set<string>): string {
  const has = (part: string) => [...urls].some((u) => u.includes(part));
  if (has('extract-worker')) return 'extraction worker';
  if (has('/src/cli.ts')) return 'explainer build';
  if (has('node_modules/astro/')) return 'astro build';
  return 'other';
}

export function summariseProfiles(dir: string): ProfileSummary {
  const places = new Map<string, number>();
  const functions = new Map<string, number>();
  const threads: ThreadRow[] = [];
  const add = (map: Map<string, number>, key: string, s: number) => map.set(key, (map.get(key) ?? 0) + s);
  let busy = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
    const who = role(new Set(profile.nodes.map((n) => n.callFrame.url)));
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    let threadBusy = 0;
    profile.samples.forEach((id, i) => {
      const { functionName, url, lineNumber } = nodes.get(id)!.callFrame;
      const where = locate(url, functionName);
      if (idle.has(where)) return;
      const s = (profile.timeDeltas[i] ?? 0) / 1e6;
      add(places, `${who} › ${where}`, s);
      add(functions, `${who} › ${functionName || '(anonymous)'}${url ? ` (${where}:${lineNumber + 1})` : ''}`, s);
      threadBusy += s;
    });
    busy += threadBusy;
    threads.push({ role: who, wallSeconds: (profile.endTime - profile.startTime) / 1e6, busySeconds: threadBusy });
  }
  return { threads: threads.sort((a, b) => b.busySeconds - a.busySeconds), places, functions, busySeconds: busy };
}

/** The `top` largest entries of a map, largest first. */
export function largest(map: Map<string, number>, top: number): [string, number][] {
  return [...map].sort((a, b) => b[1] - a[1]).slice(0, top);
}
