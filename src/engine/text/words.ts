/** A span of the original text that forms one word. */
export interface WordSpan { start: number; end: number }

// Letters, marks and digits; invisible characters inside a word stay inside it (a zero-width
// space must not split "pla\u200Bgiarism"); apostrophes join contractions.
const RUN = /[\p{L}\p{M}\p{N}\p{Default_Ignorable_Code_Point}]+(?:['’][\p{L}\p{M}\p{Default_Ignorable_Code_Point}]+)*/gu;
const VISIBLE = /[\p{L}\p{N}]/u;
// Scripts written without spaces between words: their runs go through Intl.Segmenter's
// dictionary-based word breaking.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

let segmenter: Intl.Segmenter | null = null;

/**
 * Splits a text into words with their original offsets. Space-separated scripts are split on
 * runs of letters and digits (a fast linear scan; Intl.Segmenter gives the same words there but
 * is two orders of magnitude slower); runs in scripts written without spaces (Chinese, Japanese,
 * Thai, Lao, Khmer, Burmese) are segmented with Intl.Segmenter.
 */
export function segmentWords(text: string): WordSpan[] {
  const words: WordSpan[] = [];
  for (const m of text.matchAll(RUN)) {
    const start = m.index!;
    const run = m[0];
    if (!VISIBLE.test(run)) continue;
    if (UNSPACED.test(run)) {
      segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
      for (const seg of segmenter.segment(run)) {
        if (seg.isWordLike) words.push({ start: start + seg.index, end: start + seg.index + seg.segment.length });
      }
    } else {
      words.push({ start, end: start + run.length });
    }
  }
  return words;
}
