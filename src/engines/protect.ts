import type { EngineSegment, TermHit } from './engine.js';

/**
 * Term protection for providers that leave marked-up text alone: each glossary span of the
 * Russian source is REPLACED by its official English inside a tag the provider must not
 * translate, so the term comes back in its official form wherever the provider moves it.
 *
 * - 'xml': DeepL with tag_handling=xml and ignore_tags=x → `<x id="0">Defense Minister</x>`
 * - 'html': Google in HTML mode → `<span translate="no" class="notranslate" data-term="0">…</span>`
 *
 * The rest of the text is escaped for the markup, and the output is unescaped on the way back.
 */
export type Markup = 'xml' | 'html';

export interface ProtectedText {
  /** What to send to the provider. */
  text: string;
  /** Turns the provider's output back into plain text and lists terms that did not survive. */
  restore(output: string): { text: string; missingTerms: string[] };
}

const open: Record<Markup, (id: number) => string> = {
  xml: (id) => `<x id="${id}">`,
  html: (id) => `<span translate="no" class="notranslate" data-term="${id}">`,
};
const close: Record<Markup, string> = { xml: '</x>', html: '</span>' };
/** Our tag with its id, whatever the provider did to spacing, quoting or other attributes. */
const tagged: Record<Markup, RegExp> = {
  xml: /<x\b[^>]*?\bid\s*=\s*["']?(\d+)["']?[^>]*>([\s\S]*?)<\/x\s*>/g,
  html: /<span\b[^>]*?\bdata-term\s*=\s*["']?(\d+)["']?[^>]*>([\s\S]*?)<\/span\s*>/g,
};
const stray: Record<Markup, RegExp> = { xml: /<\/?x\b[^>]*>/g, html: /<\/?span\b[^>]*>/g };

/** Wraps each term of `segment` as protected markup and escapes the rest. */
export function protectTerms(segment: EngineSegment, markup: Markup): ProtectedText {
  const terms = [...segment.terms].sort((a, b) => a.start - b.start);
  let text = '';
  let at = 0;
  terms.forEach((term, id) => {
    text += escapeMarkup(segment.text.slice(at, term.start));
    text += `${open[markup](id)}${escapeMarkup(term.target)}${close[markup]}`;
    at = term.end;
  });
  text += escapeMarkup(segment.text.slice(at));
  return { text, restore: (output) => restoreTerms(output, terms, markup) };
}

function restoreTerms(output: string, terms: readonly TermHit[], markup: Markup): { text: string; missingTerms: string[] } {
  const seen = new Set<number>();
  // Private-use sentinels keep the official English out of the unescaping below.
  let text = output.replace(tagged[markup], (whole, id: string) => {
    const n = Number(id);
    if (!terms[n]) return whole;
    seen.add(n);
    return `\uE000${n}\uE001`;
  });
  text = unescapeMarkup(text.replace(stray[markup], ''));
  text = text.replace(/\uE000(\d+)\uE001/g, (_, id: string) => terms[Number(id)]!.target);
  text = text.replace(/[ \t]{2,}/g, ' ').trim();
  const lost = terms.filter((_, n) => !seen.has(n));
  return { text, missingTerms: findMissingTerms(text, lost) };
}

/** Entry ids of terms whose official English does not appear in `output` (case aside: a term may open the sentence). */
export function findMissingTerms(output: string, terms: readonly TermHit[]): string[] {
  const haystack = output.toLocaleLowerCase('en');
  const missing = terms.filter((t) => !haystack.includes(t.target.toLocaleLowerCase('en'))).map((t) => t.entryId);
  return [...new Set(missing)];
}

export function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '–', mdash: '—', laquo: '«', raquo: '»', hellip: '…' };

/** Undoes entity escaping as providers return it in HTML/XML mode (`&#39;`, `&quot;`, `&amp;`, `&#x2014;`). */
export function unescapeMarkup(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return named[body.toLowerCase()] ?? whole;
  });
}
