import { beforeAll, describe, expect, it } from 'vitest';
import { offlineEngine } from './index.js';

/** The draft of one segment without glossary terms. */
async function english(text: string): Promise<string | undefined> {
  const [result] = await offlineEngine.translate([{ text, terms: [] }]);
  return result?.text;
}

beforeAll(async () => {
  await offlineEngine.warmUp();
});

describe('numbers, money and dates in sentences', () => {
  it.each([
    ["Инфляция составила 7,5 процента.", "Inflation amounted to 7.5%."],
    ["Объем торговли достиг 10 млрд долларов.", "The volume of trade reached $10 billion."],
    ["На проект выделено 300 тыс. рублей.", "300,000 roubles have been allocated for the project."],
    ["Дефицит не превысит 2% ВВП.", "The deficit will not exceed 2% of GDP."],
    ["Команда выиграла со счетом 3:2.", "The team won by a score of 3-2."],
    ["В 1990-е годы завод закрыли.", "In the 1990s the plant was closed."],
    ["Выборы пройдут 14-го сентября.", "The elections will take place on September 14."],
    ["Бюджет составил 2,5 млрд евро.", "The budget amounted to 2.5 billion euros."],
    ["Заседание начнется в 10.30.", "The session will begin at 10:30."],
    ["Стороны встретились 26 ноября 2024 года.", "The sides met on November 26, 2024."],
    ["В 2019 году стороны подписали соглашение.", "In 2019 the sides signed an agreement."],
    ["Учения пройдут с 10 по 15 июля.", "The exercises will take place from July 10 to 15."],
  ])("when \"%s\" is translated, then the figure is written the English way: \"%s\"", async (ru, en) => {
    expect(await english(ru)).toBe(en);
  });
});
