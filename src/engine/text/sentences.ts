import type { Sentence } from './types.js';

/** Longest line (characters) taken for a heading when it ends without punctuation. */
const HEADING_LINE = 35;
/** Whether a character may close a sentence after its last word: . ! ? … 。 ！ ？ " ' ” ’ » ) ] */
function isClosing(c: number): boolean {
  return isTerminal(c) || c === 0x22 || c === 0x27 || c === 0x201d || c === 0x2019 || c === 0xbb || c === 0x29 || c === 0x5d;
}

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
 * Groups words (their start and end offsets) into sentences. A sentence ends where the gap
 * after a word holds terminal punctuation and the next word does not start in lower case (so
 * "e.g. the" stays one sentence), or where the gap holds a blank line. A sentence's span ends after its terminal
 * punctuation and closing quotes.
 */
export function segmentSentences(text: string, starts: Int32Array, ends: Int32Array): Sentence[] {
  const sentences: Sentence[] = [];
  const n = starts.length;
  let first = 0;
  let lineStart = 0;
  for (let i = 0; i < n; i++) {
    const wEnd = ends[i];
    let boundary = i + 1 === n;
    if (!boundary) {
      const nextStart = starts[i + 1];
      let terminal = false;
      let newlines = 0;
      for (let k = wEnd; k < nextStart; k++) {
        const c = text.charCodeAt(k);
        if (isTerminal(c)) terminal = true;
        else if (c === 0x0a) newlines++;
      }
      // A short line ending without punctuation before a capitalised line is a heading or a
      // list item (common in web text); long lines are text wrapped by a line break.
      const upper = (terminal || newlines === 1) && notLower(text, nextStart);
      const heading = newlines === 1 && upper && wEnd - lineStart <= HEADING_LINE;
      boundary = (terminal && upper) || newlines >= 2 || heading;
      if (newlines > 0) lineStart = nextStart;
    }
    if (boundary) {
      // The closing run after the word: at most 8 characters of terminal punctuation and closing quotes.
      const limit = Math.min(text.length, wEnd + 8);
      let end = wEnd;
      while (end < limit && isClosing(text.charCodeAt(end))) end++;
      sentences.push({ start: starts[first], end, firstWord: first, endWord: i + 1 });
      first = i + 1;
    }
  }
  return sentences;
}
