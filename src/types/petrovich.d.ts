// petrovich 0.2.1 ships no types; this covers the API Tandem uses (CommonJS, `module.exports = petrovich`).
declare module 'petrovich' {
  type Gender = 'male' | 'female' | 'androgynous';
  type NameType = 'first' | 'middle' | 'last';
  type Case = 'nominative' | 'genitive' | 'dative' | 'accusative' | 'instrumental' | 'prepositional';
  type Inflector = Record<Case, (name: string) => string>;

  interface Person {
    gender?: Gender;
    first?: string;
    middle?: string;
    last?: string;
  }

  interface Petrovich {
    /** Declines every part given; throws without a gender unless `middle` lets it guess one. */
    (person: Person, gcase: Case): Person & { gender: Gender };
    detect_gender(middle: string): Gender;
    male: Record<NameType, Inflector>;
    female: Record<NameType, Inflector>;
    androgynous: Record<NameType, Inflector>;
  }

  const petrovich: Petrovich;
  export = petrovich;
}
