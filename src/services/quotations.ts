import { findBlockQuotes, findQuotes, prepareText } from '../engine/index.js';
import { wordsInPassages } from './passage-words.js';

/**
 * Share (0..1) of a text's words that stand inside quotation marks or block quotes, found the way
 * the engine finds the quotes an assignment may exclude.
 */
export function quotedShare(text: string): number {
  const total = prepareText(text).wordStart.length;
  if (total === 0) return 0;
  return wordsInPassages(text, [...findQuotes(text), ...findBlockQuotes(text)]) / total;
}
