import type { Morphology } from '../../morphology/morph.js';
import type { GlossaryEntry } from '../glossary.js';
import { MAX_PREFIX, type LemmaElement } from './terms.js';
import { fold, spaced, startsCapital, type Token } from './tokens.js';

/*
 * The second pass: a term whose words have the entry's lemmas, in order, agreeing in case and
 * number, with the fixed words as written. It catches the forms the generator missed (az's variant
 * endings "Каспийскою флотилиею", readings az cannot inflect into). People are left out on purpose:
 * az files "Садыков" under the first name "Садык".
 */

interface Reading {
  lemma: string;
  pos: string;
  /** "case:number", the agreement key. */
  agreement: string;
}

interface LemmaStep {
  el: Extract<LemmaElement, { lemma: string }>;
  capital: boolean;
  node: TrieNode;
}

interface TrieNode {
  /** Fixed words, keyed by folded form ("^" in front when it must be capitalised). */
  literal: Map<string, TrieNode>;
  lemma: LemmaStep[];
  /** The entry whose words end here, first in glossary order. */
  entry?: { entry: GlossaryEntry; order: number };
}

/** The first steps a word may take; from `LemmaPass.starts`. */
export interface LemmaStart {
  steps: LemmaStep[];
}

export interface LemmaHit {
  entry: GlossaryEntry;
  order: number;
  /** Index of the last token of the match. */
  last: number;
}

const CASE_ALIASES: Record<string, string> = { gen2: 'gent', loc2: 'loct', acc2: 'accs', gen1: 'gent', loc1: 'loct' };
const CASES = new Set(['nomn', 'gent', 'datv', 'accs', 'ablt', 'loct', 'voct', 'gen2', 'loc2', 'acc2', 'gen1', 'loc1']);
const READINGS_LIMIT = 20_000;

const node = (): TrieNode => ({ literal: new Map(), lemma: [] });

export class LemmaPass {
  private readonly root = node();
  /** The first words with a lemma, by their prefix (see lemmaPrefix), one map per prefix length. */
  private readonly firstByPrefix = Array.from({ length: MAX_PREFIX + 1 }, () => new Map<string, LemmaStep[]>());
  private readonly readings = new Map<string, Reading[]>();

  constructor(private readonly morph: Morphology) {}

  add(entry: GlossaryEntry, order: number, elements: LemmaElement[], capitals: boolean[]): void {
    let at = this.root;
    elements.forEach((el, k) => {
      const capital = capitals[k] ?? false;
      if ('literal' in el) {
        const key = (capital ? '^' : '') + el.literal;
        let next = at.literal.get(key);
        if (!next) at.literal.set(key, (next = node()));
        at = next;
        return;
      }
      let step = at.lemma.find((s) => s.el.lemma === el.lemma && s.el.pos === el.pos && s.el.prefix === el.prefix && s.capital === capital);
      if (!step) {
        step = { el, capital, node: node() };
        at.lemma.push(step);
        if (k === 0) {
          const byPrefix = this.firstByPrefix[el.prefix.length];
          byPrefix?.set(el.prefix, [...(byPrefix.get(el.prefix) ?? []), step]);
        }
      }
      at = step.node;
    });
    at.entry ??= { entry, order };
  }

  /** Where a term may start with this word (by its first letters), or null; cheap, for a per-word cache. */
  starts(folded: string): LemmaStart | null {
    let steps: LemmaStep[] | undefined;
    for (let len = 2; len <= MAX_PREFIX && len <= folded.length; len++) {
      const found = this.firstByPrefix[len]!.get(folded.slice(0, len));
      if (found) steps = steps ? [...steps, ...found] : found;
    }
    const literal = this.root.literal.has(folded) || this.root.literal.has(`^${folded}`);
    return steps || literal ? { steps: steps ?? [] } : null;
  }

  /** The longest lemma match starting at token i, whose word `starts` gave `start`; or null. */
  matchAt(text: string, tokens: Token[], i: number, start: LemmaStart): LemmaHit | null {
    const t = tokens[i]!;
    const found: { best: LemmaHit | null } = { best: null };
    const visit = (n: TrieNode, k: number, agreement: Set<string> | null) => {
      if (n.entry && (!found.best || k - 1 > found.best.last)) found.best = { ...n.entry, last: k - 1 };
      const next = tokens[k];
      if (!next || (n.literal.size === 0 && n.lemma.length === 0) || !spaced(text, tokens[k - 1]!, next)) return;
      this.follow(n.literal, n.lemma, next, agreement, (child, agreed) => visit(child, k + 1, agreed));
    };
    this.follow(this.root.literal, start.steps, t, null, (child, agreed) => visit(child, i + 1, agreed));
    return found.best;
  }

  private follow(
    literal: Map<string, TrieNode>,
    lemma: LemmaStep[],
    t: Token,
    agreement: Set<string> | null,
    go: (child: TrieNode, agreement: Set<string> | null) => void,
  ): void {
    const plain = literal.get(t.folded);
    if (plain) go(plain, agreement);
    if (literal.size > 0 && startsCapital(t.raw)) {
      const capital = literal.get(`^${t.folded}`);
      if (capital) go(capital, agreement);
    }
    if (lemma.length === 0) return;
    const readings = this.readingsOf(t.folded);
    for (const step of lemma) {
      if (!t.folded.startsWith(step.el.prefix) || (step.capital && !startsCapital(t.raw))) continue;
      const agreed = new Set<string>();
      for (const r of readings) {
        if (r.lemma === step.el.lemma && r.pos === step.el.pos && (!agreement || agreement.has(r.agreement))) agreed.add(r.agreement);
      }
      if (agreed.size > 0) go(step.node, agreed);
    }
  }

  private readingsOf(folded: string): Reading[] {
    let out = this.readings.get(folded);
    if (out) return out;
    out = [];
    for (const p of this.morph.parse(folded)) {
      const pos = p.pos === 'NOUN' ? 'NOUN' : p.pos === 'ADJF' || p.pos === 'PRTF' ? 'ADJ' : '';
      if (!pos) continue;
      const kase = [...p.grammemes].find((g) => CASES.has(g));
      const number = p.grammemes.has('plur') ? 'plur' : 'sing';
      if (kase) out.push({ lemma: fold(p.lemma), pos, agreement: `${CASE_ALIASES[kase] ?? kase}:${number}` });
    }
    if (this.readings.size >= READINGS_LIMIT) this.readings.clear();
    this.readings.set(folded, out);
    return out;
  }
}
