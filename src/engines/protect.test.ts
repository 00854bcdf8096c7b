import { describe, expect, it } from 'vitest';
import { segment } from '../../tests/fixtures/engine-segments.js';
import { escapeMarkup, findMissingTerms, protectTerms, unescapeMarkup } from './protect.js';

const sample = segment('Министр обороны встретился с мэром Казани в Москве.', [
  ['Министр обороны', 'Defense Minister'],
  ['мэром Казани', 'Mayor of Kazan'],
]);

describe('protectTerms', () => {
  it('when marked as XML, then each term span is replaced by its official English in an ignored x tag', () => {
    expect(protectTerms(sample, 'xml').text).toBe('<x id="0">Defense Minister</x> встретился с <x id="1">Mayor of Kazan</x> в Москве.');
  });

  it('when marked as HTML, then each term becomes a translate="no" span', () => {
    expect(protectTerms(sample, 'html').text).toBe(
      '<span translate="no" class="notranslate" data-term="0">Defense Minister</span> встретился с <span translate="no" class="notranslate" data-term="1">Mayor of Kazan</span> в Москве.',
    );
  });

  it('when the provider moves the tags and changes quoting, then restore puts the official terms back without markup', () => {
    const p = protectTerms(sample, 'xml');
    expect(p.restore("In Moscow, <x id='1'>Mayor of Kazan</x> met <x id=\"0\">Defense Minister</x>.")).toEqual({
      text: 'In Moscow, Mayor of Kazan met Defense Minister.',
      missingTerms: [],
    });
  });

  it('when the provider alters the text inside a protected tag, then the official form wins', () => {
    const p = protectTerms(sample, 'html');
    const out = p.restore('<span translate="no" data-term="0">defence minister</span> met <span data-term="1" translate="no">Mayor of Kazan</span>.');
    expect(out.text).toBe('Defense Minister met Mayor of Kazan.');
  });

  it('when a tag is lost with its term, then the term is reported missing; lost tags around a kept term are not', () => {
    const p = protectTerms(sample, 'xml');
    expect(p.restore('The minister met Mayor of Kazan in Moscow.')).toEqual({ text: 'The minister met Mayor of Kazan in Moscow.', missingTerms: [sample.terms[0]!.entryId] });
  });

  it('when the source holds markup characters, then they are escaped going out and restored coming back', () => {
    const s = segment('Акции A&B выросли на <5%>.');
    const p = protectTerms(s, 'html');
    expect(p.text).toBe('Акции A&amp;B выросли на &lt;5%&gt;.');
    expect(p.restore('Shares of A&amp;B rose by &lt;5%&gt; &#39;today&#39; &quot;x&quot; &#x2014; &mdash;').text).toBe('Shares of A&B rose by <5%> \'today\' "x" — —');
  });

  it('when a term target itself holds & or <, then it comes back exactly once unescaped', () => {
    const s = segment('Компания Джонсон и Джонсон объявила.', [['Джонсон и Джонсон', 'Johnson & Johnson']]);
    const p = protectTerms(s, 'xml');
    expect(p.text).toContain('<x id="0">Johnson &amp; Johnson</x>');
    expect(p.restore('The company <x id="0">Johnson &amp; Johnson</x> announced.').text).toBe('The company Johnson & Johnson announced.');
  });
});

describe('helpers', () => {
  it('when checked for terms, then a term opening a sentence in other case still counts as present', () => {
    expect(findMissingTerms('defense minister spoke.', sample.terms)).toEqual([sample.terms[1]!.entryId]);
  });

  it('when escaped and unescaped, then text round-trips', () => {
    const text = 'a & b < c > d "e" \'f\'';
    expect(unescapeMarkup(escapeMarkup(text))).toBe(text);
    expect(unescapeMarkup('&unknown; &#0;')).toBe('&unknown; &#0;');
  });
});
