import { describe, expect, it } from 'vitest';
import { bleu, chrF, tokenize13a } from './metrics.js';

describe('chrF', () => {
  it('when hypothesis and reference are identical, then chrF is 100', () => {
    expect(chrF(['The State Duma passed the bill.'], ['The State Duma passed the bill.'])).toBe(100);
  });

  it('when they share no character, then chrF is 0', () => {
    expect(chrF(['xyz'], ['abc'])).toBe(0);
  });

  it('when the hypothesis is empty, then chrF is 0', () => {
    expect(chrF([''], ['abc'])).toBe(0);
  });

  it('when worked by hand with n = 2, then chrF is 700/11', () => {
    // hyp "ab", ref "abc". Unigrams: hyp {a,b}, ref {a,b,c}, 2 match → P 1, R 2/3.
    // Bigrams: hyp {ab}, ref {ab,bc}, 1 match → P 1, R 1/2. Averages: P 1, R 7/12.
    // F2 = 5·P·R / (4·P + R) = (35/12) / (55/12) = 7/11 → 63.64.
    expect(chrF(['ab'], ['abc'], { n: 2 })).toBeCloseTo(700 / 11, 10);
  });

  it('when worked by hand with the default n = 6, then orders absent from the hypothesis are left out', () => {
    // hyp "cat", ref "cats": orders 1–3 occur on both sides, 4–6 not in the hypothesis, so they are skipped.
    // P = 1 for each; R = 3/4, 2/3, 1/2 → mean 23/36. F2 = 5·(23/36) / (4 + 23/36) = 115/167 → 68.86.
    expect(chrF(['cat'], ['cats'])).toBeCloseTo(11500 / 167, 10);
  });

  it('when spaces differ, then chrF does not see them', () => {
    expect(chrF(['a b  c'], ['abc'])).toBe(100);
  });

  it('when β is 2, then missing words cost more than extra words', () => {
    const reference = 'Heavy snowfall paralyzed traffic on highways';
    const short = chrF(['Heavy snowfall paralyzed traffic'], [reference]);
    const long = chrF([`${reference} in the region today`], [reference]);
    expect(long).toBeGreaterThan(short);
  });

  it('when more of the reference is matched, then chrF rises', () => {
    const reference = 'The Bank of Russia kept its key rate at 16% per annum.';
    const steps = ['The Bank', 'The Bank of Russia', 'The Bank of Russia kept its key rate', reference];
    const scores = steps.map((h) => chrF([h], [reference]));
    for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeGreaterThan(scores[i - 1]!);
  });

  it('when β is 1, then swapping hypothesis and reference gives the same score', () => {
    const a = ['The government approved the program.', 'Voting will take place on Sunday.'];
    const b = ['The government has approved a programme.', 'The vote is on Sunday.'];
    expect(chrF(a, b, { beta: 1 })).toBeCloseTo(chrF(b, a, { beta: 1 }), 12);
    expect(chrF(a, b)).not.toBeCloseTo(chrF(b, a), 3);
  });

  it('when scored as a corpus, then statistics are pooled, not sentence scores averaged', () => {
    const hyps = ['The cat sat on the mat.', 'x'];
    const refs = ['The cat is on the mat.', 'A completely different and much longer sentence.'];
    const mean = (chrF([hyps[0]!], [refs[0]!]) + chrF([hyps[1]!], [refs[1]!])) / 2;
    const corpus = chrF(hyps, refs);
    expect(corpus).not.toBeCloseTo(mean, 1);
    // Cross-checked with sacreBLEU 2.6.0 CHRF(): 67.17 for the first pair alone.
    expect(chrF([hyps[0]!], [refs[0]!])).toBeCloseTo(67.172735, 5);
  });

  it('when the lists differ in length, then it throws', () => {
    expect(() => chrF(['a'], [])).toThrow(RangeError);
  });
});

describe('bleu', () => {
  it('when hypothesis and reference are identical, then BLEU is 100', () => {
    expect(bleu(['The Northern Fleet has received a new submarine.'], ['The Northern Fleet has received a new submarine.'])).toBeCloseTo(100, 10);
  });

  it('when they share no word, then BLEU is 0', () => {
    expect(bleu(['alpha beta gamma delta'], ['one two three four'])).toBe(0);
  });

  it('when worked by hand, then BLEU is the geometric mean of clipped precisions', () => {
    // hyp: the cat sat on the mat / ref: the cat sat on a mat (6 tokens each, BP 1).
    // 1-grams 5/6 ("the" clipped to 1), 2-grams 3/5, 3-grams 2/4, 4-grams 1/3 → (1/12)^(1/4) → 53.73.
    expect(bleu(['the cat sat on the mat'], ['the cat sat on a mat'])).toBeCloseTo(100 * (1 / 12) ** 0.25, 10);
  });

  it('when the hypothesis is shorter, then the brevity penalty applies', () => {
    // Every n-gram matches, 4 tokens against 6: BP = exp(1 − 6/4) → 60.65.
    expect(bleu(['the cat sat on'], ['the cat sat on the mat'])).toBeCloseTo(100 * Math.exp(-0.5), 10);
  });

  it('when an order has no match, then it is smoothed as mteval does, not zero', () => {
    // 1-grams 3/4, 2-grams 1/3, 3-grams 0/2 → 1/(2·2), 4-grams 0/1 → 1/(4·1); no brevity penalty.
    const expected = 100 * ((3 / 4) * (1 / 3) * (1 / 4) * (1 / 4)) ** 0.25;
    expect(bleu(['the cat sat down'], ['the cat is down'])).toBeCloseTo(expected, 10);
  });

  it('when more words match, then BLEU rises', () => {
    const reference = 'The Accounts Chamber found violations in three regions .';
    const scores = ['The Chamber found things', 'The Accounts Chamber found things', 'The Accounts Chamber found violations in regions', reference].map((h) =>
      bleu([h], [reference]),
    );
    for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeGreaterThan(scores[i - 1]!);
  });

  it('when compared with sacreBLEU 2.6.0 BLEU(), then the figure is the same', () => {
    expect(bleu(['The cat sat on the mat.'], ['The cat is on the mat.'])).toBeCloseTo(48.892302, 5);
  });
});

describe('tokenize13a', () => {
  it('when punctuation follows a word, then it is split off, but not inside numbers', () => {
    expect(tokenize13a('It rose 1.5%, to 12,000 (a record).')).toEqual(['It', 'rose', '1.5', '%', ',', 'to', '12,000', '(', 'a', 'record', ')', '.']);
  });

  it('when a dash follows a digit, then it is split; inside words it stays', () => {
    expect(tokenize13a('won 4-1 in a diesel-electric boat')).toEqual(['won', '4', '-', '1', 'in', 'a', 'diesel-electric', 'boat']);
  });

  it('when quotes are curly, then they stay attached as in sacreBLEU', () => {
    expect(tokenize13a('“We will,” he said')).toEqual(['“We', 'will', ',', '”', 'he', 'said']);
  });
});
