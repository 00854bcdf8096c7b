import { DomHandler, Element, Text, type AnyNode, type ParentNode } from 'domhandler';
import { Parser } from 'htmlparser2';
import { InvalidInputError } from '../../errors.js';
import { decodeText, type DecodeOptions } from '../decode.js';
import { HTML_MAX_DEPTH } from '../limits.js';
import { collapseWhitespace } from '../segmentation.js';
import type { ExtractedBlock, ExtractedDocument, ImportFormat } from './format.js';

const messages = {
  tooDeep: `This page nests its elements more than ${HTML_MAX_DEPTH} levels deep, which no article needs; it may be broken or built to stall the server. Open it in a browser and paste the article text instead.`,
};

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

/**
 * HTML → title and blocks: <h1> is a heading; p, h2–h6, li, blockquote and text-only divs are paragraphs.
 * Throws InvalidInputError `too_deeply_nested` past HTML_MAX_DEPTH. Linear in the size of the page, and
 * no walk recurses deeper than the limit.
 */
export function htmlDocument(html: string): ExtractedDocument {
  const root = parseBounded(html);
  const kinds = classify(root);
  const titleParts: string[] = [];
  // <title> itself is dropped from the article text, so its children are read directly.
  for (const child of kinds.title?.children ?? []) appendText(child, kinds, titleParts);
  const title = collapseWhitespace(titleParts.join(''));
  const blocks: ExtractedBlock[] = [];
  collectBlocks(root, kinds, blocks);
  const nonEmpty = blocks.map((block) => ({ ...block, text: collapseWhitespace(block.text) })).filter((block) => block.text);
  return title ? { title, blocks: nonEmpty } : { blocks: nonEmpty };
}

/** A DOM builder that refuses to open an element past the depth limit; htmlparser2 reports the <p>, <li>, <td> it closes implicitly. */
class BoundedHandler extends DomHandler {
  override onopentag(name: string, attribs: Record<string, string>): void {
    // tagStack holds the document itself below the open elements.
    if (this.tagStack.length > HTML_MAX_DEPTH) throw new InvalidInputError(messages.tooDeep, 'too_deeply_nested');
    super.onopentag(name, attribs);
  }
}

function parseBounded(html: string): ParentNode {
  const handler = new BoundedHandler();
  // htmlparser2's tokenizer is a state machine: one pass, no backtracking. Throwing from the handler ends it.
  new Parser(handler, { decodeEntities: true }).end(html);
  return handler.root;
}

/** What each element is, worked out once: the old per-node `some(isBlock)` re-walked whole subtrees (cubic in depth). */
interface Kinds {
  /** Block elements, and unknown elements (<article-body>, <font>) wrapping blocks. */
  blocks: WeakSet<Element>;
  /** Elements with a block among their children. */
  holdingBlocks: WeakSet<Element>;
  /** The first <title> in document order. */
  title?: Element;
}

function classify(root: ParentNode): Kinds {
  const kinds: Kinds = { blocks: new WeakSet(), holdingBlocks: new WeakSet() };
  // Children before parents, so "holds a block" is known when the parent is reached.
  const visit = (element: Element): boolean => {
    const tag = element.name;
    if (tag === 'title' && !kinds.title) kinds.title = element;
    let holdsBlock = false;
    for (const child of element.children) if (child instanceof Element && visit(child)) holdsBlock = true;
    if (holdsBlock) kinds.holdingBlocks.add(element);
    const block = holdsBlock || tag === 'h1' || DROPPED.has(tag) || PARAGRAPHS.has(tag) || CONTAINERS.has(tag);
    if (block) kinds.blocks.add(element);
    return block;
  };
  for (const child of root.children) if (child instanceof Element) visit(child);
  return kinds;
}

function collectBlocks(container: ParentNode, kinds: Kinds, blocks: ExtractedBlock[]): void {
  // Text and inline elements lying between blocks ("<div>Text <b>bold</b><p>…</p></div>") form a paragraph of their own.
  let inline: string[] = [];
  const flush = () => {
    const text = inline.join('');
    if (text.trim()) blocks.push({ role: 'paragraph', text });
    inline = [];
  };
  for (const node of container.children) {
    if (!(node instanceof Element) || !kinds.blocks.has(node)) {
      appendText(node, kinds, inline);
      continue;
    }
    flush();
    const tag = node.name;
    if (DROPPED.has(tag)) continue;
    if (tag === 'h1') blocks.push({ role: 'heading', text: textOf(node, kinds) });
    else if (PARAGRAPHS.has(tag) || !kinds.holdingBlocks.has(node)) blocks.push({ role: 'paragraph', text: textOf(node, kinds) });
    else collectBlocks(node, kinds, blocks);
  }
  flush();
}

function textOf(node: AnyNode, kinds: Kinds): string {
  const parts: string[] = [];
  appendText(node, kinds, parts);
  return parts.join('');
}

/** Decoded text of a node, appended piece by piece (joining per level would copy the text once per level); <br> is a space, dropped elements give nothing. */
function appendText(node: AnyNode, kinds: Kinds, parts: string[]): void {
  if (node instanceof Text) {
    parts.push(node.data);
    return;
  }
  if (!(node instanceof Element)) return;
  const tag = node.name;
  if (DROPPED.has(tag)) return;
  if (BREAKS.has(tag)) {
    parts.push(' ');
    return;
  }
  // Adjacent blocks inside a paragraph-like element (<li><p>a</p><p>b</p></li>) must not run together.
  const block = kinds.blocks.has(node);
  if (block) parts.push(' ');
  for (const child of node.children) appendText(child, kinds, parts);
  if (block) parts.push(' ');
}
