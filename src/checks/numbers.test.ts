import { describe, expect, it } from 'vitest';
import { checkInput } from '../../tests/fixtures/check-input.js';
import { numbersCheck } from './numbers.js';

const missing = (source: string, target: string) => numbersCheck.run(checkInput(source, target)).map((i) => i.details?.number);

describe('the numbers check', () => {
  it.each<[string, string, string, unknown[]]>([
    ['a plain number is copied', 'Прибыли 150 военных.', '150 troops arrived.', []],
    ['a plain number is changed', 'Прибыли 150 военных.', '105 troops arrived.', ['150']],
    ['a number is dropped', 'Прибыли 150 военных.', 'Troops arrived.', ['150']],
    ['a decimal comma becomes a point', 'Выделено 1,5 млрд рублей.', '1.5 billion roubles were allocated.', []],
    ['a decimal comma is kept in English', 'Выделено 1,5 млрд рублей.', '1,5 billion roubles were allocated.', ['1.5']],
    ['thousands grouped with a space become a comma', 'Участвуют 10 000 военных.', '10,000 troops take part.', []],
    ['thousands grouped with a no-break space', 'Участвуют 10\u00A0000 военных.', '10,000 troops take part.', []],
    ['thousands are written without a separator', 'Участвуют 10 000 военных.', '10000 troops take part.', []],
    ['a year is followed by another number', 'В 2024 году 150 человек.', 'In 2024, 150 people.', []],
    ['a day and month become a month name', 'Встреча 26 ноября.', 'The meeting on November 26.', []],
    ['a dotted date becomes a month name', 'Приказ от 05.03.2024 вступил в силу.', 'The order of March 5, 2024 took effect.', []],
    ['a dotted date loses its year', 'Приказ от 05.03.2024 вступил в силу.', 'The order of March 5 took effect.', ['2024']],
    ['a range is kept', 'Учения 10-15 июля.', 'Drills on July 10-15.', []],
    ['a time with a dot becomes a colon', 'Начало в 10.30.', 'Starts at 10:30.', []],
    ['an ordinal gets an English suffix', 'В 1-й раз.', 'For the 1st time.', []],
    ['a small number is spelled out', 'Прибыли 3 корабля.', 'Three ships arrived.', []],
    ['a large number is spelled out', 'Прибыли 30 кораблей.', 'Thirty ships arrived.', ['30']],
    ['a zero-padded number loses its zero', 'Бригада 07 прибыла.', 'Brigade 7 arrived.', []],
    ['a number repeats and is missing', 'Было 5 и стало 5.', 'It stayed the same.', ['5']],
    ['there are no numbers', 'Совещание прошло.', 'The meeting took place.', []],
    ['the target is empty', 'Прибыли 150 военных.', '', []],
  ])('when %s, then the missing numbers are as expected', (_name, source, target, expected) => {
    expect(missing(source, target)).toEqual(expected);
  });

  it('when a number is missing, then the warning quotes it and points at it in the source', () => {
    const [issue] = numbersCheck.run(checkInput('Прибыли 10 000 военных.', 'Troops arrived.'));
    expect(issue?.message).toBe('The number 10 000 in the Russian is not in the English');
    expect(issue?.spans).toEqual([{ side: 'source', start: 8, end: 14 }]);
    expect(numbersCheck.severity).toBe('warning');
  });
});
