import { be, inflectFirst, ingOf, pastOf, thirdPersonOf } from './english.js';
import type { LexEntry } from './lexicon.js';

export type Tense = 'present' | 'past' | 'future' | 'would';
export type Aspect = 'simple' | 'progressive' | 'perfect';

/** How a verb is to come out in English. */
export interface VerbSpec {
  tense: Tense;
  aspect: Aspect;
  passive: boolean;
  person: 1 | 2 | 3;
  plural: boolean;
  negate: boolean;
}

/** The English forms of one lexicon verb: base, past, participle, third person, -ing, and the words after the verb. */
export interface VerbForms {
  head: string;
  rest: string;
  past: string;
  participle: string;
  third: string;
  ing: string;
  modal: boolean;
}

export function formsOf(entry: LexEntry): VerbForms {
  const english = entry.english;
  const space = english.indexOf(' ');
  const head = space < 0 ? english : english.slice(0, space);
  const rest = space < 0 ? '' : english.slice(space);
  const past = entry.forms.get('past') ?? pastOf(head);
  return {
    head,
    rest,
    past,
    participle: entry.forms.get('participle') ?? entry.forms.get('past') ?? pastOf(head),
    third: entry.forms.get('third') ?? thirdPersonOf(head),
    ing: entry.forms.get('ing') ?? ingOf(head),
    modal: entry.flags.has('modal'),
  };
}

/** "be discussed" and "be" itself conjugate through "be"; the rest of the entry follows. */
function isBe(v: VerbForms): boolean {
  return v.head === 'be';
}

/**
 * One verb in English: tense, aspect, voice, person, number and negation with do-support.
 * conjugate(sign, past, simple, passive) → "was signed"; (sign, present, perfect, passive, negate) → "has not been signed".
 */
export function conjugate(v: VerbForms, spec: VerbSpec): string {
  if (spec.passive && !isBe(v)) {
    return conjugate({ ...beForms, rest: ` ${v.participle}${v.rest}` }, { ...spec, passive: false });
  }
  if (v.modal) return modalForm(v, spec);
  const not = spec.negate ? ' not' : '';
  const third = spec.person === 3 && !spec.plural;
  const { tense, aspect } = spec;
  if (tense === 'future' || tense === 'would') {
    const aux = tense === 'future' ? 'will' : 'would';
    if (aspect === 'perfect') return `${aux}${not} have ${v.participle}${v.rest}`;
    if (aspect === 'progressive') return `${aux}${not} be ${v.ing}${v.rest}`;
    return `${aux}${not} ${isBe(v) ? 'be' : v.head}${v.rest}`;
  }
  if (aspect === 'perfect') {
    const have = tense === 'past' ? 'had' : third ? 'has' : 'have';
    return `${have}${not} ${isBe(v) ? 'been' : v.participle}${v.rest}`;
  }
  // "be discussed" in the progressive: "is being discussed".
  if (aspect === 'progressive' && isBe(v) && v.rest) {
    const aux = tense === 'past' ? be.past(spec.plural || spec.person === 2) : be.present(spec.person, spec.plural);
    return `${aux}${not} being${v.rest}`;
  }
  if (aspect === 'progressive' && !isBe(v)) {
    const aux = tense === 'past' ? be.past(spec.plural || spec.person === 2) : be.present(spec.person, spec.plural);
    return `${aux}${not} ${v.ing}${v.rest}`;
  }
  if (isBe(v)) {
    const form = tense === 'past' ? be.past(spec.plural || spec.person === 2) : be.present(spec.person, spec.plural);
    return `${form}${not}${v.rest}`;
  }
  if (tense === 'past') return spec.negate ? `did not ${v.head}${v.rest}` : `${v.past}${v.rest}`;
  if (spec.negate) return `${third ? 'does' : 'do'} not ${v.head}${v.rest}`;
  return `${third ? v.third : v.head}${v.rest}`;
}

const beForms: VerbForms = { head: 'be', rest: '', past: 'was', participle: 'been', third: 'is', ing: 'being', modal: false };

/** can/could, must/had to, should: no do-support, no -s, and a future through "be able to"/"have to". */
function modalForm(v: VerbForms, spec: VerbSpec): string {
  const not = spec.negate ? ' not' : '';
  if (spec.tense === 'future' || spec.tense === 'would') {
    const aux = spec.tense === 'future' ? 'will' : 'would';
    if (v.head === 'can') return `${aux}${not} be able to${v.rest}`;
    if (v.head === 'must') return `${aux}${not} have to${v.rest}`;
    return `${aux}${not} ${v.head}${v.rest}`;
  }
  if (spec.tense === 'past') {
    if (v.head === 'must') return spec.negate ? `did not have to${v.rest}` : `had to${v.rest}`;
    return `${v.past}${not}${v.rest}`;
  }
  const third = spec.person === 3 && !spec.plural;
  const present = v.third !== thirdPersonOf(v.head) ? v.third : v.head; // a modal's "third" is itself unless the lexicon says otherwise
  return `${third ? present : v.head}${not}${v.rest}`;
}

/** The -ing form with the rest of the entry: "holding talks". */
export function ingForm(entry: LexEntry): string {
  const v = formsOf(entry);
  return isBe(v) ? `being${v.rest}` : `${v.ing}${v.rest}`;
}

/** The past participle with the rest of the entry: "signed", "carried out". */
export function participleForm(entry: LexEntry): string {
  const v = formsOf(entry);
  return inflectFirst(`${v.head}${v.rest}`, () => (isBe(v) ? 'been' : v.participle));
}
