import { clauseOf, inConditionalClause, nextVerbIsInfinitive } from './clauses.js';
import { antecedentOf } from './participles.js';
import { type Aspect, type Tense, conjugate, formsOf, ingForm, participleForm } from './conjugate.js';
import { be } from './english.js';
import type { Cat, Item } from './item.js';
import type { LexEntry } from './lexicon.js';
import { type State, takeNegation, withYet } from './state.js';

export const verbalCats = new Set<Cat>(['VERB', 'INFN', 'GRND', 'PRTF', 'PRTS']);

/** Negative words that carry the negation themselves: "никто не пришел" → "nobody came" (English has one negation). */
const negativeWords = new Set(['никто', 'ничто', 'ничего', 'никогда', 'нигде', 'никуда', 'никак', 'никакой', 'ни', 'нисколько', 'ничей']);
/** Their forms after a negated verb: "не сказал ничего" → "did not say anything". */
export const afterNegatedVerb: Record<string, string> = {
  никто: 'anybody', ничто: 'anything', ничего: 'anything', никогда: 'ever', нигде: 'anywhere', никуда: 'anywhere', никакой: 'any',
};

/** Time words that put a Russian present into the English progressive: "сейчас обсуждают" → "are discussing". */
const progressiveCues = new Set(['сейчас', 'теперь', 'пока', 'по-прежнему', 'продолжать', 'круглосуточно']);
/** English verbs that describe a process under way: the Russian present of these reads best as a progressive. */
const processVerbs = new Set(['grow', 'rise', 'fall', 'increase', 'decrease', 'decline', 'work', 'prepare', 'record', 'wait', 'build', 'develop', 'try', 'search', 'monitor', 'negotiate', 'approach', 'change', 'move', 'spread', 'recover', 'operate']);
/** Markers of a finished moment in the past: "подписано в 2019 году" → "was signed", not "has been signed". */
const pastTimeWords = new Set(['вчера', 'накануне', 'ранее', 'тогда', 'прошлый', 'позавчера']);
/** Verbs whose passive participle states a plan: "запланировано", "назначено на май" → "is planned". */
const planning = new Set(['запланировать', 'назначить', 'наметить', 'предусмотреть', 'приурочить', 'рассчитать']);

/** Verbs whose reported clause shifts back a tense after their past: "заявил, что будет" → "said it would". */
const reporting = new Set([
  'заявить', 'заявлять', 'сказать', 'сообщить', 'сообщать', 'отметить', 'отмечать', 'подчеркнуть', 'подчеркивать',
  'добавить', 'пояснить', 'напомнить', 'признать', 'указать', 'считать', 'полагать', 'выразить', 'предупредить',
  'уточнить', 'говорить', 'рассказать', 'написать', 'объявить', 'пообещать', 'обещать', 'выразить', 'убедиться',
]);

/** "не" before a verb changes the verb ("did not hold"); after a negative word it is dropped; elsewhere it is "not". */
export function negation(items: readonly Item[], i: number, state: State): string {
  const next = items[i + 1];
  const clause = clauseOf(items, i);
  const own = clause.indexOf(items[i] as Item);
  if (clause.slice(0, own).some((c) => negativeWords.has(c.lemma))) return '';
  if (next && (verbalCats.has(next.cat) || next.cat === 'ADJS') && next.entry) {
    state.negate = true;
    state.yet = items[i - 1]?.lemma === 'пока' && items[i - 1]?.cat === 'ADV';
    return '';
  }
  return 'not';
}

/**
 * "ни Москва, ни Анкара не подтвердили" → "neither Moscow nor Ankara confirmed" (the verb's "не" is dropped);
 * after a negated verb, "не назвал ни даты, ни места" → "did not name either the date or the place".
 */
export function neitherNor(items: readonly Item[], i: number): string | undefined {
  const pairs: number[] = [];
  for (let k = 0; k < items.length; k++) if (items[k]?.lemma === 'ни' && (items[k]?.cat === 'PRCL' || items[k]?.cat === 'CONJ')) pairs.push(k);
  const around = pairs.filter((k) => Math.abs(k - i) < 12);
  if (around.length < 2) return undefined;
  const first = around[0] === i;
  const verbNegatedBefore = negatedBefore(items, around[0] as number);
  if (verbNegatedBefore) return first ? 'either' : 'or';
  return first ? 'neither' : 'nor';
}

/** Whether the verb at i is negated and a negative word follows it: "не сказал ничего" → "anything". */
export function negatedBefore(items: readonly Item[], i: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    const item = items[k];
    if (!item || item.cat === 'PUNCT') return false;
    if (item.lemma === 'не') return true;
  }
  return false;
}

export function person(item: Item): 1 | 2 | 3 {
  if (item.gram.has('1per')) return 1;
  if (item.gram.has('2per')) return 2;
  return 3;
}

/** The tense a Russian finite form takes in English, with the sequence of tenses after a reporting verb in the past. */
function tenseOf(items: readonly Item[], i: number, item: Item): { tense: Tense; aspect: Aspect } {
  const shifted = isReported(items, i);
  if (item.gram.has('futr')) {
    // English uses the present after "if" and "when": "если он придет" → "if he comes".
    if (inConditionalClause(items, i)) return { tense: shifted ? 'past' : 'present', aspect: 'simple' };
    return { tense: shifted ? 'would' : 'future', aspect: 'simple' };
  }
  // "заявил, что стороны обсудили" → "said that the sides had discussed".
  if (item.gram.has('past')) return { tense: 'past', aspect: shifted && item.lemma !== 'быть' ? 'perfect' : 'simple' };
  const aspect: Aspect = progressive(items, i, item) ? 'progressive' : 'simple';
  return { tense: shifted ? 'past' : 'present', aspect };
}

function progressive(items: readonly Item[], i: number, item: Item): boolean {
  if (!item.gram.has('impf') || item.entry?.flags.has('modal')) return false;
  // "вопрос обсуждается" → "the issue is being discussed": a reflexive passive in the present is under way.
  if (item.entry?.flags.has('passive')) return true;
  const head = item.entry?.english.split(' ')[0] ?? '';
  if (head === 'be') return false;
  return processVerbs.has(head) || clauseOf(items, i).some((c) => progressiveCues.has(c.lemma) && c !== item);
}

/** A clause opened by "что" after a reporting verb in the past: "заявил, что переговоры будут…". */
function isReported(items: readonly Item[], i: number): boolean {
  let k = i - 1;
  while (k >= 0 && !(items[k]?.cat === 'CONJ' && items[k]?.lemma === 'что')) {
    const c = items[k]?.cat;
    if (c === 'PUNCT' && items[k]?.source !== ',') return false;
    if (c === 'VERB' && k < i) return false; // another finite verb of the same clause
    k--;
  }
  if (k < 0) return false;
  for (let j = k - 1; j >= 0; j--) {
    const item = items[j];
    if (!item || /^[.!?…]$/.test(item.source)) return false;
    if (item.cat === 'VERB') return reporting.has(item.lemma) && item.gram.has('past');
  }
  return false;
}

/** Whether the clause names a finished past moment: a date, a year, вчера, в прошлом году. */
function pastMoment(items: readonly Item[], i: number): boolean {
  return clauseOf(items, i).some((c) => (c.kind === 'number' && c.numberKind !== 'amount') || pastTimeWords.has(c.lemma));
}

export function finiteVerb(items: readonly Item[], i: number, item: Item, entry: LexEntry, state: State): string {
  const negate = takeNegation(state);
  const not = negate ? ' not' : '';
  const modal = entry.flags.has('modal');
  if (modal) state.bareInfinitive = true;
  // будет + infinitive is the analytic future: "будут обсуждать" → "will discuss".
  if (item.lemma === 'быть' && item.gram.has('futr') && nextVerbIsInfinitive(items, i)) {
    state.bareInfinitive = true;
    return `${isReported(items, i) ? 'would' : 'will'}${not}`;
  }
  const { tense, aspect } = tenseOf(items, i, item);
  const passive = item.voice === 'passive';
  const plural = item.subjectNumber ? item.subjectNumber === 'plur' : item.gram.has('plur');
  return withYet(state, conjugate(formsOf(entry), { tense, aspect, passive, person: person(item), plural, negate }));
}

/**
 * A full participle: passive ones are past participles ("signed in 2019"); an active one that opens a clause after
 * its noun becomes a relative clause in the past ("делегация, прибывшая в Баку" → "the delegation, which arrived in
 * Baku") or an -ing form in the present ("компании, работающие в регионе" → "companies operating in the region").
 */
export function fullParticiple(items: readonly Item[], i: number, item: Item, entry: LexEntry, state: State): string {
  const not = takeNegation(state) ? 'not ' : '';
  if (item.gram.has('pssv')) return `${not}${participle(entry)}`;
  const opensClause = item.postposed === true || (items[i - 1]?.source === ',' && !nounFollows(items, i));
  if (!opensClause || !item.gram.has('past')) return `${not}${presentParticiple(entry)}`;
  const antecedent = antecedentOf(items, i);
  const who = antecedent && (antecedent.animate || antecedent.person) ? 'who' : 'which';
  const verb = conjugate(formsOf(entry), { tense: 'past', aspect: 'simple', passive: false, person: 3, plural: item.gram.has('plur'), negate: not !== '' });
  return `${who} ${verb}`;
}

/** Whether a noun the participle agrees with follows it before the next punctuation (then it is attributive). */
function nounFollows(items: readonly Item[], i: number): boolean {
  const participle = items[i] as Item;
  for (let k = i + 1; k < items.length; k++) {
    const item = items[k] as Item;
    if (item.cat === 'PUNCT' || item.cat === 'VERB') return false;
    if (item.cat === 'NOUN' && item.case === participle.case && item.gram.has('plur') === participle.gram.has('plur') && !item.governed) return true;
  }
  return false;
}

/** A past participle: "signed". */
export function participle(entry: LexEntry): string {
  return participleForm(entry);
}

/** The -ing form: "holding". */
export function presentParticiple(entry: LexEntry): string {
  return ingForm(entry);
}

/**
 * A short passive participle: after быть only the participle ("был подписан" → "was signed"); on its own the
 * Russian states a result, which English gives as the present perfect ("подписано" → "has been signed"),
 * or as the past when the clause names a past moment ("подписано в 2019 году" → "was signed in 2019").
 */
export function shortParticiple(items: readonly Item[], i: number, item: Item, entry: LexEntry, state: State): string {
  const form = participle(entry);
  if (afterCopula(items, i)) {
    const not = takeNegation(state) ? 'not ' : '';
    return `${not}${form}`;
  }
  const negate = takeNegation(state);
  const plural = item.subjectNumber ? item.subjectNumber === 'plur' : item.gram.has('plur');
  const reported = isReported(items, i);
  // "запланировано на конец апреля" → "is scheduled": a plan stands in the present.
  const planned = planning.has(item.lemma) && clauseOf(items, i).some((c) => c.lemma === 'на' && c.cat === 'PREP');
  const finished = !item.gram.has('impf') && !planned;
  const tense: Tense = reported || (finished && pastMoment(items, i)) ? 'past' : 'present';
  const aspect: Aspect = finished && !(tense === 'past' && !reported) ? 'perfect' : 'simple';
  return withYet(state, conjugate({ head: 'be', rest: ` ${form}`, past: 'was', participle: 'been', third: 'is', ing: 'being', modal: false }, {
    tense, aspect, passive: false, person: 3, plural, negate,
  }));
}

/** Short adjectives: "готов" → "is ready"; modal "должен" → "must" (with "был" → "had to"). */
export function shortAdjective(items: readonly Item[], i: number, item: Item, entry: LexEntry, state: State): string {
  const short = entry.forms.get('short') ?? entry.english;
  if (!entry.flags.has('modal')) return withCopula(items, i, item, short, state);
  state.bareInfinitive = true;
  const not = takeNegation(state) ? ' not' : '';
  const next = items[i + 1];
  if (next?.lemma === 'быть' && next.cat === 'VERB') {
    state.skip.add(i + 1);
    if (next.gram.has('past')) return not ? 'did not have to' : 'had to';
    if (next.gram.has('futr')) return `will${not} have to`;
  }
  return `${short}${not}`;
}

/** Whether a form of быть/стать/являться/оказаться/остаться already stands before the predicate. */
function afterCopula(items: readonly Item[], i: number): boolean {
  let k = i - 1;
  while (items[k]?.lemma === 'не' || items[k]?.cat === 'ADV') k--;
  const before = items[k];
  return before !== undefined && ['быть', 'стать', 'являться', 'оказаться', 'остаться', 'становиться', 'оставаться'].includes(before.lemma) && (before.cat === 'VERB' || before.cat === 'INFN');
}

/** Adds "is"/"are" before a predicate unless a form of быть/стать/являться already stands before it. */
export function withCopula(items: readonly Item[], i: number, item: Item, predicate: string, state: State): string {
  const not = takeNegation(state) ? ' not' : '';
  if (afterCopula(items, i)) return `${not.trim()} ${predicate}`.trim();
  let k = i - 1;
  while (items[k]?.lemma === 'не' || items[k]?.cat === 'ADV') k--;
  const before = items[k];
  const plural = item.gram.has('plur');
  const subject = before?.cat === 'PRON' ? person(before) : 3;
  const copula = isReported(items, i) ? be.past(plural || before?.gram.has('plur') === true) : be.present(subject, plural || before?.gram.has('plur') === true);
  return `${copula}${not} ${predicate}`;
}

/** An infinitive: "to hold", bare after a modal or "will", "not to hold". */
export function infinitive(entry: LexEntry, state: State): string {
  const bare = state.bareInfinitive;
  state.bareInfinitive = false;
  const not = takeNegation(state) ? 'not ' : '';
  return entry.english && (bare ? `${not}${entry.english}` : `${not}to ${entry.english}`);
}

/** A gerund (деепричастие): "отметив" → "noting", "не дожидаясь" → "without waiting". */
export function gerund(entry: LexEntry, state: State): string {
  const without = takeNegation(state);
  return `${without ? 'without ' : ''}${ingForm(entry)}`;
}
