import type { Item } from './item.js';

const third = new Set(['он', 'она', 'оно']);
const possessive = new Set(['его', 'ее']);
const speaking = new Set(['сказать', 'заявить', 'отметить', 'подчеркнуть', 'добавить', 'пояснить', 'сообщить', 'рассказать', 'напомнить', 'говорить', 'считать', 'уточнить', 'признать']);

/**
 * "он", "она", "его" for a thing are "it", "its": the nearest noun before the pronoun with its gender and number
 * decides. "Программа… она позволит" → "it will allow"; "министр… его визит" → "his visit". Undefined when the
 * lexicon's English stands.
 */
export function thirdPerson(items: readonly Item[], i: number): string | undefined {
  const item = items[i] as Item;
  const personal = item.cat === 'PRON' && third.has(item.lemma);
  const owner = item.cat === 'ADJ' && possessive.has(item.lemma);
  if (!personal && !owner) return undefined;
  const gender = owner ? (item.lemma === 'ее' ? 'femn' : undefined) : item.lemma === 'она' ? 'femn' : item.lemma === 'оно' ? 'neut' : 'masc';
  // "— сказал он": whoever speaks is a person, whatever noun came last.
  if (personal && items.some((v, k) => Math.abs(k - i) <= 2 && v.cat === 'VERB' && speaking.has(v.lemma))) return undefined;
  const antecedent = antecedentOf(items, i, gender);
  if (!antecedent) return undefined;
  // "он обсуждал": a subject pronoun stands for a person whenever the sentence has named one.
  if (personal && item.case === 'nomn' && items.some((x, k) => k < i && (x.kind === 'name' || (x.person && x.kind === 'term') || (x.cat === 'NOUN' && x.animate)))) return undefined;
  const thing = !antecedent.animate && !antecedent.person && antecedent.kind !== 'name';
  if (!thing) return undefined;
  return owner ? 'its' : 'it';
}

/** The subject of the sentence if it fits, else the nearest singular noun before i of the given gender (masculine or neuter for его). */
function antecedentOf(items: readonly Item[], i: number, gender: 'masc' | 'femn' | 'neut' | undefined): Item | undefined {
  const candidates: Item[] = [];
  for (let k = i - 1; k >= 0; k--) {
    const item = items[k] as Item;
    if (/^[»”“«„"]$/.test(item.source)) break; // nouns beyond a quotation mark belong to another voice
    if (item.cat !== 'NOUN' || item.kind === 'number' || item.gram.has('plur')) continue;
    const g = item.gram.has('femn') ? 'femn' : item.gram.has('neut') ? 'neut' : item.gram.has('masc') ? 'masc' : undefined;
    if (!g) continue;
    if (gender === undefined ? g !== 'femn' : gender === 'masc' ? g === 'masc' || g === 'neut' : g === gender) candidates.push(item);
  }
  return candidates.find((c) => c.role === 'subject') ?? candidates[0];
}
