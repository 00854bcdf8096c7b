import type { ExtractedBlock } from './formats/format.js';
import type { PreparedParagraph, PreparedSegment } from './prepared.js';
import { collapseWhitespace, splitSentences } from './segmentation.js';

/** A first line longer than this is a paragraph, not a headline. */
export const HEADLINE_MAX_CHARS = 200;

const CITY = String.raw`[А-ЯЁ]{2,}(?:[- ][А-ЯЁ]{2,})*`; // МОСКВА, НЬЮ-ЙОРК, РОСТОВ-НА-ДОНУ, НИЖНИЙ НОВГОРОД
const DATE = String.raw`\d{1,2}\s+(?:янв|фев|мар|апр|ма[йя]|июн|июл|авг|сен|окт|ноя|дек)[а-яё]*\.?(?:\s+\d{4}(?:\s+г\.)?)?`;
// Agency names are capitalised words ("Sputnik", "РИА Новости", "ИА REGNUM"), so "— Президент заявил." is not one.
const AGENCY = String.raw`[A-ZА-ЯЁ][\p{L}\d-]*(?:\s+[A-ZА-ЯЁ][\p{L}\d-]*){0,3}`;
const DATELINE = new RegExp(
  String.raw`^${CITY},\s+${DATE}(?:\s*[—–-]\s*${AGENCY}\.|\.?\s*\/[^/]{1,60}\/\.?)(?=\s|$)`,
  'u',
);

/** The dateline at the start of a paragraph ("БАКУ, 26 ноя — Sputnik.", "МОСКВА, 3 марта. /ТАСС/."), and the text after it. */
export function splitDateline(paragraph: string): { dateline: string; rest: string } | undefined {
  const text = collapseWhitespace(paragraph);
  const match = DATELINE.exec(text);
  return match ? { dateline: match[0], rest: text.slice(match[0].length).trim() } : undefined;
}

/**
 * Plain text → blocks. Paragraphs are separated by blank lines or single newlines (news copy often has one
 * line per paragraph); a line ending mid-sentence whose next line starts in lower case is joined to it.
 * The first paragraph becomes a heading when it looks like a headline (see isPlainTextHeadline).
 */
export function plainTextBlocks(text: string): ExtractedBlock[] {
  const paragraphs: string[] = [];
  let current = '';
  for (const raw of text.split(/\r\n?|[\n\f\v\u2028\u2029]/)) {
    const line = collapseWhitespace(raw);
    if (current && line && continuesOnNextLine(current, line)) {
      current += ` ${line}`;
      continue;
    }
    if (current) paragraphs.push(current);
    current = line;
  }
  if (current) paragraphs.push(current);

  return paragraphs.map((paragraph, i) => ({
    role: i === 0 && isPlainTextHeadline(paragraphs) ? 'heading' : 'paragraph',
    text: paragraph,
  }));
}

function continuesOnNextLine(line: string, next: string): boolean {
  return !/[.!?…:;]["»”’)]*$/u.test(line) && /^\p{Ll}/u.test(next);
}

/** Short, no final period, followed by more text, and not the start of the story (a dateline). */
function isPlainTextHeadline(paragraphs: readonly string[]): boolean {
  const [first] = paragraphs;
  return (
    first !== undefined &&
    paragraphs.length > 1 &&
    first.length <= HEADLINE_MAX_CHARS &&
    !/(?<!\.)\.["»”’)]*$/u.test(first) &&
    !DATELINE.test(first)
  );
}

/**
 * Blocks → paragraphs of segments. The first heading block is the headline (one segment, never split);
 * later headings are ordinary paragraphs. A dateline opening the first body paragraph becomes its own
 * segment; a dateline standing alone on its line opens the next paragraph instead.
 */
export function buildParagraphs(blocks: readonly ExtractedBlock[]): PreparedParagraph[] {
  const paragraphs: PreparedParagraph[] = [];
  let hasHeadline = false;
  let seenBody = false;
  let pendingDateline: PreparedSegment | undefined;

  for (const block of blocks) {
    const text = collapseWhitespace(block.text);
    if (!text) continue;
    if (block.role === 'heading' && !hasHeadline) {
      hasHeadline = true;
      paragraphs.push({ kind: 'headline', segments: [{ kind: 'headline', source: text }] });
      continue;
    }
    let body = text;
    const segments: PreparedSegment[] = pendingDateline ? [pendingDateline] : [];
    pendingDateline = undefined;
    if (!seenBody) {
      seenBody = true;
      const found = splitDateline(text);
      if (found) {
        const dateline: PreparedSegment = { kind: 'dateline', source: found.dateline };
        if (!found.rest) {
          pendingDateline = dateline;
          continue;
        }
        segments.push(dateline);
        body = found.rest;
      }
    }
    for (const source of splitSentences(body)) segments.push({ kind: 'sentence', source });
    paragraphs.push({ kind: 'body', segments });
  }
  if (pendingDateline) paragraphs.push({ kind: 'body', segments: [pendingDateline] });
  return paragraphs;
}
