/**
 * Matching one pair of submissions token by token. The left submission's k-grams go into a small
 * hash table once (`MatchTable`); the fingerprints a right submission shares with it (from the
 * index) seed runs of shared k-grams, extended along their diagonal in both directions; runs
 * are laid as tiles, longest first, each token used at most once per side (as Greedy String
 * Tiling does, Prechelt et al. 2002);
 * neighbouring tiles whose gaps are small on both sides are merged and the gap tokens dropped from
 * both totals, the subsequence match merging of Sağlam et al. (EMSE 2025) that undoes inserted
 * statements. Structural similarity is the share of both sides' tokens covered by tiles.
 */
import type { MatchSubmission } from './fingerprint-index.js';
import { Scratch, sortAscending, sortBlocked, sortRuns, sortTiles } from './match-scratch.js';
import type { CodeFragment } from './types.js';

/** Most left positions considered for one right k-gram (bounds repetitive code). */
const MAX_POSITIONS_PER_HASH = 64;

const NONE: CodeFragment[] = [];

/** The result of `MatchTable.match`: one object, reused by the next call (copy what you keep). */
export interface PairMatch {
  similarity: number;
  longestFragment: number;
  /** Tokens matched (covered by tiles), excluded code left out (the smaller side's count per tile). */
  overlap: number;
  fragments: CodeFragment[];
}

/** The left side of a series of pair matches: its k-grams in an open-addressing hash table. */
export class MatchTable {
  private readonly keys: Uint32Array;
  private readonly heads: Int32Array;
  private readonly next: Int32Array;
  private readonly mask: number;
  private readonly scratch: Scratch;
  private readonly result: PairMatch = { similarity: 0, longestFragment: 0, overlap: 0, fragments: NONE };

  constructor(readonly left: MatchSubmission, scratch?: Scratch) {
    const m = left.keptHash.length;
    let cap = 16;
    while (cap < m * 2) cap <<= 1;
    this.mask = cap - 1;
    this.keys = new Uint32Array(cap);
    this.heads = new Int32Array(cap).fill(-1);
    this.next = new Int32Array(m).fill(-1);
    // Insert in reverse so that each chain lists positions in stream order.
    for (let x = m - 1; x >= 0; x--) {
      const h = left.keptHash[x];
      let slot = h & this.mask;
      while (this.heads[slot] !== -1 && this.keys[slot] !== h) slot = (slot + 1) & this.mask;
      this.keys[slot] = h;
      this.next[x] = this.heads[slot];
      this.heads[slot] = x;
    }
    this.scratch = scratch ?? new Scratch();
  }

  static scratch(): Scratch {
    return new Scratch();
  }

  private first(h: number): number {
    let slot = h & this.mask;
    while (this.heads[slot] !== -1) {
      if (this.keys[slot] === h) return this.heads[slot];
      slot = (slot + 1) & this.mask;
    }
    return -1;
  }

  /**
   * Matches the left submission with `right`, seeded by the fingerprints the two share. Three
   * steps, each a function of its own: V8 optimises each on its own, sooner than one function
   * holding all three (the first rows, matched before that, run in slower code).
   */
  match(right: MatchSubmission, shared: Int32Array, from: number, to: number, k: number, mergeGap: number, withFragments: boolean): PairMatch {
    const a = this.left, b = right;
    const s = this.scratch;
    s.ensure(a.fileOf.length, b.fileOf.length);
    const runs = this.runs(b, shared, from, to, k);
    const tiles = layTiles(s, runs, k);
    return scoreTiles(a, b, s, tiles, mergeGap, withFragments, this.result);
  }

  /**
   * Runs of equal k-grams around each shared fingerprint (into the scratch's runL/runR/runK);
   * returns their number. Each occurrence of a shared fingerprint on the right is looked up among
   * the left k-grams, and each hit is extended along its diagonal in both directions while
   * consecutive k-grams agree. Any shared run of at least w + k - 1 tokens holds a fingerprint
   * selected on both sides (winnowing's guarantee), so no such run is missed.
   *
   * Two runs on one diagonal whose tokens overlap are one run: their union is a single span of
   * equal tokens, split only because an excluded k-gram (starter or common code) ended a stretch
   * between them. Laid as two tiles, the shorter would be trimmed by the longer's overlap and
   * could fall under k tokens and be lost, leaving equal code unmatched (a token-identical copy
   * scored 0.4 structurally where common code was suppressed). Without exclusions this never
   * happens: the k-gram after a run differs in its last token, so the next run on that diagonal
   * starts past it.
   */
  private runs(b: MatchSubmission, shared: Int32Array, from: number, to: number, k: number): number {
    const a = this.left;
    const nr = b.fileOf.length;
    const s = this.scratch;
    const stamp = ++s.stamp;
    const ah = a.keptHash, ap = a.keptPos, bh = b.keptHash, bp = b.keptPos;
    const as = a.stretchStart, ae = a.stretchEnd, bs = b.stretchStart, be = b.stretchEnd;
    const gaps = a.gappy || b.gappy;
    // Right occurrences of the shared fingerprints (the index says where each one's start in
    // the right side's seedHash), in stream order.
    let nSeeds = 0;
    const seedHash = b.seedHash, seedAt = b.seedAt;
    for (let q = from; q < to; q++) {
      let at = shared[q];
      if (at < 0) {
        nSeeds = s.pushSeed(nSeeds, -at - 1); // its only occurrence (see Postings)
        continue;
      }
      const h = seedHash[at];
      for (; at < seedHash.length && seedHash[at] === h; at++) nSeeds = s.pushSeed(nSeeds, seedAt[at]);
    }
    const seeds = s.seeds;
    sortAscending(seeds, nSeeds);
    let runs = 0;
    for (let si = 0; si < nSeeds; si++) {
      const y = seeds[si];
      if (si > 0 && seeds[si - 1] === y) continue;
      const r = bp[y];
      let budget = MAX_POSITIONS_PER_HASH;
      for (let x = this.first(bh[y]); x !== -1 && budget > 0; x = this.next[x], budget--) {
        const d = ap[x] - r + nr;
        if (s.diagStamp[d] === stamp && s.diagLastR[d] >= r) continue;
        // Extend while the k-grams agree, within both sides' stretches, stepping over excluded
        // k-grams only where both sides skip the same number (the run stays on its diagonal; the
        // agreeing k-grams on either side of the gap cover every token in it).
        const back = Math.min(x - as[x], y - bs[y]);
        const ahead = Math.min(ae[x] - x, be[y] - y);
        let b0 = 0, f1 = 0;
        if (gaps) {
          while (b0 < back && ah[x - b0 - 1] === bh[y - b0 - 1] && ap[x - b0] - ap[x - b0 - 1] === bp[y - b0] - bp[y - b0 - 1]) b0++;
          while (f1 < ahead && ah[x + f1 + 1] === bh[y + f1 + 1] && ap[x + f1 + 1] - ap[x + f1] === bp[y + f1 + 1] - bp[y + f1]) f1++;
        } else {
          while (b0 < back && ah[x - b0 - 1] === bh[y - b0 - 1]) b0++;
          while (f1 < ahead && ah[x + f1 + 1] === bh[y + f1 + 1]) f1++;
        }
        const x0 = x - b0, y0 = y - b0, x1 = x + f1, y1 = y + f1;
        if (s.diagStamp[d] === stamp) {
          const prev = s.diagRun[d];
          if (bp[y0] < s.runR[prev] + s.runK[prev] + k - 1) {
            s.runK[prev] = bp[y1] - s.runR[prev] + 1;
            s.diagLastR[d] = bp[y1];
            continue;
          }
        }
        if (runs === s.runL.length) s.growRuns();
        s.runL[runs] = ap[x0];
        s.runR[runs] = bp[y0];
        s.runK[runs] = ap[x1] - ap[x0] + 1; // k-gram positions spanned (excluded ones stepped over count)
        s.diagRun[d] = runs;
        runs++;
        s.diagStamp[d] = stamp;
        s.diagLastR[d] = bp[y1];
      }
    }
    return runs;
  }
}

/** Tiles from runs, longest first, trimmed to the tokens still free on both sides (into the scratch's tileL/tileR/tileLen); returns their number. */
function layTiles(s: Scratch, runs: number, k: number): number {
  const { runL, runR, runK } = s;
  // Tiles: longest runs first, trimmed to the tokens still free on both sides.
  const order = s.order(runs);
  sortRuns(order, runs, runK, runL, runR);
  let tiles = 0;
  for (let oi = 0; oi < runs; oi++) {
    const i = order[oi];
    const l = runL[i], r = runR[i], len = runK[i] + k - 1;
    // Offsets of this run already covered by a tile on either side.
    let nBlocked = 0;
    for (let t = 0; t < tiles; t++) {
      const lo1 = Math.max(l, s.tileL[t]) - l, hi1 = Math.min(l + len, s.tileL[t] + s.tileLen[t]) - l;
      if (lo1 < hi1) nBlocked = s.pushBlocked(nBlocked, lo1, hi1);
      const lo2 = Math.max(r, s.tileR[t]) - r, hi2 = Math.min(r + len, s.tileR[t] + s.tileLen[t]) - r;
      if (lo2 < hi2) nBlocked = s.pushBlocked(nBlocked, lo2, hi2);
    }
    if (nBlocked === 0) {
      if (tiles === s.tileL.length) s.growRuns();
      s.tileL[tiles] = l;
      s.tileR[tiles] = r;
      s.tileLen[tiles] = len;
      tiles++;
      continue;
    }
    sortBlocked(s.blockedLo, s.blockedHi, nBlocked);
    let cursor = 0;
    for (let x = 0; x <= nBlocked; x++) {
      const lo = x < nBlocked ? s.blockedLo[x] : len;
      if (lo - cursor >= k) {
        if (tiles === s.tileL.length) s.growRuns();
        s.tileL[tiles] = l + cursor;
        s.tileR[tiles] = r + cursor;
        s.tileLen[tiles] = lo - cursor;
        tiles++;
      }
      if (x < nBlocked) cursor = Math.max(cursor, s.blockedHi[x]);
    }
  }
  return tiles;
}

/** Merges neighbouring tiles into fragments and scores the pair (into `r`, which it returns). */
function scoreTiles(a: MatchSubmission, b: MatchSubmission, s: Scratch, tiles: number, mergeGap: number, withFragments: boolean, r: PairMatch): PairMatch {
  const byLeft = s.byLeft(tiles);
  sortTiles(byLeft, tiles, s.tileL);
  const { tileL, tileR, tileLen } = s;
  let covered = 0, gaps = 0, longest = 0, groupTokens = 0, overlap = 0;
  const groups: number[][] | undefined = withFragments ? [] : undefined;
  let prev = -1;
  for (let ti = 0; ti < tiles; ti++) {
    const t = byLeft[ti];
    // Tokens of excluded code (starter code, common code) a tile spans at its edges count on
    // neither side: the overlap is what each side has of its own code in the tile (the smaller
    // of the two where the sides' exclusions differ), so coverage never counts excluded code.
    const keptL = a.keptPrefix[tileL[t] + tileLen[t]] - a.keptPrefix[tileL[t]];
    const keptR = b.keptPrefix[tileR[t] + tileLen[t]] - b.keptPrefix[tileR[t]];
    const kept = keptL < keptR ? keptL : keptR;
    overlap += kept;
    covered += keptL + keptR;
    let merged = false;
    if (prev >= 0) {
      const gl = tileL[t] - (tileL[prev] + tileLen[prev]), gr = tileR[t] - (tileR[prev] + tileLen[prev]);
      const sameFiles = a.fileOf[tileL[t]] === a.fileOf[tileL[prev]] && b.fileOf[tileR[t]] === b.fileOf[tileR[prev]];
      if (sameFiles && gl >= 0 && gr >= 0 && gl <= mergeGap && gr <= mergeGap) {
        gaps += gl + gr;
        merged = true;
      }
    }
    if (merged) {
      groupTokens += kept;
      if (groups) groups[groups.length - 1].push(tileL[t], tileR[t], tileLen[t], kept);
    } else {
      groupTokens = kept;
      if (groups) groups.push([tileL[t], tileR[t], tileLen[t], kept]);
    }
    if (groupTokens > longest) longest = groupTokens;
    prev = t;
  }
  const denominator = a.total + b.total - gaps;
  const similarity = denominator > 0 ? Math.min(1, covered / denominator) : 0;
  r.similarity = similarity;
  r.longestFragment = longest;
  r.overlap = overlap;
  r.fragments = groups ? groups.map((g) => toFragment(a, b, g)) : NONE;
  return r;
}

/** A fragment from a group of merged tiles, given flat as [left, right, length, own tokens (excluded code left out), ...]. */
function toFragment(a: MatchSubmission, b: MatchSubmission, group: number[]): CodeFragment {
  const pa = a, pb = b;
  let l0 = Infinity, l1 = 0, r0 = Infinity, r1 = 0, tokens = 0;
  for (let g = 0; g < group.length; g += 4) {
    const l = group[g], r = group[g + 1], len = group[g + 2];
    tokens += group[g + 3];
    for (let o = 0; o < len; o++) {
      const ll = pa.lines[l + o], rl = pb.lines[r + o];
      if (ll < l0) l0 = ll;
      if (ll > l1) l1 = ll;
      if (rl < r0) r0 = rl;
      if (rl > r1) r1 = rl;
    }
  }
  return {
    leftFile: pa.paths[pa.fileOf[group[0]]],
    leftStartLine: l0,
    leftEndLine: l1,
    rightFile: pb.paths[pb.fileOf[group[1]]],
    rightStartLine: r0,
    rightEndLine: r1,
    tokens,
  };
}
