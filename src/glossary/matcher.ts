import petrovich from 'petrovich';
import type { Morphology, Parse } from '../morphology/morph.js';
import type { Glossary, GlossaryEntry, TermMatch } from './glossary.js';

/*
 * v0 matcher: every surface form of every entry is generated ahead of time (petrovich for
 * people, az inflection for other terms), folded, and the text's words are matched against
 * them left to right, longest first. Issue 3 adds a second pass on az lemmas for forms the
 * generator misses: it belongs in `match` where no form fits, reusing `tokenize` and `fold`.
 */

/** A word of the text; offsets are UTF-16 indices into the original, end exclusive. */
export interface Token {
  start: number;
  end: number;
  raw: string;
  folded: string;
}

// Letters, combining marks (stress accents) and digits, hyphen-joined: "генерал-полковник" is one word.
const WORD = /[\p{L}\p{M}\p{N}]+(?:[-\u2010\u2011][\p{L}\p{M}\p{N}]+)*/gu;

/** Splits text into words, keeping offsets into the original. */
export function tokenize(text: string): Token[] {
  return [...text.matchAll(WORD)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    raw: m[0],
    folded: fold(m[0]),
  }));
}

/** The comparison key of a word: lower case, ё → е, typographic hyphens → "-", stress marks dropped. */
export function fold(word: string): string {
  return word.normalize('NFC').toLowerCase().replace(/ё/g, 'е').replace(/[\u2010\u2011]/g, '-').replace(/\u0301/g, '');
}

/** One precomputed way an entry can appear in a text. */
interface Form {
  tokens: string[];
  entry: GlossaryEntry;
  order: number;
  /** Per token: must it start with a capital letter in the text (names, place names)? */
  capitals: boolean[];
  ambiguous: boolean;
  /** Set on a lone surname: the person's first-name forms and initial, for the guard against another first name. */
  person?: { firstNames: ReadonlySet<string>; initial: string };
}

const AZ_CASES = ['nomn', 'gent', 'datv', 'accs', 'ablt', 'loct', 'loc2'] as const;
const NAME_CASES = ['nominative', 'genitive', 'dative', 'accusative', 'instrumental', 'prepositional'] as const;

/** Builds a Glossary over `entries`; the forms are generated once here, so `match` is cheap. */
export function createMatcher(entries: readonly GlossaryEntry[], morph: Morphology): Glossary {
  const index = buildIndex(entries, morph);
  const firstNames = new Set<string>();
  for (const list of index.values()) for (const f of list) f.person?.firstNames.forEach((n) => firstNames.add(n));
  const looksLike = (t: Token, grammeme: string) =>
    (grammeme === 'Name' && firstNames.has(t.folded)) ||
    morph.parse(titleCase(t.raw)).some((p) => p.grammemes.has(grammeme));

  return {
    entries,
    match(text) {
      const tokens = tokenize(text);
      const matches: TermMatch[] = [];
      for (let i = 0; i < tokens.length; ) {
        const form = index
          .get(tokens[i]!.folded)
          ?.find((f) => fits(f, tokens, i, text) && !(f.person && otherPersonBefore(f.person, tokens, i, text, looksLike)));
        if (!form) {
          i++;
          continue;
        }
        const start = tokens[i]!.start;
        const end = tokens[i + form.tokens.length - 1]!.end;
        matches.push({
          start,
          end,
          surface: text.slice(start, end),
          entryId: form.entry.id,
          source: form.entry.ru,
          target: form.entry.en,
          ambiguous: form.ambiguous,
        });
        i += form.tokens.length;
      }
      return matches;
    },
  };
}

/** Every folded surface form of one entry, space-joined (for inspection and tests). */
export function surfaceForms(entry: GlossaryEntry, morph: Morphology): string[] {
  return [...buildIndex([entry], morph).values()].flat().map((f) => f.tokens.join(' '));
}

function buildIndex(entries: readonly GlossaryEntry[], morph: Morphology): Map<string, Form[]> {
  const forms: Form[] = [];
  entries.forEach((entry, order) => {
    if (entry.type === 'person') forms.push(...personForms(entry, order));
    else forms.push(...termForms(entry, order, morph));
  });

  // A lone surname shared by two glossary people is ambiguous whatever its gender.
  const owners = new Map<string, Set<string>>();
  for (const f of forms.filter((f) => f.person)) {
    const key = f.tokens.join(' ');
    owners.set(key, (owners.get(key) ?? new Set()).add(f.entry.id));
  }
  for (const f of forms) if (f.person && owners.get(f.tokens.join(' '))!.size > 1) f.ambiguous = true;

  const index = new Map<string, Form[]>();
  const seen = new Set<string>();
  for (const f of forms) {
    const key = `${f.entry.id} ${f.tokens.join(' ')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const first = f.tokens[0]!;
    index.set(first, [...(index.get(first) ?? []), f]);
  }
  // Longest first, then a sure reading over an ambiguous one, then glossary order.
  for (const list of index.values()) {
    list.sort((a, b) => b.tokens.length - a.tokens.length || Number(a.ambiguous) - Number(b.ambiguous) || a.order - b.order);
  }
  return index;
}

// ---- People: petrovich declines first name, patronymic and surname for the entry's gender.

function personForms(entry: GlossaryEntry, order: number): Form[] {
  // parseTermsFile insists on a gender; petrovich throws without one, so entries from elsewhere default.
  const gender = entry.gender ?? 'male';
  const parts = entry.ru.split(/\s+/);
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  const middle = parts.length > 2 ? parts.slice(1, -1).join(' ') : undefined;
  const decline = petrovich[gender];
  const otherGender = otherGenderSurnameForms(last, gender);

  const firstNames = new Set(NAME_CASES.map((c) => fold(decline.first[c](first))));
  const person = { firstNames, initial: fold(first)[0] ?? '' };
  const forms: Form[] = [];
  const add = (words: string[], lone: boolean) =>
    forms.push({
      tokens: words.map(fold),
      entry,
      order,
      capitals: words.map(() => true),
      ambiguous: lone && otherGender.has(fold(words[0]!)),
      ...(lone ? { person } : {}),
    });

  for (const c of NAME_CASES) {
    const f = decline.first[c](first);
    const l = decline.last[c](last);
    if (middle) add([f, ...decline.middle[c](middle).split(/\s+/), l], false);
    add([f, l], false);
    add([l], true);
  }
  return forms;
}

/** The forms of the same surname borne by someone of the other gender: Алиев → Алиева, Алиевой, Алиеву. */
function otherGenderSurnameForms(last: string, gender: 'male' | 'female'): Set<string> {
  const counterpart =
    gender === 'male'
      ? last.replace(/(ов|ев|ёв|ин|ын)$/u, '$1а').replace(/(ск|цк)ий$/u, '$1ая')
      : last.replace(/(ов|ев|ёв|ин|ын)а$/u, '$1').replace(/(ск|цк)ая$/u, '$1ий');
  // Surnames that do not change with gender (Шойгу, Матвиенко) have no counterpart to confuse.
  if (counterpart === last) return new Set();
  const other = gender === 'male' ? petrovich.female : petrovich.male;
  return new Set(NAME_CASES.map((c) => fold(other.last[c](counterpart))));
}

/**
 * True when a lone surname is preceded by a different first name or initial ("Мехрибан Алиева",
 * "М. Алиева"): that is another person with the same surname. A patronymic in between is skipped.
 */
function otherPersonBefore(
  person: NonNullable<Form['person']>,
  tokens: Token[],
  i: number,
  text: string,
  looksLike: (t: Token, grammeme: string) => boolean,
): boolean {
  const gap = (k: number) => text.slice(tokens[k - 1]!.end, tokens[k]!.start);
  const isInitial = (k: number) => k >= 0 && /^\p{Lu}$/u.test(tokens[k]!.raw) && /^\.\s*$/u.test(gap(k + 1));
  let j = i - 1;
  if (isInitial(j)) {
    while (isInitial(j - 1)) j--; // "В. В. Путин": the first initial is the first name's
    return tokens[j]!.folded !== person.initial;
  }
  const nameAt = (k: number) => k >= 0 && /^\s+$/u.test(gap(k + 1)) && startsCapital(tokens[k]!.raw);
  if (nameAt(j) && looksLike(tokens[j]!, 'Patr')) j--;
  if (!nameAt(j) || !looksLike(tokens[j]!, 'Name')) return false;
  return !person.firstNames.has(tokens[j]!.folded);
}

// ---- Other terms: az inflects the head noun and the adjectives agreeing with it; a genitive tail stays.

function termForms(entry: GlossaryEntry, order: number, morph: Morphology): Form[] {
  const words = tokenize(entry.ru).map((t) => t.raw);
  // Only place names must keep their capitals: "Баку", "Каспий" are never common words.
  const capitals = words.map((w) => entry.type === 'place' && startsCapital(w));
  const make = (tokens: string[]): Form => ({ tokens, entry, order, capitals, ambiguous: false });
  const literal = words.map(fold);
  const shape = findHead(words, morph);
  if (!shape) return [make(literal)];

  const { from, adjectives, head, at } = shape;
  const gender = ['masc', 'femn', 'neut'].find((g) => head.grammemes.has(g));
  const animacy = head.grammemes.has('inan') ? 'inan' : 'anim';
  const numbers = head.grammemes.has('Sgtm')
    ? ['sing']
    : head.grammemes.has('plur') || head.grammemes.has('Pltm')
      ? ['plur']
      : ['sing', 'plur'];

  const forms = [make(literal)];
  for (const number of numbers) {
    for (const c of AZ_CASES) {
      const want = number === 'sing' && gender ? [c, number, gender] : [c, number];
      const heads =
        head.pos === 'NOUN'
          ? inflectNoun(head, words[at]!, [c, number], morph)
          : inflectAdj(head, words[at]!, want, animacy, morph);
      const agreeing = adjectives.map((a, k) => inflectAdj(a, words[from + k]!, want, animacy, morph));
      for (const combo of product([...agreeing, heads])) {
        const tokens = [...literal.slice(0, from), ...combo.map(fold), ...literal.slice(at + 1)];
        if (tokens.length === literal.length && tokens.every((t) => tokenize(t).length === 1)) forms.push(make(tokens));
      }
    }
  }
  return forms;
}

interface Shape {
  /** Words before `from` never change ("Милли" in "Милли меджлис"). */
  from: number;
  /** Readings of words[from..at-1], which agree with the head. */
  adjectives: Parse[];
  head: Parse;
  /** Index of the head word; the words after it (a genitive tail) never change. */
  at: number;
}

/** Finds the declinable part of a term; null when there is none (НАТО, Баку). */
function findHead(words: string[], morph: Morphology): Shape | null {
  let from = 0;
  let adjectives: Parse[] = [];
  for (const [k, word] of words.entries()) {
    const parses = morph.parse(word);
    const adj = ['ADJF', 'PRTF'].map((pos) => parses.find((p) => p.pos === pos && p.grammemes.has('nomn'))).find(Boolean);
    // "старший сержант": az also reads "старший" as a noun, but before another word it is an adjective.
    if (adj && k < words.length - 1) {
      adjectives.push(adj);
      continue;
    }
    const noun = parses.find((p) => p.pos === 'NOUN' && p.grammemes.has('nomn') && !p.grammemes.has('Fixd'));
    const nextIsNoun =
      k < words.length - 1 &&
      morph.parse(words[k + 1]!).some((p) => p.pos === 'NOUN' && p.grammemes.has('nomn') && p.grammemes.has('sing'));
    // A plural-only reading before a singular noun is a foreign indeclinable word ("Милли меджлис").
    if (noun && noun.grammemes.has('plur') && adjectives.length === 0 && nextIsNoun) {
      from = k + 1;
      adjectives = [];
      continue;
    }
    if (noun) return { from, adjectives, head: noun, at: k };
    if (adj) return { from, adjectives, head: adj, at: k }; // "рядовой": an adjective used as a noun
    break;
  }
  // "командующий Каспийской флотилией": the last adjective is the head, what follows is its tail.
  const head = adjectives.pop();
  return head ? { from, adjectives, head, at: from + adjectives.length } : null;
}

/** The reading in the wanted grammemes (plus `extra` where az has it, e.g. an animacy), or none. */
function inflected(p: Parse, want: string[], extra?: string): string[] {
  const form = (extra && p.inflect([...want, extra])) || p.inflect(want);
  return form ? [form] : [];
}

// Regular adjectives lending their endings to one az files under another lemma ("первый" under "один").
const DONORS: Record<string, string> = { ый: 'новый', ой: 'молодой', ая: 'новая', ое: 'новое', ые: 'новые' };

/** An agreeing adjective's form; the accusative follows the head's animacy ("первого заместителя"). */
function inflectAdj(p: Parse, word: string, want: string[], animacy: string, morph: Morphology): string[] {
  const stem = word.slice(0, -2);
  const donor = DONORS[word.slice(-2)];
  if (stem && donor && !fold(p.lemma).startsWith(fold(stem).slice(0, 3))) {
    const d = morph.parse(donor).find((q) => q.pos === 'ADJF');
    return d ? inflected(d, want, animacy).map((f) => stem + f.slice(donor.length - 2)) : [];
  }
  return inflected(p, want, animacy);
}

/** A noun's form; for a hyphenated rank az does not know, the last part is declined ("вице-" stays). */
function inflectNoun(p: Parse, word: string, want: string[], morph: Morphology): string[] {
  const direct = inflected(p, want);
  if (direct.length > 0 || !word.includes('-')) return direct;
  const cut = word.lastIndexOf('-');
  const last = morph.parse(word.slice(cut + 1)).find((q) => q.pos === 'NOUN' && q.grammemes.has('nomn'));
  return last ? inflected(last, want).map((f) => word.slice(0, cut + 1) + f) : [];
}

function product(lists: string[][]): string[][] {
  return lists.reduce<string[][]>((acc, list) => acc.flatMap((pre) => list.map((x) => [...pre, x])), [[]]);
}

// ---- Matching one form at one position.

function fits(form: Form, tokens: Token[], i: number, text: string): boolean {
  return form.tokens.every((want, k) => {
    const t = tokens[i + k];
    if (!t || t.folded !== want) return false;
    if (form.capitals[k] && !startsCapital(t.raw)) return false;
    // Only whitespace (line breaks included) may separate the words of a term; punctuation ends it.
    return k === 0 || /^\s+$/u.test(text.slice(tokens[i + k - 1]!.end, t.start));
  });
}

function startsCapital(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

// az tags ALL CAPS and lowercase names as adjectives; it reads them right title-cased.
function titleCase(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}
