import { prepareText, unionRanges } from '../engine/index.js';

/**
 * How many words of a text lie wholly inside the given passages (overlaps counted once): the
 * "identical words" a report lists for one source.
 */
export function wordsInPassages(text: string, passages: readonly { offset: number; length: number }[]): number {
  const { wordStart, wordEnd } = prepareText(text);
  const ranges = unionRanges(passages.map((p) => ({ start: p.offset, end: p.offset + p.length })));
  let n = 0;
  let j = 0;
  for (let i = 0; i < wordStart.length; i++) {
    const start = wordStart[i];
    while (j < ranges.length && ranges[j].end <= start) j++;
    if (j < ranges.length && ranges[j].start <= start && ranges[j].end >= wordEnd[i]) n++;
  }
  return n;
}

/** The passages of a report as sorted, merged character ranges (for marking them in a text). */
export function markedRanges(passages: readonly { offset: number; length: number }[]): { start: number; end: number }[] {
  return unionRanges(passages.map((p) => ({ start: p.offset, end: p.offset + p.length })));
}

/** Phrase lengths of Plagiat.pl's coefficients, as the engine counts them. */
export { FACTOR1_WORDS, FACTOR2_WORDS } from '../engine/index.js';
