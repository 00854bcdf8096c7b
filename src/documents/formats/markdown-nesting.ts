/**
 * A one-pass look at how deeply a Markdown file nests, run before marked: marked recurses once per
 * quote, list and emphasis level (20,000 ">" overflow the stack), and its link rule slows down
 * cubically on link addresses that never close ("[a]([a]([a](…": 40 KB kept it busy for over a
 * quarter of an hour). Over-counting is harmless: the limits sit far above what an article uses.
 */
export interface MarkdownShape {
  /** Quotes and lists opened at the start of one line. */
  blockDepth: number;
  /** Emphasis (*, _, ~) opened and not yet closed within a paragraph; a run of n characters counts n/2 rounded up. */
  emphasisDepth: number;
  /** Link addresses "](" not closed by ")" before their paragraph ends, in the whole file so far. */
  unclosedLinks: number;
}

export type MarkdownMeasure = keyof MarkdownShape;

/** The first line where a measure passes its limit, and which; undefined when the file stays within all. */
export function firstExcess(text: string, limits: MarkdownShape): { line: number; measure: MarkdownMeasure } | undefined {
  let emphasis = 0;
  let openLinks = 0;
  let unclosedLinks = 0;
  let line = 0;
  for (let start = 0; start <= text.length; ) {
    line++;
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    let i = start;
    let blockDepth = 0;

    // Container markers: ">", or "-", "+", "*", "1." or "1)" followed by a space, each after optional indentation.
    for (;;) {
      let columns = 0;
      while (i < end && (text[i] === ' ' || text[i] === '\t')) columns += text[i++] === '\t' ? 4 : 1;
      if (text[i] === '>') {
        blockDepth++;
        i++;
        continue;
      }
      const marker = listMarkerLength(text, i, end);
      if (marker === 0) break;
      // A nested list item is indented about two columns per level.
      blockDepth += 1 + Math.floor(columns / 2);
      i += marker;
    }
    if (blockDepth > limits.blockDepth) return { line, measure: 'blockDepth' };

    if (isBlank(text, i, end)) {
      // A blank line ends the paragraph: what it left open can no longer close.
      unclosedLinks += openLinks;
      emphasis = 0;
      openLinks = 0;
    }
    for (; i < end; i++) {
      const ch = text[i];
      if (ch === '\\') i++;
      else if (ch === '*' || ch === '_' || ch === '~') {
        let j = i;
        while (j + 1 < end && text[j + 1] === ch) j++;
        const weight = Math.ceil((j - i + 1) / 2);
        if (i > start && !isSpace(text[i - 1])) emphasis = Math.max(0, emphasis - weight);
        if (j + 1 < end && !isSpace(text[j + 1])) emphasis += weight;
        if (emphasis > limits.emphasisDepth) return { line, measure: 'emphasisDepth' };
        i = j;
      } else if (ch === ']' && text[i + 1] === '(') {
        openLinks++;
        i++;
      } else if (ch === ')' && openLinks > 0) openLinks--;
    }
    if (unclosedLinks + openLinks > limits.unclosedLinks) return { line, measure: 'unclosedLinks' };
    if (newline < 0) break;
    start = newline + 1;
  }
  return undefined;
}

/** Length of a list marker with its following space at `i` ("- ", "12. "), or 0. */
function listMarkerLength(text: string, i: number, end: number): number {
  let j = i;
  const ch = text[i];
  if (ch === '-' || ch === '+' || ch === '*') j = i + 1;
  else {
    while (j < end && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
    if (j === i || (text[j] !== '.' && text[j] !== ')')) return 0;
    j++;
  }
  if (j === end) return j - i;
  return text[j] === ' ' || text[j] === '\t' ? j - i + 1 : 0;
}

function isBlank(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!isSpace(text[k])) return false;
  return true;
}

function isSpace(ch: string | undefined): boolean {
  return ch === undefined || ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
}
