// az ships no types; this covers the part of its API Tandem uses.
declare module 'az' {
  export interface AzTag {
    POS?: string;
    CAse?: string;
    NMbr?: string;
    GNdr?: string;
    toString(): string;
    [grammeme: string]: unknown;
  }
  export interface AzParse {
    word: string;
    tag: AzTag;
    score: number;
    normalize(keepPos?: boolean): AzParse;
    inflect(grammemes: string[] | AzTag): AzParse | false;
  }
  export interface AzMorph {
    (word: string, config?: Record<string, unknown>): AzParse[];
    init(path: string, callback: (err: unknown) => void): void;
  }
  const Az: { Morph: AzMorph };
  export default Az;
}
