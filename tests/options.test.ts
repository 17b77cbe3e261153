import { describe, expect, it } from 'vitest';
import { diagnosticOf } from '../src/diagnostics.ts';
import { parseBuildArgs, parseDevArgs, parseExtractArgs, parseReviewArgs, readSiteEnv, siteEnv } from '../src/options.ts';

/** The usage error a parser throws, as its message. */
const refused = (parse: () => unknown) => {
  try {
    parse();
  } catch (error) {
    const d = diagnosticOf(error);
    expect(d).toMatchObject({ severity: 'error', rule: 'usage', source: 'arguments' });
    return d.message;
  }
  throw new Error('accepted');
};

describe('command lines', () => {
  it('reads build options, sizes and seconds', () => {
    expect(parseBuildArgs(['--content-only', '--max-seed-size', '1.5 MiB', '--seed-time-limit', '2.5', '--verbose'])).toEqual({
      root: process.cwd(),
      contentOnly: true,
      skipInvalid: false,
      maxSeedBytes: 1572864,
      followSymlinks: false,
      seedTimeLimitMs: 2500,
      verbose: true,
    });
    expect(parseBuildArgs(['--max-seed-size', '512k']).maxSeedBytes).toBe(524288);
    expect(parseDevArgs(['--skip-invalid', '--', '--port', '4000'])).toMatchObject({ build: { skipInvalid: true }, astro: ['--port', '4000'] });
    expect(parseReviewArgs(['--verbose', '--format', 'json'])).toMatchObject({ format: 'json', build: { verbose: true } });
    expect(parseExtractArgs(['--format', 'jsonl', 'a.txt', 'b.txt'])).toMatchObject({ format: 'jsonl', files: ['a.txt', 'b.txt'], name: 'stdin' });
  });

  it('refuses a bad value with a usage error naming the option', () => {
    expect(refused(() => parseBuildArgs(['--max-seed-size', 'lots']))).toBe('--max-seed-size: cannot read "lots" as a size — write e.g. 2MB, 512KB or 1000000');
    expect(refused(() => parseBuildArgs(['--max-seed-size', '0']))).toBe('--max-seed-size: "0" would refuse every seed — give a positive size, e.g. 2MB');
    expect(refused(() => parseBuildArgs(['--seed-time-limit=0']))).toBe('--seed-time-limit: "0" is not a positive number of seconds — write e.g. 20 or 60');
    expect(refused(() => parseBuildArgs(['seeds/a.txt']))).toBe('build takes no file arguments (it reads seeds/)');
    expect(refused(() => parseBuildArgs(['--frobnicate']))).toMatch(/^Unknown option '--frobnicate'/);
    expect(refused(() => parseReviewArgs(['--format', 'xml']))).toBe('review: unknown --format xml (text or json)');
    expect(refused(() => parseExtractArgs(['--format', 'xml', 'a.txt']))).toBe('extract: unknown --format xml (json, jsonl or text)');
    expect(refused(() => parseExtractArgs([]))).toBe('extract: no FILE given (- reads standard input)');
    expect(refused(() => parseExtractArgs(['a.txt', 'b.txt']))).toBe('extract --format json takes one FILE (--format jsonl takes several)');
    expect(refused(() => parseExtractArgs(['--format', 'jsonl', '-', '-']))).toBe('extract: standard input (-) can only be read once');
  });
});

describe('the environment Astro is given', () => {
  it('is written and read back through the same names, with defaults for a plain astro build', () => {
    const settings = { contentDir: '/p/content', outDir: '/p/dist', cacheDir: '/p/.cache/astro', searchIndex: 'later', site: 'https://example.test' } as const;
    expect(siteEnv({ contentDir: 'c', searchIndex: 'later' })).toEqual({ EXPLAINER_CONTENT_DIR: 'c', EXPLAINER_SEARCH_INDEX: 'later' });
    expect(readSiteEnv(siteEnv(settings))).toEqual(settings);
    expect(readSiteEnv({})).toEqual({ contentDir: 'content', outDir: 'dist', cacheDir: './node_modules/.astro', searchIndex: 'with-astro', site: 'https://explainer.example.org' });
  });

  it('refuses a bad value, naming its variable', () => {
    expect(() => readSiteEnv({ EXPLAINER_SITE: 'not a url' })).toThrow(/^EXPLAINER_SITE: /);
    expect(() => readSiteEnv({ EXPLAINER_SEARCH_INDEX: 'soon' })).toThrow(/^EXPLAINER_SEARCH_INDEX: /);
  });
});
