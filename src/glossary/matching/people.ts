import petrovich from 'petrovich';
import type { GlossaryEntry } from '../glossary.js';
import { runSteps, STEP } from './steps.js';
import { afterInitial, fold, isInitial, spaced, startsCapital, type Token } from './tokens.js';

/*
 * People are found from their surname outwards. petrovich declines first name, patronymic and
 * surname for the entry's gender ahead of time; in the text a surname form is the anchor, and the
 * words around it decide: this person's first name, patronymic or initials extend the match; another
 * first name or initial means someone else with the same surname ("Мехрибан Алиева", "Г. Алиев",
 * "Садык Садыков"); a lone surname is the person, flagged when it could be a woman's (or another
 * glossary person's) form of it.
 */

export interface Person {
  entry: GlossaryEntry;
  order: number;
  /** Folded forms of the first name in every case; null for a one-word entry. */
  first: ReadonlySet<string> | null;
  /** Folded forms of the patronymic (space-joined for "Гейдар оглы"); null when the entry has none. */
  middle: ReadonlySet<string> | null;
  initial: string;
  middleInitial: string;
}

/** A person a surname form may stand for. */
export interface SurnameHit {
  person: Person;
  /** The form is also the surname of someone of the other gender (a man's genitive "Алиева" is a woman's nominative). */
  otherGender: boolean;
}

export interface People {
  /** Folded surname form → the people it may stand for, glossary order. */
  surnames: Map<string, SurnameHit[]>;
  /** Every folded first-name form of every glossary person. */
  firstNames: Set<string>;
  /** Every folded word of every name, for re-joining a name hyphenated at a line end. */
  words: Set<string>;
}

const NAME_CASES = ['nominative', 'genitive', 'dative', 'accusative', 'instrumental', 'prepositional'] as const;
type Gender = 'male' | 'female';
type Part = 'first' | 'middle' | 'last';

// petrovich costs about 10 µs a call and first names repeat across thousands of entries.
const declined = new Map<string, ReadonlySet<string>>();

/** The folded forms of a name in the six cases (a set: several cases share a form). Shared: never mutate. */
function decline(gender: Gender, part: Part, name: string): ReadonlySet<string> {
  const key = `${gender}|${part}|${name}`;
  let forms = declined.get(key);
  if (!forms) {
    forms = new Set(NAME_CASES.map((c) => fold(petrovich[gender][part][c](name))));
    if (declined.size > 100_000) declined.clear();
    declined.set(key, forms);
  }
  return forms;
}

export function buildPeople(entries: readonly { entry: GlossaryEntry; order: number }[]): People {
  return runSteps(buildPeopleInSteps(entries));
}

/** buildPeople as steps: it pauses after every STEP people, so a caller can let other work in between. */
export function* buildPeopleInSteps(entries: readonly { entry: GlossaryEntry; order: number }[]): Generator<void, People> {
  const surnames = new Map<string, SurnameHit[]>();
  const firstNames = new Set<string>();
  const words = new Set<string>();
  for (const [i, { entry, order }] of entries.entries()) {
    if (i % STEP === STEP - 1) yield;
    // The terms file insists on a gender; petrovich throws without one, so entries from elsewhere default.
    const gender = entry.gender ?? 'male';
    const parts = entry.ru.trim().split(/\s+/);
    const last = parts[parts.length - 1]!;
    const firstName = parts.length > 1 ? parts[0]! : undefined;
    const middleName = parts.length > 2 ? parts.slice(1, -1).join(' ') : undefined;
    const first = firstName ? decline(gender, 'first', firstName) : null;
    const middle = middleName ? decline(gender, 'middle', middleName) : null;
    const person: Person = {
      entry,
      order,
      first,
      middle,
      initial: firstName ? fold(firstName)[0]! : '',
      middleInitial: middleName ? fold(middleName)[0]! : '',
    };
    first?.forEach((f) => firstNames.add(f));
    const other = otherGenderSurnameForms(last, gender);
    for (const form of decline(gender, 'last', last)) {
      const hits = surnames.get(form) ?? [];
      if (!hits.some((h) => h.person.entry.id === entry.id)) hits.push({ person, otherGender: other.has(form) });
      surnames.set(form, hits);
      words.add(form);
    }
    for (const set of [first, middle]) set?.forEach((f) => f.split(' ').forEach((w) => words.add(w)));
  }
  return { surnames, firstNames, words };
}

/** The forms of the same surname borne by someone of the other gender: Алиев → Алиева, Алиевой, Алиеву. */
function otherGenderSurnameForms(last: string, gender: Gender): ReadonlySet<string> {
  const counterpart =
    gender === 'male'
      ? last.replace(/(ов|ев|ёв|ин|ын)$/u, '$1а').replace(/(ск|цк)ий$/u, '$1ая')
      : last.replace(/(ов|ев|ёв|ин|ын)а$/u, '$1').replace(/(ск|цк)ая$/u, '$1ий');
  // Surnames that do not change with gender (Шойгу, Матвиенко) have no counterpart to confuse.
  if (counterpart === last) return new Set();
  return decline(gender === 'male' ? 'female' : 'male', 'last', counterpart);
}

/** A person found in the text: token indices, end inclusive. */
export interface PersonSpan {
  first: number;
  last: number;
  /** Characters after the last token that belong to the name: the full stop of a trailing initial. */
  trailing?: number;
  person: Person;
  ambiguous: boolean;
}

export interface NameContext {
  text: string;
  tokens: Token[];
  people: People;
  /** Does az read this capitalised word as a first name (grammeme Name)? */
  isFirstName(t: Token): boolean;
}

const PATRONYMIC = /(?:ович|евич|ьич|ич)(?:а|у|ем|е)?$|(?:овн|евн|ичн)(?:а|ы|е|у|ой|ою)$/u;
const TURKIC_PATRONYMIC = new Set(['оглы', 'оглу', 'кызы', 'гызы']);

/** The person a capitalised surname form at token `i` names, with the name around it; null for someone else. */
export function findPerson(ctx: NameContext, i: number): PersonSpan | null {
  const { text, tokens } = ctx;
  const at = tokens[i]!;
  const hits = ctx.people.surnames.get(at.folded);
  if (!hits || !startsCapital(at.raw)) return null;
  const lone = (list: SurnameHit[]) => list.length > 1 || list[0]!.otherGender;
  const pick = (list: SurnameHit[], first: number, last: number, ambiguous: boolean): PersonSpan | null =>
    list.length === 0 ? null : { first, last, person: list[0]!.person, ambiguous };

  // Before the surname: initials ("В. В. Герасимов"), or a first name with perhaps a patronymic.
  const initials = initialsBefore(text, tokens, i);
  if (initials.length > 0) {
    const fits = hits.filter((h) => initialsFit(h.person, initials.map((k) => tokens[k]!.folded)));
    return pick(fits, initials[0]!, i, fits.length > 0 && lone(fits));
  }
  // A name is a capitalised word with only whitespace between it and its neighbour in the name.
  const capitalBefore = (k: number) => k >= 0 && startsCapital(tokens[k]!.raw) && spaced(text, tokens[k]!, tokens[k + 1]!);
  const capitalAfter = (k: number) => k < tokens.length && startsCapital(tokens[k]!.raw) && spaced(text, tokens[k - 1]!, tokens[k]!);
  const patronymic = patronymicEndingAt(ctx, i - 1, i);
  const j = (patronymic?.from ?? i) - 1;
  if (capitalBefore(j)) {
    const f = tokens[j]!.folded;
    const fits = hits.filter((h) => h.person.first?.has(f) && middleFits(h.person, patronymic?.folded));
    if (fits.length > 0) return pick(fits, j, i, fits.length > 1);
    if (ctx.people.firstNames.has(f) || ctx.isFirstName(tokens[j]!)) return null;
  }
  if (patronymic) return null; // a patronymic without this person's first name is someone else's

  // After it, in list order: "Алиев Ильхам (Гейдар оглы)", "Герасимов В. В.".
  // Initials that do not fit are more likely the next sentence's words than another person's.
  const after = initialsAfter(text, tokens, i);
  const fitsAfter = hits.filter((h) => after.length > 0 && initialsFit(h.person, after.map((k) => tokens[k]!.folded)));
  if (fitsAfter.length > 0) return { ...pick(fitsAfter, i, after[after.length - 1]!, lone(fitsAfter))!, trailing: 1 };
  if (capitalAfter(i + 1)) {
    const f = tokens[i + 1]!.folded;
    const fits = hits.filter((h) => h.person.first?.has(f));
    if (fits.length > 0) {
      const middle = patronymicStartingAt(ctx, i + 2, i + 1);
      const chosen = fits.filter((h) => middleFits(h.person, middle?.folded));
      return pick(chosen, i, middle && chosen.length > 0 ? middle.to : i + 1, chosen.length > 1);
    }
    if ((ctx.people.firstNames.has(f) || ctx.isFirstName(tokens[i + 1]!)) && patronymicStartingAt(ctx, i + 2, i + 1)) return null;
  }
  return pick(hits, i, i, lone(hits));
}

function initialsFit(person: Person, initials: string[]): boolean {
  return initials[0] === person.initial && (initials.length < 2 || !person.middleInitial || initials[1] === person.middleInitial);
}

function middleFits(person: Person, patronymic: string | undefined): boolean {
  return !patronymic || !person.middle || person.middle.has(patronymic);
}

/** Token indices of up to two initials right before token i, in text order. */
function initialsBefore(text: string, tokens: Token[], i: number): number[] {
  const out: number[] = [];
  for (let k = i - 1; k >= 0 && k >= i - 2; k--) {
    if (!isInitial(text, tokens[k]!) || !afterInitial(text, tokens[k]!, tokens[k + 1]!)) break;
    out.unshift(k);
  }
  return out;
}

/**
 * Token indices of up to two initials right after token i ("Герасимов В. В."); none when a capitalised
 * word follows them, whose initials they more likely are ("передал Герасимову В. Путин").
 */
function initialsAfter(text: string, tokens: Token[], i: number): number[] {
  const out: number[] = [];
  for (let k = i + 1; k < tokens.length && k <= i + 2; k++) {
    const prev = tokens[k - 1]!;
    const joined = k === i + 1 ? spaced(text, prev, tokens[k]!) : afterInitial(text, prev, tokens[k]!);
    if (!joined || !isInitial(text, tokens[k]!)) break;
    out.push(k);
  }
  const last = tokens[out[out.length - 1]!];
  const next = last && tokens[out[out.length - 1]! + 1];
  return next && afterInitial(text, last, next) && startsCapital(next.raw) ? [] : out;
}

interface Patronymic {
  from: number;
  to: number;
  folded: string;
}

function isPatronymicWord(t: Token): boolean {
  return startsCapital(t.raw) && PATRONYMIC.test(t.folded);
}

/** A patronymic whose last word is token j, right before token `next`: "Васильевич", "Гейдар оглы". */
function patronymicEndingAt(ctx: NameContext, j: number, next: number): Patronymic | null {
  const { text, tokens } = ctx;
  if (j < 0 || !spaced(text, tokens[j]!, tokens[next]!)) return null;
  const t = tokens[j]!;
  if (isPatronymicWord(t)) return { from: j, to: j, folded: t.folded };
  if (TURKIC_PATRONYMIC.has(t.folded) && j > 0 && startsCapital(tokens[j - 1]!.raw) && spaced(text, tokens[j - 1]!, t)) {
    return { from: j - 1, to: j, folded: `${tokens[j - 1]!.folded} ${t.folded}` };
  }
  return null;
}

/** A patronymic starting at token k, right after token `prev`. */
function patronymicStartingAt(ctx: NameContext, k: number, prev: number): Patronymic | null {
  const { text, tokens } = ctx;
  const t = tokens[k];
  if (!t || !spaced(text, tokens[prev]!, t)) return null;
  if (isPatronymicWord(t)) return { from: k, to: k, folded: t.folded };
  const next = tokens[k + 1];
  if (next && startsCapital(t.raw) && TURKIC_PATRONYMIC.has(next.folded) && spaced(text, t, next)) {
    return { from: k, to: k + 1, folded: `${t.folded} ${next.folded}` };
  }
  return null;
}
