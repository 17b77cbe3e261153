/** Runs a command as a child process and measures its wall time and peak memory. */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Run {
  seconds: number;
  /** Peak resident memory in MiB: the larger of the sampled sum over the process tree and the largest single process (getrusage, via /usr/bin/time). */
  peakRssMiB: number;
  /** User + system CPU seconds of the whole tree (getrusage), less disturbed than wall time by other load; null without /usr/bin/time. */
  cpuSeconds: number | null;
  code: number;
  stdout: string;
  stderr: string;
}

const gnuTime = '/usr/bin/time';
const pageKiB = 4;

/** pid → [ppid, rss KiB] for every process, read from /proc. */
function processTable(): Map<number, [number, number]> {
  const table = new Map<number, [number, number]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name, which may itself hold spaces and parentheses.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      table.set(Number(entry), [Number(fields[1]), Number(fields[21]) * pageKiB]);
    } catch {
      // The process ended between listing and reading.
    }
  }
  return table;
}

function treeRssKiB(root: number): number {
  const table = processTable();
  const children = new Map<number, number[]>();
  for (const [pid, [ppid]] of table) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  let sum = 0;
  for (const stack = [root]; stack.length; ) {
    const pid = stack.pop()!;
    sum += table.get(pid)?.[1] ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return sum;
}

export async function measure(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; sampleMs?: number }): Promise<Run> {
  const useTime = existsSync(gnuTime);
  const timeFile = join(tmpdir(), `bench-time-${process.pid}-${Date.now()}`);
  const [cmd, argv] = useTime ? [gnuTime, ['-f', '%M %U %S', '-o', timeFile, command, ...args]] : [command, args];
  const started = performance.now();
  const child = spawn(cmd, argv, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  let peakKiB = 0;
  const sampler = setInterval(() => (peakKiB = Math.max(peakKiB, treeRssKiB(child.pid!))), options.sampleMs ?? 100);
  const code = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (c) => resolve(c ?? 1));
  });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  let cpuSeconds: number | null = null;
  if (useTime && existsSync(timeFile)) {
    // A failed command's line "Command exited with non-zero status N" comes first.
    const [maxrss, user, system] = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
    if (Number.isFinite(maxrss)) peakKiB = Math.max(peakKiB, maxrss);
    if (Number.isFinite(user + system)) cpuSeconds = user + system;
    rmSync(timeFile, { force: true });
  }
  return { seconds, peakRssMiB: peakKiB / 1024, cpuSeconds, code, stdout, stderr };
}

/** Like `measure`, but a non-zero exit is an error that shows the command's output. */
export async function mustRun(command: string, args: string[], options: Parameters<typeof measure>[2]): Promise<Run> {
  const run = await measure(command, args, options);
  if (run.code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${run.code}\n${run.stdout.slice(-4000)}\n${run.stderr.slice(-4000)}`);
  return run;
}
