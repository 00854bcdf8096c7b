import type { Item } from './item.js';
import type { LexEntry } from './lexicon.js';
import { modifierCats } from './noun-phrase.js';
import { swallowsPreposition } from './senses.js';

/** Time nouns after в + accusative: "в понедельник" → "on Monday". */
const weekdays = new Set(['понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота', 'воскресенье']);

/** The English of a preposition before particular nouns: "на встрече" → "at the meeting", "на Кавказе" → "in the Caucasus". */
const beforeNoun: Record<string, Record<string, string>> = {
  на: {
    встреча: 'at', совещание: 'at', заседание: 'at', саммит: 'at', форум: 'at', конференция: 'at', 'пресс-конференция': 'at',
    переговоры: 'at', брифинг: 'at', церемония: 'at', выставка: 'at', мероприятие: 'at', сессия: 'at', съезд: 'at',
    консультация: 'at', учение: 'at', парад: 'at', уровень: 'at', завод: 'at', предприятие: 'at', фабрика: 'at',
    станция: 'at', аэродром: 'at', полигон: 'at', объект: 'at', матч: 'at', турнир: 'at', чемпионат: 'at', олимпиада: 'at',
    выборы: 'in', место: 'at', пост: 'at', должность: 'in', территория: 'in', юг: 'in', север: 'in', восток: 'in', запад: 'in',
    украина: 'in', кавказ: 'in', урал: 'in', 'дальний восток': 'in', рынок: 'on', улица: 'in', выходные: 'over',
    протяжение: 'over', граница: 'on', побережье: 'on', берег: 'on', остров: 'on', полуостров: 'on', борт: 'aboard',
    основа: 'on', условие: 'on', фон: 'against', неделя: '', день: 'on',
  },
  в: {
    время: 'at', момент: 'at', аэропорт: 'at', вокзал: 'at', порт: 'at', станция: 'at', университет: 'at', институт: 'at', посольство: 'at',
    рамка: 'as part of', ход: 'during', течение: 'within', связь: 'in connection with', результат: 'as a result of',
    случай: 'in case of', качество: 'as', интерес: 'in the interests of', отношение: 'regarding', адрес: 'to',
  },
  у: { побережье: 'off', берег: 'off', граница: 'near', стена: 'near', вход: 'at' },
  по: { который: 'under', дело: 'in', итог: 'following', данные: 'according to', линия: 'through', телефон: 'by', причина: 'for' },
  за: { год: 'over', неделя: 'over', месяц: 'over', сутки: 'in', период: 'over', время: 'during', последний: 'over' },
  через: { год: 'in', неделя: 'in', месяц: 'in', день: 'in', час: 'in', минута: 'in' },
  при: { поддержка: 'with', участие: 'with', помощь: 'with', содействие: 'with', условие: 'provided', закупка: 'in', строительство: 'in', расходование: 'in', использование: 'in', реализация: 'in', проведение: 'in', выполнение: 'in' },
  с: { визит: 'on', счет: 'by' },
};

/**
 * Prepositions that the word governing them turns into another English one (or none): "готов к" → "ready for",
 * "выделить на" → "allocate for", "объявить о" → "announce" (no preposition), "вырос на 12%" → "grew by 12%".
 */
const afterWord: Record<string, Record<string, string>> = {
  готовый: { к: 'for' },
  готовность: { к: 'for' },
  подготовка: { к: 'for' },
  готовиться: { к: 'for' },
  подготовиться: { к: 'for' },
  благодарность: { за: 'for' },
  ответственность: { за: 'for' },
  уважение: { к: 'for' },
  интерес: { к: 'in' },
  доверие: { к: 'in' },
  призыв: { к: 'for' },
  призвать: { к: 'for' },
  призывать: { к: 'for' },
  привести: { к: 'to' },
  приводить: { к: 'to' },
  присоединиться: { к: '' },
  приступить: { к: '' },
  стремиться: { к: '' },
  прибыть: { в: 'in', на: 'at' },
  прибывать: { в: 'in', на: 'at' },
  приехать: { в: 'in', на: 'at' },
  прилететь: { в: 'in', на: 'at' },
  вырасти: { на: 'by', до: 'to' },
  расти: { на: 'by', до: 'to' },
  увеличиться: { на: 'by', до: 'to' },
  увеличить: { на: 'by', до: 'to' },
  увеличиваться: { на: 'by', до: 'to' },
  сократиться: { на: 'by', до: 'to' },
  сократить: { на: 'by', до: 'to' },
  снизиться: { на: 'by', до: 'to' },
  снизить: { на: 'by', до: 'to' },
  снижаться: { на: 'by', до: 'to' },
  упасть: { на: 'by', до: 'to' },
  опуститься: { на: 'by', до: 'to' },
  подняться: { на: 'by', до: 'to' },
  повыситься: { на: 'by', до: 'to' },
  повысить: { на: 'by', до: 'to' },
  понизить: { на: 'by', до: 'to' },
  уменьшиться: { на: 'by', до: 'to' },
  достигнуть: { до: 'to' },
  рост: { на: 'of' },
  снижение: { на: 'of' },
  увеличение: { на: 'of' },
  сокращение: { на: 'of' },
  средство: { на: 'for' },
  деньги: { на: 'for' },
  ассигнование: { на: 'for' },
  субсидия: { на: 'for' },
  кредит: { на: 'for' },
  выделить: { на: 'for' },
  выделять: { на: 'for' },
  направить: { на: 'for' },
  направлять: { на: 'for' },
  запланировать: { на: 'for' },
  планировать: { на: 'for' },
  назначить: { на: 'for' },
  перенести: { на: 'to' },
  отложить: { на: 'until' },
  потратить: { на: 'on' },
  тратить: { на: 'on' },
  расход: { на: 'on' },
  расходы: { на: 'on' },
  рассчитывать: { на: 'on' },
  влиять: { на: 'on' },
  повлиять: { на: 'on' },
  влияние: { на: 'on' },
  реагировать: { на: 'to' },
  отреагировать: { на: 'to' },
  ответ: { на: 'to' },
  ответить: { на: 'to' },
  согласиться: { на: 'to' },
  цена: { на: 'for' },
  спрос: { на: 'for' },
  право: { на: 'to' },
  налог: { на: 'on' },
  пошлина: { на: 'on' },
  санкция: { против: 'against' },
  объявить: { о: '' },
  заявить: { о: '' },
  заявлять: { о: '' },
  сообщить: { о: '' },
  сообщать: { о: '' },
  свидетельствовать: { о: '' },
  договориться: { о: 'on' },
  договариваться: { о: 'on' },
  напомнить: { о: 'of' },
  позаботиться: { о: 'of' },
  столкнуться: { с: '' },
  поздравить: { с: 'on' },
  отказаться: { от: '' },
  отказываться: { от: '' },
  зависеть: { от: 'on' },
  зависимость: { от: 'on' },
  один: { из: 'of' },
  одна: { из: 'of' },
  каждый: { из: 'of' },
  многие: { из: 'of' },
  часть: { из: 'of' },
  уступить: { в: 'in' },
  нуждаться: { в: '' },
  дойти: { до: '' },
  доходить: { до: '' },
  довести: { до: 'to' },
  задача: { на: 'for' },
  закон: { о: 'on' },
  законопроект: { о: 'on' },
  соглашение: { о: 'on' },
  договор: { о: 'on' },
  указ: { о: 'on' },
  постановление: { о: 'on' },
  доклад: { о: 'on' },
  решение: { о: 'on' },
  информация: { о: 'on' },
  данные: { о: 'on' },
  план: { на: 'for' },
  бюджет: { на: 'for' },
  прогноз: { на: 'for' },
  программа: { на: 'for' },
  победа: { над: 'over' },
  контроль: { над: 'over' },
  работа: { над: 'on' },
  работать: { над: 'on' },
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

/** English for a preposition from the word governing it, the noun after it and that noun's case. */
export function preposition(items: readonly Item[], i: number, entry: LexEntry): string {
  const target = objectOf(items, i);
  const lemma = normal(items[i]?.lemma ?? '');
  if (!target) return entry.english;
  if (target.kind === 'number') {
    const english = beforeNumber(lemma, target);
    if (english !== undefined) {
      const governed = governor(items, i, lemma);
      return lemma === 'до' && target.numberKind === 'amount' && governed !== undefined ? governed : english;
    }
  }
  if (target.kind === 'number' && lemma === 'в' && target.gram.has('measure') && items[i - 1]?.cat === 'NOUN') return 'of';
  const governed = governor(items, i, lemma);
  if (governed !== undefined) return governed;
  // "в течение двух лет" → "for two years" (a length of time), "в течение года" → "during the year".
  if (lemma === 'в течение' && items[i + 1]?.cat === 'NUM') return 'for';
  if (lemma === 'в' && target.case === 'accs' && target.lemma === 'день') return 'on';
  if (lemma === 'у' && (target.kind === 'name' || target.gram.has('Geox'))) return 'near';
  if (lemma === 'в' && swallowsPreposition(verbBefore(items, i), target)) return '';
  if (lemma === 'в' && target.case === 'accs' && weekdays.has(target.lemma)) return 'on';
  const special = beforeNoun[lemma]?.[target.lemma];
  if (special !== undefined && (lemma !== 'на' || target.case === 'loct')) return special;
  return (target.case && entry.forms.get(target.case)) ?? entry.english;
}

/** во, со, ко, обо are в, с, к, о. */
function normal(lemma: string): string {
  return { во: 'в', со: 'с', ко: 'к', об: 'о', обо: 'о', передо: 'перед', подо: 'под', надо: 'над' }[lemma] ?? lemma;
}

function beforeNumber(lemma: string, target: Item): string | undefined {
  if (timePrepositions.has(lemma)) {
    if (target.numberKind === 'year' && target.case === 'accs' && lemma === 'на') return 'for'; // на 2025 год
    if (target.numberKind === 'time') return 'at';
    if (target.numberKind === 'year') return 'in';
    if (target.numberKind === 'date') return 'on';
  }
  if ((target.numberKind === 'date' || target.numberKind === 'year') && datePrepositions[lemma]) return datePrepositions[lemma];
  // "до 35 градусов" → "up to 35 degrees", "от 10 до 15" → "from 10 to 15".
  if (target.numberKind === 'amount' && lemma === 'до') return 'up to';
  if (target.numberKind === 'amount' && lemma === 'от') return 'from';
  // "под 6% годовых" → "at 6%"; "минимум в 2,4%" → "a low of 2.4%" (after a noun, в + a figure is "of").
  if (target.fixed?.endsWith('%') && lemma === 'под') return 'at';
  return undefined;
}

/**
 * The word that governs the preposition: the one right before it, else the clause's verb (word order may have
 * moved the object between them: "направил его на рассмотрение" → "sent it for review").
 */
function governor(items: readonly Item[], i: number, lemma: string): string | undefined {
  const before = items[i - 1];
  // A phrase ending in a noun governs like that noun: "принять законопроект об" → "a bill on".
  const governing = before?.kind === 'phrase' ? (before.lemma.split(' ').at(-1) ?? '') : (before?.lemma ?? '');
  const direct = before && (afterWord[before.lemma]?.[lemma] ?? afterWord[governing]?.[lemma]);
  if (direct !== undefined) return direct;
  const original = items[i]?.after;
  const source = original !== undefined ? afterWord[original]?.[lemma] : undefined;
  if (source !== undefined) return source;
  // "план военного сотрудничества на год": the head of a genitive chain governs what follows the chain.
  for (let k = i - 1; k >= 0; k--) {
    const item = items[k] as Item;
    if (item.cat !== 'NOUN' && item.cat !== 'ADJ') break;
    const found = afterWord[item.lemma]?.[lemma];
    if (found !== undefined && item.cat === 'NOUN') return found;
  }
  for (let k = i - 1; k >= 0; k--) {
    const item = items[k];
    if (!item || item.cat === 'PUNCT' || item.cat === 'CONJ' || item.cat === 'PREP') return undefined;
    if (item.cat === 'VERB' || item.cat === 'INFN' || item.cat === 'PRTS' || item.cat === 'GRND' || item.cat === 'PRTF') {
      return afterWord[item.lemma]?.[lemma];
    }
  }
  return undefined;
}

function verbBefore(items: readonly Item[], i: number): Item | undefined {
  for (let k = i - 1; k >= 0; k--) {
    const item = items[k];
    if (!item || item.cat === 'PUNCT' || item.cat === 'CONJ') return undefined;
    if (item.cat === 'VERB' || item.cat === 'INFN') return item;
  }
  return undefined;
}

/** The head of the noun phrase after a preposition (skipping its adjectives), or simply the next item. */
export function objectOf(items: readonly Item[], i: number): Item | undefined {
  for (let k = i + 1; k < items.length; k++) {
    const item = items[k];
    if (!item) return undefined;
    if (item.cat === 'NOUN' || item.cat === 'PRON' || item.kind === 'number' || item.lemma === 'который') return item;
    if (!modifierCats.has(item.cat) && item.cat !== 'ADV') return item;
  }
  return undefined;
}
