import type { PreparedText } from './types.js';
import { fnv1a } from './hash.js';
import { winnow } from './winnow.js';

/**
 * Retrieval k-grams: k consecutive content words (stop words and numbers skipped), by stem, in
 * sorted order; winnowing window w. Order-free stemmed pairs survive the reordering, inflection
 * changes and inserted function words of paraphrase that break exact word 5-grams: on the PAN
 * dev subset (bench/pan-retrieval.mjs) 112 of 117 random-obfuscation and 106 of 111 translation
 * pairs share at least 2 fingerprints with their source, against 89 and 73 for word 5-grams.
 */
export const RETRIEVAL_K = 2;
export const RETRIEVAL_W = 4;
const HAS_LETTER = /\p{L}/u;

/** The hashes of the retrieval k-grams of a text, in text order (before winnowing). */
export function retrievalHashes(prepared: PreparedText, k = RETRIEVAL_K): number[] {
  return retrievalGrams(prepared, k).hashes;
}

/**
 * The retrieval k-grams of a text with where they are: `hashes[i]` is the gram that starts at
 * content word i, and `words[i]` is the index (in `prepared.wordStart`) of content word i.
 */
export function retrievalGrams(prepared: PreparedText, k = RETRIEVAL_K): { hashes: number[]; words: number[] } {
  const { wordEntry, forms } = prepared;
  const stems: string[] = [];
  const words: number[] = [];
  for (let i = 0; i < wordEntry.length; i++) {
    const e = forms.entries[wordEntry[i]];
    if (!e.stop && HAS_LETTER.test(e.key)) {
      stems.push(e.stem);
      words.push(i);
    }
  }
  const hashes: number[] = [];
  for (let i = 0; i + k <= stems.length; i++) hashes.push(gramHash(stems.slice(i, i + k).sort()));
  return { hashes, words };
}

/** The hash of a retrieval gram (its stems in sorted order). */
function gramHash(gram: readonly string[]): number {
  let h = 0x811c9dc5;
  for (const s of gram) h = fnv1a('\u0001', fnv1a(s, h));
  return h >>> 0;
}

/** The hash of the retrieval pair of stems a <= b (what `retrievalHashes` gives for k = 2). */
export function pairHash(a: string, b: string): number {
  return gramHash([a, b]);
}

/**
 * Winnowed retrieval fingerprints of a text, distinct and sorted: what an inverted index
 * stores so that candidate sources are found without comparing against every document
 * (Schleimer, Wilkerson, Aiken 2003; see winnow.ts).
 */
export function textFingerprints(prepared: PreparedText): number[] {
  const hashes = retrievalHashes(prepared);
  const set = new Set<number>();
  for (const i of winnow(hashes, RETRIEVAL_W)) set.add(hashes[i]);
  return [...set].sort((a, b) => a - b);
}
