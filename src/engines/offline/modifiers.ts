import type { Item } from './item.js';
import { indefiniteArticle } from './english.js';
import type { LexEntry } from './lexicon.js';
import { antecedentOf } from './participles.js';
import { isQuantity } from './reorder.js';

/** который → "who"/"whom" for people, "whose" before a noun, else "which". */
export function relative(items: readonly Item[], i: number, item: Item, english: string): string {
  const antecedent = antecedentOf(items, i);
  const person = antecedent !== undefined && (antecedent.animate === true || antecedent.person === true);
  if (item.case === 'gent' && items[i - 1]?.cat === 'NOUN') return 'whose';
  if (!person) return english;
  return item.case === 'nomn' ? 'who' : 'whom';
}

/** "такое приглашение" → "such an invitation"; "такие программы" → "such programs". */
export function such(items: readonly Item[], i: number, item: Item, english: string): string {
  const next = items[i + 1];
  const noun = next?.cat === 'NOUN' ? next : next?.cat === 'ADJ' && items[i + 2]?.cat === 'NOUN' ? items[i + 2] : undefined;
  if (!noun || item.gram.has('plur') || noun.entry?.flags.has('mass') || !next?.entry) return english;
  return `${english} ${indefiniteArticle(next.entry.english)}`;
}

/** Comparatives before a genitive of comparison: "выше критической отметки" → "above the critical mark". */
const comparedWith: Record<string, string> = { выше: 'above', ниже: 'below', больше: 'more than', меньше: 'less than', более: 'more than', менее: 'less than' };

export function comparative(items: readonly Item[], i: number, item: Item, entry: LexEntry): string {
  const form = entry.forms.get('comparative') ?? `more ${entry.english}`;
  const next = items[i + 1];
  const genitive = next && (next.cat === 'NOUN' || next.cat === 'ADJ' || next.cat === 'PRON') && next.case === 'gent' && !isQuantity(next);
  // After a verb, больше/меньше + genitive is a quantity: "пить больше воды" → "drink more water".
  const quantity = genitive && ['больше', 'меньше'].includes(item.source.toLowerCase()) && ['VERB', 'INFN', 'GRND'].includes(items[i - 1]?.cat ?? '');
  if (quantity) return item.source.toLowerCase() === 'больше' ? 'more' : 'less';
  if (!genitive) return comparedWith[item.source.toLowerCase()] && isQuantity(next) ? (comparedWith[item.source.toLowerCase()] ?? form) : form;
  return comparedWith[item.source.toLowerCase()] ?? `${form} than`;
}

/** Nouns of number that stay singular after a numeral and take their noun without "of": "два миллиона человек". */
export const scaleWords = new Set(['hundred', 'thousand', 'million', 'billion', 'trillion', 'dozen']);

/** Before a number: "более 500" → "more than 500". */
export const comparatives: Record<string, string> = { более: 'more than', менее: 'less than', больше: 'more than', меньше: 'less than' };

