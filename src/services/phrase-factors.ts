import { prepareText, unionRanges, type Passage, type Range } from '../engine/index.js';
import type { StoredAnalysis } from './analysis-model.js';

/**
 * Plagiat.pl's similarity coefficients: the share of the submission's words that lie in matched
 * phrases of at least `minWords` words (5 for the first coefficient, 25 for the second). A phrase
 * is one stored passage; its length is the number of submission words it covers.
 */
export function phraseFactor(text: string, passages: readonly Passage[], minWords: number): number {
  return phraseFactors(text, passages, [minWords])[0];
}

/** phraseFactor for several thresholds at once (one segmentation of the text). */
export function phraseFactors(text: string, passages: readonly Passage[], thresholds: readonly number[]): number[] {
  const { total, covered } = phraseWordCounts(text, passages, thresholds);
  return covered.map((n) => (total === 0 ? 0 : n / total));
}

/** The words of the text, and how many of them lie in matched phrases of at least each threshold. */
export function phraseWordCounts(text: string, passages: readonly Passage[], thresholds: readonly number[]): { total: number; covered: number[] } {
  const words = prepareText(text).words;
  if (words.length === 0) return { total: 0, covered: thresholds.map(() => 0) };
  const starts = words.map((w) => w.start);
  // Index of the first word starting at or after `offset`.
  const firstAtOrAfter = (offset: number) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const inside = (r: Range) => {
    // Words wholly inside [start, end).
    let i = firstAtOrAfter(r.start);
    let n = 0;
    while (i < words.length && words[i].end <= r.end) {
      n++;
      i++;
    }
    return n;
  };
  const phrases = passages.map((p) => ({ start: p.offset, end: p.offset + p.length })).map((r) => ({ r, words: inside(r) }));
  const covered = thresholds.map((min) => {
    const merged = unionRanges(phrases.filter((p) => p.words >= min).map((p) => p.r));
    return merged.reduce((sum, r) => sum + inside(r), 0);
  });
  return { total: words.length, covered };
}

/** The first two Plagiat.pl coefficients of a stored analysis (phrases of at least 5 and 25 words). */
export function plagiatCoefficients(text: string, analysis: StoredAnalysis): { factor1: number; factor2: number } {
  const [factor1, factor2] = phraseFactors(text, analysis.sources.flatMap((s) => s.passages), [5, 25]);
  return { factor1, factor2 };
}
