import { HTMLElement, NodeType, parse, type Node } from 'node-html-parser';
import { decodeText, type DecodeOptions } from '../decode.js';
import { collapseWhitespace } from '../segmentation.js';
import type { ExtractedBlock, ExtractedDocument, ImportFormat } from './format.js';

/** Page furniture and non-text elements: never article text. */
const DROPPED = new Set([
  'head', 'title', 'meta', 'link', 'script', 'style', 'noscript', 'template', 'nav', 'header', 'footer', 'aside', 'form', 'button',
  'select', 'iframe', 'object', 'svg', 'canvas', 'video', 'audio', 'img', 'figure',
]);
/** Elements whose text is one paragraph. */
const PARAGRAPHS = new Set(['p', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'dt', 'dd', 'figcaption', 'caption', 'address']);
/** Elements that are a paragraph when they hold only text and inline markup, and a container otherwise. */
const CONTAINERS = new Set([
  'html', 'body', 'main', 'article', 'section', 'div', 'blockquote', 'li', 'ul', 'ol', 'dl', 'table', 'thead',
  'tbody', 'tfoot', 'tr', 'td', 'th', 'center',
]);
const BREAKS = new Set(['br', 'hr', 'wbr']);

export const htmlFormat = {
  id: 'html',
  label: 'Web page (HTML)',
  extensions: ['html', 'htm'],
  contentTypes: ['text/html', 'application/xhtml+xml'],
  async extract(bytes: Buffer, options?: DecodeOptions): Promise<ExtractedDocument> {
    return htmlDocument(decodeText(bytes, options?.encoding));
  },
} satisfies ImportFormat;

/** HTML → title and blocks: <h1> is a heading; p, h2–h6, li, blockquote and text-only divs are paragraphs. */
export function htmlDocument(html: string): ExtractedDocument {
  // node-html-parser keeps a doctype or an XML declaration as text.
  const root = parse(html.replace(/<!doctype[^>]*>|<\?xml[^>]*>/gi, ''), { comment: false });
  const title = collapseWhitespace(root.querySelector('title')?.text ?? '');
  const blocks: ExtractedBlock[] = [];
  collectBlocks(root, blocks);
  const nonEmpty = blocks.map((block) => ({ ...block, text: collapseWhitespace(block.text) })).filter((block) => block.text);
  return title ? { title, blocks: nonEmpty } : { blocks: nonEmpty };
}

function collectBlocks(container: HTMLElement, blocks: ExtractedBlock[]): void {
  // Text and inline elements lying between blocks ("<div>Text <b>bold</b><p>…</p></div>") form a paragraph of their own.
  let inline = '';
  const flush = () => {
    if (inline.trim()) blocks.push({ role: 'paragraph', text: inline });
    inline = '';
  };
  for (const node of container.childNodes) {
    if (!(node instanceof HTMLElement) || !isBlock(node)) {
      inline += textOf(node);
      continue;
    }
    flush();
    const tag = tagOf(node);
    if (DROPPED.has(tag)) continue;
    if (tag === 'h1') blocks.push({ role: 'heading', text: textOf(node) });
    else if (PARAGRAPHS.has(tag) || !node.childNodes.some(isBlock)) blocks.push({ role: 'paragraph', text: textOf(node) });
    else collectBlocks(node, blocks);
  }
  flush();
}

/** A block element, or an unknown element (<article-body>, <font>) wrapping blocks. */
function isBlock(node: Node): boolean {
  const tag = tagOf(node);
  if (tag === 'h1' || DROPPED.has(tag) || PARAGRAPHS.has(tag) || CONTAINERS.has(tag)) return true;
  return node instanceof HTMLElement && node.childNodes.some(isBlock);
}

function tagOf(node: Node): string {
  return node instanceof HTMLElement ? (node.rawTagName ?? '').toLowerCase() : '';
}

/** Decoded text of a node; <br> is a space, dropped elements contribute nothing. */
function textOf(node: Node): string {
  if (node.nodeType === NodeType.TEXT_NODE) return node.text;
  if (!(node instanceof HTMLElement)) return '';
  const tag = tagOf(node);
  if (DROPPED.has(tag)) return '';
  if (BREAKS.has(tag)) return ' ';
  // Adjacent blocks inside a paragraph-like element (<li><p>a</p><p>b</p></li>) must not run together.
  const text = node.childNodes.map(textOf).join('');
  return isBlock(node) ? ` ${text} ` : text;
}
