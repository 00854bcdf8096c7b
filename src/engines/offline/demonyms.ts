import type { Item } from './item.js';

/** Country → adjective, for "министр обороны России Андрей Белоусов" → "Russian Defense Minister Andrei Belousov". */
const demonyms: Record<string, string> = {
  Russia: 'Russian', 'Russian Federation': 'Russian', Azerbaijan: 'Azerbaijani', Kazakhstan: 'Kazakh', Iran: 'Iranian',
  Turkey: 'Turkish', Türkiye: 'Turkish', China: 'Chinese', Ukraine: 'Ukrainian', Belarus: 'Belarusian', Armenia: 'Armenian',
  Georgia: 'Georgian', Uzbekistan: 'Uzbek', Turkmenistan: 'Turkmen', Kyrgyzstan: 'Kyrgyz', Tajikistan: 'Tajik',
  Moldova: 'Moldovan', 'the US': 'US', US: 'US', 'the United States': 'US', France: 'French', Germany: 'German',
  Britain: 'British', 'the UK': 'British', 'Great Britain': 'British', Italy: 'Italian', Spain: 'Spanish', Japan: 'Japanese',
  India: 'Indian', Pakistan: 'Pakistani', Israel: 'Israeli', Egypt: 'Egyptian', Syria: 'Syrian', Iraq: 'Iraqi',
  'Saudi Arabia': 'Saudi', Qatar: 'Qatari', 'the UAE': 'Emirati', Afghanistan: 'Afghan', Poland: 'Polish',
  'the Czech Republic': 'Czech', Serbia: 'Serbian', Hungary: 'Hungarian', Finland: 'Finnish', Sweden: 'Swedish',
  Norway: 'Norwegian', Greece: 'Greek', Cuba: 'Cuban', Venezuela: 'Venezuelan', Brazil: 'Brazilian', Mexico: 'Mexican',
  Canada: 'Canadian', Vietnam: 'Vietnamese', 'North Korea': 'North Korean', 'South Korea': 'South Korean',
  Mongolia: 'Mongolian', Lithuania: 'Lithuanian', Latvia: 'Latvian', Estonia: 'Estonian', Bulgaria: 'Bulgarian',
  Romania: 'Romanian', Austria: 'Austrian', Switzerland: 'Swiss', 'the Netherlands': 'Dutch', Belgium: 'Belgian',
  Indonesia: 'Indonesian', Malaysia: 'Malaysian', Thailand: 'Thai', Algeria: 'Algerian', Libya: 'Libyan',
  Ethiopia: 'Ethiopian', Nigeria: 'Nigerian', 'South Africa': 'South African', Argentina: 'Argentine', Chile: 'Chilean',
  Slovakia: 'Slovak', Croatia: 'Croatian', Slovenia: 'Slovenian', Denmark: 'Danish', Ireland: 'Irish', Portugal: 'Portuguese',
  Jordan: 'Jordanian', Lebanon: 'Lebanese', Kuwait: 'Kuwaiti', Oman: 'Omani', Bahrain: 'Bahraini', Yemen: 'Yemeni',
  Tunisia: 'Tunisian', Morocco: 'Moroccan', Sudan: 'Sudanese', Abkhazia: 'Abkhaz', Cyprus: 'Cypriot',
};

/** Teams take the adjective even without a name after them: "сборная России" → "the Russian national team". */
const teams = new Set(['national team']);

/**
 * A title followed by a country in the genitive and a person's name: the country becomes an adjective before the
 * title ("Russian Defense Minister Andrei Belousov"); so does a national team's country. Elsewhere "of" stays
 * ("the ambassador of Iran").
 */
export function countryAdjectives(items: readonly Item[]): Item[] {
  const out = [...items];
  for (let k = 1; k < out.length; k++) {
    const country = out[k] as Item;
    const title = out[k - 1] as Item;
    if (country.case !== 'gent' || title.cat !== 'NOUN') continue;
    const name = country.kind === 'term' || country.kind === 'word' ? (country.fixed ?? country.entry?.english ?? '') : '';
    const adjective = demonyms[name];
    if (!adjective) continue;
    const next = out[k + 1];
    const named = next !== undefined && (next.kind === 'name' || (next.kind === 'term' && next.person === true));
    const isTitle = title.kind === 'term' ? title.person === true : title.animate === true;
    const team = teams.has(title.entry?.english ?? '');
    if (!(isTitle && named) && !team) continue;
    out[k - 1] = { ...title, prefix: adjective };
    out[k] = { ...country, cat: 'PRCL', fixed: '' };
  }
  return out;
}
