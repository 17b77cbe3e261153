#!/usr/bin/env node
// Runs the TypeScript CLI on the project's pinned Node (the `node` devDependency), whatever
// Node started this shim: type stripping needs Node >= 22.6.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const [major, minor] = process.versions.node.split('.').map(Number);
if (major > 22 || (major === 22 && minor >= 18)) {
  await import(cli);
} else {
  let pinned;
  try {
    pinned = createRequire(import.meta.url).resolve('node/bin/node');
  } catch {
    console.error(`explainer: needs Node >= 22.18 (this is ${process.version}); run \`npm install\` to get the pinned runtime`);
    process.exit(1);
  }
  const run = spawnSync(pinned, [cli, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(run.status ?? 1);
}
