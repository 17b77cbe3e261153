import { createRequire } from 'node:module';
import type { Processor } from 'unified';
import type { Root, RootContent } from 'mdast';
import type { ExtractedArticle, Span } from './types.ts';
import { locator } from '../diagnostics.ts';
import { Reporter } from './diagnostics.ts';
import { splitSentences } from './sentences.ts';

export interface SeedInput {
  /** The seed's path as the user should see it in messages (e.g. `seeds/x.txt`). */
  path: string;
  /** The decoded text of the seed. */
  text: string;
}

export interface ReadDocument {
  article: ExtractedArticle;
  reporter: Reporter;
}

const blankLine = /^[\s\u00a0\u2000-\u200b\u2028\u2029\u3000\ufeff]*$/u;

/** Article id from the seed's file name: stable, and unique within one seeds/ folder. */
export function articleId(path: string): string {
  return path.replace(/^.*[\\/]/, '').replace(/\.(txt|md|markdown)$/i, '');
}

/** Removes a BOM and normalises CRLF/CR line ends, reporting each (positions stay line-exact). */
function normalise(seed: SeedInput): { text: string; reporter: Reporter } {
  let text = seed.text;
  const reporter = new Reporter(seed.path, text);
  if (text.startsWith('\ufeff')) {
    reporter.report('warning', 'bom', 'byte-order mark removed', 0);
    text = text.slice(1);
  }
  const crlf = text.indexOf('\r');
  if (crlf >= 0) {
    reporter.report('warning', 'line-endings', 'CRLF or CR line endings normalised to LF', crlf);
    text = text.replace(/\r\n?/g, '\n');
  }
  reporter.retarget(locator(text));
  return { text, reporter };
}

function emptyArticle(seed: SeedInput): Omit<ExtractedArticle, 'text' | 'title' | 'titleSpan' | 'paragraphs' | 'sentences'> {
  return { id: articleId(seed.path), date: null, source: null, author: null };
}

/** A `.txt` seed: the first non-empty line is the headline, each further line a paragraph. */
function readText(seed: SeedInput, text: string, reporter: Reporter): ExtractedArticle {
  const lines: Span[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    if (!blankLine.test(line)) {
      const lead = line.length - line.trimStart().length;
      lines.push({ start: start + lead, end: start + line.trimEnd().length });
    }
    start += line.length + 1;
  }
  const [title, ...paragraphs] = lines;
  if (!title) reporter.report('error', 'empty', 'no text: the seed is empty or whitespace only — write a headline on the first line', 0);
  warnFrontmatterLookalikes(text, paragraphs, reporter);
  return finish(seed, text, title ?? { start: 0, end: 0 }, paragraphs, {});
}

/** `---` lines in a body are kept as text; say so, since an editor may have meant frontmatter. */
function warnFrontmatterLookalikes(text: string, paragraphs: Span[], reporter: Reporter): void {
  for (const p of paragraphs)
    if (/^-{3,}$/.test(text.slice(p.start, p.end)))
      reporter.report('warning', 'frontmatter-lookalike', '`---` line in the body is kept as text, not read as frontmatter', p.start);
}

// The Markdown reader loads only when a Markdown seed comes: most seeds are plain text, and
// `explainer extract` starts faster without it (Node requires ES modules synchronously).
const require = createRequire(import.meta.url);
let markdown: { parser: Processor; parseYaml: (text: string) => unknown; YAMLParseError: new (...args: never[]) => Error & { pos?: number[] } } | undefined;
function markdownReader() {
  if (!markdown) {
    const { unified } = require('unified');
    const yaml = require('yaml');
    markdown = {
      parser: unified().use(require('remark-parse').default).use(require('remark-frontmatter').default, ['yaml']),
      parseYaml: yaml.parse,
      YAMLParseError: yaml.YAMLParseError,
    };
  }
  return markdown;
}

const frontmatterFields = ['title', 'date', 'source', 'author'] as const;
type Frontmatter = Partial<Record<(typeof frontmatterFields)[number], string>>;

function readFrontmatter(node: RootContent | undefined, reporter: Reporter): Frontmatter {
  if (!node || node.type !== 'yaml') return {};
  const offset = (node.position?.start.offset ?? 0) + 4; // past the opening `---\n`
  const { parseYaml, YAMLParseError } = markdownReader();
  let data: unknown;
  try {
    data = parseYaml(node.value);
  } catch (error) {
    const at = error instanceof YAMLParseError ? offset + ((error as { pos?: number[] }).pos?.[0] ?? 0) : offset;
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    reporter.report('error', 'frontmatter', `frontmatter is not valid YAML (${reason}) — fix the YAML between the --- lines`, at);
    return {};
  }
  if (data == null) return {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    reporter.report('error', 'frontmatter', 'frontmatter must be a map of fields (title, date, source, author)', offset);
    return {};
  }
  const fields: Frontmatter = {};
  for (const key of frontmatterFields) {
    const value = (data as Record<string, unknown>)[key];
    if (value == null) continue;
    const at = offset + Math.max(0, node.value.indexOf(`${key}:`));
    if (value instanceof Date) fields[key] = value.toISOString().slice(0, 10);
    else if (typeof value === 'string' || (key === 'date' && typeof value === 'number')) fields[key] = String(value).trim();
    else reporter.report('error', 'frontmatter', `frontmatter field \`${key}\` must be text, not ${Array.isArray(value) ? 'a list' : typeof value} — quote it`, at);
    if (key === 'date' && fields.date != null && !isRealDate(fields.date)) {
      reporter.report('error', 'frontmatter', `frontmatter \`date\` "${fields.date}" is not a real date — write it as YYYY-MM-DD`, at);
      delete fields.date;
    }
  }
  return fields;
}

/**
 * A date that looks like an ISO date (`2026-02-28`, `2026-02`, `2026-02-28T10:00Z`) must be a real
 * one; free text ("Spring 2024") is kept as written.
 */
export function isRealDate(date: string): boolean {
  const iso = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(date);
  if (!iso) return !/^\d{4}-\d/.test(date) && !/^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/.test(date);
  const [, y, m, d, hh, mm, ss] = iso.map((x) => (x == null ? undefined : Number(x)));
  if (m! < 1 || m! > 12) return false;
  if (d != null) {
    const days = new Date(Date.UTC(y!, m!, 0)).getUTCDate();
    if (d < 1 || d > days || !/^\d{4}-\d{2}-\d{2}/.test(date)) return false;
  }
  return (hh == null || hh < 24) && (mm == null || mm < 60) && (ss == null || ss < 60);
}

/** Plain text of a Markdown block, markup stripped (iteratively: nesting depth costs no stack). */
function plain(root: RootContent): string {
  let out = '';
  const stack: RootContent[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if ('value' in node && node.type !== 'html') out += node.value;
    else if (node.type === 'break') out += ' ';
    else if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as RootContent);
  }
  return out;
}

/** The blocks a reader sees as paragraphs: headings, paragraphs, list items, quoted paragraphs, HTML blocks. */
function blocks(nodes: RootContent[]): RootContent[] {
  const out: RootContent[] = [];
  const stack = [...nodes].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'heading' || node.type === 'paragraph' || node.type === 'code' || node.type === 'html') out.push(node);
    else if (node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote')
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as RootContent);
  }
  return out;
}

const blockTag = /<\/?(?:p|div|section|article|aside|header|footer|main|blockquote|figure|figcaption|li|ul|ol|dl|dt|dd|h[1-6]|table|tr|td|th|pre|br|hr)\b[^>]*>/gi;
const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', mdash: '—', ndash: '–', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“' };

/**
 * The text of an HTML block: tags removed, block-level tags ending paragraphs, common entities
 * decoded. Comments, scripts and styles are not text: what they hide is dropped with a warning.
 */
function htmlParagraphs(html: string, at: number, reporter: Reporter): string[] {
  const hidden = /<!--[\s\S]*?(?:-->|$)|<(script|style|template)\b[\s\S]*?(?:<\/\1\s*>|$)/gi;
  for (const m of html.matchAll(hidden))
    if (/[\p{L}\p{N}]/u.test(m[0].replace(/^<!--|-->$/g, '').replace(/<[^>]*>/g, '')))
      reporter.report('warning', 'html-dropped', `text inside ${m[0].startsWith('<!--') ? 'an HTML comment' : `a <${m[1]}> element`} is not shown and was left out`, at + m.index!);
  return html
    .replace(hidden, '\n')
    .replace(blockTag, '\n')
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
        return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : all;
      }
      return entities[name.toLowerCase()] ?? all;
    })
    .split('\n');
}

/**
 * Markdown that costs the parser quadratic time: long runs of emphasis markers (`*_*_…`, `****…`).
 * Each is reported as an error and blanked (same length, so offsets hold) before parsing.
 */
const maxEmphasisRun = 64;
function defuseEmphasis(source: string, reporter: Reporter): string {
  return source.replace(/[*_]{65,}/g, (run, at: number) => {
    const lineStart = source.lastIndexOf('\n', at) + 1;
    const lineEnd = source.indexOf('\n', at);
    // A thematic break (a line of only markers) is harmless.
    if (/^[ \t]*[*_]+[ \t]*$/.test(source.slice(lineStart, lineEnd < 0 ? undefined : lineEnd)) && !/[*][_]|[_][*]/.test(run)) return run;
    reporter.report('error', 'markdown-nesting', `${run.length} emphasis markers (* and _) in a row, more than ${maxEmphasisRun} — Markdown nested this deeply takes too long to parse; remove them, or save the seed as .txt`, at);
    return ' '.repeat(run.length);
  });
}

/**
 * A Markdown seed: YAML frontmatter, then a body whose blocks become paragraphs. The article
 * text is the headline and the blocks' plain text, one per line, so offsets stay simple.
 */
function readMarkdown(seed: SeedInput, source: string, reporter: Reporter): ExtractedArticle {
  let tree: Root;
  try {
    tree = markdownReader().parser.parse(defuseEmphasis(source, reporter)) as Root;
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    reporter.report('error', 'markdown-nesting', 'the Markdown is nested too deeply to read (block quotes or lists thousands of levels deep) — flatten it, or save the seed as .txt', 0);
    tree = { type: 'root', children: [] };
  }
  if (/^---[ \t]*\n/.test(source) && tree.children[0]?.type !== 'yaml')
    reporter.report('error', 'frontmatter', 'the frontmatter block is not closed — end it with a line of `---` (or remove the opening `---`)', 0);
  const meta = readFrontmatter(tree.children[0], reporter);
  const body = blocks(tree.children);
  let titleText = meta.title ?? '';
  const firstHeading = body.find((n) => n.type === 'heading' && n.depth === 1);
  if (!titleText && firstHeading) titleText = plain(firstHeading).trim();
  const kept = body
    .filter((n) => !(n === firstHeading && plain(n).trim() === titleText))
    .flatMap((n) => {
      const at = n.position?.start.offset ?? 0;
      if (n.type === 'html') return htmlParagraphs(n.value, at, reporter).map((text) => ({ text: text.replace(/\s+/g, ' ').trim(), source: at }));
      return [{ text: plain(n).replace(/\s+/g, ' ').trim(), source: at }];
    })
    .filter((b) => b.text && !blankLine.test(b.text));
  let titleSource = firstHeading?.position?.start.offset ?? 0;
  if (!titleText && kept.length) ({ text: titleText, source: titleSource } = kept.shift()!);
  if (!titleText) reporter.report('error', 'empty', 'no text: the seed has no headline or body — add a `title` or some paragraphs', 0);
  const parts = [{ text: titleText, source: titleSource }, ...kept];
  const spans: Span[] = [];
  let at = 0;
  for (const part of parts) {
    spans.push({ start: at, end: at + part.text.length });
    at += part.text.length + 1;
  }
  const text = parts.map((p) => p.text).join('\n');
  // Later stages report offsets into the article text: point them at the block they came from.
  const locate = locator(source);
  reporter.retarget((offset) => {
    let i = spans.length - 1;
    while (i > 0 && spans[i].start > offset) i--;
    return locate(parts[i].source);
  });
  const [title, ...paragraphs] = spans;
  return finish(seed, text, title, paragraphs, meta);
}

function finish(seed: SeedInput, text: string, title: Span, paragraphs: Span[], meta: Frontmatter): ExtractedArticle {
  const sentences = paragraphs.flatMap((p, paragraph) => splitSentences(text, p).map((s) => ({ ...s, paragraph })));
  return {
    ...emptyArticle(seed),
    title: text.slice(title.start, title.end),
    date: meta.date ?? null,
    source: meta.source ?? null,
    author: meta.author ?? null,
    text,
    titleSpan: title,
    paragraphs,
    sentences,
  };
}

export function readDocument(seed: SeedInput): ReadDocument {
  const { text, reporter } = normalise(seed);
  const markdown = /\.(md|markdown)$/i.test(seed.path);
  const article = markdown ? readMarkdown(seed, text, reporter) : readText(seed, text, reporter);
  return { article, reporter };
}
