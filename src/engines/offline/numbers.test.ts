import { describe, expect, it } from 'vitest';
import { matchNumber } from './numbers.js';
import { tokenize } from './tokenize.js';

/** The English of the number expression at the start of `text`, and how much of the text it took. */
function number(text: string) {
  const tokens = tokenize(text);
  const m = matchNumber(tokens, 0);
  return m && { english: m.english, kind: m.kind, took: tokens.slice(0, m.length).map((t) => t.text).join('') };
}

describe('numbers and dates', () => {
  it('when a day is followed by a genitive month, then it becomes Month day', () => {
    expect(number('26 ноября')).toEqual({ english: 'November 26', kind: 'date', took: '26 ноября' });
    expect(number('10 июля')?.english).toBe('July 10');
    expect(number('1 мая')?.english).toBe('May 1');
  });

  it('when a date has a year and года, then the year follows a comma and года is taken', () => {
    expect(number('26 ноября 2024 года')).toEqual({ english: 'November 26, 2024', kind: 'date', took: '26 ноября 2024 года' });
  });

  it('when a dateline abbreviates the month, then the full month is written', () => {
    expect(number('26 ноя — Sputnik')?.english).toBe('November 26');
    expect(number('3 дек. в Москве')?.english).toBe('December 3');
  });

  it('when days form a range, then the range is kept', () => {
    expect(number('25-26 ноября')?.english).toBe('November 25-26');
    expect(number('10 по 15 июля')?.english).toBe('July 10 to 15');
  });

  it('when a date is written with dots, then it becomes Month day, year', () => {
    expect(number('26.11.2024')?.english).toBe('November 26, 2024');
  });

  it('when hours and minutes are separated by a dot or colon, then it becomes a time with a colon', () => {
    expect(number('10.30')).toEqual({ english: '10:30', kind: 'time', took: '10.30' });
    expect(number('9:05')?.english).toBe('9:05');
  });

  it('when a year is followed by a form of год, then only the year remains', () => {
    expect(number('2017 году')).toEqual({ english: '2017', kind: 'year', took: '2017 году' });
    expect(number('2017 г. в')?.english).toBe('2017');
    expect(number('2017-2018 годах')?.english).toBe('2017-2018');
  });

  it('when an amount has a decimal comma, a scale and a currency abbreviation, then it is written the English way', () => {
    expect(number('1,5 млрд руб. на')).toEqual({ english: '1.5 billion roubles', kind: 'amount', took: '1,5 млрд руб.' });
    expect(number('300 млн долл. на')?.english).toBe('$300 million');
    expect(number('2,5 тыс.')?.english).toBe('2,500');
  });

  it('when an abbreviation ends the sentence, then its full stop is left for the sentence', () => {
    expect(number('1,5 млрд руб.')?.took).toBe('1,5 млрд руб');
  });

  it('when thousands are separated by spaces, then they are joined with commas', () => {
    expect(number('10 000 человек')?.english).toBe('10,000');
    expect(number('1 500 000')?.english).toBe('1,500,000');
  });

  it('when a digit ordinal has a Russian ending, then it gets the English suffix', () => {
    expect(['1-й', '2-го', '3-я', '11-й', '22-го', '10-м'].map((t) => number(t)?.english)).toEqual([
      '1st', '2nd', '3rd', '11th', '22nd', '10th',
    ]);
  });

  it('when a number stands alone, then it is copied', () => {
    expect(number('2017')?.english).toBe('2017');
    expect(number('2017-2018')?.english).toBe('2017-2018');
  });
});
