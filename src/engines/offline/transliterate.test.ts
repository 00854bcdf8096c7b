import { describe, expect, it } from 'vitest';
import { transliterate } from './transliterate.js';

describe('transliterate', () => {
  const cases: [string, string][] = [
    // Names from the brief
    ['Герасимов', 'Gerasimov'],
    ['Валерий', 'Valery'],
    ['Алиев', 'Aliyev'],
    ['Ильхам', 'Ilham'],
    ['Гасанов', 'Gasanov'],
    ['Садыков', 'Sadykov'],
    ['Юрий', 'Yury'],
    ['Сергей', 'Sergei'],
    ['Шойгу', 'Shoigu'],
    ['Белоусов', 'Belousov'],
    // One case per rule of the table
    ['Жуков', 'Zhukov'],
    ['Хабаров', 'Khabarov'],
    ['Цыганов', 'Tsyganov'],
    ['Чернов', 'Chernov'],
    ['Шевченко', 'Shevchenko'],
    ['Щербаков', 'Shcherbakov'],
    ['Юсупов', 'Yusupov'],
    ['Яковлев', 'Yakovlev'],
    ['Ефимов', 'Yefimov'],
    ['Екатеринбург', 'Yekaterinburg'],
    ['Васильев', 'Vasilyev'],
    ['Подъячев', 'Podyachev'],
    ['Фёдор', 'Fyodor'],
    ['Хрущёв', 'Khrushchev'],
    ['Горбачёв', 'Gorbachev'],
    ['Соловьёв', 'Solovyov'],
    ['Рыжков', 'Ryzhkov'],
    ['Мальцев', 'Maltsev'],
    ['Зайцев', 'Zaitsev'],
    ['Дмитрий', 'Dmitry'],
    ['Николай', 'Nikolai'],
    ['Андрей', 'Andrei'],
    ['Евгений', 'Yevgeny'],
    ['Майский', 'Maisky'],
    ['Красный', 'Krasny'],
    ['Эрдоган', 'Erdogan'],
    ['Наталья', 'Natalya'],
  ];
  it.each(cases)('when %s is transliterated, then it becomes %s', (ru, en) => {
    expect(transliterate(ru)).toBe(en);
  });

  it('when a word is in capitals, then the Latin is in capitals too', () => {
    expect(transliterate('МОСКВА')).toBe('MOSKVA');
    expect(transliterate('ЖУКОВ')).toBe('ZHUKOV');
  });

  it('when a word is lower case, then the Latin is lower case', () => {
    expect(transliterate('щит')).toBe('shchit');
  });

  it('when a name is hyphenated, then each part follows its own start-of-word rules', () => {
    expect(transliterate('Ростов-на-Дону')).toBe('Rostov-na-Donu');
    expect(transliterate('Римский-Корсаков')).toBe('Rimsky-Korsakov');
  });

  it('when a word has digits or Latin letters, then they are kept', () => {
    expect(transliterate('С-400')).toBe('S-400');
  });
});
