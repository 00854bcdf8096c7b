import type { Item } from './item.js';

/** The items between the punctuation marks around index i. */
export function clauseOf(items: readonly Item[], i: number): Item[] {
  let start = i;
  while (start > 0 && items[start - 1]?.cat !== 'PUNCT') start--;
  let end = i;
  while (end < items.length && items[end]?.cat !== 'PUNCT') end++;
  return items.slice(start, end);
}

/** "Это важный шаг" → "This is an important step": это opening a clause that has no verb of its own. */
export function isPresentingThis(items: readonly Item[], i: number): boolean {
  const item = items[i];
  if (item?.lemma !== 'это' || (item.cat !== 'PRON' && item.cat !== 'PRCL')) return false;
  const before = items[i - 1];
  if (before && before.cat !== 'PUNCT' && before.cat !== 'CONJ') return false;
  const clause = clauseOf(items, i);
  if (clause.some((c) => c.cat === 'VERB' || c.cat === 'PRTS' || c.cat === 'ADJS')) return false;
  const next = items[i + 1];
  return next !== undefined && (next.cat === 'NOUN' || next.cat === 'ADJ') && (next.case === 'nomn' || next.kind === 'term');
}

/** Conjunctions after which English puts the present for a future: "если он придет" → "if he comes". */
const conditional = new Set(['если', 'когда', 'пока', 'как только', 'после того как', 'в случае если', 'до тех пор пока', 'прежде чем', 'перед тем как', 'пока не']);

/**
 * "Москва — столица России" → "Moscow is the capital of Russia": a dash between two nominative noun phrases in a
 * sentence with no verb stands for "is" ("are" after a plural).
 */
export function dashCopula(items: readonly Item[], i: number): string | undefined {
  const dash = items[i];
  if (!dash || !/^[—–-]$/.test(dash.source) || dash.spaceBefore === '') return undefined;
  const before = items[i - 1];
  const after = items.slice(i + 1).find((x) => x.cat !== 'ADJ' && x.cat !== 'NUM');
  if (before?.cat !== 'NOUN' || before.kind === 'number' || after?.cat !== 'NOUN' || after.kind === 'number') return undefined;
  if (before.case !== 'nomn' || (after.case !== 'nomn' && after.kind !== 'term' && after.kind !== 'name')) return undefined;
  let start = i;
  while (start > 0 && !/^[.!?…«»“”"]$/.test(items[start - 1]?.source ?? '')) start--;
  let end = i + 1;
  while (end < items.length && !/^[.!?…«»“”"]$/.test(items[end]?.source ?? '')) end++;
  const sentence = items.slice(start, end);
  if (sentence.some((x) => isPredicate(x) || x.cat === 'INFN' || (x.kind === 'punct' && x !== dash && /^[,:;—–]$/.test(x.source)))) return undefined;
  return before.gram.has('plur') ? 'are' : 'is';
}

/** Whether the clause around i opens with если, когда, как только and the like. */
export function inConditionalClause(items: readonly Item[], i: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    const item = items[k];
    if (!item || item.cat === 'PUNCT') return false;
    if ((item.cat === 'CONJ' || item.kind === 'phrase') && conditional.has(item.lemma)) return true;
  }
  return false;
}

export function nextVerbIsInfinitive(items: readonly Item[], i: number): boolean {
  for (let k = i + 1; k < items.length; k++) {
    const cat = items[k]?.cat;
    if (cat === 'INFN') return true;
    if (cat !== 'ADV' && cat !== 'PRCL') return false;
  }
  return false;
}

export type ClauseKind = 'plain' | 'participle' | 'relative' | 'gerund';

/** A clause: its items' indices (a main clause may resume after an embedded one) and what opens it. */
export interface Clause {
  indices: number[];
  kind: ClauseKind;
}

/** Conjunctions that join words, not clauses. */
const joining = new Set(['и', 'или', 'либо', 'ни', 'а также']);

/** Finite verbs and short forms, which agree with their subject. */
export function isPredicate(item: Item | undefined): boolean {
  return (
    item !== undefined &&
    ((item.cat === 'VERB' && (item.gram.has('past') || item.gram.has('pres') || item.gram.has('futr'))) || item.cat === 'PRTS' || item.cat === 'ADJS')
  );
}

/**
 * Splits items into clauses at punctuation and at conjunctions that open a clause. A participle or relative clause
 * between commas is embedded: the clause around it continues after it ("Компании, работающие в регионе, получат…").
 */
export function clausesOf(items: readonly Item[]): Clause[] {
  const segments: { start: number; end: number; afterComma: boolean }[] = [];
  let start = 0;
  let afterComma = false;
  const close = (end: number, nextAfterComma: boolean, nextStart: number) => {
    if (end > start) segments.push({ start, end, afterComma });
    start = nextStart;
    afterComma = nextAfterComma;
  };
  items.forEach((item, i) => {
    if (item.cat === 'PUNCT') close(i, item.source === ',', i + 1);
    else if (i > start && item.cat === 'CONJ' && !joining.has(item.lemma)) close(i, false, i);
    else if (i > start && item.lemma === 'который') {
      const from = items[i - 1]?.cat === 'PREP' && i - 1 > start ? i - 1 : i;
      close(from, false, from);
    }
  });
  close(items.length, false, items.length);

  const out: Clause[] = [];
  let open: Clause | undefined;
  for (const s of segments) {
    const indices = Array.from({ length: s.end - s.start }, (_, k) => s.start + k);
    const kind = kindOf(items, s.start, s.end, s.afterComma);
    if (kind !== 'plain') {
      out.push({ indices, kind });
      continue;
    }
    // A plain segment right after an embedded clause continues the clause before it, if that one has no verb yet.
    const resumes = open && s.afterComma && out[out.length - 1]?.kind !== 'plain' && !open.indices.some((i) => isPredicate(items[i]));
    if (open && resumes) {
      open.indices.push(...indices);
      continue;
    }
    open = { indices, kind };
    out.push(open);
  }
  return out;
}

function kindOf(items: readonly Item[], start: number, end: number, afterComma: boolean): ClauseKind {
  let k = start;
  while (k < end && items[k]?.cat === 'PREP') k++;
  const first = items[k];
  if (first?.lemma === 'который') return 'relative';
  if (first?.cat === 'GRND' || (first?.lemma === 'не' && items[k + 1]?.cat === 'GRND')) return 'gerund';
  if (afterComma && first?.cat === 'PRTF' && k === start && !nounAgreeingAfter(items, k, end)) return 'participle';
  return 'plain';
}

/** "принятый в 2017 году закон": a participle whose noun follows inside the segment modifies that noun. */
function nounAgreeingAfter(items: readonly Item[], k: number, end: number): boolean {
  const participle = items[k];
  for (let j = k + 1; j < end; j++) {
    const item = items[j];
    if (item?.cat === 'NOUN' && item.kind !== 'number' && item.case === participle?.case && item.gram.has('plur') === participle?.gram.has('plur')) {
      return true;
    }
  }
  return false;
}
