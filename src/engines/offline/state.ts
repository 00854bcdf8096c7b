/** What rendering one item tells the next ones: a pending negation, a bare infinitive, a forced plural, items already used. */
export interface State {
  /** The previous word was "не". */
  negate: boolean;
  /** "пока не": the negation is "not yet". */
  yet: boolean;
  /** The previous verb was a modal or "will": the next infinitive has no "to". */
  bareInfinitive: boolean;
  /** A numeral (not one) or "несколько" came before: the next noun is plural in English. */
  pluralNext: boolean;
  /** Items already rendered together with an earlier one. */
  skip: Set<number>;
}

export function freshState(): State {
  return { negate: false, yet: false, bareInfinitive: false, pluralNext: false, skip: new Set() };
}

/** "did not receive" → "did not yet receive" when the negation was "пока не". */
export function withYet(state: State, verb: string): string {
  if (!state.yet) return verb;
  state.yet = false;
  return verb.replace(/\bnot\b/, 'not yet');
}

/** Reads and clears a pending "не". */
export function takeNegation(state: State): boolean {
  const negate = state.negate;
  state.negate = false;
  return negate;
}
