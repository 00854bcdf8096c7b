/*
 * Corpus-level MT metrics, written to give the same numbers as sacreBLEU's defaults so our figures
 * can be compared with published ones:
 * - chrF (Popović 2015): character n-grams of orders 1..6 with whitespace removed; precision and
 *   recall are summed over the corpus per order, averaged over the orders that occur, then combined
 *   into an F-score with β = 2 (recall weighs twice as much). sacreBLEU: `CHRF()` (char order 6,
 *   word order 0, beta 2).
 * - BLEU (Papineni et al. 2002): word n-grams 1..4 after the 13a tokenisation of mteval-v13a, clipped
 *   counts summed over the corpus, geometric mean, brevity penalty, "exp" smoothing for an order with
 *   no match. sacreBLEU: `BLEU()`.
 * Both score 0–100, one reference per hypothesis, case-sensitive.
 */

export interface ChrfOptions {
  /** Highest character n-gram order. */
  n?: number;
  /** Weight of recall against precision. */
  beta?: number;
}

/** [hypothesis n-grams, reference n-grams, matched n-grams] for each order, summed over sentences. */
type Statistics = Array<[number, number, number]>;

/** Corpus chrF, 0–100. Throws when the two lists differ in length. */
export function chrF(hypotheses: readonly string[], references: readonly string[], { n = 6, beta = 2 }: ChrfOptions = {}): number {
  sameLength(hypotheses, references);
  const stats: Statistics = Array.from({ length: n }, () => [0, 0, 0]);
  hypotheses.forEach((hypothesis, i) => {
    const hyp = [...removeWhitespace(hypothesis)];
    const ref = [...removeWhitespace(references[i]!)];
    for (let order = 1; order <= n; order++) {
      const counted = matchCounts(ngrams(hyp, order, ''), ngrams(ref, order, ''));
      const s = stats[order - 1]!;
      s[0] += counted.hyp;
      s[1] += counted.ref;
      s[2] += counted.match;
    }
  });
  return fScore(stats, beta);
}

function fScore(stats: Statistics, beta: number): number {
  let precision = 0;
  let recall = 0;
  let orders = 0;
  // An order that occurs in neither side (a text shorter than n characters) is left out of the average, as sacreBLEU does.
  for (const [hyp, ref, match] of stats) {
    if (hyp === 0 || ref === 0) continue;
    precision += match / hyp;
    recall += match / ref;
    orders++;
  }
  if (orders === 0) return 0;
  precision /= orders;
  recall /= orders;
  if (precision + recall === 0) return 0;
  const b2 = beta * beta;
  return (100 * ((1 + b2) * precision * recall)) / (b2 * precision + recall);
}

/** Corpus BLEU-4 with brevity penalty, 0–100. Throws when the two lists differ in length. */
export function bleu(hypotheses: readonly string[], references: readonly string[], maxOrder = 4): number {
  sameLength(hypotheses, references);
  const correct = new Array<number>(maxOrder).fill(0);
  const total = new Array<number>(maxOrder).fill(0);
  let hypLength = 0;
  let refLength = 0;
  hypotheses.forEach((hypothesis, i) => {
    const hyp = tokenize13a(hypothesis);
    const ref = tokenize13a(references[i]!);
    hypLength += hyp.length;
    refLength += ref.length;
    for (let order = 1; order <= maxOrder; order++) {
      const counted = matchCounts(ngrams(hyp, order, ' '), ngrams(ref, order, ' '));
      correct[order - 1]! += counted.match;
      total[order - 1]! += counted.hyp;
    }
  });
  if (correct.every((c) => c === 0)) return 0;

  let logSum = 0;
  let smoothing = 1;
  for (let order = 0; order < maxOrder; order++) {
    // No hypothesis has this many words: the geometric mean is 0.
    if (total[order] === 0) return 0;
    let precision = correct[order]! / total[order]!;
    // "exp" smoothing (mteval-v13a): the k-th order with no match counts as 1 / (2^k · total).
    if (correct[order] === 0) {
      smoothing *= 2;
      precision = 1 / (smoothing * total[order]!);
    }
    logSum += Math.log(precision);
  }
  const brevity = hypLength < refLength ? Math.exp(1 - refLength / hypLength) : 1;
  return 100 * brevity * Math.exp(logSum / maxOrder);
}

/**
 * mteval-v13a tokenisation as sacreBLEU implements it: ASCII symbols split off, "." and "," split off
 * unless between digits (1.5, 12,000 stay whole), "-" split after a digit. Curly quotes and other
 * non-ASCII punctuation stay attached, exactly as in sacreBLEU.
 */
export function tokenize13a(line: string): string[] {
  let text = line.replaceAll('<skipped>', '').replaceAll('-\n', '').replaceAll('\n', ' ');
  if (text.includes('&')) {
    text = text.replaceAll('&quot;', '"').replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>');
  }
  text = ` ${text} `
    .replace(/([{-~[-` -&(-+:-@\/])/g, ' $1 ')
    .replace(/([^0-9])([.,])/g, '$1 $2 ')
    .replace(/([.,])([^0-9])/g, ' $1 $2')
    .replace(/([0-9])(-)/g, '$1 $2 ');
  return text.split(/\s+/).filter(Boolean);
}

function removeWhitespace(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Counts of the order-n n-grams of `units` (characters or words), each n-gram joined with `glue`. */
function ngrams(units: readonly string[], order: number, glue: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + order <= units.length; i++) {
    const gram = units.slice(i, i + order).join(glue);
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/** Totals on each side and the clipped overlap (an n-gram matches at most as often as the reference has it). */
function matchCounts(hyp: Map<string, number>, ref: Map<string, number>): { hyp: number; ref: number; match: number } {
  let hypTotal = 0;
  let match = 0;
  for (const [gram, count] of hyp) {
    hypTotal += count;
    match += Math.min(count, ref.get(gram) ?? 0);
  }
  let refTotal = 0;
  for (const count of ref.values()) refTotal += count;
  return { hyp: hypTotal, ref: refTotal, match };
}

function sameLength(hypotheses: readonly unknown[], references: readonly unknown[]): void {
  if (hypotheses.length !== references.length) {
    throw new RangeError(`${hypotheses.length} hypotheses but ${references.length} references`);
  }
}
