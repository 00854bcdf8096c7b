/**
 * Russian sentence segmentation: ICU's sentence breaks (Intl.Segmenter), then a merge pass, because ICU
 * breaks after every ". " before a capital (ген. Герасимов, В. В. Путин, г. Баку, т. е.) and V8 ignores
 * the `ss=standard` abbreviation option.
 *
 * A quotation of several sentences followed by «, — отметил он.» gives one segment per quoted sentence,
 * the attribution staying with the last one: reviewers align sentence by sentence, and the English
 * attribution is reordered inside that last sentence anyway.
 */

const segmenter = new Intl.Segmenter('ru', { granularity: 'sentence' });

/** Trims, removes invisible characters and collapses every run of whitespace (newlines included) to one space. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[\u00ad\u200b\u2060\ufeff]/g, '').replace(/\s+/g, ' ').trim();
}

/** Splits one paragraph into sentences, trimmed and with whitespace collapsed. */
export function splitSentences(paragraph: string): string[] {
  const text = collapseWhitespace(paragraph);
  if (!text) return [];
  const sentences: string[] = [];
  let current = '';
  for (const { segment } of segmenter.segment(text)) {
    for (const piece of splitAfterEllipsis(segment)) {
      const next = piece.trim();
      if (!next) continue;
      if (current && continuesSentence(current, next)) current += ` ${next}`;
      else {
        if (current) sentences.push(current);
        current = next;
      }
    }
  }
  if (current) sentences.push(current);
  return sentences;
}

// ICU does not treat "…" (U+2026) as a sentence end; "..." it does. Treat both alike before a capital.
function splitAfterEllipsis(segment: string): string[] {
  return segment.includes('…') ? segment.split(/(?<=…["»”’)]*)\s+(?=["«„“(]?\p{Lu})/u) : [segment];
}

/** Abbreviations that never end a sentence: a capitalised word after them is a name (ген. Герасимов, г. Баку, ул. Ленина). */
const NEVER_FINAL = new Set([
  // ranks, titles, names
  'ген', 'полк', 'подп', 'лейт', 'капт', 'мл', 'ст', 'проф', 'акад', 'доц', 'зам', 'зав', 'нач', 'св', 'им', 'дж', 'вл',
  // places and addresses
  'г', 'о', 'пос', 'дер', 'с', 'р', 'ул', 'пр-т', 'просп', 'пл', 'пер', 'наб', 'обл', 'д', 'кв', 'корп',
  // months
  'янв', 'фев', 'февр', 'мар', 'апр', 'июн', 'июл', 'авг', 'сен', 'сент', 'окт', 'ноя', 'нояб', 'дек',
  // references and Latin-style abbreviations
  'т.е', 'т.ч', 'и.о', 'см', 'ср', 'напр', 'рис', 'табл', 'гл', 'стр', 'ч', 'п', 'тел', 'ред', 'ок', 'англ', 'нем', 'фр', 'лат',
]);

/**
 * After a number these may end a sentence ("…составила 1,5 млрд руб. Годом ранее…", "…в 2019 г. Новый закон…",
 * "…до 15 дек. Решение…"), unless the sentence so far is only an opening date or amount ("В 2019 г. Минфин…").
 */
const AFTER_NUMBER = new Set([
  'г', 'гг', 'в', 'вв', 'тыс', 'млн', 'млрд', 'трлн', 'руб', 'р', 'коп', 'долл', 'ч', 'мин', 'сек', 'шт', 'ст',
  'янв', 'фев', 'февр', 'мар', 'апр', 'июн', 'июл', 'авг', 'сен', 'сент', 'окт', 'ноя', 'нояб', 'дек',
]);

/** List endings, which end a sentence when a capital follows ("…и т. д. Потом…"); 'пр.' not after «и» is «проспект». */
const LIST_END = new Set(['т.д', 'т.п', 'etc']);
const LIST_END_AFTER_AND = new Set(['др', 'пр']);

const NUMBER_BEFORE_LAST_WORD =
  /(?:\d|(?<!\p{L})[IVXLCDM]+)(?:\s*[–—-]\s*(?:\d+|[IVXLCDM]+))?\s*(?:(?:тыс|млн|млрд|трлн)\.?\s*)?\p{L}+\.$/u;
// A sentence that is nothing but an introductory date or amount: "В 2019 г.", "С 1 января 2020 г.", "За 5 млн руб."
const INTRO_ONLY =
  /^(?:(?:в|во|с|со|к|до|по|от|за|на|около|после|через|свыше|более|менее|уже|еще|ещё|лишь|только)\s+)?(?:\d{1,2}\.\d{1,2}\.\d{2,4}|(?:\d{1,2}\s+\p{L}+\s+)?\d+(?:[.,]\d+)?(?:\s*[–—-]\s*\d+)?|[IVXLCDM]+)\s*(?:(?:тыс|млн|млрд|трлн)\.?\s*)?\p{L}{1,5}\.$/iu;
const LOWERCASE_CONTINUATION = /^(?:[,;:)\]]|["»”’]*\s*(?:[—–-]\s*)?\p{Ll})/u;

/** Whether the break ICU put between `current` and `next` falls inside a sentence. */
function continuesSentence(current: string, next: string): boolean {
  if (LOWERCASE_CONTINUATION.test(next) || !/[\p{L}\p{N}]/u.test(next)) return true;
  if (current.endsWith('..') || !current.endsWith('.')) return false;

  const tokens = current.slice(-40).split(' ');
  const last = stripOpening(tokens.at(-1) ?? '');
  const previous = stripOpening(tokens.at(-2) ?? '');
  // "т. д.", "т. е.", "и. о." are two one-letter tokens; "В. В." is two initials.
  const pair = /^\p{L}\.$/u.test(previous) && /^\p{L}\.$/u.test(last) ? abbreviationKey(previous + last) : '';
  if (LIST_END.has(pair)) return false;
  if (NEVER_FINAL.has(pair)) return true;
  if (/^\p{Lu}\.$/u.test(last)) return true; // an initial: "В. Иванов", "Иванов В. В."

  const word = abbreviationKey(last);
  // ICU breaks before a number that no lower-case word follows: "ч. 2 ст. 105 УК."
  if (/^\d/.test(next) && (NEVER_FINAL.has(word) || AFTER_NUMBER.has(word))) return true;
  if (LIST_END.has(word)) return false;
  if (LIST_END_AFTER_AND.has(word)) return previous.toLowerCase() !== 'и';
  if (AFTER_NUMBER.has(word) && NUMBER_BEFORE_LAST_WORD.test(current)) {
    if (word === 'долл' && next.startsWith('США')) return true;
    return INTRO_ONLY.test(current);
  }
  return NEVER_FINAL.has(word);
}

function stripOpening(token: string): string {
  return token.replace(/^[(«"„“‘'[]+/u, '');
}

function abbreviationKey(token: string): string {
  return token.replace(/\.$/, '').toLowerCase().replaceAll('ё', 'е');
}
