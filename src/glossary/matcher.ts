import type { Morphology } from '../morphology/morph.js';
import type { Glossary, GlossaryEntry, TermMatch } from './glossary.js';
import { LemmaPass, type LemmaStart } from './matching/lemmas.js';
import { buildPeople, buildPeopleInSteps, findPerson, type NameContext, type People, type PersonSpan } from './matching/people.js';
import { Inflections, termPlan } from './matching/terms.js';
import { runSteps, runStepsYielding, STEP } from './matching/steps.js';
import { joinSplitWords, spaced, startsCapital, titleCase, tokenize, type Token } from './matching/tokens.js';

/*
 * Every surface form of every entry is generated once, ahead of time (petrovich for people, az
 * inflection for other terms) and folded; `match` then only looks words up in maps. Terms are
 * indexed by their first word; people by their surname, the words around it deciding whose it is
 * (matching/people.ts). Where no generated form fits, a second pass compares az lemmas
 * (matching/lemmas.ts). Leftmost match first; at one position the longest wins.
 */

export { fold, tokenize, type Token } from './matching/tokens.js';

export interface MatcherOptions {
  /** Which English a match carries: `en` (American, the default) or `enGb ?? en`. */
  spelling?: 'american' | 'british';
}

/** One precomputed way a term can appear in a text. */
interface Form {
  tokens: string[];
  entry: GlossaryEntry;
  order: number;
  capitals: boolean[];
}

/** What a word can start. */
interface WordInfo {
  forms: Form[] | undefined;
  surname: boolean;
  lemma: LemmaStart | null;
}

const NOTHING: WordInfo = { forms: undefined, surname: false, lemma: null };
const WORD_CACHE_LIMIT = 100_000;

interface Compiled {
  forms: Map<string, Form[]>;
  people: People;
  lemmas: LemmaPass;
  /** Every folded word of every form, to re-join words a typesetter split. */
  words: Set<string>;
}

/** Builds a Glossary over `entries`; the forms are generated once here, so `match` is cheap. */
export function createMatcher(entries: readonly GlossaryEntry[], morph: Morphology, options: MatcherOptions = {}): Glossary {
  return matcherOver(entries, runSteps(compileInSteps(entries, morph)), morph, options);
}

/** createMatcher for the server: a 10,000-entry glossary takes about half a second to compile, given out in steps of a few milliseconds. */
export async function createMatcherYielding(entries: readonly GlossaryEntry[], morph: Morphology, options: MatcherOptions = {}): Promise<Glossary> {
  return matcherOver(entries, await runStepsYielding(compileInSteps(entries, morph)), morph, options);
}

function matcherOver(entries: readonly GlossaryEntry[], compiled: Compiled, morph: Morphology, options: MatcherOptions): Glossary {
  const british = options.spelling === 'british';
  const known = (w: string) => compiled.words.has(w);
  // A lone capital ("И" in an ALL-CAPS headline) is not a name: az reads any letter as an initial.
  const isFirstName = (t: Token) =>
    t.folded.length > 1 && morph.parse(titleCase(t.raw)).some((p) => p.grammemes.has('Name') && !p.grammemes.has('Init'));

  // What each distinct word can start, looked up once: the hot path is then one map read per word.
  const infos = new Map<string, WordInfo>();
  const infoOf = (folded: string): WordInfo => {
    let info = infos.get(folded);
    if (!info) {
      const forms = compiled.forms.get(folded);
      const surname = compiled.people.surnames.has(folded);
      const lemma = compiled.lemmas.starts(folded);
      info = forms || surname || lemma ? { forms, surname, lemma } : NOTHING;
      if (infos.size >= WORD_CACHE_LIMIT) infos.clear();
      infos.set(folded, info);
    }
    return info;
  };

  return {
    entries,
    match(text) {
      const tokens = joinSplitWords(text, tokenize(text), known);
      const words = tokens.map((t) => infoOf(t.folded));
      const people = findPeople({ text, tokens, people: compiled.people, isFirstName }, words);
      const matches: TermMatch[] = [];
      for (let i = 0; i < tokens.length; ) {
        const info = words[i]!;
        const person = people?.[i];
        if (info === NOTHING && !person) {
          i++;
          continue;
        }
        let last = -1;
        let trailing = 0;
        let entry: GlossaryEntry | undefined;
        let ambiguous = false;
        const form = info.forms?.find((f) => fits(f, tokens, i, text));
        if (form) {
          last = i + form.tokens.length - 1;
          entry = form.entry;
        }
        if (person && person.last > last) {
          ({ last, ambiguous } = person);
          trailing = person.trailing ?? 0;
          entry = person.person.entry;
        }
        // The lemma pass is the fallback where no generated form fits: it costs az lookups.
        const lemma = info.lemma && !entry ? compiled.lemmas.matchAt(text, tokens, i, info.lemma) : null;
        if (lemma && lemma.last > last) {
          ({ last, entry } = lemma);
          ambiguous = false;
          trailing = 0;
        }
        if (!entry) {
          i++;
          continue;
        }
        const start = tokens[i]!.start;
        const end = tokens[last]!.end + trailing;
        matches.push({
          start,
          end,
          surface: text.slice(start, end),
          entryId: entry.id,
          source: entry.ru,
          target: british ? (entry.enGb ?? entry.en) : entry.en,
          ambiguous,
        });
        i = last + 1;
      }
      return matches;
    },
  };
}

/** Every folded surface form of one entry, space-joined (for inspection and tests). */
export function surfaceForms(entry: GlossaryEntry, morph: Morphology): string[] {
  if (entry.type !== 'person') return termPlan(entry, morph, new Inflections()).forms.map((f) => f.join(' '));
  const people = buildPeople([{ entry, order: 0 }]);
  const person = [...people.surnames.values()][0]?.[0]?.person;
  const surnames = [...people.surnames.keys()];
  return [...(person?.first ?? [])].flatMap((f) => surnames.map((s) => `${f} ${s}`)).concat(surnames);
}

function* compileInSteps(entries: readonly GlossaryEntry[], morph: Morphology): Generator<void, Compiled> {
  const forms = new Map<string, Form[]>();
  const lemmas = new LemmaPass(morph);
  const words = new Set<string>();
  const inflections = new Inflections();
  const persons: { entry: GlossaryEntry; order: number }[] = [];
  for (const [order, entry] of entries.entries()) {
    if (order % STEP === STEP - 1) yield;
    if (entry.type === 'person') {
      persons.push({ entry, order });
      continue;
    }
    const plan = termPlan(entry, morph, inflections);
    for (const tokens of plan.forms) {
      const first = tokens[0]!;
      let list = forms.get(first);
      if (!list) forms.set(first, (list = []));
      list.push({ tokens, entry, order, capitals: plan.capitals });
      for (const w of tokens) words.add(w);
    }
    if (plan.lemmas) lemmas.add(entry, order, plan.lemmas, plan.capitals);
  }
  // Longest first, then glossary order: the first form that fits is the one to take.
  for (const list of forms.values()) if (list.length > 1) list.sort((a, b) => b.tokens.length - a.tokens.length || a.order - b.order);
  const people = yield* buildPeopleInSteps(persons);
  for (const w of people.words) words.add(w);
  return { forms, people, lemmas, words };
}

/** Person matches by the token they start at; undefined when the text names nobody in the glossary. */
function findPeople(ctx: NameContext, words: WordInfo[]): PersonSpan[] | undefined {
  let found: PersonSpan[] | undefined;
  for (let k = 0; k < ctx.tokens.length; k++) {
    if (!words[k]!.surname) continue;
    const span = findPerson(ctx, k);
    if (!span) continue;
    found ??= [];
    const current = found[span.first];
    if (!current || current.last < span.last) found[span.first] = span;
  }
  return found;
}

function fits(form: Form, tokens: Token[], i: number, text: string): boolean {
  return form.tokens.every((want, k) => {
    const t = tokens[i + k];
    if (!t || t.folded !== want) return false;
    if (form.capitals[k] && !startsCapital(t.raw)) return false;
    return k === 0 || spaced(text, tokens[i + k - 1]!, t);
  });
}
