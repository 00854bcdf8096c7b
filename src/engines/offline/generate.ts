import type { Cat, Item } from './analyse.js';
import { be, indefiniteArticle, inflectFirst, ingOf, pastOf, pluralOf, thirdPersonOf } from './english.js';
import type { LexEntry } from './lexicon.js';
import { subjectsFirst } from './reorder.js';
import { capitalise } from './transliterate.js';

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

/** Before a number: "более 500" → "more than 500". */
const comparatives: Record<string, string> = { более: 'more than', менее: 'less than', больше: 'more than', меньше: 'less than' };

const verbalCats = new Set<Cat>(['VERB', 'INFN', 'GRND', 'PRTF', 'PRTS']);
const modifierCats = new Set<Cat>(['ADJ', 'PRTF', 'NUM']);

interface NounPhrase {
  start: number;
  head: number;
}

interface State {
  /** The previous word was "не". */
  negate: boolean;
  /** The previous verb was a modal or "will": the next infinitive has no "to". */
  bareInfinitive: boolean;
  /** A numeral (not one) or "несколько" came before: the next noun is plural in English. */
  pluralNext: boolean;
  /** Items already rendered together with an earlier one. */
  skip: Set<number>;
}

/** English for analysed items: one pass left to right, noun phrases found first so articles go before adjectives. */
export function generate(source: readonly Item[]): string {
  const items = subjectsFirst(source);
  const phrases = nounPhrases(items);
  const state: State = { negate: false, bareInfinitive: false, pluralNext: false, skip: new Set() };
  const words: { text: string; item: Item }[] = [];
  /** A noun phrase whose first item rendered nothing (самый): its "of"/article go before the next word. */
  let pending: NounPhrase | undefined;
  items.forEach((item, i) => {
    if (state.skip.has(i)) return;
    let text = render(items, i, state);
    const np = phrases.get(i) ?? (pending && i <= pending.head ? pending : undefined);
    pending = np && !text ? np : undefined;
    if (np && text) text = [determiner(items, np, text), text].filter(Boolean).join(' ');
    if (item.cat === 'PUNCT') {
      state.negate = false;
      state.bareInfinitive = false;
      state.pluralNext = false;
    }
    words.push({ text, item });
  });
  return join(words);
}

/** Each noun and the adjectives, numerals and participles right before it that agree in case. */
function nounPhrases(items: readonly Item[]): Map<number, NounPhrase> {
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

function isModifierOf(modifier: Item, head: Item): boolean {
  if (modifier.kind === 'number') return modifier.numberKind === 'amount' || modifier.numberKind === 'ordinal';
  if (!modifierCats.has(modifier.cat) || modifier.kind === 'phrase') return false;
  if (!head.case || modifier.caseOptions.size === 0) return true;
  // Numerals govern the genitive of their noun: два вопроса, пять стран.
  return modifier.caseOptions.has(head.case) || modifier.cat === 'NUM';
}

/** "of", an article, both or nothing before a noun phrase's first English word. */
function determiner(items: readonly Item[], np: NounPhrase, firstWord: string): string {
  const head = items[np.head];
  const prev = items[np.start - 1];
  if (!head) return '';
  const of = needsOf(head, prev);
  const by = !of && isPassiveAgent(items, np, prev);
  const to = !of && !by && isIndirectObject(head, prev);
  const article = articleFor(items, np, prev, of || to, firstWord);
  return [of ? 'of' : '', by ? 'by' : '', to ? 'to' : '', article].filter(Boolean).join(' ');
}

/** A dative noun phrase with no preposition: "способствовать укреплению" → "contribute to strengthening". */
function isIndirectObject(head: Item, prev: Item | undefined): boolean {
  if (head.case !== 'datv' || head.kind === 'number' || !prev) return false;
  return prev.cat !== 'PREP' && prev.cat !== 'PUNCT' && prev.cat !== 'CONJ' && prev.cat !== 'NUM';
}

/** "подписан Герасимовым" → "signed by Gerasimov": a person in the instrumental in a passive clause. */
function isPassiveAgent(items: readonly Item[], np: NounPhrase, prev: Item | undefined): boolean {
  const head = items[np.head];
  if (head?.case !== 'ablt' || (head.kind !== 'name' && head.kind !== 'term') || prev?.cat === 'PREP') return false;
  return clauseOf(items, np.head).some((item) => item.cat === 'PRTS' || item.entry?.flags.has('passive'));
}

/** The items between the punctuation marks around index i. */
function clauseOf(items: readonly Item[], i: number): Item[] {
  let start = i;
  while (start > 0 && items[start - 1]?.cat !== 'PUNCT') start--;
  let end = i;
  while (end < items.length && items[end]?.cat !== 'PUNCT') end++;
  return items.slice(start, end);
}

/** "Это важный шаг" → "This is an important step": это opening a clause that has no verb of its own. */
function isPresentingThis(items: readonly Item[], i: number): boolean {
  const item = items[i];
  if (item?.lemma !== 'это' || (item.cat !== 'PRON' && item.cat !== 'PRCL')) return false;
  const before = items[i - 1];
  if (before && before.cat !== 'PUNCT' && before.cat !== 'CONJ') return false;
  const clause = clauseOf(items, i);
  if (clause.some((c) => c.cat === 'VERB' || c.cat === 'PRTS' || c.cat === 'ADJS')) return false;
  const next = items[i + 1];
  return next !== undefined && (next.cat === 'NOUN' || next.cat === 'ADJ') && (next.case === 'nomn' || next.kind === 'term');
}

/** A simple genitive chain: a genitive noun phrase right after a noun gets "of". */
function needsOf(head: Item, prev: Item | undefined): boolean {
  if (head.case !== 'gent' || !prev || prev.cat !== 'NOUN' || prev.kind === 'number') return false;
  // Apposition, not possession: "министра обороны Гасанова" is the minister Gasanov.
  if (head.person && (prev.animate || prev.kind === 'term' || prev.kind === 'name')) return false;
  return true;
}

function articleFor(items: readonly Item[], np: NounPhrase, prev: Item | undefined, of: boolean, firstWord: string): string {
  const head = items[np.head];
  const english = head?.entry?.english ?? '';
  if (!head || (head.kind !== 'word' && head.kind !== 'phrase') || !english) return '';
  if (/^[A-Z]/.test(english) || /^(the|a|an) /.test(english) || head.entry?.flags.has('mass')) return '';
  if (head.entry?.pos === 'PHRASE') return '';
  for (let k = np.start; k < np.head; k++) {
    const m = items[k];
    if (!m) continue;
    if (m.kind === 'number' && m.numberKind !== 'ordinal') return '';
    if (m.lemma === 'самый') continue;
    if (m.cat === 'NUM' || m.entry?.flags.has('det') || m.entry?.flags.has('many') || m.gram.has('Apro')) return '';
  }
  // Superlatives are definite: "самый высокий уровень", "крупнейший партнер" → "the highest level", "the largest partner".
  if (items.slice(np.start, np.head).some((m) => m.lemma === 'самый' || m.gram.has('Supr'))) return 'the';
  const clauseStart = !prev || prev.cat === 'PUNCT' || prev.cat === 'CONJ';
  // Plurals take no article, except subjects (opening a clause or before their verb): "Стороны обсудили" → "The sides discussed".
  if (head.gram.has('plur')) return head.case === 'nomn' && (clauseStart || items[np.head + 1]?.cat === 'VERB') ? 'the' : '';
  if (prev?.cat === 'PREP' || of) return 'the';
  if (head.case === 'accs' && prev && verbalCats.has(prev.cat)) return indefiniteArticle(firstWord);
  if (head.case === 'nomn' && prev && isPresentingThis(items, np.start - 1)) return indefiniteArticle(firstWord);
  return head.case === 'nomn' ? 'the' : '';
}

function render(items: readonly Item[], i: number, state: State): string {
  const item = items[i];
  if (!item) return '';
  if (item.kind === 'punct') return item.source;
  if (item.fixed !== undefined) {
    if (item.kind === 'number') {
      if (item.numberKind === 'amount') state.pluralNext = item.value !== 1;
      return datePrefix(items, i) + item.fixed;
    }
    if (item.cat === 'NOUN') state.pluralNext = false;
    return item.fixed;
  }
  const entry = item.entry;
  if (!entry) return item.source;
  const text = renderEntry(items, i, item, entry, state);
  if (item.upper) return text.toUpperCase();
  // A capital in mid-sentence marks a proper name (Генерального штаба); "the US" keeps its article lower case.
  return item.capitalised && !/^(the|a|an) /.test(text) ? capitalise(text) : text;
}

function renderEntry(items: readonly Item[], i: number, item: Item, entry: LexEntry, state: State): string {
  const english = entry.english;
  switch (item.cat) {
    case 'NOUN': {
      const plural = (item.gram.has('plur') || state.pluralNext) && (entry.forms.has('plural') || !/^[A-Z]/.test(english));
      state.pluralNext = false;
      return plural ? (entry.forms.get('plural') ?? pluralOf(english)) : english;
    }
    case 'ADJ':
      // "самый высокий" → "highest": самый itself is left out when the next adjective has a superlative.
      if (item.lemma === 'самый' && items[i + 1]?.entry?.forms.has('superlative')) return '';
      if (items[i - 1]?.lemma === 'самый' && entry.forms.has('superlative')) return entry.forms.get('superlative') ?? english;
      if (item.gram.has('Supr')) return entry.forms.get('superlative') ?? `most ${english}`;
      if (item.gram.has('plur') && entry.forms.has('plural')) return entry.forms.get('plural') ?? english;
      return english;
    case 'COMP':
      return entry.forms.get('comparative') ?? `more ${english}`;
    case 'ADJS':
      return shortAdjective(items, i, item, entry, state);
    case 'PRTS':
      // "Соглашение подписано" → "The agreement is signed": Russian states the result, so the present fits.
      return withCopula(items, i, item, participle(entry), state);
    case 'VERB':
      return finiteVerb(items, i, item, entry, state);
    case 'INFN': {
      const bare = state.bareInfinitive;
      state.bareInfinitive = false;
      const not = takeNegation(state) ? 'not ' : '';
      return english && (bare ? `${not}${english}` : `${not}to ${english}`);
    }
    case 'GRND': {
      const not = takeNegation(state) ? 'not ' : '';
      return `${not}${item.gram.has('perf') ? `having ${participle(entry)}` : inflectFirst(english, (w) => entry.forms.get('ing') ?? ingOf(w))}`;
    }
    case 'PRTF':
      return item.gram.has('pssv') ? participle(entry) : inflectFirst(english, (w) => entry.forms.get('ing') ?? ingOf(w));
    case 'PRON':
      if (isPresentingThis(items, i)) return 'this is';
      return item.case && item.case !== 'nomn' ? (entry.forms.get('obj') ?? english) : english;
    case 'NUM':
      if (entry.flags.has('many') || Number(entry.forms.get('value') ?? 1) !== 1) state.pluralNext = true;
      return english;
    case 'PREP':
      return preposition(items, i, entry);
    case 'ADV':
      if (comparatives[item.lemma] && items[i + 1]?.kind === 'number') return comparatives[item.lemma] ?? english;
      return english;
    case 'PRCL':
      if (item.lemma === 'не') return negation(items, i, state);
      if (isPresentingThis(items, i)) return 'this is';
      return english;
    default:
      return english;
  }
}

/** A date or year without a preposition takes the one English needs: "состоялся 10 июля" → "took place on July 10". */
function datePrefix(items: readonly Item[], i: number): string {
  const item = items[i];
  const before = items[i - 1];
  // After its own preposition, or in apposition after a comma ("во вторник, 26 ноября"), a date needs nothing.
  if (before?.cat === 'PREP' || (before?.cat === 'PUNCT' && !/^[.!?…]+$/.test(before.source))) return '';
  if (item?.numberKind === 'date') return 'on ';
  // "в 2017 году" without its в, not "2017 год" as a subject.
  if (item?.numberKind === 'year' && (item.case === 'loct' || item.case === undefined)) return 'in ';
  return '';
}

/** "не" before a verb changes the verb ("did not hold"); elsewhere it is "not". */
function negation(items: readonly Item[], i: number, state: State): string {
  const next = items[i + 1];
  if (next && (verbalCats.has(next.cat) || next.cat === 'ADJS') && next.entry) {
    state.negate = true;
    return '';
  }
  return 'not';
}

function takeNegation(state: State): boolean {
  const negate = state.negate;
  state.negate = false;
  return negate;
}

function participle(entry: LexEntry): string {
  return inflectFirst(entry.english, (w) => entry.forms.get('participle') ?? entry.forms.get('past') ?? pastOf(w));
}

function isBe(english: string): boolean {
  return english === 'be' || english.startsWith('be ');
}

function person(item: Item): 1 | 2 | 3 {
  if (item.gram.has('1per')) return 1;
  if (item.gram.has('2per')) return 2;
  return 3;
}

function finiteVerb(items: readonly Item[], i: number, item: Item, entry: LexEntry, state: State): string {
  const english = entry.english;
  const negate = takeNegation(state);
  const not = negate ? ' not' : '';
  const plural = item.gram.has('plur');
  const modal = entry.flags.has('modal');
  const rest = english.includes(' ') ? english.slice(english.indexOf(' ')) : '';
  if (modal) state.bareInfinitive = true;

  // English uses the present after "if" and "when": "если он придет" → "if he comes".
  if (item.gram.has('futr') && !(item.lemma === 'быть' && nextVerbIsInfinitive(items, i)) && inConditionalClause(items, i)) {
    const third = !plural && person(item) === 3;
    if (isBe(english)) return `${be.present(person(item), plural)}${not}${rest}`;
    if (negate) return `${third ? 'does' : 'do'} not ${english}`;
    return third ? inflectFirst(english, (w) => entry.forms.get('third') ?? thirdPersonOf(w)) : english;
  }
  if (item.gram.has('futr')) {
    // будет + infinitive is the analytic future: "будут обсуждать" → "will discuss".
    if (item.lemma === 'быть' && nextVerbIsInfinitive(items, i)) {
      state.bareInfinitive = true;
      return `will${not}`;
    }
    return `will${not} ${english}`;
  }
  if (item.gram.has('past')) {
    if (isBe(english)) return `${be.past(plural)}${not}${rest}`;
    const past = inflectFirst(english, (w) => entry.forms.get('past') ?? pastOf(w));
    if (!negate) return past;
    return modal ? `${past.split(' ')[0]} not${rest}` : `did not ${english}`;
  }
  // Present.
  const third = !plural && person(item) === 3;
  if (isBe(english)) return `${be.present(person(item), plural)}${not}${rest}`;
  if (modal) return negate ? `${entry.forms.get('third') ?? english} not${rest}` : (entry.forms.get('third') ?? english);
  if (negate) return `${third ? 'does' : 'do'} not ${english}`;
  return third ? inflectFirst(english, (w) => entry.forms.get('third') ?? thirdPersonOf(w)) : english;
}

/** Whether the clause around i opens with если, когда or пока. */
function inConditionalClause(items: readonly Item[], i: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    const item = items[k];
    if (!item || item.cat === 'PUNCT') return false;
    if (item.cat === 'CONJ' && ['если', 'когда', 'пока'].includes(item.lemma)) return true;
  }
  return false;
}

function nextVerbIsInfinitive(items: readonly Item[], i: number): boolean {
  for (let k = i + 1; k < items.length; k++) {
    const cat = items[k]?.cat;
    if (cat === 'INFN') return true;
    if (cat !== 'ADV' && cat !== 'PRCL') return false;
  }
  return false;
}

/** Short adjectives: "готов" → "is ready"; modal "должен" → "must" (with "был" → "had to"). */
function shortAdjective(items: readonly Item[], i: number, item: Item, entry: LexEntry, state: State): string {
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

/** Adds "is"/"are" before a predicate unless a form of быть/стать/являться already stands before it. */
function withCopula(items: readonly Item[], i: number, item: Item, predicate: string, state: State): string {
  const not = takeNegation(state) ? ' not' : '';
  let k = i - 1;
  while (items[k]?.lemma === 'не' || items[k]?.cat === 'ADV') k--;
  const before = items[k];
  if (before && ['быть', 'стать', 'являться', 'оказаться', 'остаться'].includes(before.lemma)) return `${not.trim()} ${predicate}`.trim();
  const plural = item.gram.has('plur');
  const subject = before?.cat === 'PRON' ? person(before) : 3;
  const copula = be.present(subject, plural || before?.gram.has('plur') === true);
  return `${copula}${not} ${predicate}`;
}

/** English for a preposition from the case (or kind) of what follows it. */
function preposition(items: readonly Item[], i: number, entry: LexEntry): string {
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
function objectOf(items: readonly Item[], i: number): Item | undefined {
  for (let k = i + 1; k < items.length; k++) {
    const item = items[k];
    if (!item) return undefined;
    if (item.cat === 'NOUN' || item.cat === 'PRON' || item.kind === 'number') return item;
    if (!modifierCats.has(item.cat) && item.cat !== 'ADV') return item;
  }
  return undefined;
}

/** Joins rendered items with the source's spacing, English quotes and dashes, and capitals at sentence starts. */
function join(words: readonly { text: string; item: Item }[]): string {
  let out = '';
  let capitaliseNext = true;
  let lowQuoteOpen = false;
  for (const [n, { text, item }] of words.entries()) {
    let piece = text;
    if (item.kind === 'punct') {
      const spacedAfter = (words[n + 1]?.item.spaceBefore ?? '') !== '';
      piece = punctuation(item.source, item.spaceBefore !== '' || out === '', spacedAfter, lowQuoteOpen);
      if (item.source === '„') lowQuoteOpen = true;
      if (item.source === '“' && lowQuoteOpen) lowQuoteOpen = false;
    }
    // Russian puts a comma before every subordinate clause; English not before "that".
    if (piece === ',' && words[n + 1]?.item.cat === 'CONJ' && ['что', 'чтобы'].includes(words[n + 1]?.item.lemma ?? '')) continue;
    // Russian closes direct speech with ", —": English needs only the comma.
    if (piece === '—' && out.endsWith(',')) continue;
    if (!piece) continue;
    // A sentence quoted mid-sentence keeps its capital: сказал: «Мы готовы» → said: “We are ready”.
    if (/^\p{Lu}/u.test(item.source) && /^[«„"“]$/.test(words[n - 1]?.item.source ?? '')) capitaliseNext = true;
    if (capitaliseNext && /[\p{L}\p{N}]/u.test(piece)) {
      piece = piece.replace(/[\p{L}\p{N}]/u, (c) => c.toUpperCase()); // a sentence may open with a number
      capitaliseNext = false;
    }
    out += (out ? item.spaceBefore : '') + piece;
    // A full stop inside a token run (www.site.ru, 1.5) ends no sentence: only one followed by a space or the end does.
    const next = words[n + 1];
    if (item.kind === 'punct' && /^[.!?…]+$/.test(item.source) && (!next || next.item.spaceBefore !== '')) capitaliseNext = true;
  }
  return out.replace(/ {2,}/g, ' ').trim();
}

/** Russian quotes become English curly quotes; a spaced hyphen or dash becomes a spaced em dash. */
function punctuation(source: string, spacedBefore: boolean, spacedAfter: boolean, lowQuoteOpen: boolean): string {
  switch (source) {
    case '«': case '„': return '“';
    case '»': case '”': return '”';
    case '“': return lowQuoteOpen ? '”' : '“';
    case '"': return spacedBefore ? '“' : '”';
    case '-': case '–': case '—': return spacedBefore || spacedAfter ? '—' : source;
    default: return source;
  }
}
