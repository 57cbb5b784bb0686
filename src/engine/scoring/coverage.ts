import type { Word } from '../text/types.js';

export interface Range { start: number; end: number }

/** Sorted union of half-open ranges. */
export function unionRanges(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].filter((r) => r.end > r.start).sort((a, b) => a.start - b.start);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ start: r.start, end: r.end });
  }
  return out;
}

/**
 * Share (0..1) of the characters of `words` that fall inside `ranges`. Counting word characters,
 * not raw characters, keeps whitespace and layout out of the score.
 */
export function wordCoverage(words: readonly Word[], ranges: readonly Range[]): number {
  if (words.length === 0) return 0;
  const merged = unionRanges(ranges);
  let total = 0;
  let covered = 0;
  let j = 0;
  for (const w of words) {
    const len = w.end - w.start;
    total += len;
    while (j < merged.length && merged[j].end <= w.start) j++;
    if (j < merged.length && merged[j].start <= w.start && merged[j].end >= w.end) covered += len;
  }
  return total === 0 ? 0 : covered / total;
}
