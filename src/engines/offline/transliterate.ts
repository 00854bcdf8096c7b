/**
 * Russian → Latin in a simplified BGN/PCGN news style (see README.md for the table).
 * Used for names missing from the glossary and for words missing from the lexicon.
 */

const letters: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f',
  х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

const vowels = new Set('аеёиоуыэюя');
const signs = new Set('ъь');
const hushing = new Set('жчшщ');

/** Established English spellings that the letter table would get wrong, keyed by lower-case nominative. */
const conventional: Record<string, string> = {
  александр: 'Alexander',
  алексей: 'Alexei',
  ильхам: 'Ilham',
  мария: 'Maria',
  юлия: 'Yulia',
  наталия: 'Natalia',
  ксения: 'Ksenia',
  виктория: 'Viktoria',
  цска: 'CSKA',
  артем: 'Artyom',
};

/** Transliterates one word (hyphens kept), following the case pattern of the source. */
export function transliterate(word: string): string {
  const known = conventional[word.toLowerCase()];
  if (known) return applyCase(word, known);
  return word
    .split('-')
    .map((part) => applyCase(part, transliteratePart(part.toLowerCase())))
    .join('-');
}

function transliteratePart(lower: string): string {
  const chars = [...lower];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] ?? '';
    const prev = chars[i - 1];
    const next = chars[i + 1];
    const atStart = prev === undefined;
    const afterVowelOrSign = prev !== undefined && (vowels.has(prev) || signs.has(prev));
    if ((c === 'и' || c === 'ы') && next === 'й' && i + 2 === chars.length) {
      out += 'y'; // -ий / -ый at the end: Валерий → Valery
      i++;
    } else if (c === 'е') {
      out += atStart || afterVowelOrSign ? 'ye' : 'e';
    } else if (c === 'ё') {
      out += prev !== undefined && hushing.has(prev) ? 'e' : 'yo';
    } else if (c === 'й') {
      // Before a vowel (or at the start) й is a consonant; after a vowel it closes a diphthong: Сергей → Sergei.
      out += atStart || (next !== undefined && vowels.has(next)) ? 'y' : 'i';
    } else {
      out += letters[c] ?? c;
    }
  }
  return out;
}

/** Gives `latin` the capitalisation of `source`: ALL CAPS, Title or lower. */
function applyCase(source: string, latin: string): string {
  const letters = [...source].filter((c) => c.toLowerCase() !== c.toUpperCase());
  if (letters.length === 0) return latin;
  if (letters.length > 1 && letters.every((c) => c === c.toUpperCase())) return latin.toUpperCase();
  const first = letters[0] ?? '';
  const lower = latin.toLowerCase();
  return first === first.toUpperCase() ? capitalise(lower) : lower;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** True when the text has at least one Cyrillic letter. */
export function hasCyrillic(text: string): boolean {
  return /\p{Script=Cyrillic}/u.test(text);
}
