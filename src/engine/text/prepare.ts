import type { PreparedText } from './types.js';
import { segmentWords } from './words.js';

/** Makes a text ready for comparison: words with original offsets and normalised keys. */
export function prepareText(text: string): PreparedText {
  return { text, words: segmentWords(text), language: 'und' };
}
