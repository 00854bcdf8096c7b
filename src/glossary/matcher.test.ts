import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMorphology, type Morphology } from '../morphology/morph.js';
import { glossaryDir } from '../paths.js';
import type { Glossary, GlossaryEntry } from './glossary.js';
import { createMatcher, fold, surfaceForms, tokenize } from './matcher.js';
import { parseTermsFile } from './terms-file.js';

// The behaviour over many texts is the table in matcher.cases.test.ts; these are the matcher's other promises.

const entries = parseTermsFile(readFileSync(join(glossaryDir, 'terms.tsv'), 'utf8'));
let morph: Morphology;
let full: Glossary;

beforeAll(async () => {
  morph = await loadMorphology();
  full = createMatcher(entries, morph);
});

const person = (ru: string, gender: 'male' | 'female', id = ru): GlossaryEntry => ({
  id,
  ru,
  en: `${id} in English`,
  type: 'person',
  gender,
  forbidden: [],
  note: '',
  source: 'test',
});

/** "surface → entry ru", with " ?" when the match is flagged ambiguous. */
function found(glossary: Glossary, text: string): string[] {
  return glossary.match(text).map((m) => `${m.surface} → ${m.source}${m.ambiguous ? ' ?' : ''}`);
}

describe('glossary matcher', () => {
  it('when a text has many terms, then matches come left to right without overlap, with the entry fields', () => {
    const text = 'Генерал армии Валерий Герасимов и генерал-полковник Наджмеддин Садыков обсудили ситуацию на Каспии.';
    const matches = full.match(text);
    expect(matches.map((m) => m.entryId)).toEqual(['general-armii', 'valeriy-gerasimov', 'general-polkovnik', 'nadzhmeddin-sadykov', 'kaspiy']);
    matches.slice(1).forEach((m, k) => expect(m.start).toBeGreaterThanOrEqual(matches[k]!.end));
    expect(matches[1]).toEqual({
      start: 14,
      end: 31,
      surface: 'Валерий Герасимов',
      entryId: 'valeriy-gerasimov',
      source: 'Валерий Герасимов',
      target: 'Valery Gerasimov',
      ambiguous: false,
    });
  });

  it('when the glossary lacks Mehriban Aliyeva, then her name matches nobody and a lone "Алиева" stays flagged', () => {
    const glossary = createMatcher(
      entries.filter((e) => e.ru !== 'Мехрибан Алиева'),
      morph,
    );
    expect(found(glossary, 'Мехрибан Алиева открыла выставку')).toEqual([]);
    expect(found(glossary, 'МЕХРИБАН АЛИЕВА')).toEqual([]);
    expect(found(glossary, 'с Мехрибан Алиевой')).toEqual([]);
    expect(found(glossary, 'визит Алиева')).toEqual(['Алиева → Ильхам Алиев ?']);
  });

  it('when British spelling is asked for, then targets use en_gb where the entry has one', () => {
    const british = createMatcher(entries, morph, { spelling: 'british' });
    const text = 'министр обороны и Министерство обороны, генерал армии';
    expect(british.match(text).map((m) => m.target)).toEqual(['Defence Minister', 'Ministry of Defence', 'General of the Army']);
    expect(full.match(text).map((m) => m.target)).toEqual(['Defense Minister', 'Ministry of Defense', 'General of the Army']);
  });

  it('when two glossary people share a surname, then the first name decides and the lone surname is flagged', () => {
    const glossary = createMatcher([person('Гейдар Алиев', 'male', 'heydar'), person('Ильхам Алиев', 'male', 'ilham')], morph);
    expect(glossary.match('Гейдар Алиев и Ильхамом Алиевым').map((m) => [m.entryId, m.ambiguous])).toEqual([
      ['heydar', false],
      ['ilham', false],
    ]);
    expect(glossary.match('Алиев').map((m) => [m.entryId, m.ambiguous])).toEqual([['heydar', true]]);
  });

  it('when an entry carries a patronymic, then another patronymic makes it someone else', () => {
    const glossary = createMatcher([person('Сергей Кужугетович Шойгу', 'male')], morph);
    expect(found(glossary, 'Сергей Кужугетович Шойгу')).toEqual(['Сергей Кужугетович Шойгу → Сергей Кужугетович Шойгу']);
    expect(found(glossary, 'Сергею Шойгу')).toEqual(['Сергею Шойгу → Сергей Кужугетович Шойгу']);
    expect(found(glossary, 'С. К. Шойгу')).toEqual(['С. К. Шойгу → Сергей Кужугетович Шойгу']);
    expect(found(glossary, 'Сергей Петрович Шойгу')).toEqual([]);
    expect(found(glossary, 'С. П. Шойгу')).toEqual([]);
  });

  it('when a person entry has one word or no gender, then it still matches', () => {
    const glossary = createMatcher([{ ...person('Шойгу', 'male'), gender: undefined }], morph);
    expect(found(glossary, 'заявил Шойгу')).toEqual(['Шойгу → Шойгу']);
  });

  it('when a form is missing from the generated ones, then the lemma pass still finds it', () => {
    const flotilla = entries.find((e) => e.ru === 'Каспийская флотилия')!;
    expect(surfaceForms(flotilla, morph)).toContain('каспийской флотилией');
    expect(surfaceForms(flotilla, morph)).not.toContain('каспийскою флотилиею');
    expect(found(full, 'Каспийскою флотилиею')).toEqual(['Каспийскою флотилиею → Каспийская флотилия']);
    // The lemma pass is held to agreement: words of one lexeme in different cases are no term.
    expect(found(full, 'Каспийскую флотилией')).toEqual([]);
  });

  it('when forms of an ordinal title are generated, then "первый" declines as itself, not as "один"', () => {
    const entry = entries.find((e) => e.ru === 'первый заместитель министра обороны')!;
    const forms = surfaceForms(entry, morph);
    expect(forms).toContain('первого заместителя министра обороны');
    expect(forms).toContain('первыми заместителями министра обороны');
    expect(forms.some((f) => f.startsWith('один'))).toBe(false);
  });

  it('when forms of a person are listed, then they cover the full name and the surname alone in every case', () => {
    const forms = surfaceForms(entries.find((e) => e.ru === 'Валерий Герасимов')!, morph);
    expect(forms).toEqual(expect.arrayContaining(['валерий герасимов', 'валерием герасимовым', 'герасимову', 'герасимове']));
  });

  it('when text is tokenised, then hyphenated words stay whole and offsets are kept', () => {
    expect(tokenize('Генерал-полковник, т. е. 10').map((t) => [t.raw, t.start])).toEqual([
      ['Генерал-полковник', 0],
      ['т', 19],
      ['е', 22],
      ['10', 25],
    ]);
    expect(tokenize('Алие́в и Ёлкин‑Пётр, генерал-\nармии').map((t) => [t.raw, t.folded])).toEqual([
      ['Алие́в', 'алиев'],
      ['и', 'и'],
      ['Ёлкин‑Пётр', 'елкин-петр'],
      ['генерал', 'генерал'],
      ['армии', 'армии'],
    ]);
    expect(tokenize('𝐀𝐁 где-то').map((t) => t.raw)).toEqual(['𝐀𝐁', 'где-то']);
    expect(fold('Ёлкин‑Пётр')).toBe('елкин-петр');
    expect(fold('пол\u00ADковник')).toBe('полковник');
  });
});
