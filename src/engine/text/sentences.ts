import type { Sentence } from './types.js';
import type { WordSpan } from './words.js';

/** Longest line (characters) taken for a heading when it ends without punctuation. */
const HEADING_LINE = 35;
const CLOSING_RUN = /^[.!?…。！？"'”’»)\]]*/;

function isTerminal(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026 || c === 0x3002 || c === 0xff01 || c === 0xff1f;
}

/** Whether the character at i does not start a lower-case word (upper case, digit, uncased script). */
function notLower(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return !(c >= 0x61 && c <= 0x7a);
  const ch = text[i];
  return ch.toLowerCase() !== ch || ch.toUpperCase() === ch;
}

/**
 * Groups words into sentences. A sentence ends where the gap after a word holds terminal
 * punctuation and the next word does not start in lower case (so "e.g. the" stays one
 * sentence), or where the gap holds a blank line. A sentence's span ends after its terminal
 * punctuation and closing quotes.
 */
export function segmentSentences(text: string, words: readonly WordSpan[]): Sentence[] {
  const sentences: Sentence[] = [];
  let first = 0;
  let lineStart = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const next = words[i + 1];
    let boundary = next === undefined;
    if (next) {
      let terminal = false;
      let newlines = 0;
      for (let k = w.end; k < next.start; k++) {
        const c = text.charCodeAt(k);
        if (isTerminal(c)) terminal = true;
        else if (c === 0x0a) newlines++;
      }
      // A short line ending without punctuation before a capitalised line is a heading or a
      // list item (common in web text); long lines are text wrapped by a line break.
      const upper = (terminal || newlines === 1) && notLower(text, next.start);
      const heading = newlines === 1 && upper && w.end - lineStart <= HEADING_LINE;
      boundary = (terminal && upper) || newlines >= 2 || heading;
      if (newlines > 0) lineStart = next.start;
    }
    if (boundary) {
      const tail = CLOSING_RUN.exec(text.slice(w.end, Math.min(text.length, w.end + 8)));
      const end = w.end + (tail ? tail[0].length : 0);
      sentences.push({ start: words[first].start, end, firstWord: first, endWord: i + 1 });
      first = i + 1;
    }
  }
  return sentences;
}
