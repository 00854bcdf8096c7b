import { Marked } from 'marked';
import { InvalidInputError } from '../../errors.js';
import { decodeText, type DecodeOptions } from '../decode.js';
import { MARKDOWN_MAX_DEPTH, MARKDOWN_MAX_UNCLOSED_LINKS } from '../limits.js';
import type { ExtractedDocument, ImportFormat } from './format.js';
import { htmlDocument } from './html.js';
import { firstExcess, type MarkdownShape } from './markdown-nesting.js';

const messages = {
  tooDeep: (line: number) =>
    `Line ${line} of this Markdown file nests quotes, lists or emphasis more than ${MARKDOWN_MAX_DEPTH} levels deep, which no article needs; it may be broken or built to stall the server. Paste the article text instead.`,
  unclosedLinks: (line: number) =>
    `This Markdown file has more than ${MARKDOWN_MAX_UNCLOSED_LINKS} links whose address, after "](", never closes with ")" (the last on line ${line}); it may be broken or built to stall the server. Fix the links or paste the article text instead.`,
};

const limits: MarkdownShape = { blockDepth: MARKDOWN_MAX_DEPTH, emphasisDepth: MARKDOWN_MAX_DEPTH, unclosedLinks: MARKDOWN_MAX_UNCLOSED_LINKS };

// Our own instance, so options another module sets on the global `marked` cannot change how articles import.
const markdown = new Marked({ gfm: true });

export const markdownFormat = {
  id: 'md',
  label: 'Markdown',
  extensions: ['md'],
  contentTypes: ['text/markdown', 'text/x-markdown'],
  /**
   * Rendered to HTML and read like a web page: "# " becomes <h1>, inline markup and entities reduce to plain text.
   * Throws InvalidInputError `too_deeply_nested` or `unclosed_links` before marked sees a file it would choke on.
   */
  async extract(bytes: Buffer, options?: DecodeOptions): Promise<ExtractedDocument> {
    const text = decodeText(bytes, options?.encoding);
    const excess = firstExcess(text, limits);
    if (excess?.measure === 'unclosedLinks') throw new InvalidInputError(messages.unclosedLinks(excess.line), 'unclosed_links', { line: excess.line });
    if (excess) throw new InvalidInputError(messages.tooDeep(excess.line), 'too_deeply_nested', { line: excess.line });
    // Raw HTML passes through marked untouched; htmlDocument bounds its nesting.
    const html = markdown.parse(text, { async: false });
    return { blocks: htmlDocument(html).blocks };
  },
} satisfies ImportFormat;
