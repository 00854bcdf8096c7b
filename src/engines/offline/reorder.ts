import type { Item } from './item.js';

/**
 * Russian word order → English: subject before its verb, object after it, adverbials out of the way.
 * Works on one stretch of a clause between punctuation marks and clause-opening conjunctions, in constituents:
 * noun phrases (with their genitives, appositions and coordinated parts), prepositional phrases, verb groups, adverbs.
 */
export function reorder(items: readonly Item[]): Item[] {
  const out: Item[] = [];
  let start = 0;
  for (let i = 0; i <= items.length; i++) {
    const item = items[i];
    if (item && (!isBoundary(item, i > start) || listComma(items, i))) continue;
    out.push(...reorderSpan(items.slice(start, i)));
    if (item && item.cat === 'PUNCT') {
      out.push(item);
      start = i + 1;
    } else {
      start = i;
    }
  }
  return out;
}

/**
 * A comma inside a list of noun phrases ending in "и": "школьники, студенты и сотрудники" is one subject, so the
 * comma does not end the stretch that word order works on.
 */
function listComma(items: readonly Item[], i: number): boolean {
  if (items[i]?.source !== ',') return false;
  const before = items[i - 1];
  if (before?.cat !== 'NOUN' || before.kind === 'number' || !before.case) return false;
  const c = before.case;
  let sawList = false;
  for (let k = i + 1; k < items.length; k++) {
    const item = items[k] as Item;
    if (item.cat === 'ADJ' || item.cat === 'NUM' || item.cat === 'PRTF') continue;
    if (item.cat === 'NOUN') {
      if (item.case !== c && !sawList) return false;
      sawList = true;
      continue;
    }
    if (item.source === ',') continue;
    return item.cat === 'CONJ' && item.lemma === 'и' && items[k + 1] !== undefined && sameCaseAhead(items, k + 1, c);
  }
  return false;
}

function sameCaseAhead(items: readonly Item[], from: number, c: string): boolean {
  for (let k = from; k < items.length; k++) {
    const item = items[k] as Item;
    if (item.cat === 'ADJ' || item.cat === 'NUM' || item.cat === 'PRTF') continue;
    return item.cat === 'NOUN' && item.case === c;
  }
  return false;
}

function isBoundary(item: Item, inside: boolean): boolean {
  if (item.cat === 'PUNCT') return true;
  return inside && item.cat === 'CONJ' && !['и', 'или', 'либо', 'ни'].includes(item.lemma);
}

type Kind = 'np' | 'pp' | 'verb' | 'adv' | 'other';

interface Constituent {
  kind: Kind;
  items: Item[];
  /** The noun phrase's head (for a prepositional phrase, its object's head). */
  head?: Item;
  /** A date, time, weekday or time adverb: may open the sentence in English. */
  time?: boolean;
}

/** Adverbs English puts at the end of the clause: "впервые стала" → "became … for the first time". */
const trailingAdverbs = new Set(['впервые', 'вновь', 'снова', 'неоднократно', 'вдвое', 'втрое']);

/** Nouns that make a prepositional phrase an adverbial of time: "в прошлом году", "на этой неделе". */
const timeNouns = new Set([
  'год', 'месяц', 'неделя', 'день', 'сутки', 'час', 'минута', 'утро', 'вечер', 'ночь', 'время', 'период', 'понедельник',
  'вторник', 'среда', 'четверг', 'пятница', 'суббота', 'воскресенье', 'январь', 'февраль', 'март', 'апрель', 'май', 'июнь',
  'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь', 'весна', 'лето', 'осень', 'зима', 'квартал', 'полугодие',
  'неделя', 'выходные', 'итог', 'начало', 'конец', 'середина',
]);
const timeAdverbs = new Set([
  'вчера', 'сегодня', 'завтра', 'затем', 'ранее', 'позже', 'позднее', 'сейчас', 'теперь', 'недавно', 'накануне', 'впоследствии',
  'потом', 'тогда', 'летом', 'зимой', 'весной', 'осенью', 'утром', 'вечером', 'ночью', 'днем', 'ежегодно', 'ежедневно',
  'впервые', 'вновь', 'снова', 'неоднократно',
]);

function reorderSpan(span: Item[]): Item[] {
  if (span.length < 2) return span;
  const parts = constituents(span);
  if (!parts.some((c) => c.kind === 'verb')) return span;
  const moved = applyRules(parts);
  const flat = moved.flatMap((c) => c.items);
  if (flat.every((item, k) => item === span[k])) return span;
  // The words traded places: the span keeps its leading whitespace, the rest are single-spaced.
  return flat.map((item, k) => {
    const spaceBefore = k === 0 ? (span[0]?.spaceBefore ?? '') : item === span[0] ? ' ' : item.spaceBefore;
    return spaceBefore === item.spaceBefore ? item : { ...item, spaceBefore };
  });
}

function applyRules(parts: Constituent[]): Constituent[] {
  let list = [...parts];
  for (const verb of parts.filter((c) => c.kind === 'verb')) {
    for (const rule of [subjectFirst, frontedObject, pronounAfterVerb, adverbialsAfterVerb, objectBeforeAdverbials, directBeforeIndirect]) {
      list = rule(list, list.indexOf(verb));
    }
  }
  return list;
}

const isSubject = (c: Constituent | undefined) => c?.kind === 'np' && c.head?.role === 'subject';
const isObject = (c: Constituent | undefined) =>
  c?.kind === 'np' && (!c.time || isCounted(c)) && c.head?.role !== 'subject' && c.head?.kind !== 'number' &&
  (c.head?.case === 'accs' || (c.head?.case === 'gent' && isCounted(c)));

/** "шесть лет", "40 мероприятий": a counted phrase stands in the genitive even as an object. */
function isCounted(c: Constituent): boolean {
  return countedAt(c.items, 0);
}

/** A numeral in the nominative or accusative (which puts its noun in the genitive) or an amount starts here. */
export function countedAt(items: readonly Item[], k: number): boolean {
  const first = items[k];
  if (!first) return false;
  if (first.kind === 'number') return first.numberKind === 'amount';
  if (quantifiers.has(first.lemma) && isQuantity(items[k + 1])) return true;
  return first.cat === 'NUM' && (first.case === 'nomn' || first.case === 'accs');
}

/**
 * "состоялись переговоры" → "переговоры состоялись"; with an object before the verb, "этот вопрос обсудили министры"
 * → "министры обсудили этот вопрос"; a place adverbial that opened the clause goes to its end:
 * "в Москве состоялись переговоры" → "the talks took place in Moscow".
 */
function subjectFirst(list: Constituent[], v: number): Constituent[] {
  // "Готовы ли вы…?" → "ли вы готовы" ("whether you are ready" in a reported question, "you are ready?" in a direct one).
  const particle = list[v + 1]?.items[0]?.lemma === 'ли' ? list[v + 1] : undefined;
  if (particle) {
    const s = list.findIndex((c, k) => k > v + 1 && isSubject(c));
    if (s < 0) return list;
    return [...list.slice(0, v), particle, list[s] as Constituent, list[v] as Constituent, ...list.slice(v + 2, s), ...list.slice(s + 1)];
  }
  const s = list.findIndex((c, k) => k > v && isSubject(c));
  if (s < 0) return list;
  // Only across noun phrases and adverbials of this verb: not past another verb.
  if (list.slice(v + 1, s).some((c) => c.kind === 'verb')) return list;
  const verb = list[v] as Constituent;
  const before = list.slice(0, v);
  const between = list.slice(v + 1, s);
  // "стала команда из Санкт-Петербурга": a phrase with из right after the subject describes it and moves with it.
  const from = list[s + 1]?.kind === 'pp' && list[s + 1]?.items[0]?.lemma === 'из' ? 1 : 0;
  const subject: Constituent = from ? { ...(list[s] as Constituent), items: [...(list[s] as Constituent).items, ...(list[s + 1] as Constituent).items] } : (list[s] as Constituent);
  const after = list.slice(s + 1 + from);
  // The object, or with стать/являться the instrumental predicate: "чемпионом стала команда" → "the team became champion",
  // or the instrumental object of командовать: "отрядом командует капитан" → "the captain commands the detachment".
  const objectAt = before.findIndex(
    (c) => (isObject(c) && verbTakesObject(verb)) || (isPredicative(c) && (isCopula(verb) || governsInstrumental(verb))),
  );
  const object = objectAt >= 0 ? before.splice(objectAt, 1) : [];
  // Prepositional phrases that opened the clause follow it, times excepted: "В Москве состоялись переговоры" →
  // "the talks took place in Moscow", but "Во вторник состоялись переговоры" → "on Tuesday the talks took place".
  // A relative pronoun and its preposition stay first: "с которым встретился президент" → "with whom the president met".
  const trails = (c: Constituent) =>
    (c.kind === 'adv' && trailingAdverbs.has(c.items[0]?.lemma ?? '')) ||
    (!c.time && !c.items.some((i) => i.lemma === 'который') && (c.kind === 'pp' || (c.kind === 'adv' && c.items[0]?.kind === 'phrase')));
  const kept = before.filter((c) => !trails(c));
  const trailing = before.filter(trails);
  return [...kept, subject, verb, ...object, ...between, ...after, ...trailing];
}

/** "Резервы фонда мы сохраняем" → "we preserve the reserves of the fund": an object before the subject goes after the verb. */
function frontedObject(list: Constituent[], v: number): Constituent[] {
  const s = list.slice(0, v).findLastIndex(isSubject);
  if (s < 1) return list;
  const o = list.slice(0, s).findIndex((c) => isObject(c) || (isPredicative(c) && governsInstrumental(list[v])));
  if (o < 0 || (!verbTakesObject(list[v]) && !governsInstrumental(list[v]))) return list;
  const object = list[o] as Constituent;
  const rest = list.filter((_, k) => k !== o);
  const verbAt = rest.indexOf(list[v] as Constituent);
  return [...rest.slice(0, verbAt + 1), object, ...rest.slice(verbAt + 1)];
}

/** "мы его рассмотрим" → "we will consider it", "он ничего не сказал" → "he said nothing": object pronouns follow the verb. */
function pronounAfterVerb(list: Constituent[], v: number): Constituent[] {
  const before = list[v - 1];
  const head = before?.head;
  if (before?.kind !== 'np' || before.items.length !== 1 || head?.cat !== 'PRON' || head.role === 'subject') return list;
  if (head.case !== 'accs' && head.case !== 'gent' && head.case !== 'datv') return list;
  return [...list.slice(0, v - 1), list[v] as Constituent, before, ...list.slice(v + 1)];
}

/** "Министр во вторник посетил Баку" → "the minister visited Baku on Tuesday": phrases between subject and verb go last. */
function adverbialsAfterVerb(list: Constituent[], v: number): Constituent[] {
  const s = list.slice(0, v).findLastIndex(isSubject);
  if (s < 0) return list;
  const between = list.slice(s + 1, v);
  // Only times: a place or other phrase right after the subject usually belongs to it ("встреча с министром прошла").
  if (between.length === 0 || !between.every((c) => c.time)) return list;
  return [...list.slice(0, s + 1), ...list.slice(v), ...between];
}

/** "провел в Баку переговоры" → "held talks in Baku": the direct object comes right after its verb. */
function objectBeforeAdverbials(list: Constituent[], v: number): Constituent[] {
  if (!verbTakesObject(list[v])) return list;
  let k = v + 1;
  const skippable = (c: Constituent | undefined) =>
    c?.kind === 'pp' || (c?.kind === 'adv' && c.items[0]?.kind === 'phrase') || (c?.kind === 'np' && c.time && !isCounted(c));
  while (skippable(list[k])) k++;
  if (k === v + 1 || !isObject(list[k])) return list;
  // A prepositional phrase right after the object goes with it: "одобрила в первом чтении поправки в бюджет".
  const take = list[k + 1]?.kind === 'pp' && !list[k + 1]?.time ? 2 : 1;
  return [...list.slice(0, v + 1), ...list.slice(k, k + take), ...list.slice(v + 1, k), ...list.slice(k + take)];
}

/** "передал Алиеву письмо" → "handed the letter to Aliyev": the dative recipient after the direct object. */
function directBeforeIndirect(list: Constituent[], v: number): Constituent[] {
  const dative = list[v + 1];
  const object = list[v + 2];
  if (dative?.kind !== 'np' || dative.head?.case !== 'datv' || !isObject(object)) return list;
  return [...list.slice(0, v + 1), object as Constituent, dative, ...list.slice(v + 3)];
}

const copulas = new Set(['стать', 'становиться', 'являться', 'оказаться', 'оказываться', 'остаться', 'оставаться', 'считаться', 'быть']);

/** Verbs whose object is instrumental: "командует отрядом", "руководит штабом". */
const instrumentalVerbs = new Set(['командовать', 'руководить', 'управлять', 'заниматься', 'владеть', 'обладать', 'располагать', 'интересоваться', 'гордиться', 'пользоваться', 'воспользоваться']);

function governsInstrumental(verb: Constituent | undefined): boolean {
  return verb?.items.some((i) => instrumentalVerbs.has(i.lemma)) === true;
}

function isCopula(verb: Constituent | undefined): boolean {
  return verb?.items.some((i) => copulas.has(i.lemma)) === true;
}

function isPredicative(c: Constituent | undefined): boolean {
  return c?.kind === 'np' && c.head?.case === 'ablt' && c.head.role !== 'subject';
}

function verbTakesObject(verb: Constituent | undefined): boolean {
  const main = verb?.items.findLast((i) => i.cat === 'VERB' || i.cat === 'INFN' || i.cat === 'GRND');
  return main !== undefined && !main.gram.has('intr') && main.entry?.flags.has('passive') !== true && main.entry?.flags.has('intr') !== true;
}

const nominalItem = (i: Item | undefined) => i !== undefined && (i.cat === 'NOUN' || i.cat === 'PRON' || i.kind === 'number');
const modifier = (i: Item | undefined) => i !== undefined && (i.cat === 'ADJ' || i.cat === 'PRTF' || i.cat === 'NUM') && i.kind !== 'phrase';
const quantifiers = new Set(['более', 'менее', 'около', 'свыше', 'почти', 'примерно', 'порядка']);

/** A number or a numeral word: what "более", "около" quantify ("более 40", "более двух тонн"). */
export function isQuantity(item: Item | undefined): boolean {
  return item !== undefined && ((item.kind === 'number' && item.numberKind === 'amount') || item.cat === 'NUM');
}

/** Splits a span into constituents, left to right. */
function constituents(span: Item[]): Constituent[] {
  const out: Constituent[] = [];
  let k = 0;
  while (k < span.length) {
    const item = span[k] as Item;
    const quantifier = quantifiers.has(item.lemma) && isQuantity(span[k + 1]);
    if (item.cat === 'PREP' && !quantifier) {
      const np = nounPhraseAt(span, k + 1);
      const end = np ? np.end : k + 1;
      out.push({ kind: 'pp', items: span.slice(k, end), head: np?.head, time: np?.time });
      k = end;
      continue;
    }
    const np = nounPhraseAt(span, k);
    if (np) {
      out.push({ kind: 'np', items: span.slice(k, np.end), head: np.head, time: np.time });
      k = np.end;
      continue;
    }
    const verbEnd = verbGroupAt(span, k);
    if (verbEnd > k) {
      out.push({ kind: 'verb', items: span.slice(k, verbEnd) });
      k = verbEnd;
      continue;
    }
    if (item.cat === 'ADV') {
      out.push({ kind: 'adv', items: [item], time: timeAdverbs.has(item.lemma) });
      k++;
      continue;
    }
    out.push({ kind: 'other', items: [item] });
    k++;
  }
  return out;
}

/** A noun phrase from k: quantifier, modifiers, head, then genitives, names in apposition and "и" + a like phrase. */
function nounPhraseAt(span: readonly Item[], from: number): { end: number; head: Item; time: boolean } | undefined {
  let k = from;
  if (quantifiers.has(span[k]?.lemma ?? '') && isQuantity(span[k + 1])) k++;
  while (modifier(span[k]) || (span[k]?.cat === 'ADV' && span[k]?.kind === 'word' && modifier(span[k + 1]))) k++;
  const head = span[k];
  // "по которой семьи…": the relative pronoun heads its own phrase.
  if (span[k - 1]?.lemma === 'который' && k > from) return { end: k, head: span[k - 1] as Item, time: false };
  if (!nominalItem(head) || !head) return undefined;
  // A number that is an amount heads nothing by itself when its noun follows: "40 мероприятий".
  let end = k + 1;
  let realHead = head;
  if (head.kind === 'number' && head.numberKind === 'amount' && nominalItem(span[end]) && span[end]?.kind !== 'number') {
    realHead = span[end] as Item;
    end++;
  }
  const time = head.kind === 'number' ? head.numberKind !== 'amount' : timeNouns.has(realHead.lemma) && realHead.case !== 'nomn';
  // Pronouns take no genitive or apposition: "он ничего не сказал".
  for (; realHead.cat !== 'PRON'; ) {
    const next = span[end];
    if (!next) break;
    // Genitive dependents and names in apposition belong to the phrase: "план сотрудничества", "министр Лавров".
    const dependent = nounPhraseAt(span, end);
    const attached = dependent && dependent.head.cat !== 'PRON' && dependent.head.role !== 'subject' && !countedAt(span, end);
    if (dependent && attached && (dependent.head.case === 'gent' || dependent.head.kind === 'name' || dependent.head.kind === 'term')) {
      end = dependent.end;
      continue;
    }
    // "Россия и Китай", "школьники, студенты и сотрудники": a coordinated phrase in the same case.
    if ((next.cat === 'CONJ' && next.lemma === 'и') || next.source === ',') {
      const other = nounPhraseAt(span, end + 1);
      if (other && other.head.case === realHead.case && realHead.case !== undefined) {
        end = other.end;
        continue;
      }
    }
    break;
  }
  return { end, head: realHead, time };
}

/** A verb group from k: "не", "был", a modal, the verb or short form, and infinitives depending on it. */
function verbGroupAt(span: readonly Item[], from: number): number {
  let k = from;
  // Short adverbs stand before the English verb too ("also", "already"); "for the first time" does not.
  while (span[k]?.lemma === 'не' || (span[k]?.cat === 'ADV' && span[k]?.kind === 'word' && !span[k]?.entry?.english.includes(' ') && isVerbal(span[k + 1]))) k++;
  if (!isVerbal(span[k])) return from;
  k++;
  // "должен был прибыть", "будут обсуждать", "может быть подписан", "не смог не отметить".
  while (isVerbal(span[k]) || ((span[k]?.lemma === 'не' || span[k]?.cat === 'ADV') && span[k]?.kind === 'word' && span[k + 1]?.cat === 'INFN')) {
    const item = span[k] as Item;
    if ((item.cat === 'VERB' || item.cat === 'PRTS') && item.lemma !== 'быть' && span[k - 1]?.lemma !== 'быть') break;
    k++;
  }
  return k;
}

function isVerbal(item: Item | undefined): boolean {
  return item !== undefined && ['VERB', 'INFN', 'PRTS', 'ADJS', 'GRND'].includes(item.cat) && item.kind !== 'number';
}
