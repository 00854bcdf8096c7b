import type { Item } from './item.js';
import type { LexEntry } from './lexicon.js';

/**
 * Verb senses chosen by the object: "принять закон" → "pass", "принять решение" → "make", "провести пять лет" → "spend".
 * The lexicon gives one English per lemma; these rows override it when the object (or, in the passive, the subject)
 * is one of the listed nouns. Each row: object lemmas, then the English with its irregular forms.
 */
interface Sense {
  objects: readonly string[];
  english: string;
  past?: string;
  participle?: string;
}

const table: Record<string, readonly Sense[]> = {
  принять: [
    { objects: ['закон', 'законопроект', 'поправка', 'бюджет', 'резолюция', 'декларация', 'постановление', 'кодекс', 'конституция'], english: 'pass' },
    { objects: ['решение'], english: 'make', past: 'made', participle: 'made' },
    { objects: ['мера'], english: 'take', past: 'took', participle: 'taken' },
    { objects: ['отставка', 'предложение', 'приглашение', 'вызов', 'извинение'], english: 'accept' },
    { objects: ['программа', 'стратегия', 'план', 'концепция', 'доктрина', 'документ'], english: 'adopt' },
    { objects: ['присяга'], english: 'take', past: 'took', participle: 'taken' },
  ],
  провести: [
    { objects: ['год', 'месяц', 'неделя', 'день', 'час', 'время', 'ночь', 'сутки'], english: 'spend', past: 'spent', participle: 'spent' },
    { objects: ['операция', 'проверка', 'обыск', 'рейд', 'исследование', 'реформа', 'расследование', 'экспертиза', 'эвакуация', 'вакцинация', 'опрос'], english: 'carry out', past: 'carried out', participle: 'carried out' },
  ],
  выйти: [{ objects: ['полуфинал', 'финал', 'четвертьфинал', 'плей-офф'], english: 'reach' }],
  назвать: [{ objects: ['дата', 'место', 'имя', 'причина', 'сумма', 'срок', 'число', 'победитель', 'фамилия'], english: 'name' }],
  оказать: [
    { objects: ['помощь', 'поддержка', 'содействие', 'услуга'], english: 'provide' },
    { objects: ['давление'], english: 'exert' },
    { objects: ['влияние'], english: 'have', past: 'had', participle: 'had' },
    { objects: ['сопротивление'], english: 'put up', past: 'put up', participle: 'put up' },
  ],
  нанести: [
    { objects: ['удар'], english: 'strike', past: 'struck', participle: 'struck' },
    { objects: ['ущерб', 'урон', 'повреждение'], english: 'cause' },
    { objects: ['визит'], english: 'pay', past: 'paid', participle: 'paid' },
  ],
  вынести: [{ objects: ['приговор', 'решение', 'вердикт', 'постановление'], english: 'hand down', past: 'handed down', participle: 'handed down' }],
  ввести: [
    { objects: ['санкция', 'ограничение', 'запрет', 'мораторий', 'пошлина', 'эмбарго'], english: 'impose' },
    { objects: ['режим'], english: 'declare' },
  ],
  объявить: [{ objects: ['режим', 'война', 'траур', 'мобилизация'], english: 'declare' }],
  поставить: [
    { objects: ['задача', 'цель', 'рекорд'], english: 'set', past: 'set', participle: 'set' },
    { objects: ['вопрос'], english: 'raise' },
  ],
  играть: [{ objects: ['роль'], english: 'play' }],
  сыграть: [{ objects: ['роль'], english: 'play' }],
  одержать: [{ objects: ['победа'], english: 'win', past: 'won', participle: 'won' }],
  занять: [
    { objects: ['место'], english: 'take', past: 'took', participle: 'taken' },
    { objects: ['пост', 'должность'], english: 'hold', past: 'held', participle: 'held' },
  ],
  уделить: [{ objects: ['внимание'], english: 'pay', past: 'paid', participle: 'paid' }],
  достичь: [{ objects: ['договоренность', 'соглашение', 'компромисс'], english: 'reach' }],
  достигнуть: [{ objects: ['договоренность', 'соглашение', 'компромисс'], english: 'reach' }],
  внести: [
    { objects: ['поправка', 'изменение'], english: 'make', past: 'made', participle: 'made' },
    { objects: ['законопроект', 'предложение'], english: 'submit', past: 'submitted', participle: 'submitted' },
    { objects: ['вклад'], english: 'make', past: 'made', participle: 'made' },
  ],
  возбудить: [{ objects: ['дело'], english: 'open' }],
  открыть: [{ objects: ['огонь'], english: 'open' }],
  выдвинуть: [{ objects: ['кандидатура', 'обвинение', 'предложение', 'требование', 'инициатива'], english: 'put forward', past: 'put forward', participle: 'put forward' }],
  предъявить: [{ objects: ['обвинение'], english: 'bring', past: 'brought', participle: 'brought' }],
  набрать: [{ objects: ['голос', 'процент'], english: 'win', past: 'won', participle: 'won' }],
  сделать: [
    { objects: ['заявление', 'вывод', 'предложение', 'выбор', 'шаг'], english: 'make', past: 'made', participle: 'made' },
    { objects: ['прививка'], english: 'get', past: 'got', participle: 'got' },
  ],
  вести: [{ objects: ['переговоры', 'огонь', 'бой', 'война'], english: 'conduct' }],
  задать: [{ objects: ['вопрос'], english: 'ask' }],
  дать: [{ objects: ['интервью', 'оценка', 'поручение', 'согласие', 'показание'], english: 'give', past: 'gave', participle: 'given' }],
  сообщить: [{ objects: ['журналист', 'корреспондент', 'репортер', 'депутат', 'пресса', 'агентство', 'телеканал', 'газета'], english: 'tell', past: 'told', participle: 'told' }],
  сообщать: [{ objects: ['журналист', 'корреспондент', 'репортер', 'депутат', 'пресса', 'агентство', 'телеканал', 'газета'], english: 'tell', past: 'told', participle: 'told' }],
  // English needs a preposition before these objects: "ждать решения" → "wait for the decision".
  ждать: [{ objects: ['*'], english: 'wait for' }],
  дождаться: [{ objects: ['*'], english: 'wait for' }],
  искать: [{ objects: ['*'], english: 'look for' }],
  слушать: [{ objects: ['*'], english: 'listen to' }],
  завершить: [{ objects: ['карьера'], english: 'end' }],
  отменить: [{ objects: ['решение', 'приговор', 'постановление'], english: 'overturn' }],
  оставить: [{ objects: ['приговор', 'решение'], english: 'uphold', past: 'upheld', participle: 'upheld' }],
};
// Imperfective partners share their rows.
table['принимать'] = table['принять'] ?? [];
table['проводить'] = table['провести'] ?? [];
table['выходить'] = table['выйти'] ?? [];
table['называть'] = table['назвать'] ?? [];
table['оказывать'] = table['оказать'] ?? [];
table['наносить'] = table['нанести'] ?? [];
table['вводить'] = table['ввести'] ?? [];
table['объявлять'] = table['объявить'] ?? [];
table['ставить'] = table['поставить'] ?? [];
table['вносить'] = table['внести'] ?? [];
table['делать'] = table['сделать'] ?? [];
table['давать'] = table['дать'] ?? [];

/** "выйти в полуфинал" → "reach the semifinal": a sense chosen by the noun after в takes that noun directly. */
export function swallowsPreposition(verb: Item | undefined, object: Item | undefined): boolean {
  if (!verb || !object) return false;
  return (table[verb.lemma] ?? []).some((r) => r.objects.includes(object.lemma));
}

const made = new WeakMap<LexEntry, Map<Sense, LexEntry>>();

/** The entry to use for the verb at i, given its object (or its passive subject); the lexicon's when no row fits. */
export function senseOf(items: readonly Item[], i: number, entry: LexEntry): LexEntry {
  const item = items[i];
  // "сказал журналистам" → "told journalists": a speech verb with a person in the dative.
  if (item && telling.has(item.lemma) && toWhom(items, i)) return derive(entry, tellingSense);
  if (item && attributes(items, i)) return derive(entry, saying);
  // "заявил о готовности" → "announced its readiness".
  if (item && reporting.has(item.lemma) && item.lemma.startsWith('заяв') && items[i + 1]?.lemma === 'о') return derive(entry, announcing);
  const rows = item ? table[item.lemma] : undefined;
  if (!item || !rows) return entry;
  const objects = objectsOf(items, i);
  // A "*" row wants the object itself right after the verb: "ждут решения", not "ждут от министерства…".
  const direct = objects[0] && items[items.indexOf(objects[0]) - 1]?.cat !== 'PREP' ? objects[0] : undefined;
  const sense = rows.find((r) => objects.some((o) => r.objects.includes(o.lemma)) || (r.objects[0] === '*' && direct !== undefined && direct.case !== 'nomn'));
  return sense ? derive(entry, sense) : entry;
}

/** Verbs that report what was said; after the statement they report, English says "said". */
const reporting = new Set(['сообщить', 'сообщать', 'заявить', 'заявлять']);
const saying: Sense = { objects: [], english: 'say', past: 'said', participle: 'said' };
const telling = new Set(['сказать', 'говорить', 'сообщить', 'сообщать', 'рассказать', 'рассказывать', 'заявить', 'заявлять']);
const tellingSense: Sense = { objects: [], english: 'tell', past: 'told', participle: 'told' };

/** A person in the dative right after the verb (or after its subject): whom it was said to. */
function toWhom(items: readonly Item[], i: number): boolean {
  for (let k = i + 1; k < items.length && k <= i + 3; k++) {
    const next = items[k] as Item;
    if (next.cat === 'PUNCT' || next.cat === 'PREP' || next.cat === 'CONJ') return false;
    if (next.cat === 'NOUN' && next.case === 'datv' && (next.animate || next.kind === 'name' || next.person)) return true;
  }
  return false;
}

const announcing: Sense = { objects: [], english: 'announce' };

/** "…, сообщил Росстат" → "…, Rosstat said": a reporting verb opening the clause after the statement. */
function attributes(items: readonly Item[], i: number): boolean {
  const item = items[i] as Item;
  if (!reporting.has(item.lemma) || item.cat !== 'VERB') return false;
  let k = i - 1;
  while (k >= 0 && items[k]?.cat !== 'PUNCT') {
    if (items[k]?.role !== 'subject' && items[k]?.cat !== 'NOUN' && items[k]?.cat !== 'ADJ') return false;
    k--;
  }
  if (k < 1 || !/^[,—–-]$/.test(items[k]?.source ?? '')) return false;
  // Nothing reported after it: the statement came before.
  for (let j = i + 1; j < items.length; j++) {
    const next = items[j] as Item;
    if (next.cat === 'CONJ' || next.cat === 'PREP' && next.lemma === 'о') return false;
    if (next.cat === 'PUNCT') return /^[.!?…]$/.test(next.source);
  }
  return true;
}

function derive(entry: LexEntry, sense: Sense): LexEntry {
  let byEntry = made.get(entry);
  if (!byEntry) {
    byEntry = new Map();
    made.set(entry, byEntry);
  }
  let derived = byEntry.get(sense);
  if (!derived) {
    const forms = new Map<string, string>();
    if (sense.past) forms.set('past', sense.past);
    if (sense.participle) forms.set('participle', sense.participle);
    derived = { ...entry, english: sense.english, forms, note: 'sense chosen by the object' };
    byEntry.set(sense, derived);
  }
  return derived;
}

/**
 * What the verb acts on: the accusative (or, for some verbs, genitive) noun after it in the clause; for a passive or
 * a participle, the subject or the noun it describes.
 */
function objectsOf(items: readonly Item[], i: number): Item[] {
  const item = items[i] as Item;
  const passive = item.cat === 'PRTS' || (item.cat === 'PRTF' && item.gram.has('pssv'));
  const found: Item[] = [];
  if (!passive) {
    // Nouns after the verb up to the end of its clause: "провести в колонии шесть лет", "выйти в полуфинал".
    for (let k = i + 1; k < items.length; k++) {
      const next = items[k] as Item;
      if (next.cat === 'PUNCT' || next.cat === 'VERB' || next.cat === 'CONJ') break;
      if (next.cat === 'NOUN' && next.kind !== 'number') found.push(next);
    }
    return found;
  }
  for (let k = i - 1; k >= 0; k--) {
    const before = items[k] as Item;
    if (before.cat === 'PUNCT' && before.source !== ',') break;
    if (before.cat === 'NOUN' && (before.role === 'subject' || item.cat === 'PRTF')) return [before];
  }
  for (let k = i + 1; k < items.length; k++) {
    const next = items[k] as Item;
    if (next.cat === 'PUNCT') break;
    if (next.cat === 'NOUN' && next.role === 'subject') return [next];
  }
  return found;
}
