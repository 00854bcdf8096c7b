import { isPredicate } from './clauses.js';
import type { Item } from './item.js';
import { caseOf } from './readings.js';
import { isQuantity } from './reorder.js';
import { agreeModifiers, canBe, modifierLike, nominal, reread } from './rereading.js';

/** Prepositions that only quantify a number after them: "около 20 тысяч жителей" (about 20,000 residents). */
export const quantifying = new Set(['около', 'свыше', 'более', 'менее', 'порядка', 'почти', 'примерно', 'до']);

/**
 * Gives the clause's first finite verb a subject: a nominative noun phrase agreeing with it in number, person and
 * gender (rereading an ambiguous one if need be), or a counted genitive ("300 депутатов"). Then the other noun phrases:
 * a nominative after a noun becomes its genitive, one before a transitive verb its object, a name after the subject
 * its apposition; in a passive clause the instrumental is the agent. Marks the subject's head with role "subject".
 */
export function subjects(items: Item[], clause: readonly number[]): void {
  const verbAt = clause.find((i) => isPredicate(items[i]));
  if (verbAt === undefined) return;
  const verb = items[verbAt] as Item;
  // Nouns after an infinitive that follows the verb belong to the infinitive: "рекомендуют … пить больше воды".
  const infinitiveAt = clause.find((i) => i > verbAt && items[i]?.cat === 'INFN');
  const heads = clause.filter(
    (i) => nominal(items[i]) && !(items[i] as Item).governed && !afterPreposition(items, i) && (infinitiveAt === undefined || i < infinitiveAt),
  );
  const fitsVerb = (i: number, g: ReadonlySet<string>) =>
    caseOf(g) === 'nomn' && !g.has('ADJF') && agreesWithVerb(g, verb.gram, coordinated(items, i), items[i] as Item);
  const fitting = heads.filter((i) => fitsVerb(i, (items[i] as Item).gram));
  let subject = fitting.find((i) => !inGenitiveSlot(items, i));
  if (subject === undefined) {
    // Nearest to the verb first, before it first: "переговоры провели министры" is decided by agreement, not position.
    const order = [...heads].sort((a, b) => Math.abs(a - verbAt) - Math.abs(b - verbAt) || a - b);
    subject =
      order.find((i) => !inGenitiveSlot(items, i) && canBe(items[i] as Item, (g) => fitsVerb(i, g))) ??
      // "…10 млн человек такие программы остаются": the one noun that agrees is the subject even after another noun.
      (fitting.length === 1 ? fitting[0] : undefined) ??
      order.find((i) => i > verbAt && canBe(items[i] as Item, (g) => fitsVerb(i, g)));
    if (subject !== undefined) {
      const g = reread(items, subject, (gram) => fitsVerb(subject as number, gram));
      if (g) agreeModifiers(items, subject, g);
    }
  }
  if (subject === undefined) subject = countedSubject(items, clause, verbAt);
  if (subject === undefined) {
    objects(items, clause, verbAt, subject);
    return;
  }
  items[subject] = { ...(items[subject] as Item), role: 'subject' };
  const subjectItem = items[subject] as Item;
  // "300 тыс. рублей выделено", "США являются": the English verb agrees with the English subject.
  const englishPlural = counted(items, subject) ? true : isProperPlural(subjectItem) ? false : undefined;
  if (englishPlural !== undefined) items[verbAt] = { ...verb, subjectNumber: englishPlural ? 'plur' : 'sing' };
  const transitive = verb.cat === 'VERB' && !verb.gram.has('intr') && verb.entry?.flags.has('passive') !== true;
  const passive = clause.some((i) => items[i]?.cat === 'PRTS' || (isPredicate(items[i]) && items[i]?.entry?.flags.has('passive') === true));
  for (const i of heads) {
    const item = items[i] as Item;
    if (i !== subject && item.case !== 'nomn' && (item.kind === 'term' || item.kind === 'name') && apposition(items, i, subject)) {
      reread(items, i, (gram) => caseOf(gram) === 'nomn');
      continue;
    }
    // "принят Государственной думой": in a passive clause the agent is instrumental.
    if (passive && i !== subject && item.case !== 'ablt' && !inGenitiveSlot(items, i) && canBe(item, (g) => caseOf(g) === 'ablt')) {
      const g = reread(items, i, (gram) => caseOf(gram) === 'ablt');
      if (g) agreeModifiers(items, i, g);
      continue;
    }
    if (i === subject || item.case !== 'nomn' || isCoordinatedWith(items, i, subject)) continue;
    if (apposition(items, i, subject)) {
      // The name is in the subject's case: "Председатель … Сахиба Гафарова приняла".
      if (item.case !== 'nomn') reread(items, i, (gram) => caseOf(gram) === 'nomn');
      continue;
    }
    // A noun after a noun is its genitive: "в министерстве обороны республики прошли переговоры".
    if (inGenitiveSlot(items, i) || items[i - 1]?.cat === 'NOUN') {
      const g = reread(items, i, (gram) => caseOf(gram) === 'gent');
      if (g) agreeModifiers(items, i, g);
      continue;
    }
    // The subject found elsewhere, a nominative-looking noun phrase is the object: "этот вопрос обсудили министры".
    if (transitive) {
      const g = reread(items, i, (gram) => caseOf(gram) === 'accs');
      if (g) agreeModifiers(items, i, g);
    }
  }
  objects(items, clause, verbAt, subject);
}

/** Once the subject is settled: the recipient of two objects, then the direct object. */
function objects(items: Item[], clause: readonly number[], verbAt: number, subject: number | undefined): void {
  doubleObject(items, clause, verbAt);
  directObject(items, clause, verbAt, subject);
}

/** Right after a в/на + locative phrase (where or when, not what the verb is about): "в первом чтении поправки". */
function afterPlaceOrTime(items: readonly Item[], i: number): boolean {
  const before = items[i - 1];
  if (!before?.governed || before.case !== 'loct') return false;
  for (let k = i - 2; k >= 0; k--) {
    const item = items[k] as Item;
    if (item.cat === 'PREP') return item.lemma === 'в' || item.lemma === 'во' || item.lemma === 'на';
    if (!modifierLike(item)) return false;
  }
  return false;
}

/** "более 40 мероприятий", "12 новых школ", "пять человек": a noun counted by a number before it. */
function counted(items: readonly Item[], i: number): boolean {
  let k = i - 1;
  while (k >= 0 && modifierLike(items[k]) && items[k]?.kind !== 'number' && items[k]?.cat !== 'NUM') k--;
  const before = items[k];
  if (!before) return false;
  if (items[i]?.kind === 'number') return items[i]?.value !== 1;
  if (before.kind === 'number') return before.numberKind === 'amount' && before.value !== 1;
  return before.cat === 'NUM' && before.lemma !== 'один';
}

/** With no nominative subject, a counted genitive is the subject: "в Москве откроются 12 новых школ". */
/**
 * "передал Алиеву письмо": after a verb of giving, of two nouns that could both be its object, a person who can be
 * dative is the recipient.
 */
function doubleObject(items: Item[], clause: readonly number[], verbAt: number): void {
  const after = clause.filter((i) => i > verbAt && nominal(items[i]) && !(items[i] as Item).governed && !afterPreposition(items, i));
  const objects = after.filter((i) => (items[i] as Item).case === 'accs' || (items[i] as Item).case === 'nomn');
  if (objects.length < 2) return;
  const recipient = objects.find((i) => (items[i] as Item).animate && canBe(items[i] as Item, (g) => caseOf(g) === 'datv'));
  if (recipient === undefined) return;
  const g = reread(items, recipient, (gram) => caseOf(gram) === 'datv');
  if (g) agreeModifiers(items, recipient, g);
}

/** Verbs whose object is genitive (ждать решения, достичь соглашения): their genitive stays. */
const genitiveVerbs = new Set([
  'достичь', 'достигнуть', 'добиться', 'ждать', 'ожидать', 'дождаться', 'требовать', 'потребовать', 'избегать', 'избежать',
  'лишить', 'лишиться', 'бояться', 'опасаться', 'касаться', 'коснуться', 'придерживаться', 'желать', 'пожелать', 'заслуживать',
  'просить', 'попросить', 'хотеть', 'хватать', 'не хватать', 'стоить',
]);

/**
 * "призвал стороны конфликта": a transitive verb with no object yet takes the first noun after it that can be
 * accusative (стороны: the sides, not "of the side"). A negated verb or one governing the genitive keeps it.
 */
function directObject(items: Item[], clause: readonly number[], verbAt: number, subject: number | undefined): void {
  const verb = items[verbAt] as Item;
  if (verb.cat !== 'VERB' || !verb.gram.has('tran') || genitiveVerbs.has(verb.lemma) || items[verbAt - 1]?.lemma === 'не') return;
  const after = clause.filter((i) => i > verbAt && i !== subject && nominal(items[i]));
  const first = after[0];
  // An object already there, after the verb or fronted before it ("этот вопрос обсудили министры"), is the object.
  const hasObject = clause.some((i) => i !== subject && nominal(items[i]) && (items[i] as Item).case === 'accs' && !(items[i] as Item).governed && !afterPreposition(items, i));
  if (hasObject) return;
  // "одобрила в первом чтении поправки": past a prepositional phrase, the first free noun is the object.
  const free = after.find((i) => !(items[i] as Item).governed && !afterPreposition(items, i) && (!inGenitiveSlot(items, i) || afterPlaceOrTime(items, i)));
  if (first === undefined || free === undefined || (free !== first && !(items[first] as Item).governed)) return;
  const target = free;
  const item = items[target] as Item;
  if (item.case !== 'gent' || items[target - 1]?.cat === 'NUM' || items[target - 1]?.kind === 'number') return;
  const g = reread(items, target, (gram) => caseOf(gram) === 'accs');
  if (g) agreeModifiers(items, target, g);
}

function countedSubject(items: readonly Item[], clause: readonly number[], verbAt: number): number | undefined {
  return clause.find((i) => {
    const item = items[i] as Item;
    // A sum of money or a percentage is a noun phrase on its own: "выделено 300 тыс. рублей".
    if (item.kind === 'number' && item.gram.has('measure')) return !afterPreposition(items, i) && items[i - 1]?.cat !== 'PREP' && verbAt !== i;
    return nominal(item) && item.cat === 'NOUN' && item.case === 'gent' && !item.governed && !afterPreposition(items, i) && counted(items, i) && i !== verbAt;
  });
}

/** США, Нидерланды: plural in Russian, a singular name in English. */
function isProperPlural(item: Item): boolean {
  return item.gram.has('plur') && /^(the )?[A-Z]/.test(item.entry?.english ?? '');
}

export function afterPreposition(items: readonly Item[], i: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    const item = items[k] as Item;
    if (item.cat === 'PREP') return !(quantifying.has(item.lemma) && isQuantity(items[k + 1]) && item.lemma !== 'до');
    if (!modifierLike(item) && !(item.cat === 'ADV' && item.kind === 'word')) return false;
  }
  return false;
}

/** Right after another noun (past its own modifiers), in a form that can be genitive: where Russian puts a genitive. */
export function inGenitiveSlot(items: readonly Item[], i: number): boolean {
  if (!canBe(items[i] as Item, (g) => caseOf(g) === 'gent')) return false;
  let k = i - 1;
  while (k >= 0 && modifierLike(items[k]) && items[k]?.kind !== 'number') k--;
  const before = items[k];
  return before !== undefined && before.cat === 'NOUN' && before.kind !== 'number' && before.kind !== 'name' && items[k + 1]?.spaceBefore !== '';
}

/** "министр Лавров", "глава МИД Сергей Лавров": a name right after the subject noun is the same person. */
function apposition(items: readonly Item[], i: number, subject: number): boolean {
  const item = items[i] as Item;
  // A name, not a title: "пресс-служба главы государства" is the head of state's press service.
  if (item.kind !== 'name' && !(item.kind === 'term' && item.person && /^\p{Lu}\S*\s+\p{Lu}/u.test(item.source))) return false;
  for (let k = i - 1; k >= subject; k--) {
    const between = items[k] as Item;
    if (k === subject) return true;
    if (between.cat !== 'NOUN' && !modifierLike(between)) return false;
  }
  return false;
}

/** "Россия и Китай", "ни Москва, ни Анкара": nominal items joined by "и" or "ни" form one plural subject. */
function coordinated(items: readonly Item[], i: number): boolean {
  if (items[i - 1]?.lemma === 'ни') return true;
  for (let k = i + 1; k < items.length; k++) {
    const item = items[k] as Item;
    if (item.lemma === 'и' && item.cat === 'CONJ') return true;
    if (!nominal(item) && !modifierLike(item)) break;
  }
  for (let k = i - 1; k >= 0; k--) {
    const item = items[k] as Item;
    if (item.lemma === 'и' && item.cat === 'CONJ') return true;
    if (!nominal(item) && !modifierLike(item)) break;
  }
  return false;
}

function isCoordinatedWith(items: readonly Item[], i: number, subject: number): boolean {
  const [a, b] = i < subject ? [i, subject] : [subject, i];
  for (let k = a + 1; k < b; k++) {
    const item = items[k] as Item;
    if (item.lemma === 'и' && item.cat === 'CONJ') return true;
    if (!nominal(item) && !modifierLike(item)) return false;
  }
  return false;
}

const genders = ['masc', 'femn', 'neut'];

/** Number, person and (past singular) gender agreement between a subject reading and its verb. */
export function agreesWithVerb(noun: ReadonlySet<string>, verb: ReadonlySet<string>, coordinatedSubject: boolean, item: Item): boolean {
  const plural = noun.has('plur') || coordinatedSubject;
  if (verb.has('plur') !== plural && (verb.has('plur') || verb.has('sing'))) return false;
  if (verb.has('1per') || verb.has('2per')) return (verb.has('1per') && noun.has('1per')) || (verb.has('2per') && noun.has('2per'));
  if (item.cat === 'PRON' && (noun.has('1per') || noun.has('2per')) && (verb.has('3per'))) return false;
  if (!plural) {
    const gv = genders.find((g) => verb.has(g));
    const gn = genders.find((g) => noun.has(g));
    // A woman holding a title keeps its masculine noun: "председатель приняла".
    const title = gn === 'masc' && gv === 'femn' && noun.has('anim');
    if (gv && gn && gv !== gn && !noun.has('Ms-f') && !noun.has('GNdr') && !title) return false;
  }
  return true;
}
