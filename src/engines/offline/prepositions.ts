import type { Item } from './item.js';
import type { LexEntry } from './lexicon.js';
import { modifierCats } from './noun-phrase.js';

/** Time nouns after в + accusative: "в понедельник" → "on Monday". */
const weekdays = new Set(['понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота', 'воскресенье']);
/** Events and levels after на + locative: "на встрече" → "at the meeting", "на уровне" → "at the level". */
const atNouns = new Set([
  'встреча', 'совещание', 'заседание', 'саммит', 'форум', 'конференция', 'пресс-конференция', 'переговоры',
  'брифинг', 'церемония', 'выставка', 'мероприятие', 'сессия', 'съезд', 'консультация', 'учение', 'парад', 'уровень',
]);
/** Prepositions that a word before them turns into another English one: "готов к" → "ready for". */
const prepositionAfter: Record<string, Record<string, string>> = {
  готовый: { к: 'for' },
  готовность: { к: 'for' },
  подготовка: { к: 'for' },
  готовиться: { к: 'for' },
  благодарность: { за: 'for' },
  ответственность: { за: 'for' },
  уважение: { к: 'for' },
  интерес: { к: 'in' },
  прибыть: { в: 'in', на: 'at' },
  прибывать: { в: 'in', на: 'at' },
  приехать: { в: 'in', на: 'at' },
  прилететь: { в: 'in', на: 'at' },
  // Changes by an amount: "вырос на 12%" → "grew by 12%".
  вырасти: { на: 'by' },
  расти: { на: 'by' },
  увеличиться: { на: 'by' },
  увеличить: { на: 'by' },
  сократиться: { на: 'by' },
  сократить: { на: 'by' },
  снизиться: { на: 'by' },
  снизить: { на: 'by' },
  упасть: { на: 'by' },
  повысить: { на: 'by' },
};
/** Prepositions before a date: "с 10 июля" → "from July 10", "по 15 июля" → "to July 15". */
const datePrepositions: Record<string, string> = { с: 'from', по: 'to', до: 'until', к: 'by' };
/** Prepositions that take a time, a year or a date: в 10:30 → at, в 2017 → in, 26 ноября → on. */
const timePrepositions = new Set(['в', 'во', 'на']);

/** A date or year without a preposition takes the one English needs: "состоялся 10 июля" → "took place on July 10". */
export function datePrefix(items: readonly Item[], i: number): string {
  const item = items[i];
  const before = items[i - 1];
  // After its own preposition, or in apposition after a comma ("во вторник, 26 ноября"), a date needs nothing.
  if (before?.cat === 'PREP' || (before?.cat === 'PUNCT' && !/^[.!?…]+$/.test(before.source))) return '';
  if (item?.numberKind === 'date') return 'on ';
  // "в 2017 году" without its в, not "2017 год" as a subject.
  if (item?.numberKind === 'year' && (item.case === 'loct' || item.case === undefined)) return 'in ';
  return '';
}

/** English for a preposition from the case (or kind) of what follows it. */
export function preposition(items: readonly Item[], i: number, entry: LexEntry): string {
  const target = objectOf(items, i);
  const lemma = items[i]?.lemma ?? '';
  if (!target) return entry.english;
  if (target.kind === 'number' && timePrepositions.has(lemma)) {
    if (target.numberKind === 'year' && target.case === 'accs') return 'for'; // на 2025 год
    if (target.numberKind === 'time') return 'at';
    if (target.numberKind === 'year') return 'in';
    if (target.numberKind === 'date') return 'on';
  }
  if (target.kind === 'number' && (target.numberKind === 'date' || target.numberKind === 'year') && datePrepositions[lemma]) {
    return datePrepositions[lemma] ?? entry.english;
  }
  const governor = prepositionAfter[items[i - 1]?.lemma ?? '']?.[lemma];
  if (governor) return governor;
  if ((lemma === 'в' || lemma === 'во') && target.case === 'accs' && weekdays.has(target.lemma)) return 'on';
  if (lemma === 'на' && target.case === 'loct' && atNouns.has(target.lemma)) return 'at';
  return (target.case && entry.forms.get(target.case)) ?? entry.english;
}

/** The head of the noun phrase after a preposition (skipping its adjectives), or simply the next item. */
export function objectOf(items: readonly Item[], i: number): Item | undefined {
  for (let k = i + 1; k < items.length; k++) {
    const item = items[k];
    if (!item) return undefined;
    if (item.cat === 'NOUN' || item.cat === 'PRON' || item.kind === 'number') return item;
    if (!modifierCats.has(item.cat) && item.cat !== 'ADV') return item;
  }
  return undefined;
}

