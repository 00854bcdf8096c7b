import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../errors.js';
import { sampleEntries } from '../../../tests/fixtures/glossary-entries.js';
import { locateEntries, TERMS_COLUMNS } from '../terms-file.js';
import { csvFormat } from './csv.js';
import { deeplFormat } from './deepl.js';
import type { GlossaryFormat } from './format.js';
import { googleFormat } from './google.js';
import { tbxFormat } from './tbx.js';
import { tsvFormat } from './tsv.js';
import { readDelimited } from './delimited.js';
import { GLOSSARY_MAX_FIELD_CHARS, XML_MAX_DEPTH } from '../../documents/limits.js';


function importText(format: GlossaryFormat, text: string) {
  const { rows, errors } = format.read!(text);
  return locateEntries(rows, 'file', errors).map((l) => l.entry);
}

function errorsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidInputError);
    return (e as InvalidInputError).message.split('\n').slice(1);
  }
  throw new Error('expected the file to be rejected');
}

describe('CSV', () => {
  it('when entries are exported and imported again, then they come back unchanged, quotes and commas included', () => {
    const text = csvFormat.write(sampleEntries);
    expect(text.startsWith('\uFEFFru,en,en_gb,type,gender,forbidden,note,source\r\n')).toBe(true);
    expect(text).toContain('"President of Azerbaijan, since 2003"');
    expect(importText(csvFormat, text)).toEqual(sampleEntries);
  });

  it('when rows are wrong, then every problem is listed with the line its record starts on (line breaks in a cell included)', () => {
    const text = [
      TERMS_COLUMNS.join(','),
      'Баку,Baku,,place,,,,president.az',
      'Каспий,the Caspian,,sea,,,,president.az',
      '"Кура","Kura",,place,,,"a note',
      'over two lines",',
      'Гянджа,Ganja,,place,,,',
      'Шеки,"Shaki"x,,place,,,,president.az',
      'Ильхам Алиев,Ilham Aliyev,,person,,,,president.az',
    ].join('\n');
    expect(errorsOf(() => importText(csvFormat, text))).toEqual([
      'line 3: unknown type "sea" (use person, rank, title, organisation, place, other)',
      'line 4: note contains a tab or a line break',
      'line 4: source is empty',
      'line 6: expected 8 comma-separated columns, got 7',
      'line 7: a quoted field must end at its closing quote; write a quote inside a field as ""',
      'line 8: a person needs a gender (male or female) so names can be declined',
    ]);
  });

  it('when the header is not the eight columns, then that is the error', () => {
    expect(errorsOf(() => importText(csvFormat, 'ru,en\nБаку,Baku\n'))[0]).toMatch(/^line 1: header must be "ru,en,en_gb/);
  });
});

describe('TSV', () => {
  it('when entries are exported, then the file is a valid glossary/terms.tsv and reads back unchanged', () => {
    const text = tsvFormat.write(sampleEntries);
    expect(text.split('\n')[1]).toBe(TERMS_COLUMNS.join('\t'));
    expect(importText(tsvFormat, text)).toEqual(sampleEntries);
  });
});

describe('TBX-Basic', () => {
  it('when entries are exported and imported again, then every column survives, British spelling and forbidden terms included', () => {
    const text = tbxFormat.write(sampleEntries);
    expect(text).toContain('<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">');
    expect(text).toContain('<termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>');
    expect(text).toContain('<termNote type="geographicalUsage">en-GB</termNote>');
    expect(text).toContain('not &amp; never MoD');
    expect(importText(tbxFormat, text)).toEqual(sampleEntries);
  });

  it('when a TBX from another tool has v3 elements, a British-only langSet and no type, then it still reads', () => {
    const text = `<?xml version="1.0"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <text><body>
    <conceptEntry id="c1">
      <admin type="source">client termbase</admin>
      <langSec xml:lang="ru"><termSec><term>Генеральный штаб</term></termSec></langSec>
      <langSec xml:lang="en-GB"><termSec><term>General Staff</term></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>`;
    expect(importText(tbxFormat, text)).toEqual([
      { id: 'generalnyy-shtab', ru: 'Генеральный штаб', en: 'General Staff', type: 'other', forbidden: [], note: '', source: 'client termbase' },
    ]);
  });

  it('when entries are wrong, then each error names its line and termEntry', () => {
    const text = tbxFormat.write([sampleEntries[0]!, sampleEntries[3]!]).replace('<term>Colonel General</term>', '<term></term>').replace('<admin type="source">president.az English pages</admin>', '');
    const errors = errorsOf(() => importText(tbxFormat, text));
    const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
    expect(errors).toEqual([
      `line ${lineOf('<termEntry id="ilkham-aliev">')} (termEntry 1 id="ilkham-aliev"): source is empty`,
      `line ${lineOf('<termEntry id="general-polkovnik">')} (termEntry 2 id="general-polkovnik"): en is empty`,
    ]);
  });

  it('when the XML is truncated or its tags do not match, then it is refused with the line, not half read', () => {
    const full = tbxFormat.write(sampleEntries);
    const cut = full.slice(0, full.indexOf('<termEntry id="schyotnaya-palata">'));
    expect(errorsOf(() => importText(tbxFormat, cut)).join('\n')).toMatch(/line 3: the file is not well-formed XML: <martif> opened on line 3 is never closed/);
    expect(errorsOf(() => importText(tbxFormat, '<martif>\n<text>\n<body>\n</text>\n</martif>'))).toEqual([
      'line 4: the file is not well-formed XML: </text> does not close <body> opened on line 3',
    ]);
    expect(errorsOf(() => importText(tbxFormat, '<martif>\n<note>R&D</note></martif>'))).toEqual(['line 2: the file is not well-formed XML: a bare "&" must be written &amp;']);
    expect(errorsOf(() => importText(tbxFormat, '<glossary><entry/></glossary>'))[0]).toMatch(/root element is <glossary>/);
  });

  it('when two Russian terms share an entry, then the entry is refused instead of keeping one silently', () => {
    const text = tbxFormat.write(sampleEntries.slice(3)).replace('<tig>', '<tig><term>генерал-полковника</term></tig><tig>');
    expect(errorsOf(() => importText(tbxFormat, text))[0]).toContain('2 Russian terms in one entry');
  });
});

describe('hostile glossary files', () => {
  const long = 'б'.repeat(2_000_000);
  const subsetRefusal = 'the DOCTYPE defines entities or elements of its own (the part in square brackets); a TBX file needs none and Tandem never expands or loads them. Remove the square brackets and what is between them';

  it('when a TBX file is a billion-laughs bomb, then it is refused at its DOCTYPE line and no entity is expanded', () => {
    const lol = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE martif [',
      '  <!ENTITY lol "lol">',
      ...Array.from({ length: 9 }, (_, n) => `  <!ENTITY lol${n + 1} "${`&lol${n || ''};`.repeat(10)}">`),
      ']>',
      '<martif><text><body><termEntry><note>&lol9;</note></termEntry></body></text></martif>',
    ].join('\n');
    expect(errorsOf(() => importText(tbxFormat, lol))).toEqual([`line 2: ${subsetRefusal}`]);
  });

  it('when a TBX file declares an external entity, then it is refused and the entity is never fetched', () => {
    const xxe = '<?xml version="1.0"?>\n<!DOCTYPE martif [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<martif><text><body><termEntry><note>&x;</note></termEntry></body></text></martif>';
    expect(errorsOf(() => importText(tbxFormat, xxe))).toEqual([`line 2: ${subsetRefusal}`]);
  });

  it('when a TBX file has an entity declaration outside a DOCTYPE, then that line is refused', () => {
    expect(errorsOf(() => importText(tbxFormat, '<martif>\n<!ENTITY x SYSTEM "http://127.0.0.1/">\n</martif>'))).toEqual([
      'line 2: a declaration "<!ENTITY" is not allowed here; a TBX file needs no DTD',
    ]);
  });

  it('when TBX elements nest 100 levels deep, then the file is refused at the first element past the limit', () => {
    const text = ['<martif>', ...Array.from({ length: 99 }, () => '<note>'), 'x', ...Array.from({ length: 99 }, () => '</note>'), '</martif>'].join('\n');
    expect(errorsOf(() => importText(tbxFormat, text))).toEqual([
      `line ${XML_MAX_DEPTH + 1}: elements nest more than ${XML_MAX_DEPTH} levels deep here; a TBX file needs about eight`,
    ]);
  });

  it('when a TBX file has 100,000 bare ampersands, then each is reported on its own line in one pass', () => {
    const text = `<martif>\n${'R&D\n'.repeat(100_000)}</martif>`;
    const errors = tbxFormat.read!(text).errors;
    expect(errors).toHaveLength(100_000);
    expect(errors.at(-1)).toEqual({ line: 100_001, message: 'the file is not well-formed XML: a bare "&" must be written &amp;' });
  });

  it('when a TBX term is 2 MB long, then its entry is refused', () => {
    const text = tbxFormat.write(sampleEntries.slice(3)).replace('<term>генерал-полковник</term>', `<term>${long}</term>`);
    expect(errorsOf(() => importText(tbxFormat, text))[0]).toMatch(new RegExp(`^line \\d+ \\(termEntry 1 id="general-polkovnik"\\): ru is longer than ${GLOSSARY_MAX_FIELD_CHARS} characters$`));
  });

  it('when a CSV line holds a 2 MB field, quoted or not, then that record is refused with its line', () => {
    const text = [TERMS_COLUMNS.join(','), `Баку,Baku,,place,,,${long},president.az`, `"${long}",Kura,,place,,,,president.az`].join('\n');
    expect(errorsOf(() => importText(csvFormat, text))).toEqual([
      `line 2: field 7 is longer than ${GLOSSARY_MAX_FIELD_CHARS} characters`,
      `line 3: field 1 is longer than ${GLOSSARY_MAX_FIELD_CHARS} characters`,
    ]);
  });

  it('when a TSV line holds a 2 MB field, then that line is refused with the column named', () => {
    const text = [TERMS_COLUMNS.join('\t'), ['Баку', 'Baku', '', 'place', '', '', long, 'president.az'].join('\t')].join('\n');
    expect(errorsOf(() => importText(tsvFormat, text))).toEqual([`line 2: note is longer than ${GLOSSARY_MAX_FIELD_CHARS} characters`]);
  });
});

describe('provider glossaries', () => {
  it('when exported for DeepL, then each line is "ru<TAB>en" in the chosen spelling, with the е spelling of ё terms, no duplicates', () => {
    const american = deeplFormat.write(sampleEntries, { spelling: 'american' });
    expect(american.split('\n')).toEqual([
      'Ильхам Алиев\tIlham Aliyev',
      'Министерство обороны\tMinistry of Defense',
      'Счётная палата\tAccounts Chamber',
      'Счетная палата\tAccounts Chamber',
      'генерал-полковник\tColonel General',
      '',
    ]);
    expect(deeplFormat.write(sampleEntries, { spelling: 'british' })).toContain('Министерство обороны\tMinistry of Defence\n');
  });

  it('when exported for Google, then it is a two-column CSV without a header that reads back as pairs', () => {
    const text = googleFormat.write([{ ...sampleEntries[1]!, en: 'Ministry of Defense, Russia' }], { spelling: 'american' });
    expect(text).toBe('Министерство обороны,"Ministry of Defense, Russia"\r\n');
    expect(readDelimited(text).records[0]?.cells).toEqual(['Министерство обороны', 'Ministry of Defense, Russia']);
  });

  it('when an entry is longer than a provider allows, then the export names it instead of sending a file the provider rejects', () => {
    const long = { ...sampleEntries[2]!, id: 'long', en: 'x'.repeat(1100) };
    expect(() => deeplFormat.write([long], { spelling: 'american' })).toThrow(/1024 bytes.*long/);
  });
});
