/**
 * Fingerprints and the index over them. Each submission keeps the winnowed k-gram hashes
 * (Schleimer, Wilkerson, Aiken 2003) that survive template exclusion as its fingerprints;
 * posting lists give, row by row, the later submissions sharing fingerprints with each one,
 * which is how candidate pairs are found without comparing every pair token by token.
 */
import type { PreparedSubmission } from './prepare.js';
import { U32Table } from './u32-table.js';

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
/** Scratch space of `indexSubmission`, reused from submission to submission. */
let scratchIndex = new Int32Array(1024);
let scratchKeys = new Float64Array(1024);

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
    if (scratchIndex.length < f.hash.length) scratchIndex = new Int32Array(2 * f.hash.length);
    const keptIndex = scratchIndex;
    for (let i = 0; i < f.hash.length; i++) {
      if (checkExcluded && excluded.has(f.hash[i])) {
        excludedToken.fill(1, f.offset + i, f.offset + i + k);
        keptIndex[i] = -1;
      } else {
        keptIndex[i] = kept;
        keptHash[kept] = f.hash[i];
        keptPos[kept++] = f.offset + i;
      }
    }
    const picked = f.picks;
    for (let x = 0; x < picked.length; x++) if (keptIndex[picked[x]] >= 0) seeds[nSeeds++] = keptIndex[picked[x]];
  }
  const keptPrefix = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) keptPrefix[i + 1] = keptPrefix[i] + (excludedToken[i] ? 0 : 1);
  // Seeds by hash, then position.
  const seedHash = new Uint32Array(nSeeds);
  const seedAt = new Int32Array(nSeeds);
  if (kept < SEED_SCALE) {
    if (scratchKeys.length < nSeeds) scratchKeys = new Float64Array(2 * nSeeds);
    const keys = scratchKeys.subarray(0, nSeeds);
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
    keptPos: kept === kgrams ? keptPos : keptPos.slice(0, kept),
    keptHash: kept === kgrams ? keptHash : keptHash.slice(0, kept),
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
  /**
   * For each kept k-gram, the first and last kept k-gram of its stretch: kept k-grams each of
   * which overlaps the next (at most k − 2 excluded k-grams between two of them, so together they
   * cover every token in between; k-grams never cross a file, so neither does a stretch). How far
   * a match may extend.
   */
  stretchStart: Int32Array;
  stretchEnd: Int32Array;
  /** Some stretch steps over excluded k-grams (else every stretch is consecutive positions, and matching need not compare gaps). */
  gappy: boolean;
}

export function matchSubmission(s: IndexedSubmission, k: number): MatchSubmission {
  const { paths, fileOf, lines } = s.prepared;
  const pos = s.keptPos, m = pos.length;
  const stretchStart = new Int32Array(m), stretchEnd = new Int32Array(m);
  for (let x = 0; x < m; x++) stretchStart[x] = x > 0 && pos[x] - pos[x - 1] < k ? stretchStart[x - 1] : x;
  for (let x = m - 1; x >= 0; x--) stretchEnd[x] = x + 1 < m && pos[x + 1] - pos[x] < k ? stretchEnd[x + 1] : x;
  let gappy = false;
  for (let x = 1; x < m && !gappy; x++) gappy = pos[x] - pos[x - 1] > 1 && pos[x] - pos[x - 1] < k;
  return { paths, fileOf, lines, total: s.total, keptPrefix: s.keptPrefix, keptPos: pos, keptHash: s.keptHash, seedHash: s.seedHash, seedAt: s.seedAt, stretchStart, stretchEnd, gappy };
}

/** Index of the unordered pair (i < j) among n submissions in a dense upper triangle. */
export function pairIndex(i: number, j: number, n: number): number {
  return i * n - (i * (i + 1)) / 2 + (j - i - 1);
}

/**
 * Posting lists of the fingerprints, in compressed rows: the submissions holding fingerprint f
 * (ascending) are sub[start[f] .. start[f + 1]), with where its seeds start in each (`at`, an
 * index into that submission's seedHash, or, when the fingerprint occurs there once, its kept
 * k-gram index y as -(y + 1)). `fids[i]` numbers submission i's fingerprints and
 * `pos[i]` says where submission i sits in each one's list, so the later submissions sharing it
 * follow directly.
 */
export interface Postings {
  start: Int32Array;
  sub: Int32Array;
  at: Int32Array;
  fids: Int32Array[];
  pos: Int32Array[];
}

export function buildPostings(subs: readonly IndexedSubmission[]): Postings {
  let total = 0;
  for (const s of subs) total += s.fingerprints.length;
  const fidOf = new U32Table(total);
  const fids = subs.map((s) => {
    const out = new Int32Array(s.fingerprints.length);
    for (let f = 0; f < out.length; f++) out[f] = fidOf.getOrSet(s.fingerprints[f], fidOf.size);
    return out;
  });
  const distinct = fidOf.size;
  const start = new Int32Array(distinct + 1);
  for (const list of fids) for (let f = 0; f < list.length; f++) start[list[f] + 1]++;
  for (let f = 0; f < distinct; f++) start[f + 1] += start[f];
  const fill = start.slice(0, distinct);
  const sub = new Int32Array(start[distinct]);
  const at = new Int32Array(start[distinct]);
  const pos = subs.map((s, i) => {
    const out = new Int32Array(fids[i].length);
    for (let f = 0; f < out.length; f++) {
      const k = fill[fids[i][f]]++;
      sub[k] = i;
      // A fingerprint found once in the submission (the usual case) points straight at its kept
      // k-gram, as -(index + 1): matching then need not read the submission's seed arrays.
      const first = s.fingerprintAt[f];
      const end = f + 1 < s.fingerprintAt.length ? s.fingerprintAt[f + 1] : s.seedHash.length;
      at[k] = end - first === 1 ? -(s.seedAt[first] + 1) : first;
      out[f] = k;
    }
    return out;
  });
  return { start, sub, at, fids, pos };
}

/**
 * One row of the pair triangle: the later submissions that share fingerprints with submission
 * i, and for each its shared fingerprints as seed starts (see `Postings`). Work grows with the
 * pairs that share something, and all of it stays in arrays of one row's size.
 */
export class RowCandidates {
  /** Candidates j (> i) of the current row, in the order found. */
  readonly js: Int32Array;
  count = 0;
  /** Per submission: shared fingerprints with row i, and where its seed starts begin in `seeds`. */
  readonly shared: Int32Array;
  readonly offset: Int32Array;
  seeds = new Int32Array(1024);

  constructor(n: number) {
    this.js = new Int32Array(n);
    this.shared = new Int32Array(n);
    this.offset = new Int32Array(n + 1);
  }

  /** Gathers row i (resetting the previous row's counts). */
  gather(p: Postings, i: number): void {
    for (let c = 0; c < this.count; c++) this.shared[this.js[c]] = 0;
    this.count = 0;
    const fids = p.fids[i], pos = p.pos[i];
    let total = 0;
    for (let f = 0; f < fids.length; f++) {
      const end = p.start[fids[f] + 1];
      for (let k = pos[f] + 1; k < end; k++) {
        const j = p.sub[k];
        if (this.shared[j]++ === 0) this.js[this.count++] = j;
        total++;
      }
    }
    if (this.seeds.length < total) this.seeds = new Int32Array(2 * total);
    let o = 0;
    for (let c = 0; c < this.count; c++) {
      const j = this.js[c];
      this.offset[j] = o;
      o += this.shared[j];
    }
    // Second pass: seed starts, grouped by candidate (offset[j] advances while filling).
    for (let f = 0; f < fids.length; f++) {
      const end = p.start[fids[f] + 1];
      for (let k = pos[f] + 1; k < end; k++) this.seeds[this.offset[p.sub[k]]++] = p.at[k];
    }
    for (let c = 0; c < this.count; c++) {
      const j = this.js[c];
      this.offset[j] -= this.shared[j];
    }
  }
}
