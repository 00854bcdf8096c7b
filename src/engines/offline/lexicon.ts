import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { projectRoot } from '../../paths.js';

/** Parts of speech used in lexicon.tsv: coarser than OpenCorpora's, see README.md. */
export const lexiconPos = ['NOUN', 'ADJ', 'VERB', 'ADV', 'PREP', 'CONJ', 'PRON', 'NUM', 'PRCL', 'INTJ', 'PHRASE'] as const;
export type LexPos = (typeof lexiconPos)[number];

const cases = ['nomn', 'gent', 'datv', 'accs', 'ablt', 'loct'] as const;
export type Case = (typeof cases)[number];

/** `key=value` entries allowed in the forms column. */
const formKeys = new Set<string>([
  'plural', 'past', 'participle', 'third', 'ing', 'comparative', 'superlative', 'short', 'obj', 'poss', 'gov', 'value', 'ordinal',
  ...cases,
]);
/** Bare flags allowed in the forms column. */
const formFlags = new Set<string>(['mass', 'modal', 'det', 'many']);

export interface LexEntry {
  /** Russian dictionary form, folded (lower case, ё → е). */
  lemma: string;
  pos: LexPos;
  /** Main English sense; empty when the word is deliberately left out of the English (`-` in the file). */
  english: string;
  forms: ReadonlyMap<string, string>;
  flags: ReadonlySet<string>;
  note: string;
  /** File (in lexicon/) and line, for error messages and reviewers. */
  file: string;
  line: number;
}

/** A multi-word expression: a row whose lemma has several words, or an abbreviation ending in a dot. */
export interface Phrase extends LexEntry {
  /** Folded words; a trailing dot means the word must be followed by a full stop (abbreviations). */
  words: readonly string[];
  /** Fixed expressions (PHRASE) match word forms exactly; NOUN/VERB/ADJ/ADV ones also match any form of each word. */
  byLemma: boolean;
}

export interface Lexicon {
  /** The entry for a lemma, of the given part of speech when one is asked for and exists. */
  lookup(lemma: string, pos?: LexPos): LexEntry | undefined;
  /** Multi-word expressions, longest first. */
  readonly phrases: readonly Phrase[];
  /** Number of single-word lemmas. */
  readonly size: number;
}

/** The lexicon is every .tsv file in this folder (one per domain), read in name order. */
export const lexiconDir = join(projectRoot, 'src', 'engines', 'offline', 'lexicon');
const header = 'lemma\tpos\tenglish\tforms\tnote';

/** Lower case and ё → е, the form every lookup uses. */
export function fold(word: string): string {
  return word.toLowerCase().replaceAll('ё', 'е');
}

export class LexiconFormatError extends Error {
  constructor(line: number, problem: string, file = 'lexicon.tsv') {
    super(`${file} line ${line}: ${problem}`);
  }
}

export interface LexiconSource {
  file: string;
  text: string;
}

/** Parses lexicon files (or one file's text); throws LexiconFormatError naming the first bad file and line. */
export function parseLexicon(input: string | readonly LexiconSource[]): Lexicon {
  const sources = typeof input === 'string' ? [{ file: 'lexicon.tsv', text: input }] : input;
  const words = new Map<string, LexEntry[]>();
  const phrases: Phrase[] = [];
  const seen = new Map<string, string>();
  for (const { file, text: tsv } of sources) parseSource(file, tsv, words, phrases, seen);
  return finish(words, phrases);
}

function parseSource(file: string, tsv: string, words: Map<string, LexEntry[]>, phrases: Phrase[], seen: Map<string, string>): void {
  const lines = tsv.split(/\r?\n/);
  if (lines[0] !== header) throw new LexiconFormatError(1, `header must be "${header.replaceAll('\t', '<TAB>')}"`, file);
  lines.forEach((text, index) => {
    const line = index + 1;
    if (line === 1 || text.trim() === '' || text.startsWith('#')) return;
    const entry = parseLine(text, line, file);
    const key = `${entry.lemma}\t${entry.pos}`;
    const earlier = seen.get(key);
    if (earlier) throw new LexiconFormatError(line, `duplicate ${entry.pos} "${entry.lemma}" (also at ${earlier})`, file);
    seen.set(key, `${file} line ${line}`);
    const phraseWords = entry.lemma.split(' ');
    if (phraseWords.length > 1 || entry.lemma.endsWith('.')) {
      phrases.push({ ...entry, words: phraseWords, byLemma: entry.pos !== 'PHRASE' });
    } else if (entry.pos === 'PHRASE') {
      throw new LexiconFormatError(line, 'a PHRASE needs several words or a final dot', file);
    } else {
      const list = words.get(entry.lemma) ?? [];
      list.push(entry);
      words.set(entry.lemma, list);
    }
  });
}

function finish(words: Map<string, LexEntry[]>, phrases: Phrase[]): Lexicon {
  // Longest first; file and line order break ties so the result never depends on sort stability.
  phrases.sort((a, b) => b.words.length - a.words.length || a.file.localeCompare(b.file) || a.line - b.line);
  return {
    lookup(lemma, pos) {
      const list = words.get(fold(lemma));
      if (!list) return undefined;
      return pos ? list.find((e) => e.pos === pos) : list[0];
    },
    phrases,
    size: words.size,
  };
}

function parseLine(text: string, line: number, file: string): LexEntry {
  const cells = text.split('\t');
  if (cells.length < 3 || cells.length > 5) throw new LexiconFormatError(line, `expected 3 to 5 tab-separated cells, got ${cells.length}`, file);
  const [lemma = '', pos = '', english = '', formsCell = '', note = ''] = cells.map((c) => c.trim());
  if (!lemma) throw new LexiconFormatError(line, 'empty lemma', file);
  if (!isLexPos(pos)) throw new LexiconFormatError(line, `unknown pos "${pos}" (use ${lexiconPos.join(', ')})`, file);
  if (!english) throw new LexiconFormatError(line, 'empty english (write - to drop the word on purpose)', file);
  const forms = new Map<string, string>();
  const flags = new Set<string>();
  for (const item of formsCell.split(';').map((s) => s.trim()).filter(Boolean)) {
    const eq = item.indexOf('=');
    if (eq < 0) {
      if (!formFlags.has(item)) throw new LexiconFormatError(line, `unknown flag "${item}"`, file);
      flags.add(item);
      continue;
    }
    const key = item.slice(0, eq).trim();
    if (!formKeys.has(key)) throw new LexiconFormatError(line, `unknown form "${key}"`, file);
    forms.set(key, item.slice(eq + 1).trim());
  }
  return { lemma: fold(lemma), pos, english: english === '-' ? '' : english, forms, flags, note, file, line };
}

function isLexPos(pos: string): pos is LexPos {
  return (lexiconPos as readonly string[]).includes(pos);
}

export function isCase(value: string): value is Case {
  return (cases as readonly string[]).includes(value);
}

let loading: Promise<Lexicon> | undefined;

async function readSources(): Promise<LexiconSource[]> {
  const files = (await readdir(lexiconDir)).filter((f) => f.endsWith('.tsv')).sort();
  return Promise.all(files.map(async (file) => ({ file, text: await readFile(join(lexiconDir, file), 'utf8') })));
}

/** Reads and parses every lexicon file once per process. */
export function loadLexicon(): Promise<Lexicon> {
  loading ??= readSources()
    .then(parseLexicon)
    .catch((err: unknown) => {
      loading = undefined;
      throw err;
    });
  return loading;
}
