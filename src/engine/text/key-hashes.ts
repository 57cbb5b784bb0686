import type { PreparedText } from './types.js';

const cache = new WeakMap<PreparedText, Int32Array>();

/** 32-bit FNV-1a hashes of the normalised word keys of a text (computed once per prepared text). */
export function keyHashes(p: PreparedText): Int32Array {
  let h = cache.get(p);
  if (!h) {
    const { wordEntry, forms } = p;
    h = new Int32Array(wordEntry.length);
    for (let i = 0; i < h.length; i++) h[i] = forms.hashes[wordEntry[i]];
    cache.set(p, h);
  }
  return h;
}

/** Records hashes already computed while preparing (they must equal `fnv1a(word.key) | 0`). */
export function rememberKeyHashes(p: PreparedText, hashes: Int32Array): void {
  cache.set(p, hashes);
}
