/**
 * Regular English inflection. Irregular forms come from the lexicon's `forms` column and win over these rules.
 * Multi-word entries ("take part", "be discussed") inflect their first word for verbs and their last for nouns.
 */

const consonantY = /[^aeiou]y$/;
const sibilant = /(s|x|z|ch|sh)$/;

export function pluralOf(noun: string): string {
  const words = noun.split(' ');
  const ofAt = words.indexOf('of');
  // "head of state" → "heads of state"
  const at = ofAt > 0 ? ofAt - 1 : words.length - 1;
  words[at] = pluralWord(words[at] ?? '');
  return words.join(' ');
}

function pluralWord(word: string): string {
  if (consonantY.test(word)) return `${word.slice(0, -1)}ies`;
  if (sibilant.test(word)) return `${word}es`;
  if (word.endsWith('man') && !word.endsWith('human')) return `${word.slice(0, -3)}men`;
  return `${word}s`;
}

/** The verb's first word through `inflect`, the rest (particle, object) unchanged. */
export function inflectFirst(verb: string, inflect: (word: string) => string): string {
  const space = verb.indexOf(' ');
  if (space < 0) return inflect(verb);
  return `${inflect(verb.slice(0, space))}${verb.slice(space)}`;
}

export function pastOf(word: string): string {
  if (word.endsWith('e')) return `${word}d`;
  if (consonantY.test(word)) return `${word.slice(0, -1)}ied`;
  return `${word}ed`;
}

export function thirdPersonOf(word: string): string {
  if (word === 'have') return 'has';
  if (consonantY.test(word)) return `${word.slice(0, -1)}ies`;
  if (sibilant.test(word) || word.endsWith('o')) return `${word}es`;
  return `${word}s`;
}

export function ingOf(word: string): string {
  if (word.endsWith('ie')) return `${word.slice(0, -2)}ying`;
  if (/(ee|ye|oe)$/.test(word) || word === 'be') return `${word}ing`;
  if (/[^aeiou]e$/.test(word)) return `${word.slice(0, -1)}ing`;
  return `${word}ing`;
}

/** "a" or "an" for the word that follows. */
export function indefiniteArticle(next: string): 'a' | 'an' {
  const w = next.toLowerCase();
  if (/^(eu|uni|use|usu|one|once|ukr)/.test(w)) return 'a';
  if (/^(hour|honest|honor|honour)/.test(w)) return 'an';
  return /^[aeiou]/.test(w) ? 'an' : 'a';
}

/** Forms of "be", which no lexicon row could express in one `past=`. */
export const be = {
  present(person: 1 | 2 | 3, plural: boolean): string {
    if (plural || person === 2) return 'are';
    return person === 1 ? 'am' : 'is';
  },
  past(plural: boolean): string {
    return plural ? 'were' : 'was';
  },
};
