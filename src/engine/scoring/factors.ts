import type { PreparedText } from '../text/types.js';
import { keyHashes, verbatimRuns } from '../text/align/verbatim.js';

/**
 * Marks the submission words that lie in a phrase of at least `minWords` consecutive words
 * found word for word (normalised) in one of the sources.
 */
export function wordsInPhrases(submission: PreparedText, sources: readonly PreparedText[], minWords: number, runs: readonly (readonly PhraseRun[])[] = []): Uint8Array {
  const marked = new Uint8Array(submission.wordStart.length);
  const sk = keyHashes(submission);
  for (const source of sources) {
    for (const run of verbatimRuns(sk, keyHashes(source), minWords)) marked.fill(1, run.s, run.s + run.len);
  }
  for (const list of runs) for (const run of list) if (run.len >= minWords) marked.fill(1, run.s, run.s + run.len);
  return marked;
}

/** A phrase of `len` submission words from word `s` on, found word for word in a source. */
export interface PhraseRun { s: number; len: number }

/**
 * The submission's phrases of at least FACTOR1_WORDS words found word for word in `source`, as
 * word runs: what the factors need from a source, kept with a stored pair result so that a
 * report can be composed later without the source text. Runs are maximal, so those of at least
 * FACTOR2_WORDS words are exactly the runs `wordsInPhrases` finds at that length.
 */
export function phraseRuns(submission: PreparedText, source: PreparedText): PhraseRun[] {
  return verbatimRuns(keyHashes(submission), keyHashes(source), FACTOR1_WORDS).map((r) => ({ s: r.s, len: r.len }));
}

/** Plagiat.pl's coefficient lengths: phrases of at least 5 words (factor 1) and 25 words (factor 2). */
export const FACTOR1_WORDS = 5;
export const FACTOR2_WORDS = 25;
