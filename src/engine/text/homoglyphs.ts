/**
 * Cyrillic and Greek letters that look like Latin ones, after case folding. A disguise swaps
 * Latin letters for these so that copied words no longer compare equal; folding them back
 * restores the comparison. Uppercase look-alikes (В Н М Т К, Β Η Ν Τ Χ ...) are listed by their
 * lowercase form because case folding runs first.
 */
const TABLE: Record<string, string> = {
  // Cyrillic
  'а': 'a', 'в': 'b', 'с': 'c', 'ԁ': 'd', 'е': 'e', 'ё': 'e', 'һ': 'h', 'н': 'h', 'і': 'i', 'ї': 'i',
  'ј': 'j', 'к': 'k', 'ӏ': 'l', 'м': 'm', 'о': 'o', 'р': 'p', 'ԛ': 'q', 'ѕ': 's', 'т': 't', 'у': 'y',
  'ү': 'y', 'х': 'x', 'ԝ': 'w', 'ь': 'b',
  // Greek
  'α': 'a', 'β': 'b', 'ε': 'e', 'ζ': 'z', 'η': 'h', 'ι': 'i', 'κ': 'k', 'μ': 'm', 'ν': 'v', 'ο': 'o',
  'ρ': 'p', 'τ': 't', 'υ': 'u', 'χ': 'x', 'γ': 'y', 'ϲ': 'c', 'ϳ': 'j',
};

const LATIN = /\p{Script=Latin}/u;
const CONFUSABLE_SCRIPT = /[\p{Script=Cyrillic}\p{Script=Greek}]/u;

/** The Latin letter a Cyrillic or Greek look-alike stands for, or undefined. */
export function homoglyphOf(ch: string): string | undefined {
  return TABLE[ch];
}

/**
 * Whether the letters of a (case-folded) word should be folded: the word mixes Latin with
 * Cyrillic/Greek letters, or it is written only in look-alike letters inside a text whose
 * letters are mostly Latin. A genuinely Russian or Greek word in a Russian or Greek text is
 * left alone, so its stemmer still sees it.
 */
export function shouldFoldHomoglyphs(word: string, latinText: boolean): boolean {
  if (!CONFUSABLE_SCRIPT.test(word)) return false;
  if (LATIN.test(word)) return true;
  if (!latinText) return false;
  for (const ch of word) if (/\p{L}/u.test(ch) && TABLE[ch] === undefined) return false;
  return true;
}
