import { Marked } from 'marked';
import { decodeText, type DecodeOptions } from '../decode.js';
import type { ExtractedDocument, ImportFormat } from './format.js';
import { htmlDocument } from './html.js';

// Our own instance, so options another module sets on the global `marked` cannot change how articles import.
const markdown = new Marked({ gfm: true });

export const markdownFormat = {
  id: 'md',
  label: 'Markdown',
  extensions: ['md'],
  contentTypes: ['text/markdown', 'text/x-markdown'],
  /** Rendered to HTML and read like a web page: "# " becomes <h1>, inline markup and entities reduce to plain text. */
  async extract(bytes: Buffer, options?: DecodeOptions): Promise<ExtractedDocument> {
    const html = markdown.parse(decodeText(bytes, options?.encoding), { async: false });
    return { blocks: htmlDocument(html).blocks };
  },
} satisfies ImportFormat;
