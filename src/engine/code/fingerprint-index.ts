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

/** Seeds are ordered by one float key, hash * SEED_SCALE + kept index, while kept indices fit. */
const SEED_SCALE = 2 ** 21;

export function indexSubmission(p: PreparedSubmission, excluded: ReadonlySet<number>, k: number): IndexedSubmission {
  const n = p.fileOf.length;
  const excludedToken = new Uint8Array(n);
  let kgrams = 0, picks = 0;
  for (const f of p.kgramFiles) {
    kgrams += f.hash.length;
    picks += f.picks.length;
  }
  const keptHash = new Uint32Array(kgrams);
  const keptPos = new Int32Array(kgrams);
  const seeds = new Int32Array(picks);
  let kept = 0, nSeeds = 0;
  const checkExcluded = excluded.size > 0;
  for (const f of p.kgramFiles) {
    const keptIndex = new Int32Array(f.hash.length);
    for (let i = 0; i < f.hash.length; i++) {
      if (checkExcluded && excluded.has(f.hash[i])) {
        excludedToken.fill(1, f.pos[i], f.pos[i] + k);
        keptIndex[i] = -1;
      } else {
        keptIndex[i] = kept;
        keptHash[kept] = f.hash[i];
        keptPos[kept++] = f.pos[i];
      }
    }
    for (const at of f.picks) if (keptIndex[at] >= 0) seeds[nSeeds++] = keptIndex[at];
  }
  const keptPrefix = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) keptPrefix[i + 1] = keptPrefix[i] + (excludedToken[i] ? 0 : 1);
  // Seeds by hash, then position.
  const seedHash = new Uint32Array(nSeeds);
  const seedAt = new Int32Array(nSeeds);
  if (kept < SEED_SCALE) {
    const keys = new Float64Array(nSeeds);
    for (let x = 0; x < nSeeds; x++) keys[x] = keptHash[seeds[x]] * SEED_SCALE + seeds[x];
    keys.sort();
    for (let x = 0; x < nSeeds; x++) {
      const h = Math.floor(keys[x] / SEED_SCALE);
      seedHash[x] = h;
      seedAt[x] = keys[x] - h * SEED_SCALE;
    }
  } else {
    const order = Array.from(seeds.subarray(0, nSeeds)).sort((x, y) => keptHash[x] - keptHash[y] || x - y);
    order.forEach((y, x) => {
      seedHash[x] = keptHash[y];
      seedAt[x] = y;
    });
  }
  let distinct = 0;
  for (let x = 0; x < nSeeds; x++) if (x === 0 || seedHash[x] !== seedHash[x - 1]) distinct++;
  const fingerprints = new Uint32Array(distinct);
  const fingerprintAt = new Int32Array(distinct);
  for (let x = 0, f = 0; x < nSeeds; x++) {
    if (x > 0 && seedHash[x] === seedHash[x - 1]) continue;
    fingerprints[f] = seedHash[x];
    fingerprintAt[f++] = x;
  }
  return {
    prepared: p,
    total: keptPrefix[n],
    excludedToken,
    keptPrefix,
    seedHash,
    seedAt,
    keptPos: keptPos.slice(0, kept),
    keptHash: keptHash.slice(0, kept),
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
