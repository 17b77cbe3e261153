import { createRequire } from 'node:module';
import type { Processor } from 'unified';
import type { Root, RootContent } from 'mdast';
import type { ExtractedArticle, Span } from './types.ts';
import { locator, Reporter } from './diagnostics.ts';
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
    if (value instanceof Date) fields[key] = value.toISOString().slice(0, 10);
    else if (typeof value === 'string' || (key === 'date' && typeof value === 'number')) fields[key] = String(value).trim();
    else
      reporter.report('error', 'frontmatter', `frontmatter field \`${key}\` must be text, not ${Array.isArray(value) ? 'a list' : typeof value} — quote it`, offset + Math.max(0, node.value.indexOf(`${key}:`)));
  }
  return fields;
}

/** Plain text of a Markdown block, markup stripped. */
function plain(node: RootContent): string {
  if ('value' in node && node.type !== 'html') return node.value;
  if (node.type === 'break') return ' ';
  if ('children' in node) return (node.children as RootContent[]).map(plain).join('');
  return '';
}

/** The blocks a reader sees as paragraphs: headings, paragraphs, list items, quoted paragraphs. */
function blocks(nodes: RootContent[]): RootContent[] {
  return nodes.flatMap((node) => {
    if (node.type === 'heading' || node.type === 'paragraph' || node.type === 'code') return [node];
    if (node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote') return blocks(node.children as RootContent[]);
    return [];
  });
}

/**
 * A Markdown seed: YAML frontmatter, then a body whose blocks become paragraphs. The article
 * text is the headline and the blocks' plain text, one per line, so offsets stay simple.
 */
function readMarkdown(seed: SeedInput, source: string, reporter: Reporter): ExtractedArticle {
  const tree = markdownReader().parser.parse(source) as Root;
  const meta = readFrontmatter(tree.children[0], reporter);
  const body = blocks(tree.children);
  let titleText = meta.title ?? '';
  const firstHeading = body.find((n) => n.type === 'heading' && n.depth === 1);
  if (!titleText && firstHeading) titleText = plain(firstHeading).trim();
  const kept = body
    .filter((n) => !(n === firstHeading && plain(n).trim() === titleText))
    .map((n) => ({ text: plain(n).replace(/\s+/g, ' ').trim(), source: n.position?.start.offset ?? 0 }))
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
