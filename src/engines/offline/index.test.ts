import { beforeAll, describe, expect, it } from 'vitest';
import type { EngineResult, TermHit } from '../engine.js';
import { offlineEngine } from './index.js';

/** Translates one segment; terms are given as [Russian surface, official English]. */
async function translate(text: string, terms: [string, string][] = []): Promise<EngineResult> {
  const hits: TermHit[] = terms.map(([surface, target], n) => {
    const start = text.indexOf(surface);
    if (start < 0) throw new Error(`"${surface}" is not in "${text}"`);
    return { start, end: start + surface.length, target, entryId: `t${n}` };
  });
  const [result] = await offlineEngine.translate([{ text, terms: hits }]);
  if (!result) throw new Error('no result');
  return result;
}

const english = async (text: string) => (await translate(text)).text;

beforeAll(async () => {
  await offlineEngine.warmUp();
});

describe('offline engine: whole sentences', () => {
  it.each([
    ['Министр обороны провел встречу с делегацией.', 'The defense minister held a meeting with the delegation.'],
    [
      'Стороны обсудили вопросы региональной безопасности и отметили высокий уровень доверия.',
      'The sides discussed issues of regional security and noted a high level of trust.',
    ],
    ['26 ноября в Москве состоялись переговоры.', 'On November 26 the talks took place in Moscow.'],
    ['«Мы готовы к сотрудничеству», - сказал он.', '“We are ready for cooperation,” he said.'],
    ['Учения пройдут с 10 по 15 июля.', 'The exercises will take place from July 10 to 15.'],
    ['Бюджет составил 1,5 млрд руб.', 'The budget amounted to 1.5 billion roubles.'],
    ['Встреча начнется в 10.30.', 'The meeting will begin at 10:30.'],
    ['Это важный шаг, — подчеркнул Садыков.', 'This is an important step, Sadykov stressed.'],
    ['Мы не обсуждали этот вопрос.', 'We did not discuss this issue.'],
    ['Делегация прибыла в Москву в ходе визита.', 'The delegation arrived in Moscow during the visit.'],
    [
      'Российские и азербайджанские военные проведут совместные учения на Каспии.',
      'Russian and Azerbaijani servicemen will hold joint exercises on the Caspian.',
    ],
    ['В 2017 году стороны подписали соглашение.', 'In 2017 the sides signed an agreement.'],
    ['Состоялась встреча.', 'The meeting took place.'],
    ['Если делегация прибудет, то переговоры начнутся.', 'If the delegation arrives, then the talks will begin.'],
    ['Это самая важная встреча.', 'This is the most important meeting.'],
    ['Министр должен был прибыть вчера.', 'The minister had to arrive yesterday.'],
    ['Документ может быть подписан.', 'The document can be signed.'],
  ])('when "%s" is translated, then the draft is "%s"', async (ru, en) => {
    expect(await english(ru)).toBe(en);
  });
});

describe('offline engine: glossary terms', () => {
  it('when a segment has a term span, then its official English appears exactly as given', async () => {
    const { text } = await translate('Встреча с Ильхамом Алиевым прошла в Баку.', [['Ильхамом Алиевым', 'Ilham Aliyev']]);
    expect(text).toBe('The meeting with Ilham Aliyev took place in Baku.');
  });

  it('when a target has characters the engine would otherwise change, then it is still copied verbatim', async () => {
    const target = 'Col. Gen. «Kerim» VALIYEV - Chief of the General Staff';
    const { text } = await translate('Генерал-полковник Керим Велиев провел совещание.', [['Генерал-полковник Керим Велиев', target]]);
    expect(text).toContain(target);
  });

  it('when a term is in the genitive after a noun, then "of" goes before its target, which is unchanged', async () => {
    const { text } = await translate('Визит министра обороны Азербайджана завершился.', [['министра обороны Азербайджана', 'Azerbaijani Defense Minister']]);
    expect(text).toBe('The visit of the Azerbaijani Defense Minister ended.');
  });

  it('when spans overlap or fall outside the text, then the bad ones are ignored and nothing breaks', async () => {
    const [result] = await offlineEngine.translate([
      {
        text: 'Встреча в Баку.',
        terms: [
          { start: 10, end: 14, target: 'Baku City', entryId: 'a' },
          { start: 11, end: 14, target: 'AKU', entryId: 'b' },
          { start: 40, end: 50, target: 'nowhere', entryId: 'c' },
        ],
      },
    ]);
    expect(result?.text).toBe('The meeting in Baku City.');
  });
});

describe('offline engine: names', () => {
  it('when a surname is inflected, then its nominative is transliterated', async () => {
    expect(await english('Встреча с Герасимовым прошла в Баку.')).toBe('The meeting with Gerasimov took place in Baku.');
  });

  it('when a woman’s surname is inflected, then the feminine nominative is transliterated', async () => {
    expect(await english('Визит Алиевой в Москву завершился.')).toBe('The visit of Aliyeva to Moscow ended.');
  });

  it('when a first name and surname are given, then both are transliterated in news style', async () => {
    expect(await english('Валерий Герасимов и Ильхам Алиев встретились в Баку.')).toBe('Valery Gerasimov and Ilham Aliyev met in Baku.');
  });

  it('when a nominative surname looks like a genitive plural to az, then it is kept as written', async () => {
    expect(await english('Садыков заявил, что учения прошли успешно.')).toBe('Sadykov said that the exercises had taken place successfully.');
  });

  it('when a capitalised word stands alone between quotes, then it is a name in its dictionary form', async () => {
    expect(await english('Клуб уступил «Зениту» в финале.')).toBe('The club yielded “Zenit” in the final.');
  });

  it('when an abbreviation is not in the lexicon, then it stays in capitals', async () => {
    expect(await english('Посол встретился с представителями ВТБ.')).toBe('The ambassador met with representatives of VTB.');
  });

  it('when a glossary term is written in capitals in a dateline, then its English is in capitals too', async () => {
    const { text } = await translate('БАКУ, 3 окт — Sputnik.', [['БАКУ', 'Baku']]);
    expect(text).toBe('BAKU, October 3 — Sputnik.');
  });

  it('when an unknown organisation stands in an oblique case, then its dictionary form is transliterated', async () => {
    expect(await english('По данным Росстата, безработица снизилась.')).toBe('According to Rosstat, unemployment declined.');
  });

  it('when a name is not a known word, then it is not reported as unknown', async () => {
    expect((await translate('Встреча с Белоусовым прошла в Москве.')).unknownWords).toBeUndefined();
  });
});

describe('offline engine: multi-word expressions', () => {
  it.each([
    ['В ходе визита министр посетил Баку.', 'During the visit the minister visited Baku.'],
    ['По словам министра, учения прошли успешно.', 'According to the minister, the exercises took place successfully.'],
    ['В учениях участвовали военные, в том числе летчики.', 'Servicemen participated in the exercises, including pilots.'],
    ['Министр посетил Баку, а также Гянджу.', 'The minister visited Baku, as well as Ganja.'],
    ['В рамках визита министр встретился с послом.', 'As part of the visit the minister met with the ambassador.'],
    ['Встреча перенесена, так как министр заболел.', 'The meeting has been postponed, since the minister fell ill.'],
    ['В связи с визитом усилены меры безопасности.', 'Measures of security have been strengthened in connection with the visit.'],
    ['Делегации приняли участие в церемонии.', 'The delegations took part in the ceremony.'],
  ])('when "%s" is translated, then the expression is rendered as a whole: "%s"', async (ru, en) => {
    expect(await english(ru)).toBe(en);
  });
});

describe('offline engine: unknown words', () => {
  it('when a word is neither in the lexicon nor a name, then it is transliterated and reported in its source form', async () => {
    const result = await translate('Министр осмотрел дирижабль.');
    expect(result.text).toBe('The minister inspected a dirizhabl.');
    expect(result.unknownWords).toEqual(['дирижабль']);
  });

  it('when an unknown word form occurs twice, then it is reported once', async () => {
    expect((await translate('дирижабль, дирижабль')).unknownWords).toEqual(['дирижабль']);
  });

  it('when an unknown word stands inside a clause, then the words around it keep their place and it is still reported', async () => {
    const result = await translate('Делегация осмотрела новый дирижабль в Москве.');
    expect(result.text).toBe('The delegation inspected a new dirizhabl in Moscow.');
    expect(result.unknownWords).toEqual(['дирижабль']);
  });

  it('when a sentence opens with an unknown capitalised word, then it is transliterated and reported', async () => {
    const result = await translate('Дирижабль прибыл в Москву.');
    expect(result.text).toBe('Dirizhabl arrived in Moscow.');
    expect(result.unknownWords).toEqual(['Дирижабль']);
  });

  it('when every word is known, then there is no unknownWords list', async () => {
    expect((await translate('Министр посетил Москву.')).unknownWords).toBeUndefined();
  });
});

describe('offline engine: punctuation and spacing', () => {
  it('when Russian quotes are used, then English curly quotes replace them', async () => {
    expect(await english('Он назвал визит „важным“.')).toBe('He called a visit “important”.');
  });

  it('when a spaced hyphen or en dash is a dash, then it becomes a spaced em dash', async () => {
    expect(await english('Переговоры завершились – стороны подписали соглашение.')).toBe('The talks ended — the sides signed an agreement.');
    expect(await english('БАКУ, 26 ноя - Sputnik.')).toBe('BAKU, November 26 — Sputnik.');
  });

  it('when the text is empty or blank, then the draft is empty', async () => {
    expect(await english('')).toBe('');
    expect(await english('   ')).toBe('');
  });

  it('when the text is odd (symbols, Latin, stray hyphens, emoji), then nothing throws and the symbols are kept', async () => {
    const odd = ['и-У!', '👍 NATO и ЕС?!', '…', '(Москва)', '5%', '№ 3 / 2024', 'www.example.com', '— «»'];
    const results = await offlineEngine.translate(odd.map((text) => ({ text, terms: [] })));
    expect(results.map((r) => r.text)).toEqual(['And at!', '👍 NATO and the EU?!', '…', '(Moscow)', '5%', '№ 3 / 2024', 'Www.example.com', '— “”']);
  });

  it('when the same segment is translated twice, then the drafts are identical', async () => {
    const text = 'Стороны обсудили вопросы региональной безопасности.';
    expect(await english(text)).toBe(await english(text));
  });
});
