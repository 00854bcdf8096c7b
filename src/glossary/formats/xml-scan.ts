import { XML_MAX_DEPTH } from '../../documents/limits.js';
import type { TermsFileError } from '../terms-file.js';

const messages = {
  unclosedMarkup: (what: string) => `${what} is never closed`,
  mismatch: (got: string, open: string, line: number) => `</${got}> does not close <${open}> opened on line ${line}`,
  stray: (got: string) => `</${got}> closes nothing`,
  neverClosed: (name: string, line: number) => `<${name}> opened on line ${line} is never closed`,
  badTag: 'a tag here is broken (a quote or ">" missing)',
  ampersand: 'a bare "&" must be written &amp;',
  internalSubset:
    'the DOCTYPE defines entities or elements of its own (the part in square brackets); a TBX file needs none and Tandem never expands or loads them. Remove the square brackets and what is between them',
  declaration: (what: string) => `a declaration "<!${what}" is not allowed here; a TBX file needs no DTD`,
  tooDeep: `elements nest more than ${XML_MAX_DEPTH} levels deep here; a TBX file needs about eight`,
};

export interface XmlScan {
  /** Where the file is not well-formed XML. */
  errors: TermsFileError[];
  /** Well-formed or not, what Tandem will not parse: a DTD internal subset (entity expansion, external entities), nesting past XML_MAX_DEPTH. The scan stops at the first. */
  refused: TermsFileError[];
  /** The line of every start tag, by element name, in document order. */
  startLines: Map<string, number[]>;
}

const NAME = /^[A-Za-z_:][\w.:-]*/;
const ENTITY = /^&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/;

/**
 * A well-formedness pass with line numbers. xmlbuilder2's parser accepts mismatched and missing
 * end tags silently, so a truncated file would import its first half; this catches that, and
 * records where each element starts so problems found later can name their line. It also refuses
 * what a hostile file would use against a parser: a DTD internal subset (billion laughs, external
 * entities) and deep nesting. A plain `<!DOCTYPE martif SYSTEM "…dtd">`, as TBX-Basic files and
 * Tandem's own export carry, is allowed: nothing loads the DTD it names. Linear in the file's length.
 */
export function scanXml(text: string): XmlScan {
  const errors: TermsFileError[] = [];
  const refused: TermsFileError[] = [];
  const startLines = new Map<string, number[]>();
  const stack: { name: string; line: number }[] = [];
  let line = 1;
  let i = 0;
  const advance = (to: number) => {
    for (let k = i; k < to; k++) if (text.charCodeAt(k) === 10) line++;
    i = to;
  };
  const skipTo = (end: string, what: string): boolean => {
    const at = text.indexOf(end, i);
    if (at < 0) {
      errors.push({ line, message: messages.unclosedMarkup(what) });
      return false;
    }
    advance(at + end.length);
    return true;
  };

  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const textEnd = lt < 0 ? text.length : lt;
    for (let amp = text.indexOf('&', i); amp >= 0 && amp < textEnd; amp = text.indexOf('&', amp + 1)) {
      if (!ENTITY.test(text.slice(amp, amp + 12))) {
        advance(amp);
        errors.push({ line, message: messages.ampersand });
      }
    }
    advance(textEnd);
    if (lt < 0) break;

    if (text.startsWith('<!--', i)) {
      if (!skipTo('-->', 'a comment')) break;
    } else if (text.startsWith('<![CDATA[', i)) {
      if (!skipTo(']]>', 'a CDATA section')) break;
    } else if (text.startsWith('<?', i)) {
      if (!skipTo('?>', 'a processing instruction')) break;
    } else if (text.startsWith('<!DOCTYPE', i)) {
      const close = tagEnd(text, i);
      if (close >= 0 && !text.slice(i, close).includes('[')) {
        advance(close + 1);
        continue;
      }
      // An internal subset holds "<!ENTITY …>", so a "<" comes before the DOCTYPE's own ">".
      if (close < 0 && text.indexOf('<', i + 1) < 0) errors.push({ line, message: messages.unclosedMarkup('a DOCTYPE') });
      else refused.push({ line, message: messages.internalSubset });
      break;
    } else if (text.startsWith('<!', i)) {
      refused.push({ line, message: messages.declaration(/^<!([A-Za-z]*)/.exec(text.slice(i, i + 20))?.[1] ?? '') });
      break;
    } else {
      const tagLine = line;
      const end = tagEnd(text, i);
      if (end < 0) {
        errors.push({ line: tagLine, message: messages.badTag });
        break;
      }
      const body = text.slice(i + 1, end);
      advance(end + 1);
      const closing = body.startsWith('/');
      const name = NAME.exec(closing ? body.slice(1) : body)?.[0];
      if (!name) {
        errors.push({ line: tagLine, message: messages.badTag });
        continue;
      }
      if (closing) {
        const open = stack.pop();
        if (!open) errors.push({ line: tagLine, message: messages.stray(name) });
        else if (open.name !== name) {
          errors.push({ line: tagLine, message: messages.mismatch(name, open.name, open.line) });
          break;
        }
        continue;
      }
      const lines = startLines.get(name);
      if (lines) lines.push(tagLine);
      else startLines.set(name, [tagLine]);
      if (body.endsWith('/')) continue;
      if (stack.length >= XML_MAX_DEPTH) {
        refused.push({ line: tagLine, message: messages.tooDeep });
        break;
      }
      stack.push({ name, line: tagLine });
    }
  }
  if (errors.length === 0 && refused.length === 0) for (const open of stack) errors.push({ line: open.line, message: messages.neverClosed(open.name, open.line) });
  return { errors, refused, startLines };
}

/** Index of the ">" ending the tag that starts at `from`, skipping quoted attribute values; -1 if there is none. */
function tagEnd(text: string, from: number): number {
  let quote = '';
  for (let k = from + 1; k < text.length; k++) {
    const ch = text[k]!;
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') return k;
    else if (ch === '<') return -1;
  }
  return -1;
}
