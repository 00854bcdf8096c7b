import { describe, expect, it } from 'vitest';
import { loadMorphology } from './morph.js';

describe('morphology', () => {
  it('when an inflected surname is parsed, then its lemma, case and surname tag are given', async () => {
    const morph = await loadMorphology();
    const [first] = morph.parse('Герасимовым');
    expect(first?.lemma).toBe('герасимов');
    expect(first?.grammemes.has('ablt')).toBe(true);
    expect(first?.grammemes.has('Surn')).toBe(true);
  });

  it('when a noun is inflected to the genitive, then az builds the form', async () => {
    const morph = await loadMorphology();
    const army = morph.parse('армия').find((p) => p.pos === 'NOUN');
    expect(army?.inflect(['gent'])).toBe('армии');
  });

  it('when loaded twice, then the same instance is shared', async () => {
    expect(await loadMorphology()).toBe(await loadMorphology());
  });
});
