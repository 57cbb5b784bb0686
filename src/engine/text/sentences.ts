import type { Sentence } from './types.js';
import type { WordSpan } from './words.js';

const TERMINAL = /[.!?…。！？]/;
const CLOSING_RUN = /^[.!?…。！？"'”’»)\]]*/;
const PARAGRAPH = /\n[^\S\n]*\n/;
const UNCASED_OR_UPPER = /^[^\p{Ll}]/u;

/**
 * Groups words into sentences. A sentence ends where the gap after a word holds terminal
 * punctuation and the next word does not start in lower case (so "e.g. the" stays one
 * sentence), or where the gap holds a blank line. A sentence's span ends after its terminal
 * punctuation and closing quotes.
 */
export function segmentSentences(text: string, words: readonly WordSpan[]): Sentence[] {
  const sentences: Sentence[] = [];
  let first = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const next = words[i + 1];
    let boundary = next === undefined;
    let end = w.end;
    if (next) {
      const gap = text.slice(w.end, next.start);
      if (TERMINAL.test(gap) && UNCASED_OR_UPPER.test(text[next.start]) || PARAGRAPH.test(gap)) boundary = true;
    }
    if (boundary) {
      const tail = CLOSING_RUN.exec(text.slice(w.end, Math.min(text.length, w.end + 8)));
      end = w.end + (tail ? tail[0].length : 0);
      sentences.push({ start: words[first].start, end, firstWord: first, endWord: i + 1 });
      first = i + 1;
    }
  }
  return sentences;
}
