import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Az, { type AzParse } from 'az';

/** One reading of a Russian word form, from az (OpenCorpora). */
export interface Parse {
  /** Dictionary form, lower case, ё kept as az gives it. */
  lemma: string;
  /** OpenCorpora part of speech: NOUN, ADJF, VERB, PRTF, GRND, PREP, NPRO, ... */
  pos: string;
  /** Every grammeme of the reading: case (nomn, gent, ...), number, gender, tense, aspect, person, Surn, Name, ... */
  grammemes: ReadonlySet<string>;
  score: number;
  /** The same lexeme in other grammemes (e.g. ['gent', 'plur']); null when az cannot build it. */
  inflect(grammemes: string[]): string | null;
}

export interface Morphology {
  /** Readings of one word (letters, digits, hyphens), most likely first. Memoised. */
  parse(word: string): readonly Parse[];
}

let loading: Promise<Morphology> | undefined;

/** Loads az's dictionaries once per process (about 0.2 s, 50 MB); every caller shares the result. */
export function loadMorphology(): Promise<Morphology> {
  loading ??= init();
  return loading;
}

function init(): Promise<Morphology> {
  const dicts = join(dirname(createRequire(import.meta.url).resolve('az/package.json')), 'dicts');
  return new Promise((resolve, reject) => {
    Az.Morph.init(dicts, (err) => {
      if (err) reject(new Error(`could not load Russian dictionaries from ${dicts}: ${String(err)}`));
      else resolve(createMorphology());
    });
  });
}

const CACHE_LIMIT = 50_000;

function createMorphology(): Morphology {
  const cache = new Map<string, readonly Parse[]>();
  return {
    parse(word) {
      const hit = cache.get(word);
      if (hit) return hit;
      // az can return a reading without a lemma (e.g. odd hyphenated tokens read as interjections): skip those.
      const parses = Az.Morph(word).map(toParse).filter((p) => typeof p.lemma === 'string' && p.lemma !== '');
      // A crude bound: news vocabulary is small, so clearing rarely happens and keeps memory flat.
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(word, parses);
      return parses;
    },
  };
}

function toParse(p: AzParse): Parse {
  const tag = p.tag.toString();
  const grammemes = new Set<string>(tag.split(/[ ,]/).filter(Boolean));
  return {
    lemma: p.normalize()?.word ?? '',
    pos: p.tag.POS ?? tag.split(/[ ,]/)[0] ?? '',
    grammemes,
    score: p.score,
    inflect(wanted) {
      const form = p.inflect(wanted);
      return form ? form.word : null;
    },
  };
}
