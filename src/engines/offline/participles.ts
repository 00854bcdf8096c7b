import type { Item } from './item.js';

/**
 * "Принятый в прошлом году закон" → "закон принятый в прошлом году" ("the law adopted last year"): a participle with
 * words of its own goes after its noun, as English needs. The moved participle is marked `postposed`.
 */
export function postposeParticiples(items: readonly Item[]): Item[] {
  const out = [...items];
  for (let k = 0; k < out.length; k++) {
    const participle = out[k];
    if (participle?.cat !== 'PRTF' || participle.kind !== 'word') continue;
    let j = k + 1;
    let dependents = 0;
    while (j < out.length) {
      const item = out[j] as Item;
      if (item.cat === 'PUNCT' || item.cat === 'VERB' || item.cat === 'CONJ') break;
      if (item.cat === 'NOUN' && agreesWith(participle, item) && !isGoverned(out, j)) break;
      j++;
      dependents++;
    }
    const head = out[j];
    if (!head || head.cat !== 'NOUN' || dependents === 0) continue;
    // Adjectives right before the noun stay with it: "принятый в 2017 году федеральный закон".
    let nounStart = j;
    while (nounStart > k + 1 && (out[nounStart - 1]?.cat === 'ADJ' || out[nounStart - 1]?.cat === 'NUM') && agreesWith(out[nounStart - 1] as Item, head)) nounStart--;
    if (nounStart === k + 1) continue;
    const moved = out.slice(k, nounStart);
    const noun = out.slice(nounStart, j + 1);
    const [first, ...rest] = noun;
    if (!first) continue;
    const space = participle.spaceBefore;
    out.splice(k, j + 1 - k, { ...first, spaceBefore: space }, ...rest, { ...participle, spaceBefore: ' ', postposed: true }, ...moved.slice(1));
    k = j;
  }
  return out;
}

function agreesWith(a: Item, b: Item): boolean {
  return a.case === b.case && a.gram.has('plur') === b.gram.has('plur');
}

function isGoverned(items: readonly Item[], j: number): boolean {
  for (let k = j - 1; k >= 0; k--) {
    const item = items[k];
    if (item?.cat === 'PREP') return true;
    if (item?.cat !== 'ADJ' && item?.cat !== 'NUM' && item?.cat !== 'PRTF') return false;
  }
  return false;
}

/**
 * "Компании, работающие в регионе, получат…" → "Companies operating in the region will receive…": a present active
 * participle clause reads as a restrictive -ing phrase in English, without the commas around it.
 */
export function restrictiveParticiples(items: readonly Item[]): Item[] {
  const out = [...items];
  for (let i = 2; i < out.length; i++) {
    const participle = out[i] as Item;
    const comma = out[i - 1] as Item;
    if (participle.cat !== 'PRTF' || !participle.gram.has('pres') || !participle.gram.has('actv') || comma.source !== ',') continue;
    if (out[i - 2]?.cat !== 'NOUN' || out[i - 2]?.case !== participle.case) continue;
    let close = i + 1;
    while (close < out.length && out[close]?.cat !== 'PUNCT') close++;
    // Only a clause closed by a comma and followed by the main verb, or one ending the sentence.
    const closing = out[close];
    const resumes = closing?.source === ',' && (out[close + 1]?.cat === 'VERB' || out[close + 1]?.cat === 'PRTS');
    const ends = closing === undefined || /^[.!?…]$/.test(closing.source);
    if (!resumes && !ends) continue;
    if (resumes) out.splice(close, 1);
    out.splice(i - 1, 1);
    i--;
  }
  return out;
}

/** The noun a participle or relative clause after a comma describes: the last noun before the comma. */
export function antecedentOf(items: readonly Item[], i: number): Item | undefined {
  let k = i - 1;
  while (k >= 0 && (items[k]?.cat === 'PUNCT' || items[k]?.cat === 'PREP')) k--;
  for (; k >= 0; k--) {
    const item = items[k];
    if (!item || item.cat === 'VERB') return undefined;
    if (item.cat === 'NOUN' && item.kind !== 'number') return item;
  }
  return undefined;
}
