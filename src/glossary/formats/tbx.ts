import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { GLOSSARY_MAX_FIELD_CHARS } from '../../documents/limits.js';
import type { GlossaryEntry, TermType } from '../glossary.js';
import { TERM_TYPES, TERMS_COLUMNS, type LocatedRow, type TermsFileError } from '../terms-file.js';
import type { GlossaryFormat, ReadResult } from './format.js';
import { scanXml } from './xml-scan.js';

/*
 * TBX-Basic (the 2008 "martif" dialect most CAT tools read and write; TBX v3 files with
 * conceptEntry/langSec/termSec are read too). How Tandem's columns map, both ways:
 *   ru         langSet xml:lang="ru" / tig / term (deprecated Russian terms are ignored)
 *   gender     termNote type="grammaticalGender" (masculine, feminine) on the Russian term of a person
 *   en, en_gb  langSet xml:lang="en" / tig / term; en_gb is the term with termNote
 *              type="geographicalUsage" en-GB (or in a langSet xml:lang="en-GB")
 *   forbidden  English terms with termNote type="administrativeStatus" deprecatedTerm-admn-sts
 *              (or supersededTerm-admn-sts)
 *   type       descrip type="subjectField" on the termEntry (a value that is not a Tandem type reads as other)
 *   note       note on the termEntry
 *   source     admin type="source"
 */

const messages = {
  broken: (reason: string) => `the file is not well-formed XML: ${reason}`,
  root: (name: string) => `the root element is <${name}>; a TBX file has <martif> (TBX-Basic 2008) or <tbx> (TBX v3)`,
  noEntries: 'the file has no termEntry (or conceptEntry) elements',
  russian: (n: number) => `${n} Russian terms in one entry; Tandem keeps one term per entry, so give each spelling its own termEntry`,
  english: (n: number, region: string) => `${n} preferred ${region} English terms in one entry; mark all but one as deprecatedTerm-admn-sts or admittedTerm-admn-sts`,
  tooLong: (column: string) => `${column} is longer than ${GLOSSARY_MAX_FIELD_CHARS} characters`,
};

const ENTRY = ['termEntry', 'conceptEntry'];
const LANG = ['langSet', 'langSec'];
const TERM_GROUP = ['tig', 'ntig', 'termSec'];
const FORBIDDEN_STATUS = /^(deprecated|superseded)Term(-admn-sts)?$/i;

export const tbxFormat = {
  id: 'tbx',
  label: 'TBX-Basic',
  extension: 'tbx',
  contentType: 'application/x-tbx+xml; charset=utf-8',
  description: 'TermBase eXchange (TBX-Basic), for CAT tools and termbases: Trados MultiTerm, memoQ, Phrase, Weblate.',
  read(text: string): ReadResult {
    const xml = text.replace(/^\uFEFF/, '');
    const scan = scanXml(xml);
    if (scan.refused.length > 0) return { rows: [], errors: scan.refused };
    if (scan.errors.length > 0) return { rows: [], errors: scan.errors.map((e) => ({ ...e, message: messages.broken(e.message) })) };
    let root: Element;
    try {
      root = create(xml).root().node as unknown as Element;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const line = Number(/Ln: (\d+)/.exec(message)?.[1] ?? 0) + 1;
      return { rows: [], errors: [{ line, message: messages.broken(message.split('\n')[0] ?? message) }] };
    }
    if (root.localName !== 'martif' && root.localName !== 'tbx') return { rows: [], errors: [{ line: scan.startLines.get(root.nodeName)?.[0] ?? 1, message: messages.root(root.nodeName) }] };

    const entries = descendants(root, ENTRY);
    if (entries.length === 0) return { rows: [], errors: [{ line: 1, message: messages.noEntries }] };
    const lines = [...(scan.startLines.get('termEntry') ?? []), ...(scan.startLines.get('conceptEntry') ?? [])].sort((a, b) => a - b);
    const rows: LocatedRow[] = [];
    const errors: TermsFileError[] = [];
    entries.forEach((entry, n) => {
      const line = lines[n] ?? 1;
      const id = entry.getAttribute('id');
      const where = `${entry.localName} ${n + 1}${id ? ` id="${id}"` : ''}`;
      const { row, problems } = readEntry(entry);
      const long = TERMS_COLUMNS.find((column) => row[column].length > GLOSSARY_MAX_FIELD_CHARS);
      if (long) problems.push(messages.tooLong(long));
      if (problems.length > 0) errors.push(...problems.map((message) => ({ line, where, message })));
      else rows.push({ line, where, row });
    });
    return { rows, errors };
  },

  write(entries: readonly GlossaryEntry[]): string {
    const martif = create({ version: '1.0', encoding: 'UTF-8' })
      .dtd({ name: 'martif', sysID: 'TBXBasiccoreStructV02.dtd' })
      .ele('martif', { type: 'TBX-Basic', 'xml:lang': 'en' });
    const header = martif.ele('martifHeader');
    const fileDesc = header.ele('fileDesc');
    fileDesc.ele('titleStmt').ele('title').txt('Tandem glossary: official English for Russian names, ranks, titles, organisations and places');
    fileDesc.ele('sourceDesc').ele('p').txt('Exported from Tandem');
    header.ele('encodingDesc').ele('p', { type: 'XCSURI' }).txt('TBXBasicXCSV02.xcs');
    const body = martif.ele('text').ele('body');
    for (const entry of entries) writeEntry(body, entry);
    return martif.end({ prettyPrint: true }) + '\n';
  },
} satisfies GlossaryFormat;

function writeEntry(body: XMLBuilder, entry: GlossaryEntry): void {
  const termEntry = body.ele('termEntry', { id: entry.id });
  termEntry.ele('descrip', { type: 'subjectField' }).txt(entry.type);
  if (entry.note) termEntry.ele('note').txt(entry.note);
  termEntry.ele('admin', { type: 'source' }).txt(entry.source);

  const ru = termEntry.ele('langSet', { 'xml:lang': 'ru' }).ele('tig');
  ru.ele('term').txt(entry.ru);
  ru.ele('termNote', { type: 'partOfSpeech' }).txt(['person', 'place', 'organisation'].includes(entry.type) ? 'properNoun' : 'noun');
  if (entry.gender) ru.ele('termNote', { type: 'grammaticalGender' }).txt(entry.gender === 'male' ? 'masculine' : 'feminine');

  const en = termEntry.ele('langSet', { 'xml:lang': 'en' });
  const term = (text: string, status: string, region?: string) => {
    const tig = en.ele('tig');
    tig.ele('term').txt(text);
    tig.ele('termNote', { type: 'administrativeStatus' }).txt(status);
    if (region) tig.ele('termNote', { type: 'geographicalUsage' }).txt(region);
  };
  term(entry.en, 'preferredTerm-admn-sts', entry.enGb ? 'en-US' : undefined);
  if (entry.enGb) term(entry.enGb, 'preferredTerm-admn-sts', 'en-GB');
  for (const f of entry.forbidden) term(f, 'deprecatedTerm-admn-sts');
}

function readEntry(entry: Element): { row: LocatedRow['row']; problems: string[] } {
  const problems: string[] = [];
  const own = children(entry);
  const subject = own.filter((c) => c.localName === 'descrip' && c.getAttribute('type') === 'subjectField').map(text);
  const type = subject.map(toType).find(Boolean) ?? 'other';
  const note = own.filter((c) => c.localName === 'note').map(text).filter(Boolean).join('; ');
  const source = descendants(entry, ['admin']).find((c) => c.getAttribute('type') === 'source');

  const langSets = children(entry).filter((c) => LANG.includes(c.localName));
  const terms = langSets.flatMap((set) => {
    const lang = (set.getAttribute('xml:lang') ?? '').toLowerCase();
    return descendants(set, TERM_GROUP).map((group) => readTerm(group, lang));
  });

  const russian = terms.filter((t) => t.lang.startsWith('ru') && !t.forbidden);
  if (russian.length > 1) problems.push(messages.russian(russian.length));
  const english = terms.filter((t) => t.lang.startsWith('en'));
  const pick = (region: 'GB' | 'other') => {
    const candidates = english.filter((t) => !t.forbidden && (t.region === 'GB') === (region === 'GB'));
    const preferred = candidates.filter((t) => t.preferred);
    const chosen = preferred.length > 0 ? preferred : candidates;
    if (chosen.length > 1) problems.push(messages.english(chosen.length, region === 'GB' ? 'British' : 'American'));
    return chosen[0]?.text ?? '';
  };
  let en = pick('other');
  let enGb = pick('GB');
  // A termbase with only British English: that is its English.
  if (!en && enGb) [en, enGb] = [enGb, ''];

  const ru = russian[0];
  return {
    problems,
    row: {
      ru: ru?.text ?? '',
      en,
      en_gb: enGb,
      type,
      gender: type === 'person' ? (ru?.gender ?? '') : '',
      forbidden: english.filter((t) => t.forbidden).map((t) => t.text).join('|'),
      note,
      source: source ? text(source) : '',
    },
  };
}

interface TbxTerm {
  lang: string;
  text: string;
  forbidden: boolean;
  preferred: boolean;
  region: 'GB' | 'US' | '';
  gender: string;
}

function readTerm(group: Element, lang: string): TbxTerm {
  const note = (type: string) => descendants(group, ['termNote']).find((n) => n.getAttribute('type') === type);
  const status = note('administrativeStatus') ? text(note('administrativeStatus')!) : '';
  const usage = (note('geographicalUsage') ? text(note('geographicalUsage')!) : lang).toLowerCase();
  const gender = note('grammaticalGender') ? text(note('grammaticalGender')!) : '';
  const term = descendants(group, ['term'])[0];
  return {
    lang,
    text: term ? text(term) : '',
    forbidden: FORBIDDEN_STATUS.test(status),
    preferred: /^preferredTerm/i.test(status),
    region: /(^|-)gb$|brit/.test(usage) ? 'GB' : /(^|-)us$|americ/.test(usage) ? 'US' : '',
    gender: gender === 'masculine' ? 'male' : gender === 'feminine' ? 'female' : gender,
  };
}

function toType(subject: string): TermType | undefined {
  const value = subject.toLowerCase().replace(/organization/, 'organisation');
  return (TERM_TYPES as readonly string[]).includes(value) ? (value as TermType) : undefined;
}

/** Child elements, walked by sibling links: the DOM's childNodes list is slow to index on a body of thousands of entries. */
function children(el: Element): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
}

/** Elements named one of `names` below `el`, in document order, not looking inside a match. */
function descendants(el: Element, names: readonly string[]): Element[] {
  const out: Element[] = [];
  for (const child of children(el)) {
    if (names.includes(child.localName)) out.push(child);
    else out.push(...descendants(child, names));
  }
  return out;
}

/** Text content with whitespace collapsed: pretty-printed XML wraps terms in indentation. */
function text(el: Element): string {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
}
