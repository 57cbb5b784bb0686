/**
 * Fingerprints and the index over them. Each submission keeps the winnowed k-gram hashes
 * (Schleimer, Wilkerson, Aiken 2003) that survive template exclusion as its fingerprints; the
 * index counts, for every pair of submissions, the distinct fingerprints they share, which is
 * how candidate pairs are found without comparing every pair token by token.
 */
import { winnow } from '../text/winnow.js';
import type { PreparedSubmission } from './prepare.js';

export interface IndexedSubmission {
  prepared: PreparedSubmission;
  /** Tokens that belong to no excluded (template or common) k-gram. */
  total: number;
  excludedToken: Uint8Array;
  /** Kept k-grams sorted by hash (then position), for pairwise matching. */
  sortedHash: Uint32Array;
  sortedPos: Int32Array;
  /** Distinct kept fingerprints, ascending. */
  fingerprints: Uint32Array;
}

export function indexSubmission(p: PreparedSubmission, excluded: ReadonlySet<number>, k: number, w: number): IndexedSubmission {
  const n = p.fileOf.length;
  const excludedToken = new Uint8Array(n);
  const keptHash: number[] = [];
  const keptPos: number[] = [];
  const prints = new Set<number>();
  for (const f of p.kgramFiles) {
    for (let i = 0; i < f.hash.length; i++) {
      if (excluded.has(f.hash[i])) excludedToken.fill(1, f.pos[i], f.pos[i] + k);
      else {
        keptHash.push(f.hash[i]);
        keptPos.push(f.pos[i]);
      }
    }
    if (f.hash.length === 0) continue;
    for (const at of winnow(Array.from(f.hash), w)) if (!excluded.has(f.hash[at])) prints.add(f.hash[at]);
  }
  let total = 0;
  for (let i = 0; i < n; i++) if (!excludedToken[i]) total++;
  const order = keptHash.map((_, i) => i).sort((a, b) => keptHash[a] - keptHash[b] || keptPos[a] - keptPos[b]);
  return {
    prepared: p,
    total,
    excludedToken,
    sortedHash: Uint32Array.from(order, (i) => keptHash[i]),
    sortedPos: Int32Array.from(order, (i) => keptPos[i]),
    fingerprints: Uint32Array.from(prints).sort(),
  };
}

/** Index of the unordered pair (i < j) among n submissions in a dense upper triangle. */
export function pairIndex(i: number, j: number, n: number): number {
  return i * n - (i * (i + 1)) / 2 + (j - i - 1);
}

/** Distinct shared fingerprints of every pair, as a dense upper triangle (see `pairIndex`). */
export function sharedFingerprintCounts(subs: readonly IndexedSubmission[]): Uint32Array {
  const n = subs.length;
  const postings = new Map<number, number[]>();
  subs.forEach((s, i) => {
    for (const h of s.fingerprints) {
      const list = postings.get(h);
      if (list) list.push(i);
      else postings.set(h, [i]);
    }
  });
  const shared = new Uint32Array((n * (n - 1)) / 2);
  for (const list of postings.values()) {
    for (let a = 0; a < list.length; a++) {
      const i = list[a];
      const base = i * n - (i * (i + 1)) / 2 - i - 1;
      for (let b = a + 1; b < list.length; b++) shared[base + list[b]]++;
    }
  }
  return shared;
}

/** Hashes present in more than `share` of the submissions (document frequency over k-grams). */
export function commonHashes(sets: readonly Set<number>[], share: number): Set<number> {
  const df = new Map<number, number>();
  for (const s of sets) for (const h of s) df.set(h, (df.get(h) ?? 0) + 1);
  const limit = share * sets.length;
  const out = new Set<number>();
  for (const [h, c] of df) if (c > limit) out.add(h);
  return out;
}
