import { limits } from '../../documents/limits.js';
import type { TermsFileError } from '../terms-file.js';

const messages = {
  unclosedMarkup: (what: string) => `${what} is never closed`,
  mismatch: (got: string, open: string, line: number) => `</${got}> does not close <${open}> opened on line ${line}`,
  stray: (got: string) => `</${got}> closes nothing`,
  neverClosed: (name: string, line: number) => `<${name}> opened on line ${line} is never closed`,
  badTag: 'a tag here is broken (a quote or ">" missing)',
  ampersand: 'a bare "&" must be written &amp;',
  internalSubset: 'the DOCTYPE declares entities or other markup of its own ([…]); Tandem reads no DTD, so remove the brackets and what is inside them',
  tooDeep: (max: number) => `elements nest more than ${max} deep here; a glossary entry needs about eight levels`,
};

export interface XmlScan {
  errors: TermsFileError[];
  /** The line of every start tag, by element name, in document order. */
  startLines: Map<string, number[]>;
}

const NAME = /^[A-Za-z_:][\w.:-]*/;
const ENTITY = /^&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/;

/**
 * A well-formedness pass with line numbers. xmlbuilder2's parser accepts mismatched and missing
 * end tags silently, so a truncated file would import its first half; this catches that, and
 * records where each element starts so problems found later can name their line.
 */
export function scanXml(text: string): XmlScan {
  const errors: TermsFileError[] = [];
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
    // Searched only up to the next tag: an indexOf to the end of the file here would make long files quadratic.
    for (let amp = text.slice(i, textEnd).indexOf('&'); amp >= 0; amp = text.slice(i, textEnd).indexOf('&', amp + 1)) {
      if (!ENTITY.test(text.slice(i + amp, i + amp + 12))) {
        errors.push({ line: line + countLines(text, i, i + amp), message: messages.ampersand });
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
    } else if (text.startsWith('<!', i)) {
      // A DOCTYPE. An internal subset in brackets is where entity bombs and external entities live: refused, never read.
      const close = text.indexOf('>', i);
      const bracket = text.indexOf('[', i);
      if (bracket >= 0 && (bracket < close || close < 0)) {
        errors.push({ line, message: messages.internalSubset });
        break;
      }
      if (close < 0) {
        errors.push({ line, message: messages.unclosedMarkup('a declaration') });
        break;
      }
      advance(close + 1);
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
      if (!body.endsWith('/')) stack.push({ name, line: tagLine });
      // The XML parser that reads the file afterwards recurses per level.
      if (stack.length > limits.xmlNesting) {
        errors.push({ line: tagLine, message: messages.tooDeep(limits.xmlNesting) });
        break;
      }
    }
  }
  if (errors.length === 0) for (const open of stack) errors.push({ line: open.line, message: messages.neverClosed(open.name, open.line) });
  return { errors, startLines };
}

function countLines(text: string, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) n++;
  return n;
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
