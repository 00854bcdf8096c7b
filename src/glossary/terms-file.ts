import { GLOSSARY_MAX_FIELD_CHARS } from '../documents/limits.js';
import { InvalidInputError } from '../errors.js';
import type { GlossaryEntry, TermType } from './glossary.js';

/** The columns of glossary/terms.tsv, in order; the header line must spell them exactly. */
export const TERMS_COLUMNS = ['ru', 'en', 'en_gb', 'type', 'gender', 'forbidden', 'note', 'source'] as const;

export type TermColumn = (typeof TERMS_COLUMNS)[number];
/** One entry as text cells, the shape every import format reads into before validation. */
export type TermRow = Record<TermColumn, string>;

export const TERM_TYPES: readonly TermType[] = ['person', 'rank', 'title', 'organisation', 'place', 'other'];
const GENDERS = ['male', 'female'] as const;

const messages = {
  noHeader: `no header line; the first line must be: ${TERMS_COLUMNS.join('\\t')}`,
  badHeader: (got: string) => `header must be "${TERMS_COLUMNS.join('\\t')}", got "${got}"`,
  columns: (n: number) => `expected ${TERMS_COLUMNS.length} tab-separated columns, got ${n}`,
  tooLong: (column: string) => `${column} is longer than ${GLOSSARY_MAX_FIELD_CHARS} characters`,
  empty: (column: string) => `${column} is empty`,
  type: (t: string) => `unknown type "${t}" (use ${TERM_TYPES.join(', ')})`,
  gender: (g: string) => `unknown gender "${g}" (use male or female)`,
  personGender: 'a person needs a gender (male or female) so names can be declined',
  personName: 'a person needs a first name and a surname ("Имя Фамилия" or "Имя Отчество Фамилия")',
  genderNotPerson: 'gender is only for persons; leave it empty',
  sameGb: 'en_gb repeats en; leave en_gb empty when British spelling is the same',
  breaks: (column: string) => `${column} contains a tab or a line break`,
  duplicate: (ru: string, line: number) => `duplicate ru "${ru}" (first on line ${line})`,
  noLetters: 'ru has no letters or digits to build an id from',
  idClash: (id: string, line: number) => `id "${id}" is already taken by line ${line}; reword ru`,
  summary: (file: string, n: number) => `${file} has ${n} error${n === 1 ? '' : 's'}`,
  more: (n: number) => `… and ${n.toLocaleString('en')} more`,
};

export interface TermsFileError {
  line: number;
  message: string;
  /** Where in the file besides the line, for formats whose records are not lines ("termEntry 3"). */
  where?: string;
}

/** A row read from a file, with the line it starts on. */
export interface LocatedRow {
  line: number;
  where?: string;
  row: TermRow;
}

/**
 * Parses glossary/terms.tsv. Every line is checked and every problem reported at once
 * (line-numbered, in `details.errors` too), so an editor fixes the file in one pass.
 */
export function parseTermsFile(text: string, fileName = 'terms.tsv'): GlossaryEntry[] {
  const { rows, errors } = readTermsText(text);
  return entriesFromRows(rows, fileName, errors);
}

/** The lines of a terms file as rows, and the problems of its layout (header, column counts); the rows are not checked yet. */
export function readTermsText(text: string): { rows: LocatedRow[]; errors: TermsFileError[] } {
  const errors: TermsFileError[] = [];
  const rows: LocatedRow[] = [];
  let headerSeen = false;

  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '' || raw.startsWith('#')) return;
    if (!headerSeen) {
      headerSeen = true;
      if (raw.trim() !== TERMS_COLUMNS.join('\t')) errors.push({ line, message: messages.badHeader(raw.trim()) });
      return;
    }
    const cells = raw.split('\t');
    if (cells.length !== TERMS_COLUMNS.length) return void errors.push({ line, message: messages.columns(cells.length) });
    const long = cells.findIndex((cell) => cell.length > GLOSSARY_MAX_FIELD_CHARS);
    if (long >= 0) return void errors.push({ line, message: messages.tooLong(TERMS_COLUMNS[long]!) });
    rows.push({ line, row: rowFromCells(cells) });
  });

  if (!headerSeen) errors.push({ line: 1, message: messages.noHeader });
  return { rows, errors };
}

/** Cells in TERMS_COLUMNS order → a row. */
export function rowFromCells(cells: readonly string[]): TermRow {
  return Object.fromEntries(TERMS_COLUMNS.map((c, i) => [c, cells[i] ?? ''])) as TermRow;
}

/**
 * The rules every way into the glossary shares (file, form, API, import), for one row on its own.
 * Duplicates are the caller's to check: they depend on what else is in the file or the database.
 */
export function rowProblems(input: TermRow): string[] {
  const problems: string[] = [];
  const fail = (m: string) => problems.push(m);
  for (const column of TERMS_COLUMNS) if (/[\t\r\n]/.test(input[column])) fail(messages.breaks(column));
  const { ru, en, en_gb: enGb, type, gender, source } = trimRow(input);

  if (!ru) fail(messages.empty('ru'));
  if (!en) fail(messages.empty('en'));
  if (!source) fail(messages.empty('source'));
  if (enGb && enGb === en) fail(messages.sameGb);
  if (!isType(type)) fail(messages.type(type));
  if (gender && !isGender(gender)) fail(messages.gender(gender));
  if (type === 'person' && !gender) fail(messages.personGender);
  if (type === 'person' && ru && ru.split(/\s+/).length < 2) fail(messages.personName);
  if (type !== 'person' && isType(type) && gender) fail(messages.genderNotPerson);
  if (ru && problems.length === 0 && !slugify(ru)) fail(messages.noLetters);
  return problems;
}

/** An entry with where it came from in a file, so later checks (against the database) can name the line. */
export interface LocatedEntry {
  line: number;
  where?: string;
  entry: GlossaryEntry;
}

/**
 * Checks located rows one by one and together (duplicate terms, clashing ids) and returns the
 * entries, or throws one InvalidInputError listing every problem by line. `errors` holds what the
 * reader already found (a bad header, a wrong column count) so all appear in one list.
 */
export function entriesFromRows(rows: readonly LocatedRow[], fileName: string, errors: TermsFileError[] = []): GlossaryEntry[] {
  return locateEntries(rows, fileName, errors).map((e) => e.entry);
}

/** entriesFromRows, keeping each entry's line. */
export function locateEntries(rows: readonly LocatedRow[], fileName: string, errors: readonly TermsFileError[] = []): LocatedEntry[] {
  const found = [...errors];
  const entries: LocatedEntry[] = [];
  const ruLines = new Map<string, number>();
  const idLines = new Map<string, number>();

  for (const { line, where, row } of rows) {
    const problems = rowProblems(row);
    const ru = row.ru.trim();
    if (ru) {
      const key = ruKey(ru);
      const first = ruLines.get(key);
      if (first !== undefined) problems.push(messages.duplicate(ru, first));
      else ruLines.set(key, line);
    }
    // Checked only on otherwise valid rows: a duplicate ru already explains a repeated id.
    const id = slugify(ru);
    if (problems.length === 0) {
      const owner = idLines.get(id);
      if (owner !== undefined) problems.push(messages.idClash(id, owner));
    }
    if (problems.length > 0) {
      found.push(...problems.map((message) => ({ line, message, ...(where ? { where } : {}) })));
      continue;
    }
    idLines.set(id, line);
    entries.push({ line, ...(where ? { where } : {}), entry: rowToEntry(row) });
  }

  if (found.length > 0) throw glossaryFileError(fileName, found);
  return entries;
}

/** One InvalidInputError for a file: every problem on its own line, and as data in `details.errors`. */
export function glossaryFileError(fileName: string, errors: readonly TermsFileError[]): InvalidInputError {
  const sorted = [...errors].sort((a, b) => a.line - b.line);
  // A 2 MB file of bad lines has a million problems; the first few hundred say what is wrong, the count says how much.
  const shown = sorted.slice(0, MAX_REPORTED_ERRORS);
  const list = shown.map((e) => `line ${e.line}${e.where ? ` (${e.where})` : ''}: ${e.message}`).join('\n');
  const more = sorted.length > shown.length ? `\n${messages.more(sorted.length - shown.length)}` : '';
  return new InvalidInputError(`${messages.summary(fileName, sorted.length)}:\n${list}${more}`, 'invalid_glossary', {
    errors: shown,
    ...(sorted.length > shown.length ? { total: sorted.length } : {}),
  });
}

/** Problems listed in one refusal of a glossary file. */
const MAX_REPORTED_ERRORS = 200;

/** A valid row → an entry. Call rowProblems first. */
export function rowToEntry(input: TermRow): GlossaryEntry {
  const { ru, en, en_gb: enGb, type, gender, forbidden, note, source } = trimRow(input);
  return {
    id: slugify(ru),
    ru,
    en,
    ...(enGb ? { enGb } : {}),
    type: type as TermType,
    ...(gender ? { gender: gender as 'male' | 'female' } : {}),
    forbidden: splitForbidden(forbidden),
    note,
    source,
  };
}

/** An entry → its cells, as terms.tsv writes them. */
export function entryToRow(entry: GlossaryEntry): TermRow {
  return {
    ru: entry.ru,
    en: entry.en,
    en_gb: entry.enGb ?? '',
    type: entry.type,
    gender: entry.gender ?? '',
    forbidden: entry.forbidden.join('|'),
    note: entry.note,
    source: entry.source,
  };
}

/** The comparison key of a term: ё/е and capitals are the same term to the matcher, so they are the same key here. */
export function ruKey(ru: string): string {
  return ru.trim().toLowerCase().replace(/ё/g, 'е');
}

export function splitForbidden(forbidden: string): string[] {
  return forbidden
    .split('|')
    .map((f) => f.trim())
    .filter(Boolean);
}

function trimRow(row: TermRow): TermRow {
  return Object.fromEntries(TERMS_COLUMNS.map((c) => [c, (row[c] ?? '').trim()])) as TermRow;
}

function isType(t: string): t is TermType {
  return (TERM_TYPES as readonly string[]).includes(t);
}

function isGender(g: string): g is (typeof GENDERS)[number] {
  return (GENDERS as readonly string[]).includes(g);
}

// Scientific-style letters kept ASCII so ids work in URLs and in XLIFF/TBX attributes.
const LATIN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f',
  х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

/** A stable id from the Russian term: "Валерий Герасимов" → "valeriy-gerasimov", "капитан 1 ранга" → "kapitan-1-ranga". */
export function slugify(ru: string): string {
  const latin = [...ru.toLowerCase()].map((ch) => LATIN[ch] ?? ch).join('');
  return latin.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}
