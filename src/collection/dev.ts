import { spawn } from 'node:child_process';
import { watch } from 'node:fs';
import { join } from 'node:path';
import { astroBin, BuildError, packageRoot, parseBuildArgs, runBuild, type BuildOptions } from './build.ts';

/** Saving a file often fires several events; wait this long for them to settle. */
const settleMs = 150;

/**
 * Rebuilds `content/` in place whenever something in `seeds/` changes (debounced; a change during
 * a rebuild queues one more). A failed rebuild prints its errors and leaves `content/` as it was.
 */
export function watchSeeds(options: BuildOptions, onBuilt: (exitCode: number) => void = () => {}): { close(): void } {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  const rebuild = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    let code = 1;
    running = runBuild(options)
      .then((r) => void (code = r.exitCode))
      .catch((error) => {
        if (!(error instanceof BuildError)) throw error;
        options.stderr.write(`explainer: ${error.message}\n`);
      });
    await running;
    running = undefined;
    onBuilt(code);
    if (again) {
      again = false;
      await rebuild();
    }
  };
  const watcher = watch(join(options.root, 'seeds'), () => {
    clearTimeout(timer);
    timer = setTimeout(rebuild, settleMs);
  });
  return {
    close() {
      clearTimeout(timer);
      watcher.close();
    },
  };
}

/**
 * `explainer dev [build options] [-- astro dev options]`: builds `content/`, rebuilds it when a
 * seed changes, and runs Astro's dev server on it, which picks the changed files up itself.
 */
export async function dev(args: string[]): Promise<number> {
  const split = args.indexOf('--');
  let options: BuildOptions;
  try {
    options = { ...parseBuildArgs(split < 0 ? args : args.slice(0, split)), contentOnly: true, mode: 'sync', stdout: process.stdout, stderr: process.stderr };
    await runBuild(options);
  } catch (error) {
    if (!(error instanceof BuildError) && !(error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) throw error;
    process.stderr.write(`explainer: ${(error as Error).message}\n`);
    return 1;
  }
  const watcher = watchSeeds(options);
  const astro = spawn(process.execPath, [astroBin, 'dev', ...(split < 0 ? [] : args.slice(split + 1))], {
    cwd: packageRoot,
    stdio: 'inherit',
    env: { ...process.env, EXPLAINER_CONTENT_DIR: join(options.root, 'content') },
  });
  // Stopping explainer stops the server (Ctrl-C reaches both; a plain kill only reaches us).
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => astro.kill(signal));
  return new Promise((done) =>
    astro.on('close', (code) => {
      watcher.close();
      done(code ?? 0);
    }),
  );
}
