import { describe, expect, it } from 'vitest';
import { checkInput, entries, type TermSpec } from '../../tests/fixtures/check-input.js';
import { loadGlossary } from '../glossary/load.js';
import { entriesById } from './check.js';
import { terminologyCheck } from './terminology.js';

const codes = (source: string, target: string, terms: TermSpec[]) => terminologyCheck.run(checkInput(source, target, terms)).map((i) => i.code);

const gerasimov = { surface: 'Валерий Герасимов', entry: entries.gerasimov };
const gerasimovLone = { surface: 'Герасимова', entry: entries.gerasimov };
const sadigov = { surface: 'Наджмеддин Садыков', entry: entries.sadigov };
const general = { surface: 'генерал армии', entry: entries.generalOfArmy };
const caspian = { surface: 'Каспии', entry: entries.caspian };
const ministry = { surface: 'Министерство обороны', entry: entries.ministry };
const kremlin = { surface: 'Кремля', entry: entries.kremlin };

describe('the terminology check', () => {
  it.each<[string, string, string, TermSpec[], string[]]>([
    ['the official form is present', 'Валерий Герасимов прибыл.', 'Valery Gerasimov arrived.', [gerasimov], []],
    ['the official form is missing', 'Валерий Герасимов прибыл.', 'The chief arrived.', [gerasimov], ['term_missing']],
    ['a case-changed form is not the official one', 'Валерий Герасимов прибыл.', 'VALERY GERASIMOV arrived.', [gerasimov], ['term_missing']],
    ['an all-caps source term is in capitals', 'МОСКВА, 3 марта.', 'MOSCOW, March 3.', [{ surface: 'МОСКВА', entry: entries.moscow }], []],
    ['an all-caps source term is in title case', 'МОСКВА, 3 марта.', 'Moscow, March 3.', [{ surface: 'МОСКВА', entry: entries.moscow }], []],
    ['a title-case source term is in capitals', 'Учения в Москве.', 'Drills in MOSCOW.', [{ surface: 'Москве', entry: entries.moscow }], ['term_missing']],
    ['the term is part of a longer word', 'Валерий Герасимов прибыл.', 'Valery Gerasimovich arrived.', [gerasimov], ['term_missing']],
    ['the possessive follows the term', 'Слова Валерий Герасимов.', "Valery Gerasimov's words.", [gerasimov], []],
    ['a typographic apostrophe is used', 'Пресс-служба Кремля сообщила.', 'The Kremlin’s press service said.', [kremlin], []],
    ['a term starting lower case opens the sentence capitalised', 'Пресс-служба Кремля сообщила.', "The Kremlin's press service said.", [kremlin], []],
    ['a proper noun is written in lower case', 'Учения на Каспии.', 'Drills in the caspian.', [caspian], ['term_missing']],
    ['the leading article is dropped', 'Учения на Каспии.', 'Caspian drills.', [caspian], []],
    ['a lone surname is rendered as the surname', 'Слова Герасимова.', 'Gerasimov said.', [gerasimovLone], []],
    ['a lone surname is rendered in full', 'Слова Герасимова.', 'Valery Gerasimov said.', [gerasimovLone], []],
    ['a full name is rendered as the surname only', 'Валерий Герасимов прибыл.', 'Gerasimov arrived.', [gerasimov], ['term_missing']],
    ['a rank is in the plural', 'Прибыли генерал армии и другие.', 'Generals of the Army arrived.', [general], ['term_missing']],
    ['a rank takes a plural -s', 'Прибыли генерал армии.', 'Two General of the Armys.', [general], []],
    ['the British spelling is used', 'Министерство обороны сообщило.', 'The Ministry of Defence said.', [ministry], []],
    ['the American spelling is used', 'Министерство обороны сообщило.', 'The Ministry of Defense said.', [ministry], []],
    ['a forbidden variant is used', 'Наджмеддин Садыков прибыл.', 'Nadzhmeddin Sadykov arrived.', [sadigov], ['term_missing', 'term_forbidden', 'term_forbidden']],
    ['a forbidden variant appears beside the official form', 'Наджмеддин Садыков прибыл.', 'Najmaddin Sadigov (Nadzhmeddin Sadykov) arrived.', [sadigov], ['term_forbidden', 'term_forbidden']],
    ['a forbidden variant differs only in case', 'Наджмеддин Садыков прибыл.', 'Najmaddin Sadigov, not NADZHMEDDIN SADYKOV.', [sadigov], ['term_forbidden', 'term_forbidden']],
    ['a forbidden variant is part of a longer word', 'Генерал армии прибыл.', 'General of the Army arrived; Army Generals left.', [{ surface: 'Генерал армии', entry: entries.generalOfArmy }], []],
    ['the match is ambiguous', 'Слова Герасимова.', 'Gerasimov said.', [{ ...gerasimovLone, ambiguous: true }], ['term_ambiguous']],
    ['the match is ambiguous and the English omits it', 'Слова Герасимова.', 'She said.', [{ ...gerasimovLone, ambiguous: true }], ['term_ambiguous']],
    ['two terms, one missing', 'Вчера генерал армии Валерий Герасимов прибыл.', 'Valery Gerasimov arrived.', [general, gerasimov], ['term_missing']],
    ['the target is empty', 'Валерий Герасимов прибыл.', '', [gerasimov], []],
    ['there are no terms', 'Совещание прошло.', 'The meeting took place.', [], []],
  ])('when %s, then it reports the expected codes', (_name, source, target, terms, expected) => {
    expect(codes(source, target, terms)).toEqual(expected);
  });

  it('when the same term occurs twice and is missing, then it is reported once', () => {
    const input = checkInput('Герасимова и Герасимова.', 'He and he.', [gerasimovLone]);
    input.matches = [...input.matches, { ...input.matches[0]!, start: 13, end: 23 }];
    expect(terminologyCheck.run(input).map((i) => i.code)).toEqual(['term_missing']);
  });

  it('when a term is missing, then the message names the Russian and the official English and the span points into the source', () => {
    const [issue] = terminologyCheck.run(checkInput('Вчера Валерий Герасимов прибыл.', 'He arrived.', [gerasimov]));
    expect(issue?.message).toBe('“Валерий Герасимов” must be translated as “Valery Gerasimov” (glossary)');
    expect(issue?.spans).toEqual([{ side: 'source', start: 6, end: 23 }]);
    expect(issue?.details).toEqual({ entryId: 'gerasimov', expected: 'Valery Gerasimov' });
  });

  it('when a forbidden variant is used, then its spans point at it in the target', () => {
    const target = 'Then Nadzhmeddin Sadykov spoke.';
    const forbidden = terminologyCheck.run(checkInput('Наджмеддин Садыков прибыл.', target, [sadigov])).find((i) => i.details?.variant === 'Nadzhmeddin Sadykov');
    expect(forbidden?.spans?.map((s) => target.slice(s.start, s.end))).toEqual(['Nadzhmeddin Sadykov']);
    expect(forbidden?.severity).toBeUndefined();
  });

  it('when a match is ambiguous, then the warning asks the reviewer to decide', () => {
    const [issue] = terminologyCheck.run(checkInput('Слова Герасимова.', 'Gerasimov said.', [{ ...gerasimovLone, ambiguous: true }]));
    expect(issue).toMatchObject({ code: 'term_ambiguous', severity: 'warning', message: 'Decide: is “Герасимова” Valery Gerasimov? The Russian alone cannot tell.' });
  });

  it('when the real glossary matches an inflected name, then the check sees the engine’s old transliteration as missing and forbidden', async () => {
    const glossary = await loadGlossary();
    const source = 'Наджмеддином Садыковым подписан приказ.';
    const issues = terminologyCheck.run({ source, target: 'The order was signed by Nadzhmeddin Sadykov.', matches: glossary.match(source), glossary: entriesById(glossary.entries) });
    expect(issues.map((i) => i.code)).toEqual(['term_missing', 'term_forbidden']);
    const fixed = terminologyCheck.run({ source, target: 'The order was signed by Najmaddin Sadigov.', matches: glossary.match(source), glossary: entriesById(glossary.entries) });
    expect(fixed).toEqual([]);
  });
});
