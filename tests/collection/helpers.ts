// Hand-made extractions for merge tests: real article structure from extract(), with actors,
// quotes and agreements placed by finding their words in the text.
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extract, type Actor, type ActorKind, type Agreement, type Extraction, type Mention, type Quote } from '../../src/extract/index.ts';
import { runBuild, type BuildOptions, type BuildResult } from '../../src/collection/build.ts';
import { defaultMaxSeedBytes } from '../../src/collection/read-seed.ts';

export interface ActorSpec {
  id: string;
  name: string;
  kind?: ActorKind;
  aliases?: string[];
  /** Words in the text that mention the actor (default: its name). */
  forms?: string[];
  roles?: string[];
  affiliation?: string;
}

export interface Spec {
  actors?: ActorSpec[];
  /** Quoted words (found in the text) and who said them. */
  quotes?: { id: string; text: string; speaker: string | null; agreements?: string[] }[];
  agreements?: { id: string; name: string; aliases?: string[]; parties?: string[]; forms?: string[] }[];
}

/** Every occurrence of the forms, longest form first, never two overlapping. */
function mentionsOf(e: Extraction, forms: string[]): Mention[] {
  const out: Mention[] = [];
  for (const form of [...forms].sort((a, b) => b.length - a.length))
    for (let at = e.article.text.indexOf(form); at >= 0; at = e.article.text.indexOf(form, at + 1)) {
      const sentence = e.article.sentences.findIndex((s) => s.start <= at && at < s.end);
      const end = at + form.length;
      if (sentence >= 0 && !out.some((m) => m.start < end && at < m.end)) out.push({ start: at, end, sentence });
    }
  return out.sort((a, b) => a.start - b.start);
}

export function fixture(file: string, text: string, spec: Spec = {}): Extraction {
  const e = extract({ path: `seeds/${file}`, text });
  const sentenceAt = (at: number) => e.article.sentences.findIndex((s) => s.start <= at && at < s.end);
  e.actors = (spec.actors ?? []).map(
    (a): Actor => ({
      id: a.id,
      name: a.name,
      kind: a.kind ?? 'person',
      aliases: a.aliases ?? [],
      roles: (a.roles ?? []).map((r) => ({ text: r, sentence: sentenceAt(e.article.text.indexOf(r)) })),
      affiliation: a.affiliation ?? null,
      gender: null,
      mentions: mentionsOf(e, a.forms ?? [a.name]),
    }),
  );
  e.quotes = (spec.quotes ?? []).map((q): Quote => {
    const start = e.article.text.indexOf(q.text);
    if (start < 0) throw new Error(`fixture: quote not in text: ${q.text}`);
    const sentence = sentenceAt(start);
    return {
      id: q.id,
      text: q.text,
      start,
      end: start + q.text.length,
      sentence,
      paragraph: e.article.sentences[sentence].paragraph,
      speaker: q.speaker,
      speaker_mention: null,
      cue: 'said',
      rule: 'name',
      confidence: 1,
      agreements: q.agreements ?? [],
    };
  });
  e.agreements = (spec.agreements ?? []).map(
    (g): Agreement => ({ id: g.id, name: g.name, aliases: g.aliases ?? [], parties: g.parties ?? [], status: null, mentions: mentionsOf(e, g.forms ?? [g.name]) }),
  );
  return e;
}

/** A temporary project: `seeds/` with the given files. */
export async function project(seeds: Record<string, string | Uint8Array> = {}): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'explainer-test-'));
  await mkdir(join(root, 'seeds'));
  for (const [name, body] of Object.entries(seeds)) await writeFile(join(root, 'seeds', name), body);
  return root;
}

/** Every file under `dir`, relative path → contents. */
export async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()))
    files.set(join(entry.parentPath, entry.name).slice(dir.length + 1), await readFile(join(entry.parentPath, entry.name), 'utf8'));
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Runs the content build in-process, collecting what it prints. */
export async function buildContent(root: string, options: Partial<BuildOptions> = {}): Promise<BuildResult & { out: string; err: string }> {
  let out = '';
  let err = '';
  const result = await runBuild({
    root,
    contentOnly: true,
    skipInvalid: false,
    maxSeedBytes: defaultMaxSeedBytes,
    verbose: false,
    mode: 'swap',
    stdout: { write: (t) => void (out += t) },
    stderr: { write: (t) => void (err += t) },
    ...options,
  });
  return { ...result, out, err };
}

const cli = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));

/** Runs `explainer build` in `root` as a user would. */
export function runCli(root: string, args: string[] = ['--content-only'], env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [cli, 'build', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: run.status, signal: run.signal, stdout: run.stdout, stderr: run.stderr };
}
