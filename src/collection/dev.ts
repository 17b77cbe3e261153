import { spawn } from 'node:child_process';
import { statSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { failure, report } from '../diagnostics.ts';
import { type BuildArgs, readSiteEnv, siteEnv } from '../options.ts';
import { astroBin, contentStamp, packageRoot, runBuild, type BuildOptions } from './build.ts';

/** Saving a file often fires several events; wait this long for them to settle. */
const settleMs = 150;

/** How often the watcher checks that `seeds/` is still the folder it watches (replaced, removed, recreated). */
const recheckMs = 1000;

/**
 * Rebuilds `content/` in place whenever something in `seeds/` changes (debounced; a change during
 * a rebuild queues one more). A failed rebuild prints its errors and leaves `content/` as it was;
 * any failure is printed as a message and the watching goes on. When `seeds/` is replaced (or
 * removed and created again), the new folder is watched. Rebuilds wait for the build lock.
 */
export function watchSeeds(options: BuildOptions, onBuilt: (exitCode: number) => void = () => {}): { close(): void } {
  const o = { ...options, waitForLock: true };
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let closed = false;
  const rebuild = async (): Promise<void> => {
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    let code = 1;
    running = runBuild(o).then((r) => void (code = r.exitCode));
    await running;
    running = undefined;
    onBuilt(code);
    if (again) {
      again = false;
      await rebuild();
    }
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(rebuild, settleMs);
  };
  const seeds = join(o.root, 'seeds');
  let watcher: FSWatcher | undefined;
  let watched: number | undefined; // the inode of the folder being watched
  const inode = () => {
    try {
      return statSync(seeds).ino;
    } catch {
      return undefined;
    }
  };
  const rewatch = () => {
    watcher?.close();
    watcher = undefined;
    watched = inode();
    if (watched === undefined) return;
    try {
      watcher = watch(seeds, schedule);
      watcher.on('error', () => {
        watcher?.close();
        watcher = undefined;
        watched = undefined;
      });
    } catch {
      watched = undefined;
    }
  };
  rewatch();
  const check = setInterval(() => {
    const now = inode();
    if (now !== watched) {
      rewatch();
      schedule();
    }
  }, recheckMs);
  check.unref();
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      clearInterval(check);
      watcher?.close();
    },
  };
}

/**
 * `explainer dev [build options] [-- astro dev options]`: builds `content/`, rebuilds it when a
 * seed changes, and runs Astro's dev server on it, which reads the changed files and reloads the
 * browser when the build step rewrites the content stamp.
 */
export async function dev(args: { build: BuildArgs; astro: string[] }): Promise<number> {
  readSiteEnv(); // the dev server's settings, checked before anything starts
  const options: BuildOptions = { ...args.build, contentOnly: true, mode: 'sync', waitForLock: true, reported: new Set(), stdout: process.stdout, stderr: process.stderr };
  // A project the build cannot even start on (no seeds/, unwritable folders) is not watched; bad seeds are.
  if (!(await runBuild(options)).started) return 1;
  const watcher = watchSeeds(options);
  // Astro allows one dev server per root, and every project's root is this package: without
  // --ignore-lock a second project's `explainer dev` would refuse to start.
  const astro = spawn(process.execPath, [astroBin, 'dev', '--ignore-lock', ...args.astro], {
    cwd: packageRoot,
    stdio: 'inherit',
    // NODE_ENV=production or test in the editor's shell would turn the browser's reloading off.
    env: { ...process.env, NODE_ENV: 'development', ...siteEnv({ contentDir: join(options.root, 'content'), contentStamp: contentStamp(options.root) }) },
  });
  // Stopping explainer stops the server (Ctrl-C reaches both; a plain kill only reaches us), always:
  // if the server has not exited 3 s after the signal, or at a second signal, explainer exits anyway.
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => {
      watcher.close();
      if (stopping) process.exit(signal === 'SIGINT' ? 130 : 143);
      stopping = true;
      astro.kill(signal);
      setTimeout(() => {
        astro.kill('SIGKILL');
        process.exit(signal === 'SIGINT' ? 130 : 143);
      }, 3000).unref();
    });
  return new Promise((done) => {
    astro.on('error', (error) => {
      watcher.close();
      report(process.stderr, [failure('dev-server', `cannot start the dev server (${error.message})`).diagnostic]);
      done(1);
    });
    astro.on('close', (code) => {
      watcher.close();
      done(code ?? 0);
    });
  });
}
