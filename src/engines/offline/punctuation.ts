import type { Item } from './item.js';

/** Joins rendered items with the source's spacing, English quotes and dashes, and capitals at sentence starts. */
export function join(words: readonly { text: string; item: Item }[]): string {
  let out = '';
  let capitaliseNext = true;
  let lowQuoteOpen = false;
  for (const [n, { text, item }] of words.entries()) {
    let piece = text;
    if (item.kind === 'punct' && text === item.source) {
      const spacedAfter = (words[n + 1]?.item.spaceBefore ?? '') !== '';
      piece = punctuation(item.source, item.spaceBefore !== '' || out === '', spacedAfter, lowQuoteOpen);
      if (item.source === '„') lowQuoteOpen = true;
      if (item.source === '“' && lowQuoteOpen) lowQuoteOpen = false;
    }
    // Russian puts a comma before every subordinate clause; English not before "that".
    if (piece === ',' && words[n + 1]?.item.cat === 'CONJ' && ['что', 'чтобы'].includes(words[n + 1]?.item.lemma ?? '')) continue;
    if (piece === ',' && words[n + 1]?.text === 'whether') continue;
    // "ни Москва, ни Анкара" → "neither Moscow nor Ankara": no comma before "nor" or "or".
    if (piece === ',' && words[n + 1]?.item.lemma === 'ни' && /^(nor|or)$/.test(words[n + 1]?.text ?? '')) continue;
    // Russian closes direct speech with ", —": English needs only the comma, inside the quotes: “…,” he said.
    if (piece === '—' && /,”?$/.test(out)) continue;
    if (piece === ',' && out.endsWith('”') && isAttribution(words, n + 1)) {
      out = `${out.slice(0, -1)},”`;
      continue;
    }
    // “…?” — спросил он → “…?” he asked.
    if (piece === '—' && /[?!]”$/.test(out) && isAttribution(words, n + 1)) {
      capitaliseNext = false;
      continue;
    }
    if (!piece) continue;
    // A sentence quoted mid-sentence keeps its capital: сказал: «Мы готовы» → said: “We are ready”.
    if (/^\p{Lu}/u.test(item.source) && /^[«„"“]$/.test(words[n - 1]?.item.source ?? '')) capitaliseNext = true;
    if (capitaliseNext && /[\p{L}\p{N}]/u.test(piece)) {
      piece = piece.replace(/[\p{L}\p{N}]/u, (c) => c.toUpperCase()); // a sentence may open with a number
      capitaliseNext = false;
    }
    // A word whose neighbour rendered nothing must not leave a space inside an opening quote or bracket.
    out += (out && !/[“(]$/.test(out) ? item.spaceBefore : '') + piece;
    // A full stop inside a token run (www.site.ru, 1.5) ends no sentence: only one followed by a space or the end does.
    const next = words[n + 1];
    if (item.kind === 'punct' && /^[.!?…]+$/.test(item.source) && (!next || next.item.spaceBefore !== '')) capitaliseNext = true;
  }
  return out.replace(/ {2,}/g, ' ').trim();
}

/** After direct speech: a dash or a verb (or subject) that reports it, "— сказал он", "— отметил министр". */
function isAttribution(words: readonly { text: string; item: Item }[], from: number): boolean {
  let k = from;
  if (words[k]?.item.kind === 'punct' && /^[-–—]$/.test(words[k]?.item.source ?? '')) k++;
  for (; k < words.length && k < from + 6; k++) {
    const item = words[k]?.item;
    if (!item || item.kind === 'punct') return false;
    if (item.cat === 'VERB') return true;
  }
  return false;
}

/** Russian quotes become English curly quotes; a spaced hyphen or dash becomes a spaced em dash. */
function punctuation(source: string, spacedBefore: boolean, spacedAfter: boolean, lowQuoteOpen: boolean): string {
  switch (source) {
    case '«': case '„': return '“';
    case '»': case '”': return '”';
    case '“': return lowQuoteOpen ? '”' : '“';
    case '"': return spacedBefore ? '“' : '”';
    case '-': case '–': case '—': return spacedBefore || spacedAfter ? '—' : source;
    default: return source;
  }
}
