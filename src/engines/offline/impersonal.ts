import type { Item } from './item.js';
import type { LexEntry } from './lexicon.js';

/**
 * Russian clauses without a subject, made English:
 * - "сообщили в Министерстве обороны" → "the Ministry of Defense said": the institution a speech verb names is its subject;
 * - "его задержали" → "he was detained", "жителям рекомендуют" → "residents are advised": the object becomes the subject
 *   of a passive;
 * - "Федеральному собранию предстоит внести поправки" → "the Federal Assembly has to make amendments": the dative of a
 *   modal word (предстоит, придется, нужно, удалось) is its subject.
 */
export function impersonal(items: readonly Item[]): Item[] {
  const out = [...items];
  for (let v = 0; v < out.length; v++) {
    const verb = out[v] as Item;
    const modal = modalOf(verb);
    if (modal) {
      datival(out, v, modal);
      continue;
    }
    if (verb.cat !== 'VERB' || !verb.entry || !verb.gram.has('plur') || verb.gram.has('1per') || verb.gram.has('2per')) continue;
    const [start, end] = clauseAround(out, v);
    if (hasSubject(out, start, end)) continue;
    // "…, отметили в ведомстве" names who spoke even after a sentence with its own subject.
    if (speechVerbs.has(verb.lemma) && institutionSpeaks(out, v, start, end)) continue;
    if (subjectEarlier(out, start)) continue;
    passive(out, v, start, end);
  }
  return out;
}

/** Verbs of saying: "заявили в Кремле" names who spoke. */
const speechVerbs = new Set([
  'заявить', 'заявлять', 'сообщить', 'сообщать', 'отметить', 'отмечать', 'подчеркнуть', 'подчеркивать', 'рассказать',
  'пояснить', 'уточнить', 'добавить', 'считать', 'напомнить', 'подтвердить', 'опровергнуть', 'прокомментировать', 'ответить',
]);

/** Verbs whose dative is the person acted on: passive with that person as subject. */
const dativePassives = new Set(['рекомендовать', 'советовать', 'посоветовать', 'поручить', 'поручать', 'предложить', 'предлагать', 'запретить', 'запрещать', 'разрешить', 'разрешать', 'приказать', 'сообщить', 'сообщать', 'пообещать', 'обещать']);

/** Impersonal words taking a dative subject and an infinitive, with their English by tense. */
const modals: Record<string, { present: [string, string]; past: string; future: string }> = {
  предстоять: { present: ['has', 'have'], past: 'had', future: 'will have' },
  прийтись: { present: ['has', 'have'], past: 'had', future: 'will have' },
  приходиться: { present: ['has', 'have'], past: 'had', future: 'will have' },
  нужно: { present: ['needs', 'need'], past: 'needed', future: 'will need' },
  надо: { present: ['needs', 'need'], past: 'needed', future: 'will need' },
  необходимо: { present: ['needs', 'need'], past: 'needed', future: 'will need' },
  следовать: { present: ['ought', 'ought'], past: 'ought', future: 'ought' },
  удаться: { present: ['manages', 'manage'], past: 'managed', future: 'will manage' },
};

interface Modal {
  english: (typeof modals)[string];
}

function modalOf(item: Item): Modal | undefined {
  const english = modals[item.lemma];
  if (!english || (item.cat !== 'VERB' && item.cat !== 'ADV')) return undefined;
  if (item.lemma === 'следовать' && !item.gram.has('3per')) return undefined;
  return { english };
}

/** "Федеральному собранию предстоит внести" → "the Federal Assembly has to make". */
function datival(items: Item[], v: number, modal: Modal): void {
  const verb = items[v] as Item;
  const infinitive = items.slice(v + 1, v + 3).some((i) => i.cat === 'INFN') || items[v - 1]?.cat === 'INFN';
  const [start, end] = clauseAround(items, v);
  const dative = findHead(items, start, end, (i) => i.case === 'datv' && i.cat !== 'PRON' || (i.cat === 'PRON' && i.case === 'datv'));
  if (!infinitive || dative === undefined || hasSubject(items, start, end)) return;
  const subject = items[dative] as Item;
  const plural = subject.gram.has('plur') || (subject.cat === 'PRON' && (subject.gram.has('1per') || subject.gram.has('2per')));
  const negated = items[v - 1]?.lemma === 'не';
  const tense = verb.gram.has('past') ? 'past' : verb.gram.has('futr') ? 'future' : 'present';
  let english = tense === 'past' ? modal.english.past : tense === 'future' ? modal.english.future : modal.english.present[plural ? 1 : 0];
  // "не удалось" → "failed", "не нужно" → "does not need".
  if (negated) {
    items[v - 1] = { ...(items[v - 1] as Item), fixed: '' };
    english = verb.lemma === 'удаться' ? 'failed' : tense === 'past' ? `did not ${modal.english.present[1]}` : `${plural ? 'do' : 'does'} not ${modal.english.present[1]}`;
  }
  items[v] = { ...verb, cat: 'VERB', fixed: english };
  items[dative] = { ...subject, case: 'nomn', role: 'subject', gram: nominative(subject.gram) };
}

/** "сообщили в Министерстве обороны" → "the Ministry of Defense said": в + an institution becomes the subject. */
function institutionSpeaks(items: Item[], v: number, start: number, end: number): boolean {
  for (let k = start; k < end - 1; k++) {
    const prep = items[k] as Item;
    const noun = items[k + 1] as Item;
    // An abbreviation az cannot put in the locative (В МИД) counts too.
    const locative = noun.case === 'loct' || !(noun.alternatives ?? []).some((a) => a.parse.grammemes.has('loct') || a.parse.grammemes.has('loc2'));
    if ((prep.lemma !== 'в' && prep.lemma !== 'во') || prep.cat !== 'PREP' || !locative || noun.cat !== 'NOUN') continue;
    const institution = noun.kind === 'term' || noun.capitalised === true || /^(the )?[A-Z]/.test(noun.entry?.english ?? '') || institutions.has(noun.lemma);
    if (!institution || (noun.kind === 'word' && noun.gram.has('Geox'))) continue;
    // The preposition stays as an empty particle, so the institution is a bare noun phrase for word order.
    items[k] = { ...prep, cat: 'PRCL', fixed: '' };
    items[k + 1] = { ...noun, case: 'nomn', role: 'subject', gram: nominative(noun.gram), governed: false };
    items[v] = { ...(items[v] as Item), subjectNumber: 'sing' };
    return true;
  }
  return false;
}

const institutions = new Set(['министерство', 'ведомство', 'правительство', 'администрация', 'пресс-служба', 'штаб', 'компания', 'мэрия', 'посольство', 'агентство', 'служба', 'комитет', 'управление', 'прокуратура', 'суд', 'кремль', 'парламент', 'минобороны', 'мид']);

/** "его задержали" → "he was detained": the object becomes the subject of a passive. */
function passive(items: Item[], v: number, start: number, end: number): void {
  const verb = items[v] as Item;
  if (verb.gram.has('intr') || verb.entry?.flags.has('passive') || verb.entry?.flags.has('intr')) return;
  // Only nouns of this verb, not of an infinitive after it: "жителям рекомендуют … пить больше воды".
  let stop = end;
  for (let k = v + 1; k < end; k++) if (items[k]?.cat === 'INFN') stop = Math.min(stop, k);
  const dative = dativePassives.has(verb.lemma) ? findHead(items, start, stop, (i) => i.case === 'datv' && !i.governed) : undefined;
  const object = dative ?? findHead(items, start, stop, (i) => (i.case === 'accs' || i.caseOptions.has('accs')) && !i.governed);
  if (object === undefined) return;
  const subject = items[object] as Item;
  const plural = subject.gram.has('plur') && !/^(the )?[A-Z]/.test(subject.entry?.english ?? '');
  const entry = verb.entry && advising.has(verb.lemma) ? advise(verb.entry) : verb.entry;
  items[v] = { ...verb, entry, voice: 'passive', subjectNumber: plural ? 'plur' : 'sing' };
  items[object] = { ...subject, case: 'nomn', role: 'subject', gram: nominative(subject.gram) };
}

/** "жителям рекомендуют" → "residents are advised" (English does not passivise "recommend" that way). */
const advising = new Set(['рекомендовать', 'порекомендовать', 'советовать', 'посоветовать']);
const advised = new WeakMap<LexEntry, LexEntry>();

function advise(entry: LexEntry): LexEntry {
  let derived = advised.get(entry);
  if (!derived) {
    derived = { ...entry, english: 'advise', forms: new Map(), note: 'passive of a recommendation' };
    advised.set(entry, derived);
  }
  return derived;
}

function nominative(gram: ReadonlySet<string>): Set<string> {
  const g = new Set([...gram].filter((x) => !['gent', 'datv', 'accs', 'ablt', 'loct'].includes(x)));
  g.add('nomn');
  return g;
}

/** The first noun or pronoun in [start, end) that passes the test (not inside a prepositional phrase). */
function findHead(items: readonly Item[], start: number, end: number, test: (item: Item) => boolean): number | undefined {
  for (let k = start; k < end; k++) {
    const item = items[k] as Item;
    if ((item.cat === 'NOUN' || item.cat === 'PRON') && item.kind !== 'number' && test(item) && items[k - 1]?.cat !== 'PREP') return k;
  }
  return undefined;
}

function clauseAround(items: readonly Item[], i: number): [number, number] {
  let start = i;
  while (start > 0 && !boundary(items[start - 1] as Item)) start--;
  let end = i + 1;
  while (end < items.length && !boundary(items[end] as Item)) end++;
  return [start, end];
}

function boundary(item: Item): boolean {
  return item.cat === 'PUNCT' || (item.cat === 'CONJ' && !['и', 'или', 'либо', 'ни'].includes(item.lemma)) || item.lemma === 'который';
}

function hasSubject(items: readonly Item[], start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const item = items[k] as Item;
    if (item.role === 'subject') return true;
    if (item.cat === 'PRON' && item.case === 'nomn' && items[k - 1]?.cat !== 'PREP') return true;
  }
  return false;
}

/** A subject earlier in the sentence, which a clause after a comma may share ("Стороны обсудили…, а также подписали…"). */
function subjectEarlier(items: readonly Item[], start: number): boolean {
  for (let k = start - 1; k >= 0; k--) {
    const item = items[k] as Item;
    if (/^[.!?…]$/.test(item.source) || /^[«»"“”„]$/.test(item.source)) return false;
    if (item.role === 'subject' && item.gram.has('plur')) return true;
  }
  return false;
}
