import type { Cat, Item } from './item.js';
import { type Discourse, articleFor, mention } from './articles.js';
import { countedAt } from './reorder.js';
import { verbalCats } from './verb-phrase.js';
import { clauseOf } from './clauses.js';

export const modifierCats = new Set<Cat>(['ADJ', 'PRTF', 'NUM']);

export interface NounPhrase {
  start: number;
  head: number;
}

/** Each noun and the adjectives, numerals and participles right before it that agree in case. */
export function nounPhrases(items: readonly Item[]): Map<number, NounPhrase> {
  const byStart = new Map<number, NounPhrase>();
  items.forEach((item, head) => {
    if (item.cat !== 'NOUN' || item.kind === 'number') return;
    let start = head;
    while (start > 0) {
      const before = items[start - 1];
      // "российские и азербайджанские военные": adjectives joined by "и" share the noun.
      const coordinated = before?.lemma === 'и' && start < head && items[start - 2] !== undefined && isModifierOf(items[start - 2] as Item, item);
      if (coordinated) {
        start -= 2;
        continue;
      }
      if (!before || !isModifierOf(before, item)) break;
      start--;
    }
    byStart.set(start, { start, head });
  });
  return byStart;
}

export function isModifierOf(modifier: Item, head: Item): boolean {
  if (modifier.kind === 'number') return (modifier.numberKind === 'amount' && !modifier.gram.has('measure')) || modifier.numberKind === 'ordinal';
  if (!modifierCats.has(modifier.cat) || modifier.kind === 'phrase') return false;
  if (!head.case || modifier.caseOptions.size === 0) return true;
  // Numerals govern the genitive of their noun: два вопроса, пять стран.
  return modifier.caseOptions.has(head.case) || modifier.cat === 'NUM';
}

/** Verbs whose Russian dative object is a plain English object: "рекомендовать жителям" → "advise residents". */
const directDative = new Set([
  'рекомендовать', 'порекомендовать', 'поручить', 'поручать', 'советовать', 'посоветовать', 'предложить', 'предлагать',
  'разрешить', 'разрешать', 'позволить', 'позволять', 'помочь', 'помогать', 'запретить', 'запрещать', 'приказать',
  'угрожать', 'звонить', 'позвонить', 'обещать', 'пообещать', 'мешать', 'помешать', 'сообщить', 'сообщать', 'сказать',
  'говорить', 'рассказать', 'рассказывать', 'ответить', 'отвечать', 'напомнить', 'напоминать', 'пожелать', 'желать',
  'грозить', 'доверять', 'противостоять', 'уступить', 'уступать', 'служить', 'стоить', 'вручить', 'вручать', 'показать',
  'объяснить', 'задать', 'представить', 'подарить', 'платить', 'заплатить', 'выплатить',
]);

/**
 * Words of a proper name: English capitalises each, Russian only the first ("Западного военного округа" →
 * "Western Military District"; "Государственная дума" → "State Duma" when the lexicon spells Duma with a capital).
 */
export function properNames(items: readonly Item[], phrases: ReadonlyMap<number, NounPhrase>): Set<number> {
  const out = new Set<number>();
  for (const np of phrases.values()) {
    const span = items.slice(np.start, np.head + 1);
    const head = items[np.head];
    if (!head || span.length < 2 || !span.every((i) => i.kind === 'word' || i.kind === 'phrase')) continue;
    const capitalHead = /^[A-Z]/.test(head.entry?.english ?? '') && !/^(the|a|an) /i.test(head.entry?.english ?? '');
    const capitalWord = span.some((i) => i.capitalised);
    if (!capitalHead && !capitalWord) continue;
    if (span.some((i) => i.entry?.flags.has('det') || i.gram.has('Apro') || i.cat === 'NUM')) continue;
    for (let k = np.start; k <= np.head; k++) out.add(k);
  }
  return out;
}

/** "western military district" → "Western Military District"; small words stay lower case. */
export function titleCase(text: string): string {
  return text.replace(/\p{L}[\p{L}'-]*/gu, (w, at: number) => (at > 0 && /^(of|the|and|for|on|in|a|an)$/.test(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)));
}

/** "of", "to", "by", an article, or nothing before a noun phrase's first English word. */
export function determiner(items: readonly Item[], np: NounPhrase, firstWord: string, discourse?: Discourse): string {
  const head = items[np.head];
  const prev = items[np.start - 1];
  if (!head) return '';
  const of = needsOf(head, prev, countedAt(items, np.start));
  const by = !of && isPassiveAgent(items, np, prev);
  const to = !of && !by && isIndirectObject(items, np, prev);
  const article = articleFor(items, np, prev, of || to, firstWord, discourse);
  mention(head, discourse);
  const link = of ? (between(items, np, prev) ? 'between' : 'of') : by ? 'by' : to ? 'to' : '';
  return [link, article].filter(Boolean).join(' ');
}

/** Nouns of relations between parties: "сотрудничество двух стран" → "cooperation between the two countries". */
const relations = new Set([
  'cooperation', 'partnership', 'relations', 'ties', 'trade', 'talks', 'dialogue', 'contacts', 'interaction', 'trust',
  'border', 'negotiations', 'consultations', 'agreement', 'treaty', 'meeting', 'match', 'game', 'conflict', 'war', 'friendship',
]);

function between(items: readonly Item[], np: NounPhrase, prev: Item | undefined): boolean {
  if (!prev || !relations.has(prev.entry?.english ?? '')) return false;
  const head = items[np.head];
  return head?.gram.has('plur') === true && items.slice(np.start, np.head).some((m) => m.lemma === 'два' || m.lemma === 'оба');
}

/** A dative noun phrase with no preposition: "способствовать укреплению" → "contribute to strengthening". */
function isIndirectObject(items: readonly Item[], np: NounPhrase, prev: Item | undefined): boolean {
  const head = items[np.head];
  if (head?.case !== 'datv' || head.kind === 'number' || !prev) return false;
  if (prev.cat === 'PREP' || prev.cat === 'PUNCT' || prev.cat === 'CONJ' || prev.cat === 'NUM') return false;
  // Right after the verb, a "tell"/"advise" verb's dative is its English object: "told reporters", "advised residents".
  const verb = verbBefore(items, np.start);
  return !(verb && directDative.has(verb.lemma) && (verbalCats.has(prev.cat) || prev === verb));
}

/** The nearest verb form before index `at` in the same clause. */
function verbBefore(items: readonly Item[], at: number): Item | undefined {
  for (let k = at - 1; k >= 0; k--) {
    const item = items[k];
    if (!item || item.cat === 'PUNCT' || item.cat === 'CONJ') return undefined;
    if (verbalCats.has(item.cat)) return item;
  }
  return undefined;
}

/** "подписан Герасимовым", "принят Государственной думой" → "by …": the instrumental in a passive clause. */
function isPassiveAgent(items: readonly Item[], np: NounPhrase, prev: Item | undefined): boolean {
  const head = items[np.head];
  if (head?.case !== 'ablt' || prev?.cat === 'PREP' || head.kind === 'number') return false;
  if (prev?.cat === 'NOUN' && prev.kind !== 'name' && prev.kind !== 'term' && !prev.gram.has('ablt')) return false;
  const clause = clauseOf(items, np.head);
  if (clause.some((item) => appointingVerbs.has(item.lemma))) return false;
  // Bare time words in the instrumental ("летом", "утром") are adverbs, not agents.
  if (timeInstrumentals.has(head.lemma)) return false;
  return clause.some((item) => item.cat === 'PRTS' || item.entry?.flags.has('passive'));
}

const timeInstrumentals = new Set(['лето', 'зима', 'весна', 'осень', 'утро', 'вечер', 'ночь', 'день', 'год', 'раз', 'образ', 'путь']);

const appointingVerbs = new Set(['назначить', 'назначать', 'избрать', 'избирать', 'утвердить', 'признать', 'признавать', 'считаться', 'являться', 'стать', 'становиться']);

/**
 * A genitive after a noun, or after a percentage ("1,7% ВВП"), gets "of"; so does an instrumental after a noun
 * that governs it ("командующий армией" → "commander of the army").
 */
function needsOf(head: Item, prev: Item | undefined, startsWithNumber = false): boolean {
  if (!prev) return false;
  if (prev.kind === 'number' && prev.fixed?.endsWith('%') && head.cat === 'NOUN' && head.role !== 'subject') return true;
  // "вызвал критику экспертов": a verb phrase ending in its object noun takes that noun's genitive.
  if (prev.kind === 'phrase' && verbalCats.has(prev.cat) && head.case === 'gent' && !head.person && prev.entry?.english.includes(' ')) return true;
  if (prev.cat !== 'NOUN' || prev.kind === 'number') return false;
  if (['hundred', 'thousand', 'million', 'billion', 'trillion'].includes(prev.entry?.english ?? '')) return false;
  // A counted phrase after a noun is its own phrase, not a genitive of it: "на проект 300 тыс. рублей".
  if (startsWithNumber) return false;
  if (head.case === 'ablt') return prev.kind === 'word' && !head.person && (prev.animate === true || /(ние|ство)$/.test(prev.lemma));
  if (head.case !== 'gent') return false;
  // Apposition, not possession: "министра обороны Гасанова" is the minister Gasanov.
  if (head.person && (prev.animate || prev.kind === 'term' || prev.kind === 'name')) return false;
  return true;
}
