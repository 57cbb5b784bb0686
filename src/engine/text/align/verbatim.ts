import { keyHashes } from '../key-hashes.js';

/** A run of words equal on both sides: submission words [s, s+len), source words [r, r+len). */
export interface Run { s: number; r: number; len: number }

/** Posting lists longer than this (boilerplate trigrams) are not used to start runs. */
const MAX_POSTINGS = 64;

export { keyHashes };

function trigram(k: Int32Array, i: number): number {
  return (Math.imul(k[i], 0x9e3779b1) ^ Math.imul(k[i + 1], 0x85ebca77) ^ Math.imul(k[i + 2], 0xc2b2ae3d)) | 0;
}

/** Word trigrams of a text in an open hash table of typed arrays (chains through `next`). */
interface TrigramIndex { mask: number; head: Int32Array; next: Int32Array; hash: Int32Array }
const indexCache = new WeakMap<Int32Array, TrigramIndex>();

function trigramIndex(keys: Int32Array): TrigramIndex {
  let index = indexCache.get(keys);
  if (index) return index;
  const n = Math.max(0, keys.length - 2);
  let size = 16;
  while (size < 2 * n) size *= 2;
  const head = new Int32Array(size).fill(-1);
  const next = new Int32Array(n);
  const hash = new Int32Array(n);
  // Inserted backwards so each chain lists positions in ascending order.
  for (let i = n - 1; i >= 0; i--) {
    const h = trigram(keys, i);
    hash[i] = h;
    const b = h & (size - 1);
    next[i] = head[b];
    head[b] = i;
  }
  index = { mask: size - 1, head, next, hash };
  indexCache.set(keys, index);
  return index;
}

/**
 * Maximal runs of identical normalised words of at least `minWords` words (verbatim copy, which
 * line breaks, case, homoglyphs and invisible characters do not hide). Found from shared word
 * trigrams, each run extended to its full length; a run is reported once, from its start.
 */
export function verbatimRuns(S: Int32Array, R: Int32Array, minWords: number): Run[] {
  const runs: Run[] = [];
  if (S.length < 3 || R.length < 3 || minWords < 3) return runs;
  const index = trigramIndex(S);
  for (let j = 0; j + 3 <= R.length; j++) {
    const h = trigram(R, j);
    let seen = 0;
    for (let i = index.head[h & index.mask]; i >= 0; i = index.next[i]) {
      if (index.hash[i] !== h) continue;
      if (++seen > MAX_POSTINGS) break;
      if (i > 0 && j > 0 && S[i - 1] === R[j - 1]) continue; // not the start of the run
      let len = 0;
      while (i + len < S.length && j + len < R.length && S[i + len] === R[j + len]) len++;
      if (len >= minWords) runs.push({ s: i, r: j, len });
    }
  }
  return runs;
}

/**
 * Chains runs that follow each other on both sides with at most `gap` words between them
 * (a word changed or dropped), giving longer runs covering the chain.
 */
export function chainRuns(runs: Run[], gap: number): Run[][] {
  const sorted = [...runs].sort((a, b) => a.s - b.s || a.r - b.r);
  const chains: Run[][] = [];
  for (const run of sorted) {
    let joined = false;
    for (let c = chains.length - 1; c >= 0 && c >= chains.length - 8; c--) {
      const last = chains[c][chains[c].length - 1];
      const ds = run.s - (last.s + last.len);
      const dr = run.r - (last.r + last.len);
      if (ds >= -2 && ds <= gap && dr >= -2 && dr <= gap) { chains[c].push(run); joined = true; break; }
    }
    if (!joined) chains.push([run]);
  }
  return chains;
}
