import { Marked } from 'marked';
import { InvalidInputError } from '../../errors.js';
import { decodeText, type DecodeOptions } from '../decode.js';
import { limits } from '../limits.js';
import type { ExtractedDocument, ImportFormat } from './format.js';
import { htmlDocument } from './html.js';

const messages = {
  tooDeep: (line: number, max: number) =>
    `Line ${line} nests quotes or lists more than ${max} levels deep, which no article does; the file cannot be read. Save the article as plain text, or paste it, and try again.`,
};

// Our own instance, so options another module sets on the global `marked` cannot change how articles import.
const markdown = new Marked({ gfm: true });

export const markdownFormat = {
  id: 'md',
  label: 'Markdown',
  extensions: ['md'],
  contentTypes: ['text/markdown', 'text/x-markdown'],
  /** Rendered to HTML and read like a web page: "# " becomes <h1>, inline markup and entities reduce to plain text. */
  async extract(bytes: Buffer, options?: DecodeOptions): Promise<ExtractedDocument> {
    const text = decodeText(bytes, options?.encoding);
    // marked recurses once per quote or list level: 20,000 ">" overflow its stack, so depth is checked first.
    assertShallow(text);
    const html = markdown.parse(text, { async: false });
    return { blocks: htmlDocument(html).blocks };
  },
} satisfies ImportFormat;

const LEAD = /^[ \t>]*/;
const LIST_ITEM = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;

/** Quote levels are the ">" before a line's text; list levels, its list marker's indent (two columns a level). */
function assertShallow(text: string): void {
  let line = 0;
  for (const raw of text.split('\n')) {
    line += 1;
    const lead = LEAD.exec(raw)![0];
    let quotes = 0;
    let columns = 0;
    for (const ch of lead) {
      if (ch === '>') {
        quotes += 1;
        columns = 0;
      } else columns += ch === '\t' ? 4 : 1;
    }
    const lists = LIST_ITEM.test(raw.slice(lead.length)) ? Math.floor(columns / 2) + 1 : 0;
    if (quotes + lists > limits.markdownNesting) throw new InvalidInputError(messages.tooDeep(line, limits.markdownNesting), 'too_deeply_nested');
  }
}
