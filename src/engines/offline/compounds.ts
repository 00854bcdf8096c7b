import type { Item } from './item.js';

/** Nouns a sport or field qualifies in English from the front: "чемпион по фигурному катанию" → "figure skating champion". */
const qualified = new Set([
  'чемпион', 'чемпионка', 'сборная', 'команда', 'тренер', 'федерация', 'чемпионат', 'турнир', 'соревнование', 'матч',
  'спортсмен', 'спортсменка', 'игрок', 'рекорд', 'рекордсмен', 'первенство', 'кубок', 'лига', 'олимпиада', 'эксперт',
  'специалист', 'комиссия', 'комитет', 'совет', 'группа', 'программа', 'учение', 'министр', 'уполномоченный',
]);

/**
 * "сборная по хоккею" → "hockey team": a по-phrase naming the field of a team, a title or a body becomes a noun
 * modifier in front of it (the phrase's words keep their place but render nothing).
 */
export function fieldCompounds(items: readonly Item[]): Item[] {
  const out = [...items];
  for (let k = 0; k + 2 < out.length; k++) {
    const head = out[k] as Item;
    let at = k + 1;
    while (out[at]?.cat === 'PRCL' && out[at]?.fixed === '') at++; // a country already made an adjective
    const prep = out[at];
    if (head.cat !== 'NOUN' || !qualified.has(head.lemma) || prep?.lemma !== 'по' || prep.cat !== 'PREP') continue;
    let end = at + 1;
    const words: string[] = [];
    while (end < out.length && (out[end]?.cat === 'ADJ' || out[end]?.cat === 'NOUN') && out[end]?.case === 'datv') {
      const english = out[end]?.entry?.english;
      if (!english || (out[end]?.kind !== 'word' && out[end]?.kind !== 'phrase')) break;
      words.push(english);
      end++;
      if (out[end - 1]?.cat === 'NOUN') break;
    }
    if (words.length === 0 || out[end - 1]?.cat !== 'NOUN' || out[end - 1]?.gram.has('plur')) continue;
    out[k] = { ...head, field: words.join(' ') };
    for (let j = at; j < end; j++) out[j] = { ...(out[j] as Item), cat: 'PRCL', fixed: '' };
    k = end - 1;
  }
  return out;
}
