/** A span of the original text that forms one word. */
export interface WordSpan { start: number; end: number }

// Character classes, computed once per UTF-16 code unit on first sight.
const KNOWN = 1;
const WORD = 2; // letter, mark, digit, or invisible (a zero-width space must not split "pla\u200Bgiarism")
const LETTER = 4; // letter or mark: what may follow an apostrophe inside a word
const VISIBLE = 8; // letter or digit
const UNSPACED = 16; // a script written without spaces between words
const APOSTROPHE = 32;
const classes = new Uint8Array(65536);

const WORD_RE = /[\p{L}\p{M}\p{N}\p{Default_Ignorable_Code_Point}]/u;
const LETTER_RE = /[\p{L}\p{M}]/u;
const VISIBLE_RE = /[\p{L}\p{N}]/u;
// Scripts whose runs go through Intl.Segmenter's dictionary-based word breaking.
const UNSPACED_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

function classify(ch: string): number {
  let k = KNOWN;
  if (WORD_RE.test(ch)) k |= WORD;
  if (LETTER_RE.test(ch)) k |= LETTER;
  if (VISIBLE_RE.test(ch)) k |= VISIBLE;
  if (UNSPACED_RE.test(ch)) k |= UNSPACED;
  if (ch === "'" || ch === '’') k |= APOSTROPHE;
  return k;
}

/** Class of the character at i, and its length in code units (2 for a surrogate pair). */
function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    return classify(String.fromCodePoint(text.codePointAt(i)!)) | 64; // 64: two code units
  }
  let k = classes[c];
  if (k === 0) classes[c] = k = classify(String.fromCharCode(c));
  return k;
}

let segmenter: Intl.Segmenter | null = null;

/**
 * Splits a text into words with their original offsets. Space-separated scripts are split on
 * runs of letters, marks and digits (apostrophes join contractions) by a linear scan over a
 * per-character class table; Intl.Segmenter gives the same words there but is several times
 * slower line by line and far slower on whole texts (bench/segmenter.mjs). Runs in scripts written without spaces (Chinese, Japanese, Thai, Lao, Khmer,
 * Burmese) are segmented with Intl.Segmenter.
 */
export function segmentWords(text: string): WordSpan[] {
  const words: WordSpan[] = [];
  scanWords(text, (start, end) => { words.push({ start, end }); });
  return words;
}

/** The scan behind `segmentWords`: calls `onWord` for each word; `ascii` tells a plain ASCII word. */
export function scanWords(text: string, onWord: (start: number, end: number, ascii: boolean) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    let k = classAt(text, i);
    if (!(k & WORD)) { i += k & 64 ? 2 : 1; continue; }
    const start = i;
    let ascii = true;
    let visible = false;
    let unspaced = false;
    for (;;) {
      if (text.charCodeAt(i) > 0x7e) ascii = false;
      if (k & VISIBLE) visible = true;
      if (k & UNSPACED) unspaced = true;
      i += k & 64 ? 2 : 1;
      if (i >= n) break;
      k = classAt(text, i);
      if (k & WORD) continue;
      if (k & APOSTROPHE && i + 1 < n && classAt(text, i + 1) & LETTER) { ascii &&= text.charCodeAt(i) < 0x7f; i++; k = classAt(text, i); continue; }
      break;
    }
    if (!visible) continue;
    if (unspaced) {
      segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
      for (const seg of segmenter.segment(text.slice(start, i))) {
        if (seg.isWordLike) onWord(start + seg.index, start + seg.index + seg.segment.length, false);
      }
    } else {
      onWord(start, i, ascii);
    }
  }
}
