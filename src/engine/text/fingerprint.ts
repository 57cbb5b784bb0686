import type { PreparedText } from './types.js';
import { kgramHashes } from './hash.js';
import { winnow } from './winnow.js';

/** Word k-gram size and winnowing window used for candidate retrieval. */
export const RETRIEVAL_K = 5;
export const RETRIEVAL_W = 4;

/**
 * Winnowed word k-gram fingerprints of a text, distinct and sorted: what an inverted index
 * stores so that candidate sources are found without comparing against every document.
 */
export function textFingerprints(prepared: PreparedText): number[] {
  const hashes = kgramHashes(prepared.words.map((w) => w.key), RETRIEVAL_K);
  const set = new Set<number>();
  for (const i of winnow(hashes, RETRIEVAL_W)) set.add(hashes[i]);
  return [...set].sort((a, b) => a - b);
}
