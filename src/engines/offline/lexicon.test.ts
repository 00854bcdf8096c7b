import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LexiconFormatError, lexiconDir, loadLexicon, parseLexicon } from './lexicon.js';

const header = 'lemma\tpos\tenglish\tforms\tnote';

describe('lexicon format', () => {
  it('when a row has forms and flags, then they are parsed and the lemma is folded', () => {
    const lexicon = parseLexicon(`${header}\nпровёл\tVERB\thold\tpast=held;participle=held;modal\t\n`);
    const entry = lexicon.lookup('ПРОВЕЛ', 'VERB');
    expect(entry?.english).toBe('hold');
    expect(entry?.forms.get('past')).toBe('held');
    expect(entry?.flags.has('modal')).toBe(true);
  });

  it('when a row says -, then the word is dropped on purpose (empty English)', () => {
    expect(parseLexicon(`${header}\nже\tPRCL\t-\t\temphatic\n`).lookup('же')?.english).toBe('');
  });

  it('when a lemma has several words or ends in a dot, then it is a phrase, longest first', () => {
    const lexicon = parseLexicon(`${header}\nв ходе\tPHRASE\tduring\tgov=gent\t\nв том числе\tPHRASE\tincluding\t\t\nт. е.\tPHRASE\ti.e.\t\t\n`);
    expect(lexicon.phrases.map((p) => p.lemma)).toEqual(['в том числе', 'в ходе', 'т. е.']);
    expect(lexicon.size).toBe(0);
  });

  it.each([
    ['a bad header', 'lemma\tenglish\n', /header/],
    ['an unknown part of speech', `${header}\nслово\tWORD\tword\t\t\n`, /line 2: unknown pos "WORD"/],
    ['an empty English cell', `${header}\nслово\tNOUN\t\t\t\n`, /empty english/],
    ['an unknown form', `${header}\nслово\tNOUN\tword\tplurl=words\t\n`, /unknown form "plurl"/],
    ['an unknown flag', `${header}\nслово\tNOUN\tword\tmassive\t\n`, /unknown flag "massive"/],
    ['a duplicate row', `${header}\nслово\tNOUN\tword\t\t\nслово\tNOUN\tterm\t\t\n`, /line 3: duplicate NOUN "слово"/],
  ])('when the file has %s, then loading fails naming the line', (_what, tsv, message) => {
    expect(() => parseLexicon(tsv)).toThrow(LexiconFormatError);
    expect(() => parseLexicon(tsv)).toThrow(message);
  });
});

describe('the shipped lexicon', () => {
  it('when loaded, then it has at least 1,200 lemmas and 40 multi-word expressions', async () => {
    const lexicon = await loadLexicon();
    expect(lexicon.size).toBeGreaterThanOrEqual(1200);
    expect(lexicon.phrases.filter((p) => p.words.length > 1).length).toBeGreaterThanOrEqual(40);
  });

  it('when a defence or diplomacy word is looked up, then it is there', async () => {
    const lexicon = await loadLexicon();
    const needed = [
      'встреча', 'визит', 'делегация', 'переговоры', 'сотрудничество', 'безопасность', 'региональный', 'международный',
      'обсудить', 'отметить', 'сообщить', 'принять', 'провести', 'сторона', 'вопрос', 'отношение', 'доверие', 'традиция',
    ];
    expect(needed.filter((lemma) => !lexicon.lookup(lemma))).toEqual([]);
  });

  it('when a verb translates to an irregular English verb, then the row gives its past form', () => {
    const irregular = new Set([
      'be', 'become', 'begin', 'bring', 'build', 'buy', 'choose', 'come', 'do', 'draw', 'fall', 'feel', 'fight', 'find',
      'fly', 'forget', 'get', 'give', 'go', 'grow', 'have', 'hear', 'hold', 'keep', 'know', 'lay', 'lead', 'leave', 'lie',
      'lose', 'make', 'mean', 'meet', 'pay', 'put', 'read', 'rise', 'run', 'say', 'see', 'seek', 'sell', 'send', 'set',
      'shoot', 'show', 'sit', 'speak', 'spend', 'stand', 'strike', 'take', 'teach', 'tell', 'think', 'understand', 'win',
      'withdraw', 'write', 'arise', 'overcome', 'undertake', 'can',
    ]);
    const missing: string[] = [];
    let checked = 0;
    const lines = readdirSync(lexiconDir)
      .filter((f) => f.endsWith('.tsv'))
      .flatMap((f) => readFileSync(join(lexiconDir, f), 'utf8').split('\n'));
    for (const line of lines) {
      const [lemma, pos, english = '', forms = ''] = line.split('\t');
      const first = english.split(' ')[0] ?? '';
      if (pos !== 'VERB' || !irregular.has(first) || first === 'be') continue;
      checked++;
      if (!forms.includes('past=')) missing.push(`${lemma} (${english})`);
    }
    // Guards against reading the files wrongly (no rows matched) and calling that a pass.
    expect(checked).toBeGreaterThanOrEqual(100);
    expect(missing).toEqual([]);
  });
});

describe('lexicon files', () => {
  it('when two files define the same lemma and part of speech, then the error names both places', () => {
    const head = 'lemma\tpos\tenglish\tforms\tnote';
    expect(() =>
      parseLexicon([
        { file: 'a.tsv', text: `${head}\nмир\tNOUN\tpeace` },
        { file: 'b.tsv', text: `${head}\n\nмир\tNOUN\tworld` },
      ]),
    ).toThrow('b.tsv line 3: duplicate NOUN "мир" (also at a.tsv line 2)');
  });
});
