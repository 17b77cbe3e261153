// Which Chromium the browser tests drive, so that `npm test` needs no root and no system package:
//
// 1. EXPLAINER_CHROMIUM, when set: the path of a Chromium, or `bundled` to skip the system's;
// 2. else a system Chromium: `chromium` on PATH, or Debian's /usr/bin/chromium;
// 3. else the Chromium inside the @sparticuz/chromium npm package (a devDependency), unpacked into
//    the temp folder on first use, with the libraries it ships (NSS, NSPR, expat) so that it runs on
//    a machine that has none of Chromium's dependencies installed.
//
// Also a vitest globalSetup: unpacking once before the test files run keeps parallel workers from
// racing to unpack the same file.
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface ChromiumChoice {
  executablePath: string;
  /** Extra environment for the browser process. */
  env: Record<string, string>;
  /** Where it came from, for messages. */
  source: string;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function systemChromium(): string | undefined {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const file of [...dirs.map((dir) => join(dir, 'chromium')), '/usr/bin/chromium']) if (isExecutable(file)) return file;
  return undefined;
}

async function bundledChromium(): Promise<ChromiumChoice> {
  const { default: chromium, inflate } = await import('@sparticuz/chromium');
  const executablePath = await chromium.executablePath();
  const bin = join(import.meta.dirname, '..', '..', 'node_modules', '@sparticuz', 'chromium', 'bin');
  const libs = await inflate(join(bin, 'al2023.tar.br'));
  const env: Record<string, string> = { LD_LIBRARY_PATH: [join(libs, 'lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(delimiter) };
  // Fonts: the system's when it has a fontconfig set-up, else the package's (Open Sans).
  if (!existsSync('/etc/fonts/fonts.conf')) env.FONTCONFIG_PATH = await inflate(join(bin, 'fonts.tar.br'));
  return { executablePath, env, source: `@sparticuz/chromium (${executablePath})` };
}

let choice: Promise<ChromiumChoice> | undefined;

export function findChromium(): Promise<ChromiumChoice> {
  choice ??= (async () => {
    const wanted = process.env.EXPLAINER_CHROMIUM;
    if (wanted && wanted !== 'bundled') {
      if (!isExecutable(wanted)) throw new Error(`EXPLAINER_CHROMIUM=${wanted}: not an executable file`);
      return { executablePath: wanted, env: {}, source: `EXPLAINER_CHROMIUM (${wanted})` };
    }
    const system = wanted === 'bundled' ? undefined : systemChromium();
    return system ? { executablePath: system, env: {}, source: `system (${system})` } : bundledChromium();
  })();
  return choice;
}

export default async function setup() {
  console.log(`browser tests: Chromium from ${(await findChromium()).source}`);
}
