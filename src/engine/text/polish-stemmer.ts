/**
 * A light Polish stemmer: strips the longest matching inflectional suffix (case endings of nouns
 * and adjectives, common verb endings) while keeping a stem of at least three letters. No
 * maintained pure-JS Polish stemmer exists on npm (Snowball has none); a light stemmer conflates
 * most inflected forms of a word, which is what matching needs.
 */
const SUFFIXES = [
  'owaniami', 'owaniach', 'ościami', 'ościach', 'owania', 'owanie', 'owaniu', 'ującym', 'ującej', 'iejszy',
  'ejszy', 'owych', 'owymi', 'ością', 'ości', 'owie', 'owej', 'owym', 'owy', 'owa', 'owe', 'ami', 'ach',
  'ego', 'emu', 'ymi', 'imi', 'ych', 'ich', 'iem', 'iej', 'ów', 'om', 'em', 'ej', 'ym', 'im', 'ie', 'ia',
  'iu', 'ią', 'ię', 'ać', 'eć', 'ić', 'yć', 'ał', 'ała', 'ało', 'ali', 'ały', 'a', 'e', 'i', 'o', 'u', 'y', 'ą', 'ę',
].sort((a, b) => b.length - a.length);

export function stemPolish(word: string): string {
  for (const s of SUFFIXES) {
    if (word.length - s.length >= 3 && word.endsWith(s)) return word.slice(0, word.length - s.length);
  }
  return word;
}
