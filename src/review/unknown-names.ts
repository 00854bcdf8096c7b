import type { Glossary } from '../glossary/glossary.js';
import { fold, tokenize, type Token } from '../glossary/matcher.js';
import type { Morphology, Parse } from '../morphology/morph.js';
import { transliterate } from '../engines/offline/transliterate.js';

/** A person's name in the sources that no glossary entry covers, in the nominative, for "add to glossary". */
export interface UnknownName {
  /** Nominative, title case: "Закир Гасанов". */
  ru: string;
  /** A transliteration for the editor to correct: "Zakir Gasanov". */
  en: string;
  gender?: 'male' | 'female';
  /** How often it occurs, and where first. */
  count: number;
  segmentIds: number[];
}

const PERSON = ['Name', 'Surn', 'Patr'] as const;
const isPerson = (p: Parse | undefined) => !!p && PERSON.some((g) => p.grammemes.has(g));
const CYRILLIC_CAPITAL = /^\p{Lu}/u;

/**
 * Capitalised person-like words (az grammemes Name, Surn, Patr) outside every glossary match,
 * adjacent ones grouped ("Закиром Гасановым" → "Закир Гасанов"), put in the nominative.
 */
export function findUnknownNames(segments: readonly { id: number; source: string }[], glossary: Glossary, morph: Morphology): UnknownName[] {
  const known = new Set(glossary.entries.map((e) => fold(e.ru)));
  const byName = new Map<string, UnknownName>();
  for (const segment of segments) {
    for (const name of namesIn(segment.source, glossary, morph)) {
      if (known.has(fold(name.ru))) continue;
      const seen = byName.get(name.ru);
      if (seen) {
        seen.count += 1;
        if (!seen.segmentIds.includes(segment.id)) seen.segmentIds.push(segment.id);
      } else byName.set(name.ru, { ...name, count: 1, segmentIds: [segment.id] });
    }
  }
  // A lone surname after the full name ("Ринат Хайруллин … Хайруллин заявил") is the same person.
  const names = [...byName.values()];
  for (const lone of names.filter((n) => !n.ru.includes(' '))) {
    const full = names.find((n) => n !== lone && n.ru.endsWith(` ${lone.ru}`));
    if (!full) continue;
    full.count += lone.count;
    for (const id of lone.segmentIds) if (!full.segmentIds.includes(id)) full.segmentIds.push(id);
    byName.delete(lone.ru);
  }
  return [...byName.values()];
}

function namesIn(text: string, glossary: Glossary, morph: Morphology): Omit<UnknownName, 'count' | 'segmentIds'>[] {
  const covered = glossary.match(text);
  const tokens = tokenize(text);
  const parsesOf = (t: Token) => morph.parse(titleCase(t.raw));
  const candidate = (t: Token) =>
    CYRILLIC_CAPITAL.test(t.raw) && /\p{Script=Cyrillic}/u.test(t.raw) && t.raw.length > 1 &&
    !covered.some((m) => m.start < t.end && t.start < m.end) && parsesOf(t).some(isPerson);
  const out: Omit<UnknownName, 'count' | 'segmentIds'>[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!candidate(tokens[i]!)) continue;
    const group = [tokens[i]!];
    while (i + 1 < tokens.length && /^\s+$/u.test(text.slice(tokens[i]!.end, tokens[i + 1]!.start)) && candidate(tokens[i + 1]!)) group.push(tokens[++i]!);
    const first = group.map((t) => parsesOf(t)[0]);
    const sentenceStart = /(^|[.!?…]["»”]?\s+)["«“—–-]?\s*$/u.test(text.slice(0, group[0]!.start));
    const sure = group.length > 1 ? first.some(isPerson) : isPerson(first[0]) && (!sentenceStart || first[0]!.grammemes.has('Surn'));
    if (sure) out.push(nominative(group.map(parsesOf), group.map((t) => t.raw)));
  }
  return out;
}

/** Agrees the words on one gender and case (taken from the first name when there is one), then puts each in the nominative. */
function nominative(parses: (readonly Parse[])[], raws: string[]): Omit<UnknownName, 'count' | 'segmentIds'> {
  const lead = parses.map((ps) => ps.find((p) => p.grammemes.has('Name'))).find(Boolean) ?? parses[0]!.find(isPerson);
  const gender = lead?.grammemes.has('femn') ? 'female' : lead?.grammemes.has('masc') ? 'male' : undefined;
  const grammaticalCase = lead && ['nomn', 'gent', 'datv', 'accs', 'ablt', 'loct'].find((c) => lead.grammemes.has(c));
  const words = parses.map((ps, i) => {
    const persons = ps.filter(isPerson);
    const agrees = (p: Parse) => (!gender || p.grammemes.has(gender === 'female' ? 'femn' : 'masc') || p.grammemes.has('Ms-f')) && (!grammaticalCase || p.grammemes.has(grammaticalCase));
    const p = persons.find(agrees) ?? persons[0]!;
    return titleCase(lemmaOf(p, raws[i]!, gender));
  });
  const ru = words.join(' ');
  return { ru, en: words.map((w) => transliterate(w)).join(' '), ...(gender ? { gender } : {}) };
}

function lemmaOf(p: Parse, raw: string, gender: 'male' | 'female' | undefined): string {
  const lower = raw.toLowerCase();
  if (p.grammemes.has('Fixd')) return lower;
  if (p.grammemes.has('Patr')) {
    // az files a patronymic under the father's name; rebuild the nominative from the ending instead.
    return p.grammemes.has('femn') ? lower.replace(/(вн|чн)(а|ы|е|у|ой)$/u, '$1а') : lower.replace(/(ич)(а|у|ем|е)$/u, '$1');
  }
  if (p.grammemes.has('Surn') && gender === 'female') return p.lemma.replace(/(ов|ев|ёв|ин|ын)$/u, '$1а').replace(/(ск|цк)ий$/u, '$1ая');
  return p.lemma;
}

function titleCase(word: string): string {
  return word
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1).toLowerCase())
    .join('-');
}
