/** Runs a command as a child process and measures its wall time and peak memory. */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Run {
  seconds: number;
  /** Peak resident memory in MiB: the larger of the sampled sum over the process tree and the largest single process. */
  peakRssMiB: number;
  /** The largest single process's peak (getrusage, via /usr/bin/time); null without it. */
  maxProcessRssMiB: number | null;
  /** The processes of the tree at the sampled peak, largest first. */
  atPeak: { command: string; rssMiB: number }[];
  /** User + system CPU seconds of the whole tree (getrusage), less disturbed than wall time by other load; null without /usr/bin/time. */
  cpuSeconds: number | null;
  code: number;
  stdout: string;
  stderr: string;
  /** Every output line (stdout and stderr, colours removed) with the seconds since the start at which it arrived. */
  lines: { t: number; text: string }[];
}

const gnuTime = '/usr/bin/time';
const pageKiB = 4;

/** Resident KiB of a process, 0 once it has ended. */
function rssKiB(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * pageKiB;
  } catch {
    return 0;
  }
}

/** Child pids of every thread of a process, from /proc (CONFIG_PROC_CHILDREN); [] once it has ended. */
function childPids(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((tid) => readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').split(' ').filter(Boolean).map(Number));
  } catch {
    return [];
  }
}

/** `node …/astro.mjs build` → `astro.mjs build`: enough of a command line to tell processes apart. */
function commandLine(pid: number): string {
  try {
    const [exe, ...args] = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    const script = args.find((a) => !a.startsWith('-'));
    const name = (path: string) => path.replace(/^.*\//, '');
    return script && /(^|\/)node$/.test(exe) ? `node ${name(script)} ${args.slice(args.indexOf(script) + 1, args.indexOf(script) + 2).join(' ')}`.trim() : name(exe);
  } catch {
    return '?';
  }
}

/** Resident KiB of a process and each of its descendants. */
function treeRss(root: number): Map<number, number> {
  const rss = new Map<number, number>();
  for (const stack = [root]; stack.length; ) {
    const pid = stack.pop()!;
    rss.set(pid, rssKiB(pid));
    stack.push(...childPids(pid));
  }
  return rss;
}

export async function measure(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; sampleMs?: number }): Promise<Run> {
  const useTime = existsSync(gnuTime);
  const timeFile = join(tmpdir(), `bench-time-${process.pid}-${Date.now()}`);
  const [cmd, argv] = useTime ? [gnuTime, ['-f', '%M %U %S', '-o', timeFile, command, ...args]] : [command, args];
  const started = performance.now();
  const child = spawn(cmd, argv, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const lines: Run['lines'] = [];
  const partial = { stdout: '', stderr: '' };
  const collect = (stream: 'stdout' | 'stderr', chunk: string) => {
    const t = (performance.now() - started) / 1000;
    const parts = (partial[stream] + chunk).split('\n');
    partial[stream] = parts.pop()!;
    for (const text of parts) lines.push({ t, text: text.replace(/\x1b\[[0-9;]*m/g, '') });
  };
  child.stdout.on('data', (d) => {
    stdout += d;
    collect('stdout', String(d));
  });
  child.stderr.on('data', (d) => {
    stderr += d;
    collect('stderr', String(d));
  });
  let peakKiB = 0;
  let atPeak = new Map<number, number>();
  const names = new Map<number, string>();
  const sampler = setInterval(() => {
    const rss = treeRss(child.pid!);
    for (const pid of rss.keys()) if (!names.has(pid)) names.set(pid, commandLine(pid));
    const sum = [...rss.values()].reduce((a, b) => a + b, 0);
    if (sum > peakKiB) {
      peakKiB = sum;
      atPeak = rss;
    }
  }, options.sampleMs ?? 100);
  const code = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (c) => resolve(c ?? 1));
  });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  let cpuSeconds: number | null = null;
  let maxProcessRssMiB: number | null = null;
  if (useTime && existsSync(timeFile)) {
    // A failed command's line "Command exited with non-zero status N" comes first.
    const [maxrss, user, system] = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
    if (Number.isFinite(maxrss)) {
      maxProcessRssMiB = maxrss / 1024;
      peakKiB = Math.max(peakKiB, maxrss);
    }
    if (Number.isFinite(user + system)) cpuSeconds = user + system;
    rmSync(timeFile, { force: true });
  }
  const processes = [...atPeak]
    .filter(([, kib]) => kib > 20 * 1024)
    .sort((a, b) => b[1] - a[1])
    .map(([pid, kib]) => ({ command: names.get(pid) ?? '?', rssMiB: kib / 1024 }));
  return { seconds, peakRssMiB: peakKiB / 1024, maxProcessRssMiB, atPeak: processes, cpuSeconds, code, stdout, stderr, lines };
}

/** Like `measure`, but a non-zero exit is an error that shows the command's output. */
export async function mustRun(command: string, args: string[], options: Parameters<typeof measure>[2]): Promise<Run> {
  const run = await measure(command, args, options);
  if (run.code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${run.code}\n${run.stdout.slice(-4000)}\n${run.stderr.slice(-4000)}`);
  return run;
}
