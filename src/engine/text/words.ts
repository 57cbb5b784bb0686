import type { Word } from './types.js';

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Splits a text into words with their original offsets; keys are case-folded. */
export function segmentWords(text: string): Word[] {
  const words: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index ?? 0;
    words.push({ start, end: start + m[0].length, key: m[0].normalize('NFKC').toLowerCase() });
  }
  return words;
}
