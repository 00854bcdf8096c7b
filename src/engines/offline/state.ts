/** What rendering one item tells the next ones: a pending negation, a bare infinitive, a forced plural, items already used. */
export interface State {
  /** The previous word was "не". */
  negate: boolean;
  /** The previous verb was a modal or "will": the next infinitive has no "to". */
  bareInfinitive: boolean;
  /** A numeral (not one) or "несколько" came before: the next noun is plural in English. */
  pluralNext: boolean;
  /** Items already rendered together with an earlier one. */
  skip: Set<number>;
}

export function freshState(): State {
  return { negate: false, bareInfinitive: false, pluralNext: false, skip: new Set() };
}

/** Reads and clears a pending "не". */
export function takeNegation(state: State): boolean {
  const negate = state.negate;
  state.negate = false;
  return negate;
}
