import { isPresentingThis } from './clauses.js';
import { indefiniteArticle } from './english.js';
import type { Item } from './item.js';
import type { NounPhrase } from './noun-phrase.js';

/** Proper names English writes with "the" when the lexicon gives them bare. */
const theNames = new Set([
  'Kremlin', 'Netherlands', 'Philippines', 'Bahamas', 'Maldives', 'Gambia', 'Vatican', 'Caucasus', 'Urals',
  'Caspian', 'Baltic', 'Balkans', 'Arctic', 'Antarctic', 'Black Sea', 'Caspian Sea', 'Baltic Sea', 'Persian Gulf', 'Red Sea',
  'Mediterranean', 'Pacific', 'Atlantic', 'Middle East', 'Far East', 'Czech Republic', 'Central African Republic',
  'Dominican Republic', 'United States', 'United Kingdom', 'United Arab Emirates', 'European Union', 'US', 'UK', 'UAE', 'EU',
  'UN', 'State Duma', 'Duma', 'Federation Council', 'Security Council', 'General Staff', 'Pentagon', 'White House',
  'Volga', 'Don', 'Dnieper', 'Amur', 'Ural River',
]);

/** Nouns that name the one of their kind in a news story: "the government", "the president", even as objects. */
const uniqueNouns = new Set([
  'world', 'government', 'president', 'prime minister', 'premier', 'parliament', 'country', 'capital', 'republic',
  'ministry', 'police', 'army', 'navy', 'economy', 'budget', 'public', 'opposition', 'leadership', 'administration',
  'cabinet', 'mayor', 'governor', 'head', 'chairman', 'speaker', 'press service', 'embassy', 'prosecutor', 'court',
  'investigators', 'authorities', 'region', 'city', 'state', 'central bank', 'minister', 'sides', 'parties',
]);

/** Plural subjects that are almost always definite in news: "the sides discussed", "the talks took place". */
const definitePlurals = new Set([
  'sides', 'parties', 'authorities', 'talks', 'exercises', 'negotiations', 'participants', 'delegations', 'troops',
  'consultations', 'relations', 'ties', 'results', 'hostilities', 'drills', 'maneuvers', 'elections', 'parties',
]);

/** Roles held by one person at a time: no article after become/appoint. */
const roles = new Set(['champion', 'president', 'prime minister', 'leader', 'chairman', 'head', 'mayor', 'governor', 'winner', 'captain', 'speaker', 'chief', 'commander']);

/** Groups of people, definite as objects like people are. */
const collective = new Set(['delegation', 'team', 'government', 'parliament', 'committee', 'commission', 'leadership', 'command']);

/** Modifiers that make a noun definite: "the next stage", "the main task", "the same day". */
const definiteModifiers = new Set([
  'main', 'same', 'only', 'following', 'current', 'previous', 'entire', 'whole', 'latter', 'former', 'first', 'last', 'next',
  'upcoming', 'present', 'key', 'principal',
]);

/** "next year", "last week": time nouns with these modifiers take no article. */
const deicticTime = new Set(['next', 'last', 'this', 'past', 'coming', 'current']);
const timeHeads = new Set(['year', 'month', 'week', 'day', 'time', 'season', 'quarter', 'summer', 'winter', 'spring', 'autumn', 'fall']);

/** Verbs whose instrumental complement is a predicate: "является членом" → "is a member". */
const copulas = new Set(['являться', 'стать', 'становиться', 'оставаться', 'остаться', 'считаться', 'оказаться', 'называть', 'назвать', 'считать', 'признать', 'признавать']);
/** Roles one is appointed or elected to take no article: "назначен командующим" → "appointed commander". */
const appointing = new Set(['назначить', 'назначать', 'избрать', 'избирать', 'утвердить']);

export interface Discourse {
  /** Noun lemmas already rendered in this segment. */
  seen: Set<string>;
  /** First letters of the words earlier in the paragraph: a noun found there is a second mention. */
  earlier: ReadonlySet<string>;
}

/** The first five letters of a word, enough to recognise a Russian noun in another case. */
export function stem(word: string): string {
  return word.toLowerCase().replaceAll('ё', 'е').slice(0, 5);
}

/**
 * The article before a noun phrase. "linked" means the engine puts "of" or "to" before it.
 * In order: names and determiners take none; ordinals, superlatives, genitive-chain heads and second mentions take "the";
 * predicates and first-mention objects take "a"/"an"; mass nouns and generic plurals take none.
 */
export function articleFor(items: readonly Item[], np: NounPhrase, prev: Item | undefined, linked: boolean, firstWord: string, discourse?: Discourse): string {
  const head = items[np.head];
  if (head?.kind === 'term') return termArticle(items, np, prev, linked);
  // An unknown word is treated as a common noun: it still needs its article ("inspected a new dirizhabl").
  const english = head?.entry?.english ?? (head?.kind === 'unknown' && head.cat === 'NOUN' ? (head.fixed ?? '') : '');
  if (!head || (head.kind !== 'word' && head.kind !== 'phrase' && head.kind !== 'unknown') || !english) return '';
  if (/^(the|a|an) /.test(english) || head.entry?.pos === 'PHRASE') return '';
  if (/^[A-Z]/.test(english)) return theNames.has(english) || institutional(english) ? 'the' : '';
  const modifiers = items.slice(np.start, np.head);
  // A title before a person's name takes no article: "председатель комитета Иван Петров" → "Committee Chairman…".
  if (head.animate && namedAfter(items, np.head)) return '';
  // "of the two countries", "between the two sides".
  if (linked && modifiers[0]?.lemma === 'два') return 'the';
  for (const m of modifiers) {
    if (m.kind === 'number' && m.numberKind !== 'ordinal') return '';
    if (m.lemma === 'самый') continue;
    if (m.entry?.flags.has('ordinal')) continue;
    if (m.cat === 'NUM' || m.entry?.flags.has('det') || m.entry?.flags.has('many') || m.gram.has('Apro')) return '';
  }
  const modifierEnglish = modifiers.map((m) => m.entry?.english ?? '');
  const plural = head.gram.has('plur') && !head.gram.has('Sgtm');
  if (timeHeads.has(english) && modifierEnglish.some((e) => deicticTime.has(e))) return '';
  // "один из" → "one of the", ordinals, superlatives and their like are definite.
  if (prev?.lemma === 'из' && items[np.start - 2]?.lemma === 'один') return 'the';
  if (modifiers.some((m) => m.kind === 'number' || m.entry?.flags.has('ordinal') || m.lemma === 'самый' || m.gram.has('Supr') || m.gram.has('Anum'))) return 'the';
  if (modifierEnglish.some((e) => definiteModifiers.has(e) || /est$/.test(e))) return 'the';
  const predicate = predicateOf(items, np);
  if (predicate === 'role') return '';
  const dependent = genitiveDependent(items, np.head);
  const ofFollows = dependent !== undefined;
  const mass = head.entry?.flags.has('mass') === true;
  const secondMention = discourse !== undefined && mentioned(head, discourse);
  if (plural) {
    if (predicate) return '';
    if (definitePlurals.has(pluralWord(head, english)) && !modifiers.length && !isObject(head, prev)) return 'the';
    // "the results of the period", but "issues of regional security", "residents of coastal villages".
    if (secondMention || (dependent && !dependent.gram.has('plur') && dependent.entry?.flags.has('mass') !== true)) return 'the';
    if (isSubject(items, np, prev)) return definitePlurals.has(pluralWord(head, english)) || modifiers.length === 0 && definitePlurals.has(english) ? 'the' : '';
    return '';
  }
  // "стал чемпионом" → "became champion": a one-holder role takes none even as a complement.
  if (predicate === 'complement') return mass || roles.has(english) ? '' : indefiniteArticle(firstWord);
  if (mass) return ofFollows && !predicate ? 'the' : '';
  // An object with a quality of its own is still a first mention: "noted a high level of trust".
  if (ofFollows && isObject(head, prev) && modifiers.some((m) => m.gram.has('Qual'))) return indefiniteArticle(firstWord);
  if (ofFollows || secondMention || uniqueNouns.has(english)) return 'the';
  if (prev?.cat === 'PREP' || prev?.cat === 'COMP' || prev?.lemma === 'ни' || linked) return 'the';
  // People and bodies acted on are known ones: "thanked the delegation", "received the ambassador".
  if (isObject(head, prev) && (head.animate || collective.has(english))) return 'the';
  if (isObject(head, prev)) return indefiniteArticle(firstWord);
  if (head.case === 'nomn' && prev && isPresentingThis(items, np.start - 1)) return indefiniteArticle(firstWord);
  return head.case === 'nomn' || head.case === 'accs' ? 'the' : '';
}

/** Last (or first) English words of institutions and geographic features that take "the": "the State Duma", "the Ministry of Defense". */
const institutionWords = new Set([
  'Duma', 'Council', 'Ministry', 'Committee', 'Commission', 'Service', 'Staff', 'Forces', 'Fleet', 'Flotilla', 'Navy', 'Chamber',
  'Fund', 'Bank', 'Court', 'Office', 'Assembly', 'Majlis', 'Agency', 'Directorate', 'Guard', 'Army', 'Government', 'Administration',
  'Sea', 'Ocean', 'Federation', 'Republic', 'Union', 'Emirates', 'States', 'Kingdom', 'Parliament', 'Cabinet', 'Department',
  'Prosecutor', 'Inspectorate', 'Academy', 'Institute', 'University', 'Centre', 'Center', 'Organization', 'Organisation', 'Alliance',
  'Command', 'District', 'Region', 'Territory', 'Police', 'Kremlin', 'Secretariat', 'Corps', 'Troops', 'Party',
]);

/** "Kursk Region", "Ministry of Defense", "Caspian Sea": names of institutions and features take "the". */
function institutional(name: string): boolean {
  const words = name.split(' ');
  return words.length > 1 && (institutionWords.has(words[words.length - 1] ?? '') || institutionWords.has(words[0] ?? ''));
}

/**
 * Glossary targets are copied verbatim, so only an article may go before them: none before a title followed by the
 * person's name ("Defense Minister Sergei Shoigu"), "the" before a title standing alone ("the Defense Minister") and
 * before institutions ("the State Duma", "the Ministry of Defense"); names of people and countries take none.
 */
function termArticle(items: readonly Item[], np: NounPhrase, prev: Item | undefined, linked: boolean): string {
  const head = items[np.head] as Item;
  const target = head.fixed ?? '';
  if (/^(the|a|an) /i.test(target) || /^[A-Z]{2,}$/.test(target) && !theNames.has(target)) return '';
  if (theNames.has(target)) return 'the';
  let after = np.head + 1;
  while (items[after]?.fixed === '' && items[after]?.cat === 'PRCL') after++; // a country turned into an adjective
  const next = items[after];
  const named = next !== undefined && (next.kind === 'name' || (next.kind === 'term' && next.person === true));
  // A title before the holder's name takes none; an institution before it is the title's genitive and keeps "the".
  if (named && head.person) return '';
  if (!/^[A-Z]/.test(target)) {
    // A lower-case term is a common noun: "the head of state", "in the first reading".
    return prev?.cat === 'PREP' || linked || head.case === 'nomn' || /^first |^second |^third /.test(target) ? 'the' : '';
  }
  if (head.person && !head.gram.has('Name') && !head.gram.has('Surn')) return 'the';
  return institutional(target) || institutionWords.has(target) ? 'the' : '';
}

/** A person's name follows the title at `head`, past the title's genitive dependents. */
function namedAfter(items: readonly Item[], head: number): boolean {
  for (let k = head + 1; k < items.length; k++) {
    const item = items[k] as Item;
    if (item.kind === 'name' || (item.kind === 'term' && item.person && /^\p{Lu}/u.test(item.source))) return true;
    if (item.cat === 'NOUN' && item.case === 'gent') continue;
    if (item.cat === 'ADJ' || (item.cat === 'PRCL' && item.fixed === '')) continue;
    return false;
  }
  return false;
}

/** Records the noun phrase's head as mentioned, for "the" on its next mention. */
export function mention(head: Item | undefined, discourse: Discourse | undefined): void {
  if (discourse && head?.lemma && head.cat === 'NOUN') discourse.seen.add(head.lemma);
}

function mentioned(head: Item, discourse: Discourse): boolean {
  return discourse.seen.has(head.lemma) || discourse.earlier.has(stem(head.source));
}

function pluralWord(head: Item, english: string): string {
  return head.entry?.forms.get('plural') ?? `${english}s`;
}

/** "является членом" (a complement: "a member") or "назначен командующим" (a role: no article). */
function predicateOf(items: readonly Item[], np: NounPhrase): 'complement' | 'role' | undefined {
  const head = items[np.head];
  if (head?.case !== 'ablt' || items[np.start - 1]?.cat === 'PREP') return undefined;
  for (let k = np.start - 1; k >= 0; k--) {
    const item = items[k];
    if (!item || item.cat === 'PUNCT' || item.cat === 'PREP' || item.cat === 'CONJ') return undefined;
    if (appointing.has(item.lemma)) return 'role';
    if (copulas.has(item.lemma)) return 'complement';
    // "командующим армией": an instrumental after a noun depends on that noun.
    if (item.cat === 'VERB' || item.cat === 'INFN' || item.cat === 'PRTS' || item.cat === 'NOUN') return undefined;
  }
  return undefined;
}

/** The head of a genitive noun phrase right after the head: it will be "the X of Y". */
function genitiveDependent(items: readonly Item[], head: number): Item | undefined {
  for (let k = head + 1; k < items.length; k++) {
    const item = items[k];
    if (!item) return undefined;
    if (item.cat === 'ADJ' || item.cat === 'PRTF' || item.cat === 'NUM') continue;
    const dependent = item.cat === 'NOUN' && item.case === 'gent' && item.kind !== 'number' && !item.person;
    return dependent && (item.kind === 'word' || item.kind === 'phrase' || item.kind === 'term') ? item : undefined;
  }
  return undefined;
}

function isSubject(items: readonly Item[], np: NounPhrase, prev: Item | undefined): boolean {
  const head = items[np.head];
  if (head?.role === 'subject') return true;
  const clauseStart = !prev || prev.cat === 'PUNCT' || prev.cat === 'CONJ';
  return head?.case === 'nomn' && (clauseStart || items[np.head + 1]?.cat === 'VERB');
}

function isObject(head: Item, prev: Item | undefined): boolean {
  if (head.role === 'subject' || prev === undefined) return false;
  // A negated verb takes its object in the genitive: "не получал приглашения" → "had not received an invitation".
  if (head.case === 'gent' && prev.cat === 'VERB' && prev.gram.has('tran')) return true;
  return head.case === 'accs' && ['VERB', 'INFN', 'GRND', 'PRTF', 'NOUN', 'ADV'].includes(prev.cat);
}
