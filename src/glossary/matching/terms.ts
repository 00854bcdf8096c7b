import type { Morphology, Parse } from '../../morphology/morph.js';
import type { GlossaryEntry } from '../glossary.js';
import { fold, startsCapital, tokenize } from './tokens.js';

/*
 * Terms other than people: az inflects the head noun and the adjectives agreeing with it in every
 * case and both numbers; words before the declinable part ("Милли") and after the head (a genitive
 * tail such as "министра обороны", "1 ранга") stay as written.
 */

/** One word of a term as the lemma pass sees it: fixed as written, or any form of a lemma. */
export type LemmaElement = { literal: string } | { lemma: string; pos: 'NOUN' | 'ADJ'; prefix: string };

export interface TermPlan {
  /** Folded token sequences, the dictionary form first. */
  forms: string[][];
  /** Per word: must it start with a capital letter in the text? */
  capitals: boolean[];
  /** For the second pass on lemmas; null when nothing in the term declines. */
  lemmas: LemmaElement[] | null;
}

const AZ_CASES = ['nomn', 'gent', 'datv', 'accs', 'ablt', 'loct', 'loc2'] as const;

/**
 * Memoises az's inflection, which dominates build time: ten thousand titles share a few hundred
 * declinable parts ("министр" in every "министр обороны <страны>").
 */
export class Inflections {
  private readonly cache = new WeakMap<Parse, Map<string, string | null>>();
  private readonly parts = new Map<string, string[][]>();

  /** The folded form in the wanted grammemes, or null. */
  inflect(p: Parse, want: string[]): string | null {
    let forms = this.cache.get(p);
    if (!forms) this.cache.set(p, (forms = new Map()));
    const key = want.join(',');
    let form = forms.get(key);
    if (form === undefined) {
      const raw = p.inflect(want);
      forms.set(key, (form = raw === null ? null : fold(raw)));
    }
    return form;
  }

  /** Every other folded form of the declinable words (adjectives and head) of a term, in every case and number. */
  declined(words: string[], shape: Shape, morph: Morphology): string[][] {
    // The same words can be read two ways ("рядовой" alone is a noun, in "рядовой юстиции" an adjective).
    const key = `${words.join(' ')}|${[...shape.adjectives, shape.head].map((p) => p.pos + p.lemma).join(' ')}`;
    let out = this.parts.get(key);
    if (!out) this.parts.set(key, (out = declinePart(words, shape, morph, this)));
    return out;
  }
}

function declinePart(words: string[], { adjectives, head }: Shape, morph: Morphology, inflections: Inflections): string[][] {
  const gender = ['masc', 'femn', 'neut'].find((g) => head.grammemes.has(g));
  const numbers = head.grammemes.has('Sgtm')
    ? ['sing']
    : head.grammemes.has('plur') || head.grammemes.has('Pltm')
      ? ['plur']
      : ['sing', 'plur'];
  const ctx = { morph, inflections, animacy: head.grammemes.has('inan') ? 'inan' : 'anim' };
  const nominative = words.map(fold).join(' ');
  const seen = new Set([nominative]);
  const out: string[][] = [];
  const headWord = words[words.length - 1]!;
  for (const number of numbers) {
    for (const c of AZ_CASES) {
      const want = number === 'sing' && gender ? [c, number, gender] : [c, number];
      const heads = head.pos === 'NOUN' ? inflectNoun(head, headWord, [c, number], ctx) : inflectAdj(head, headWord, want, ctx);
      const agreeing = adjectives.map((a, k) => inflectAdj(a, words[k]!, want, ctx));
      for (const combo of product([...agreeing, heads])) {
        const key = combo.join(' ');
        if (seen.has(key) || combo.some((t) => t.includes(' '))) continue;
        seen.add(key);
        out.push(combo);
      }
    }
  }
  return out;
}

export function termPlan(entry: GlossaryEntry, morph: Morphology, inflections: Inflections): TermPlan {
  const words = tokenize(entry.ru).map((t) => t.raw);
  // A place name keeps its capital ("в баку" is no match); so does a capitalised word inside a name
  // ("Совет Федерации", not "совет федерации бокса"). A first word may be lower-cased in running text.
  const capitals = words.map((w, k) => startsCapital(w) && (k > 0 || entry.type === 'place'));
  const literal = words.map(fold);
  const shape = findHead(words, morph);
  if (!shape) return { forms: [literal], capitals, lemmas: null };

  const { from, adjectives, head, at } = shape;
  const prefix = literal.slice(0, from);
  const tail = literal.slice(at + 1);
  const forms = [literal, ...inflections.declined(words.slice(from, at + 1), shape, morph).map((d) => [...prefix, ...d, ...tail])];

  const lemmas: LemmaElement[] = literal.map((w, k) => {
    if (k < from || k > at) return { literal: w };
    const p = k === at ? head : adjectives[k - from]!;
    // The prefix keeps an ordinal filed under another lemma ("первый" under "один") from matching that lemma's forms.
    return { lemma: fold(p.lemma), pos: p.pos === 'NOUN' ? 'NOUN' : 'ADJ', prefix: lemmaPrefix(w) };
  });
  return { forms, capitals, lemmas };
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
    const nextIsNoun = () =>
      k < words.length - 1 &&
      morph.parse(words[k + 1]!).some((p) => p.pos === 'NOUN' && p.grammemes.has('nomn') && p.grammemes.has('sing'));
    // A plural-only reading before a singular noun is a foreign indeclinable word ("Милли меджлис").
    if (noun && noun.grammemes.has('plur') && adjectives.length === 0 && nextIsNoun()) {
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

interface InflectContext {
  morph: Morphology;
  inflections: Inflections;
  /** The head's animacy, which an agreeing accusative follows ("первого заместителя"). */
  animacy: string;
}

/** The reading in the wanted grammemes (plus `extra` where az has it, e.g. an animacy), or none. */
function inflected(p: Parse, want: string[], ctx: InflectContext, extra?: string): string[] {
  const form = (extra && ctx.inflections.inflect(p, [...want, extra])) || ctx.inflections.inflect(p, want);
  return form ? [form] : [];
}

// Regular adjectives lending their endings to one az files under another lemma ("первый" under "один").
const DONORS: Record<string, string> = { ый: 'новый', ой: 'молодой', ая: 'новая', ое: 'новое', ые: 'новые' };

function inflectAdj(p: Parse, word: string, want: string[], ctx: InflectContext): string[] {
  const stem = word.slice(0, -2);
  const donor = DONORS[word.slice(-2)];
  if (stem && donor && !fold(p.lemma).startsWith(fold(stem).slice(0, 3))) {
    const d = ctx.morph.parse(donor).find((q) => q.pos === 'ADJF');
    return d ? inflected(d, want, ctx, ctx.animacy).map((f) => fold(stem) + f.slice(donor.length - 2)) : [];
  }
  return inflected(p, want, ctx, ctx.animacy);
}

/** A noun's form; for a hyphenated rank az does not know, the last part is declined ("вице-" stays). */
function inflectNoun(p: Parse, word: string, want: string[], ctx: InflectContext): string[] {
  const direct = inflected(p, want, ctx);
  if (direct.length > 0 || !word.includes('-')) return direct;
  const cut = word.lastIndexOf('-');
  const last = ctx.morph.parse(word.slice(cut + 1)).find((q) => q.pos === 'NOUN' && q.grammemes.has('nomn'));
  return last ? inflected(last, want, ctx).map((f) => fold(word.slice(0, cut + 1)) + f) : [];
}

function product(lists: string[][]): string[][] {
  return lists.reduce<string[][]>((acc, list) => acc.flatMap((pre) => list.map((x) => [...pre, x])), [[]]);
}

/**
 * The start every form of the entry's word shares with it: all but the last two letters (an ending, or
 * a vowel that drops: "посол" → "посла", "первый" → "первого"), at least two, at most eight. Long
 * enough to keep the lemma pass and its az calls off unrelated words ("передал" is not "первый").
 */
export function lemmaPrefix(word: string): string {
  return word.slice(0, Math.min(MAX_PREFIX, Math.max(2, word.length - 2)));
}

export const MAX_PREFIX = 8;
