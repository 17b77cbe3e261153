// Reading the built site in tests: its pages, parsed with parse5 (which reports HTML parse errors).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';

export type Node = DefaultTreeAdapterMap['node'];
export type Element = DefaultTreeAdapterMap['element'];

export interface Page {
  /** The URL path, e.g. `/actors/x/`. */
  path: string;
  file: string;
  html: string;
  document: DefaultTreeAdapterMap['document'];
  errors: string[];
}

export function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html') && !f.startsWith('pagefind'))
    .sort();
}

export const urlPath = (file: string) => `/${file.replace(/index\.html$/, '').replace(/\.html$/, '/')}`.replace(/^\/404\/$/, '/404.html');

export function readPages(dir: string): Page[] {
  return htmlFiles(dir).map((file) => {
    const html = readFileSync(join(dir, file), 'utf8');
    const errors: string[] = [];
    const document = parse(html, { sourceCodeLocationInfo: true, onParseError: (e) => errors.push(`${e.code} at ${e.startLine}:${e.startCol}`) });
    return { path: urlPath(relative(dir, join(dir, file))), file, html, document, errors };
  });
}

export function* elements(node: Node): Generator<Element> {
  if ('tagName' in node) yield node;
  const children = 'content' in node && node.nodeName === 'template' ? node.content.childNodes : 'childNodes' in node ? node.childNodes : [];
  for (const child of children) yield* elements(child);
}

export const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;

export function text(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return 'childNodes' in node ? node.childNodes.map(text).join('') : '';
}

export const byTag = (node: Node, tag: string) => [...elements(node)].filter((e) => e.tagName === tag);

export function ancestors(el: Element): Element[] {
  const out: Element[] = [];
  for (let p = el.parentNode; p && 'tagName' in p; p = p.parentNode) out.push(p as Element);
  return out;
}
