import { DomHandler, Element, Text, type ChildNode } from 'domhandler';
import { Parser } from 'htmlparser2';
import { InvalidInputError } from '../../errors.js';
import { decodeText, type DecodeOptions } from '../decode.js';
import { limits } from '../limits.js';
import { collapseWhitespace } from '../segmentation.js';
import type { ExtractedBlock, ExtractedDocument, ImportFormat } from './format.js';

const messages = {
  tooDeep: (max: number) =>
    `This page nests its markup more than ${max} levels deep, which no article does; it cannot be read. Save the article as plain text, or paste it, and try again.`,
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

/** HTML → title and blocks: <h1> is a heading; p, h2–h6, li, blockquote and text-only divs are paragraphs. */
export function htmlDocument(html: string): ExtractedDocument {
  const root = parseBounded(html);
  const reader = new BlockReader();
  const title = collapseWhitespace(reader.textOf(findFirst(root, 'title'), true));
  const blocks: ExtractedBlock[] = [];
  reader.collect(root, blocks);
  const nonEmpty = blocks.map((block) => ({ ...block, text: collapseWhitespace(block.text) })).filter((block) => block.text);
  return title ? { title, blocks: nonEmpty } : { blocks: nonEmpty };
}

class TooDeep extends Error {}

/** htmlparser2's tree builder with a ceiling on open elements, so nothing after it recurses deeper than that. */
class BoundedHandler extends DomHandler {
  private depth = 0;
  override onopentag(name: string, attribs: { [key: string]: string }): void {
    this.depth += 1;
    if (this.depth > limits.htmlNesting) throw new TooDeep();
    super.onopentag(name, attribs);
  }
  override onclosetag(): void {
    this.depth -= 1;
    super.onclosetag();
  }
}

/** Parses in linear time (htmlparser2 tokenises without backtracking and closes implied elements itself). */
function parseBounded(html: string): Element {
  const handler = new BoundedHandler();
  try {
    new Parser(handler, { decodeEntities: true }).end(html);
  } catch (err) {
    if (err instanceof TooDeep) throw new InvalidInputError(messages.tooDeep(limits.htmlNesting), 'too_deeply_nested');
    throw err;
  }
  // A synthetic root, so the document's top-level nodes are read like any container's children.
  return new Element('#root', {}, handler.root.children);
}

function findFirst(node: ChildNode | Element, tag: string): Element | undefined {
  if (node instanceof Element) {
    if (node.name === tag) return node;
    for (const child of node.children) {
      const found = findFirst(child, tag);
      if (found) return found;
    }
  }
  return undefined;
}

/** Reads blocks and text from the tree; whether a node is a block is worked out once per node. */
class BlockReader {
  private readonly blockness = new WeakMap<Element, boolean>();

  collect(container: Element, blocks: ExtractedBlock[]): void {
    // Text and inline elements lying between blocks ("<div>Text <b>bold</b><p>…</p></div>") form a paragraph of their own.
    let inline = '';
    const flush = () => {
      if (inline.trim()) blocks.push({ role: 'paragraph', text: inline });
      inline = '';
    };
    for (const node of container.children) {
      if (!(node instanceof Element) || !this.isBlock(node)) {
        inline += this.textOf(node);
        continue;
      }
      flush();
      const tag = node.name;
      if (DROPPED.has(tag)) continue;
      if (tag === 'h1') blocks.push({ role: 'heading', text: this.textOf(node) });
      else if (PARAGRAPHS.has(tag) || !node.children.some((child) => child instanceof Element && this.isBlock(child))) {
        blocks.push({ role: 'paragraph', text: this.textOf(node) });
      } else this.collect(node, blocks);
    }
    flush();
  }

  /** A block element, or an unknown element (<article-body>, <font>) wrapping blocks. */
  isBlock(node: Element): boolean {
    let known = this.blockness.get(node);
    if (known === undefined) {
      const tag = node.name;
      known =
        tag === 'h1' || DROPPED.has(tag) || PARAGRAPHS.has(tag) || CONTAINERS.has(tag) ||
        node.children.some((child) => child instanceof Element && this.isBlock(child));
      this.blockness.set(node, known);
    }
    return known;
  }

  /** Decoded text of a node; <br> is a space, dropped elements contribute nothing (except when asked for a <title>). */
  textOf(node: ChildNode | Element | undefined, keepDropped = false): string {
    if (node instanceof Text) return node.data;
    if (!(node instanceof Element)) return '';
    if (BREAKS.has(node.name)) return ' ';
    if (!keepDropped && DROPPED.has(node.name)) return '';
    // Adjacent blocks inside a paragraph-like element (<li><p>a</p><p>b</p></li>) must not run together.
    const text = node.children.map((child) => this.textOf(child)).join('');
    return this.isBlock(node) ? ` ${text} ` : text;
  }
}
