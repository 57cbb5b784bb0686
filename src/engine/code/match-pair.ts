/**
 * Matching one pair of submissions token by token. Shared k-grams (a merge-join of the two
 * hash-sorted k-gram lists) are chained along diagonals into runs; runs are laid as tiles,
 * longest first, each token used at most once per side (as Greedy String Tiling does, Prechelt
 * et al. 2002); neighbouring tiles whose gaps are small on both sides are merged and the gap
 * tokens dropped from both totals, the subsequence match merging of Sağlam et al. (EMSE 2025)
 * that undoes inserted statements. Similarity is the share of both sides' tokens covered.
 */
import type { IndexedSubmission } from './fingerprint-index.js';
import type { CodeFragment } from './types.js';

/** Most position pairs considered for one shared hash (bounds repetitive code). */
const MAX_PAIRS_PER_HASH = 64;

interface Tile {
  l: number;
  r: number;
  len: number;
}

export interface PairMatch {
  similarity: number;
  longestFragment: number;
  fragments: CodeFragment[];
}

function sharedRuns(a: IndexedSubmission, b: IndexedSubmission, k: number): Tile[] {
  const ls: number[] = [];
  const rs: number[] = [];
  const ha = a.sortedHash, hb = b.sortedHash;
  let i = 0, j = 0;
  while (i < ha.length && j < hb.length) {
    if (ha[i] < hb[j]) i++;
    else if (ha[i] > hb[j]) j++;
    else {
      const h = ha[i];
      let ie = i, je = j;
      while (ie < ha.length && ha[ie] === h) ie++;
      while (je < hb.length && hb[je] === h) je++;
      let budget = MAX_PAIRS_PER_HASH;
      for (let x = i; x < ie && budget > 0; x++) {
        for (let y = j; y < je && budget > 0; y++, budget--) {
          ls.push(a.sortedPos[x]);
          rs.push(b.sortedPos[y]);
        }
      }
      i = ie;
      j = je;
    }
  }
  const order = ls.map((_, x) => x).sort((x, y) => ls[x] - rs[x] - (ls[y] - rs[y]) || ls[x] - ls[y]);
  const runs: Tile[] = [];
  let cur: Tile | undefined;
  for (const x of order) {
    const l = ls[x], r = rs[x];
    if (cur && l - r === cur.l - cur.r && l <= cur.l + cur.len - k + 1) {
      cur.len = l + k - cur.l;
    } else {
      cur = { l, r, len: k };
      runs.push(cur);
    }
  }
  return runs;
}

function layTiles(runs: Tile[], nl: number, nr: number, k: number): Tile[] {
  runs.sort((x, y) => y.len - x.len || x.l - y.l || x.r - y.r);
  const usedL = new Uint8Array(nl), usedR = new Uint8Array(nr);
  const tiles: Tile[] = [];
  for (const run of runs) {
    let start = -1;
    for (let o = 0; o <= run.len; o++) {
      const free = o < run.len && !usedL[run.l + o] && !usedR[run.r + o];
      if (free && start < 0) start = o;
      if (!free && start >= 0) {
        if (o - start >= k) {
          tiles.push({ l: run.l + start, r: run.r + start, len: o - start });
          usedL.fill(1, run.l + start, run.l + o);
          usedR.fill(1, run.r + start, run.r + o);
        }
        start = -1;
      }
    }
  }
  return tiles.sort((x, y) => x.l - y.l);
}

export function matchPair(a: IndexedSubmission, b: IndexedSubmission, k: number, mergeGap: number, withFragments: boolean): PairMatch {
  const pa = a.prepared, pb = b.prepared;
  const tiles = layTiles(sharedRuns(a, b, k), pa.fileOf.length, pb.fileOf.length, k);
  let covered = 0, gaps = 0;
  const groups: Tile[][] = [];
  for (const t of tiles) {
    for (let o = 0; o < t.len; o++) covered += (a.excludedToken[t.l + o] ? 0 : 1) + (b.excludedToken[t.r + o] ? 0 : 1);
    const group = groups[groups.length - 1];
    const prev = group?.[group.length - 1];
    if (prev) {
      const gl = t.l - (prev.l + prev.len), gr = t.r - (prev.r + prev.len);
      const sameFiles = pa.fileOf[t.l] === pa.fileOf[prev.l] && pb.fileOf[t.r] === pb.fileOf[prev.r];
      if (sameFiles && gl >= 0 && gr >= 0 && gl <= mergeGap && gr <= mergeGap) {
        gaps += gl + gr;
        group.push(t);
        continue;
      }
    }
    groups.push([t]);
  }
  const denominator = a.total + b.total - gaps;
  const similarity = denominator > 0 ? Math.min(1, covered / denominator) : 0;
  let longest = 0;
  const fragments: CodeFragment[] = [];
  for (const group of groups) {
    const tokens = group.reduce((s, t) => s + t.len, 0);
    longest = Math.max(longest, tokens);
    if (withFragments) fragments.push(toFragment(a, b, group, tokens));
  }
  return { similarity, longestFragment: longest, fragments };
}

function toFragment(a: IndexedSubmission, b: IndexedSubmission, group: Tile[], tokens: number): CodeFragment {
  const pa = a.prepared, pb = b.prepared;
  let l0 = Infinity, l1 = 0, r0 = Infinity, r1 = 0;
  for (const t of group) {
    for (let o = 0; o < t.len; o++) {
      const ll = pa.lines[t.l + o], rl = pb.lines[t.r + o];
      if (ll < l0) l0 = ll;
      if (ll > l1) l1 = ll;
      if (rl < r0) r0 = rl;
      if (rl > r1) r1 = rl;
    }
  }
  return {
    leftFile: pa.paths[pa.fileOf[group[0].l]],
    leftStartLine: l0,
    leftEndLine: l1,
    rightFile: pb.paths[pb.fileOf[group[0].r]],
    rightStartLine: r0,
    rightEndLine: r1,
    tokens,
  };
}
