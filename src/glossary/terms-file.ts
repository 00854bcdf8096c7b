import { InvalidInputError } from '../errors.js';
import type { GlossaryEntry, TermType } from './glossary.js';

/** The columns of glossary/terms.tsv, in order; the header line must spell them exactly. */
export const TERMS_COLUMNS = ['ru', 'en', 'en_gb', 'type', 'gender', 'forbidden', 'note', 'source'] as const;

const TYPES: readonly TermType[] = ['person', 'rank', 'title', 'organisation', 'place', 'other'];
const GENDERS = ['male', 'female'] as const;

const messages = {
  noHeader: `no header line; the first line must be: ${TERMS_COLUMNS.join('\\t')}`,
  badHeader: (got: string) => `header must be "${TERMS_COLUMNS.join('\\t')}", got "${got}"`,
  columns: (n: number) => `expected ${TERMS_COLUMNS.length} tab-separated columns, got ${n}`,
  empty: (column: string) => `${column} is empty`,
  type: (t: string) => `unknown type "${t}" (use ${TYPES.join(', ')})`,
  gender: (g: string) => `unknown gender "${g}" (use male or female)`,
  personGender: 'a person needs a gender (male or female) so names can be declined',
  personName: 'a person needs a first name and a surname ("Имя Фамилия" or "Имя Отчество Фамилия")',
  genderNotPerson: 'gender is only for persons; leave it empty',
  sameGb: 'en_gb repeats en; leave en_gb empty when British spelling is the same',
  duplicate: (ru: string, line: number) => `duplicate ru "${ru}" (first on line ${line})`,
  noLetters: 'ru has no letters or digits to build an id from',
  idClash: (id: string, line: number) => `id "${id}" is already taken by line ${line}; reword ru`,
  summary: (file: string, n: number) => `${file} has ${n} error${n === 1 ? '' : 's'}`,
};

export interface TermsFileError {
  line: number;
  message: string;
}

/**
 * Parses glossary/terms.tsv. Every line is checked and every problem reported at once
 * (line-numbered, in `details.errors` too), so an editor fixes the file in one pass.
 */
export function parseTermsFile(text: string, fileName = 'terms.tsv'): GlossaryEntry[] {
  const errors: TermsFileError[] = [];
  const entries: GlossaryEntry[] = [];
  const ruLines = new Map<string, number>();
  const idLines = new Map<string, number>();
  let headerSeen = false;

  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '' || raw.startsWith('#')) return;
    const fail = (message: string) => errors.push({ line, message });
    if (!headerSeen) {
      headerSeen = true;
      if (raw.trim() !== TERMS_COLUMNS.join('\t')) fail(messages.badHeader(raw.trim()));
      return;
    }

    const cells = raw.split('\t').map((c) => c.trim());
    if (cells.length !== TERMS_COLUMNS.length) return fail(messages.columns(cells.length));
    const [ru = '', en = '', enGb = '', type = '', gender = '', forbidden = '', note = '', source = ''] = cells;
    const before = errors.length;

    if (!ru) fail(messages.empty('ru'));
    if (!en) fail(messages.empty('en'));
    if (!source) fail(messages.empty('source'));
    if (enGb && enGb === en) fail(messages.sameGb);
    if (!isType(type)) fail(messages.type(type));
    if (gender && !isGender(gender)) fail(messages.gender(gender));
    if (type === 'person' && !gender) fail(messages.personGender);
    if (type === 'person' && ru && ru.split(/\s+/).length < 2) fail(messages.personName);
    if (type !== 'person' && isType(type) && gender) fail(messages.genderNotPerson);

    if (ru) {
      // ё/е and capitals are the same term to the matcher, so they are the same key here.
      const key = ru.toLowerCase().replace(/ё/g, 'е');
      const first = ruLines.get(key);
      if (first !== undefined) fail(messages.duplicate(ru, first));
      else ruLines.set(key, line);
    }
    // Checked only on otherwise valid lines: a duplicate ru already explains a repeated id.
    const id = slugify(ru);
    if (ru && errors.length === before) {
      const owner = idLines.get(id);
      if (!id) fail(messages.noLetters);
      else if (owner !== undefined) fail(messages.idClash(id, owner));
    }
    if (errors.length > before) return;
    idLines.set(id, line);

    entries.push({
      id,
      ru,
      en,
      ...(enGb ? { enGb } : {}),
      type: type as TermType,
      ...(gender ? { gender: gender as 'male' | 'female' } : {}),
      forbidden: forbidden.split('|').map((f) => f.trim()).filter(Boolean),
      note,
      source,
    });
  });

  if (!headerSeen) errors.push({ line: 1, message: messages.noHeader });
  if (errors.length > 0) {
    const list = errors.map((e) => `line ${e.line}: ${e.message}`).join('\n');
    throw new InvalidInputError(`${messages.summary(fileName, errors.length)}:\n${list}`, 'invalid_glossary', { errors });
  }
  return entries;
}

function isType(t: string): t is TermType {
  return (TYPES as readonly string[]).includes(t);
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
