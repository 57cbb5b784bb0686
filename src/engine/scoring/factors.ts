import type { PreparedText } from '../text/types.js';
import { keyHashes, verbatimRuns } from '../text/align/verbatim.js';

/**
 * Marks the submission words that lie in a phrase of at least `minWords` consecutive words
 * found word for word (normalised) in one of the sources.
 */
export function wordsInPhrases(submission: PreparedText, sources: readonly PreparedText[], minWords: number): Uint8Array {
  const marked = new Uint8Array(submission.wordStart.length);
  const sk = keyHashes(submission);
  for (const source of sources) {
    for (const run of verbatimRuns(sk, keyHashes(source), minWords)) marked.fill(1, run.s, run.s + run.len);
  }
  return marked;
}

/** Plagiat.pl's coefficient lengths: phrases of at least 5 words (factor 1) and 25 words (factor 2). */
export const FACTOR1_WORDS = 5;
export const FACTOR2_WORDS = 25;
