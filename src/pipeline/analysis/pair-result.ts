import type { Passage, PhraseRun } from '../../engine/index.js';

/**
 * One alignment of a submission against one source, as stored in `pair_results`: the passages
 * (offsets in both texts) and the submission's word-for-word phrases found in the source (for
 * Plagiat.pl's factors). A report is composed from these, so each ordered pair of documents is
 * aligned once; alignment is not symmetric (a summary condenses its source), so the two
 * directions of a pair are two results.
 */
export interface PairResult {
  passages: Passage[];
  phrases: PhraseRun[];
}

/** Bump when the aligner's output changes, so stored pairs are recomputed. */
const PAIR_FORMAT = 1;

/**
 * What a pair result depends on besides the two texts: the aligner's options, and the language
 * translated from when a lexicon was at hand (a dictionary installed later aligns the pairs again).
 */
export function pairOptionsKey(minWords: number, minChars: number, translatedFrom: string | null = null): string {
  return `v${PAIR_FORMAT};words=${minWords};chars=${minChars}${translatedFrom ? `;tr=${translatedFrom}` : ''}`;
}

export function encodePair(p: PairResult): string {
  return JSON.stringify({ p: p.passages, r: p.phrases.map((x) => [x.s, x.len]) });
}

export function decodePair(json: string): PairResult {
  const o = JSON.parse(json) as { p: Passage[]; r: [number, number][] };
  return { passages: o.p, phrases: o.r.map(([s, len]) => ({ s, len })) };
}
