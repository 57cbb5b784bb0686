/**
 * Letters written in another alphabet than the text's own (Plagiat.pl's "foreign alphabet alert":
 * Cyrillic "а" or Greek "ο" slipped into Latin words to defeat matching). The text's alphabet is
 * the one most of its letters use; every letter of another alphabet is counted.
 */
const SCRIPTS = ['Latin', 'Cyrillic', 'Greek', 'Arabic', 'Hebrew', 'Armenian', 'Georgian', 'Devanagari', 'Thai', 'Hangul', 'Hiragana', 'Katakana', 'Han'] as const;
const PATTERNS = SCRIPTS.map((s) => new RegExp(`\\p{Script=${s}}`, 'u'));
const LETTER = /\p{L}/u;

export function foreignAlphabetCount(text: string): number {
  const counts = new Array<number>(SCRIPTS.length + 1).fill(0);
  for (const ch of text) {
    if (!LETTER.test(ch)) continue;
    const i = PATTERNS.findIndex((re) => re.test(ch));
    counts[i < 0 ? SCRIPTS.length : i]++;
  }
  // Chinese and Japanese texts mix Han with kana by design: they count as one writing system.
  const japanese = counts[10] + counts[11];
  if (japanese > 0 && counts[12] > 0) {
    counts[12] += japanese;
    counts[10] = counts[11] = 0;
  }
  const total = counts.reduce((a, b) => a + b, 0);
  return total - Math.max(...counts);
}
