import { describe, expect, it } from 'vitest';
import { indefiniteArticle, inflectFirst, ingOf, pastOf, pluralOf, thirdPersonOf } from './english.js';

describe('English inflection', () => {
  it('when a noun is made plural, then the regular spelling rules apply', () => {
    expect(['meeting', 'country', 'tax', 'chairman', 'head of state', 'day'].map(pluralOf)).toEqual([
      'meetings', 'countries', 'taxes', 'chairmen', 'heads of state', 'days',
    ]);
  });

  it('when a verb is put in the past, the third person or the -ing form, then the regular spelling rules apply', () => {
    expect(['note', 'discuss', 'carry', 'visit'].map(pastOf)).toEqual(['noted', 'discussed', 'carried', 'visited']);
    expect(['go', 'discuss', 'carry', 'hold', 'have'].map(thirdPersonOf)).toEqual(['goes', 'discusses', 'carries', 'holds', 'has']);
    expect(['make', 'see', 'die', 'hold'].map(ingOf)).toEqual(['making', 'seeing', 'dying', 'holding']);
  });

  it('when a phrasal verb is inflected, then only its first word changes', () => {
    expect(inflectFirst('carry out', pastOf)).toBe('carried out');
  });

  it('when an article goes before a word, then "an" comes before vowel sounds', () => {
    expect(['meeting', 'important', 'official', 'agreement', 'union', 'hour'].map(indefiniteArticle)).toEqual([
      'a', 'an', 'an', 'an', 'a', 'an',
    ]);
  });
});
