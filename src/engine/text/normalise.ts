import type { HiddenCharacter } from './types.js';
import { homoglyphOf, shouldFoldHomoglyphs } from './homoglyphs.js';

/** Characters with no visible form (zero-width spaces and joiners, soft hyphens, bidi controls, tags...). */
export const INVISIBLE = /\p{Default_Ignorable_Code_Point}/u;
const INVISIBLE_G = /\p{Default_Ignorable_Code_Point}/gu;
const COMBINING = /\p{M}/u;
const NEEDS_WORK = /[^\x20-\x7e\n\t\r]/;

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

/** The comparison key of one word (see `normaliseText`); fast for plain ASCII words. */
export function foldWord(word: string, latinText: boolean, base = 0, hidden: HiddenCharacter[] | null = null): string {
  if (!NEEDS_WORK.test(word)) return word.toLowerCase();
  const out: string[] = [];
  const map: number[] = [];
  const lowered = word.normalize('NFKC').toLowerCase();
  normalisePiece(word, base, shouldFoldHomoglyphs(lowered, latinText), out, map, hidden);
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
  const sample = text.length > 20000 ? text.slice(0, 20000) : text;
  for (const m of sample.matchAll(/[\p{L}]/gu)) {
    if (m[0] <= '\u024f') latin++; else other++;
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
