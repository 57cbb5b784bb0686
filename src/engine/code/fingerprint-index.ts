/**
 * Fingerprints and the index over them. Each submission keeps the winnowed k-gram hashes
 * (Schleimer, Wilkerson, Aiken 2003) that survive template exclusion as its fingerprints; the
 * index counts, for every pair of submissions, the distinct fingerprints they share, which is
 * how candidate pairs are found without comparing every pair token by token.
 */
import type { PreparedSubmission } from './prepare.js';

export interface IndexedSubmission {
  prepared: PreparedSubmission;
  /** Tokens that belong to no excluded (template or common) k-gram. */
  total: number;
  excludedToken: Uint8Array;
  /** keptPrefix[i] = tokens before position i that are not excluded (coverage in O(1)). */
  keptPrefix: Int32Array;
  /** Kept k-grams (not excluded) in stream order: first token and hash. */
  keptPos: Int32Array;
  keptHash: Uint32Array;
  /**
   * The winnowed fingerprint occurrences, sorted by hash then position: their hashes and their
   * indices into keptPos/keptHash (a look-up table from a shared fingerprint to where it is).
   */
  seedHash: Uint32Array;
  seedAt: Int32Array;
  /** Distinct kept fingerprints, ascending, and where each one's occurrences start in seedHash. */
  fingerprints: Uint32Array;
  fingerprintAt: Int32Array;
}

export function indexSubmission(p: PreparedSubmission, excluded: ReadonlySet<number>, k: number): IndexedSubmission {
  const n = p.fileOf.length;
  const excludedToken = new Uint8Array(n);
  const keptHash: number[] = [];
  const keptPos: number[] = [];
  const prints = new Set<number>();
  const seeds: number[] = [];
  for (const f of p.kgramFiles) {
    const keptIndex = new Int32Array(f.hash.length).fill(-1);
    for (let i = 0; i < f.hash.length; i++) {
      if (excluded.has(f.hash[i])) excludedToken.fill(1, f.pos[i], f.pos[i] + k);
      else {
        keptIndex[i] = keptHash.length;
        keptHash.push(f.hash[i]);
        keptPos.push(f.pos[i]);
      }
    }
    if (f.hash.length === 0) continue;
    for (const at of f.picks) {
      if (keptIndex[at] < 0) continue;
      seeds.push(keptIndex[at]);
      prints.add(f.hash[at]);
    }
  }
  const keptPrefix = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) keptPrefix[i + 1] = keptPrefix[i] + (excludedToken[i] ? 0 : 1);
  const total = keptPrefix[n];
  const seedOrder = seeds.map((_, x) => x).sort((x, y) => keptHash[seeds[x]] - keptHash[seeds[y]] || seeds[x] - seeds[y]);
  const seedHash = Uint32Array.from(seedOrder, (x) => keptHash[seeds[x]]);
  const fingerprints = new Uint32Array(prints.size);
  const fingerprintAt = new Int32Array(prints.size);
  for (let x = 0, f = 0; x < seedHash.length; x++) {
    if (x > 0 && seedHash[x] === seedHash[x - 1]) continue;
    fingerprints[f] = seedHash[x];
    fingerprintAt[f++] = x;
  }
  return {
    prepared: p,
    total,
    excludedToken,
    keptPrefix,
    seedHash,
    seedAt: Int32Array.from(seedOrder, (x) => seeds[x]),
    keptPos: Int32Array.from(keptPos),
    keptHash: Uint32Array.from(keptHash),
    fingerprints,
    fingerprintAt,
  };
}

/** What matching a pair reads of each side (plain typed arrays). */
export interface MatchSubmission {
  paths: string[];
  fileOf: Int32Array;
  lines: Int32Array;
  total: number;
  keptPrefix: Int32Array;
  keptPos: Int32Array;
  keptHash: Uint32Array;
  seedHash: Uint32Array;
  seedAt: Int32Array;
}

export function matchSubmission(s: IndexedSubmission): MatchSubmission {
  const { paths, fileOf, lines } = s.prepared;
  return { paths, fileOf, lines, total: s.total, keptPrefix: s.keptPrefix, keptPos: s.keptPos, keptHash: s.keptHash, seedHash: s.seedHash, seedAt: s.seedAt };
}

/** Index of the unordered pair (i < j) among n submissions in a dense upper triangle. */
export function pairIndex(i: number, j: number, n: number): number {
  return i * n - (i * (i + 1)) / 2 + (j - i - 1);
}

export interface PairCounts {
  /** Distinct fingerprints shared, per pair (dense upper triangle, see `pairIndex`). */
  shared: Uint32Array;
  /**
   * The shared fingerprints themselves, as where their occurrences start in the right
   * submission's seedHash: those of pair p are sharedSeeds[offsets[p] .. offsets[p + 1]).
   */
  offsets: Float64Array;
  sharedSeeds: Int32Array;
}

/**
 * For every pair: the distinct fingerprints it shares, counted and listed, from posting lists
 * (work grows with the pairs that share something, not with all pairs).
 */
export function pairCounts(subs: readonly IndexedSubmission[]): PairCounts {
  const n = subs.length;
  // Posting lists: submission, then where the fingerprint's seeds start in it, alternately.
  const postings = new Map<number, number[]>();
  subs.forEach((s, i) => {
    for (let f = 0; f < s.fingerprints.length; f++) {
      const h = s.fingerprints[f];
      const list = postings.get(h);
      if (list) list.push(i, s.fingerprintAt[f]);
      else postings.set(h, [i, s.fingerprintAt[f]]);
    }
  });
  const size = (n * (n - 1)) / 2;
  const shared = new Uint32Array(size);
  for (const list of postings.values()) {
    for (let a = 0; a < list.length; a += 2) {
      const i = list[a];
      const base = i * n - (i * (i + 1)) / 2 - i - 1;
      for (let b = a + 2; b < list.length; b += 2) shared[base + list[b]]++;
    }
  }
  const offsets = new Float64Array(size + 1);
  for (let p = 0; p < size; p++) offsets[p + 1] = offsets[p] + shared[p];
  const sharedSeeds = new Int32Array(offsets[size]);
  const fill = offsets.slice(0, size);
  for (const list of postings.values()) {
    for (let a = 0; a < list.length; a += 2) {
      const i = list[a];
      const base = i * n - (i * (i + 1)) / 2 - i - 1;
      for (let b = a + 2; b < list.length; b += 2) sharedSeeds[fill[base + list[b]]++] = list[b + 1];
    }
  }
  return { shared, offsets, sharedSeeds };
}

/** Hashes present in more than `share` of the submissions (document frequency over k-grams). */
export function commonHashes(sets: readonly Iterable<number>[], share: number): Set<number> {
  const df = new Map<number, number>();
  for (const s of sets) for (const h of s) df.set(h, (df.get(h) ?? 0) + 1);
  const limit = share * sets.length;
  const out = new Set<number>();
  for (const [h, c] of df) if (c > limit) out.add(h);
  return out;
}
