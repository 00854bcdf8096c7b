import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Az from 'az';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMorphology } from '../../../morphology/morph.js';
import { type LexPos, fold, lexiconDir, loadLexicon } from '../lexicon.js';

/** The domain files; core.tsv also holds abbreviations az does not know, looked up as written. */
const domainFiles = readdirSync(lexiconDir).filter((f) => f.endsWith('.tsv') && f !== 'core.tsv').sort();

interface Row {
  where: string;
  lemma: string;
  pos: LexPos;
  note: string;
}

function rows(): Row[] {
  return domainFiles.flatMap((file) =>
    readFileSync(join(lexiconDir, file), 'utf8')
      .split('\n')
      .map((text, i) => ({ text, line: i + 1 }))
      .filter(({ text, line }) => line > 1 && text.trim() !== '' && !text.startsWith('#'))
      .map(({ text, line }) => {
        const [lemma = '', pos = '', , , note = ''] = text.split('\t');
        return { where: `${file}:${line}`, lemma: fold(lemma), pos: pos as LexPos, note };
      }),
  );
}

/** OpenCorpora parts of speech az may give for a dictionary form of each lexicon part of speech. */
const azPos: Record<LexPos, readonly string[]> = {
  NOUN: ['NOUN'], ADJ: ['ADJF'], VERB: ['INFN'], ADV: ['ADVB', 'PRED'], PREP: ['PREP'], CONJ: ['CONJ'],
  PRON: ['NPRO'], NUM: ['NUMR'], PRCL: ['PRCL'], INTJ: ['INTJ'], PHRASE: [],
};

/** Dictionary readings only: az's suffix guesses would accept any made-up word. Names are in az capitalised. */
function dictionaryReadings(word: string): { lemma: string; pos: string }[] {
  const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  const variants = new Set([word, cap(word), word.split('-').map(cap).join('-')]);
  return [...variants].flatMap((v) =>
    Az.Morph(v, { parsers: ['Dictionary', 'HyphenAdverb', 'HyphenParticle'] }).map((p) => ({
      lemma: fold(p.normalize().word),
      pos: p.tag.POS ?? '',
    })),
  );
}

function azKnows(lemma: string, pos: LexPos): boolean {
  const wanted = azPos[pos];
  if (dictionaryReadings(lemma).some((r) => r.lemma === lemma && wanted.includes(r.pos))) return true;
  // The engine looks a hyphenated word up as its leading parts plus the lemma of its last part (экс-президент).
  const last = lemma.split('-').at(-1) ?? '';
  return lemma.includes('-') && dictionaryReadings(last).some((r) => r.lemma === last && wanted.includes(r.pos));
}

describe('lexicon coverage', () => {
  it('when the lexicon is loaded, then it has at least 6,000 single-word lemmas and 400 multi-word expressions', async () => {
    const lexicon = await loadLexicon();
    expect(lexicon.size).toBeGreaterThanOrEqual(6000);
    expect(lexicon.phrases.filter((p) => p.words.length > 1).length).toBeGreaterThanOrEqual(400);
  });

  it.each([
    ['politics', ['избиратель', 'законопроект', 'коалиция', 'отставка', 'баллотироваться', 'оппозиционный']],
    ['diplomacy', ['посредничество', 'ратификация', 'эмбарго', 'консульский', 'аккредитовать', 'высылать']],
    ['defence', ['гаубица', 'контрнаступление', 'боеголовка', 'перехватить', 'разминирование', 'гиперзвуковой']],
    ['economy', ['ипотека', 'дефицит', 'акционер', 'подорожать', 'нефтегазовый', 'урожай']],
    ['society', ['вакцинация', 'абитуриент', 'снегопад', 'болельщик', 'спектакль', 'госпитализировать']],
    ['law', ['приговор', 'подсудимый', 'обвинитель', 'конфисковать', 'мошенник', 'оправдать']],
    ['time and numbers', ['весна', 'полугодие', 'ежеквартально', 'двое', 'гектар', 'позавчера']],
    ['geography', ['албания', 'самарканд', 'армянин', 'хорватский', 'полуостров', 'прибрежный']],
  ])('when %s words are looked up, then they are there', async (_domain, lemmas) => {
    const lexicon = await loadLexicon();
    expect(lemmas.filter((lemma) => !lexicon.lookup(lemma))).toEqual([]);
  });

  it('when the expressions named in the issue are looked up, then each is a multi-word entry', async () => {
    const lexicon = await loadLexicon();
    const known = new Set(lexicon.phrases.map((p) => p.lemma));
    const needed = [
      'в ходе', 'по словам', 'в том числе', 'а также', 'в рамках', 'так как', 'в связи с', 'в соответствии с',
      'несмотря на то что', 'по данным', 'по мнению', 'в отношении', 'с целью', 'в пользу', 'на фоне', 'в ответ на',
      'по итогам', 'в ближайшее время', 'на сегодняшний день', 'силовые структуры', 'гражданское общество',
      'средства массовой информации', 'принять участие', 'оказать помощь', 'иметь место',
    ];
    expect(needed.filter((phrase) => !known.has(phrase))).toEqual([]);
  });
});

describe('lexicon lemmas against az', () => {
  beforeAll(async () => {
    await loadMorphology();
  });

  it('when a domain file row is a single word, then az gives it as a dictionary lemma of the same part of speech', () => {
    const wrong = rows()
      .filter((r) => !r.lemma.includes(' ') && !r.lemma.endsWith('.'))
      // A documented quirk names the form az files under the lemma: "az files содержать under содержимый".
      .filter((r) => {
        if (azKnows(r.lemma, r.pos)) return false;
        const form = /az files (\S+)/.exec(r.note)?.[1];
        return !(form && dictionaryReadings(form).some((p) => p.lemma === r.lemma));
      })
      .map((r) => `${r.where} ${r.pos} ${r.lemma}`);
    expect(wrong).toEqual([]);
  });

  it('when a domain file row has several words, then az knows every word', () => {
    const unknown = rows()
      .filter((r) => r.lemma.includes(' '))
      .flatMap((r) =>
        r.lemma
          .split(' ')
          .filter((w) => !w.endsWith('.') && !w.endsWith('*'))
          .filter((w) => dictionaryReadings(w).length === 0)
          .map((w) => `${r.where} ${w}`),
      );
    expect(unknown).toEqual([]);
  });
});
