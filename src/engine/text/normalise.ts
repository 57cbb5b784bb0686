import type { HiddenCharacter } from './types.js';
import { homoglyphOf, shouldFoldHomoglyphs } from './homoglyphs.js';

/** Characters with no visible form (zero-width spaces and joiners, soft hyphens, bidi controls, tags...). */
export const INVISIBLE = /\p{Default_Ignorable_Code_Point}/u;
const INVISIBLE_G = /\p{Default_Ignorable_Code_Point}/gu;
const COMBINING = /\p{M}/u;
const LETTER = /\p{L}/u;
const CONFUSABLE = /[\u0370-\u03ff\u0400-\u052f]/;

function codePointName(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Normalises one piece of text (a word) and appends it to `out`, pushing for every output
 * UTF-16 unit the original offset it came from. NFKC runs on whole clusters (a base character
 * and its combining marks) so that composed forms come out composed; case folding follows, then
 * homoglyph folding when `foldHomoglyphs`. Invisible characters are dropped and reported.
 */
function normalisePiece(
  piece: string, base: number, foldHomoglyphs: boolean,
  out: string[], map: number[], hidden: HiddenCharacter[] | null,
): void {
  let i = 0;
  while (i < piece.length) {
    const cp = piece.codePointAt(i)!;
    let j = i + (cp > 0xffff ? 2 : 1);
    const ch = piece.slice(i, j);
    if (INVISIBLE.test(ch)) {
      hidden?.push({ offset: base + i, codePoint: codePointName(ch), kind: 'invisible' });
      i = j;
      continue;
    }
    while (j < piece.length && COMBINING.test(piece[j])) j++;
    const folded = piece.slice(i, j).replace(INVISIBLE_G, '').normalize('NFKC').toLowerCase();
    for (const c of folded) {
      const latin = foldHomoglyphs ? homoglyphOf(c) : undefined;
      if (latin !== undefined) hidden?.push({ offset: base + i, codePoint: codePointName(c), kind: 'homoglyph' });
      const o = latin ?? c;
      for (let k = 0; k < o.length; k++) { out.push(o[k]); map.push(base + i); }
    }
    i = j;
  }
}

/**
 * The comparison key of one word (see `normaliseText`); fast for plain ASCII words.
 * `latinText` says whether the whole text is mostly Latin (see `isLatinText`); it is asked
 * only for words that need it.
 */
export function foldWord(word: string, latinText: boolean | (() => boolean), base = 0, hidden: HiddenCharacter[] | null = null): string {
  let plain = true;
  for (let i = 0; i < word.length && plain; i++) plain = word.charCodeAt(i) < 0x7f;
  if (plain) return word.toLowerCase();
  const out: string[] = [];
  const map: number[] = [];
  const lowered = word.normalize('NFKC').toLowerCase();
  const fold = CONFUSABLE.test(lowered) && shouldFoldHomoglyphs(lowered, typeof latinText === 'function' ? latinText() : latinText);
  normalisePiece(word, base, fold, out, map, hidden);
  return out.join('');
}

export interface NormalisedText {
  /** The normalised text. */
  text: string;
  /** `map[i]` is the offset in the original text of normalised character i; `map[text.length]` is the original length. */
  map: number[];
  hidden: HiddenCharacter[];
}

const TOKEN = /[\p{L}\p{M}\p{N}\p{Default_Ignorable_Code_Point}]+|[^\p{L}\p{M}\p{N}\p{Default_Ignorable_Code_Point}]+/gu;

/** Share of letters that are Latin: decides whether all-look-alike words are folded. */
export function isLatinText(text: string): boolean {
  let latin = 0;
  let other = 0;
  const n = Math.min(text.length, 20000);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f)) latin++;
    else if (c >= 0x370 && LETTER.test(text[i])) other++;
  }
  return latin >= other;
}

/**
 * Normalises a whole text with an offset map back to the original: NFKC, case folding,
 * homoglyph folding (word by word, see `shouldFoldHomoglyphs`), invisible characters removed.
 */
export function normaliseText(text: string): NormalisedText {
  const latinText = isLatinText(text);
  const out: string[] = [];
  const map: number[] = [];
  const hidden: HiddenCharacter[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const piece = m[0];
    const lowered = piece.normalize('NFKC').toLowerCase();
    normalisePiece(piece, m.index!, shouldFoldHomoglyphs(lowered, latinText), out, map, hidden);
  }
  map.push(text.length);
  return { text: out.join(''), map, hidden };
}
