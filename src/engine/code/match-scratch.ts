/**
 * Scratch space and small sorts for pair matching (`match-pair.ts`): typed arrays reused from
 * pair to pair, so matching a million pairs allocates almost nothing.
 */
function runBefore(p: number, q: number, runK: Int32Array, runL: Int32Array, runR: Int32Array): boolean {
  return runK[p] > runK[q] || (runK[p] === runK[q] && (runL[p] < runL[q] || (runL[p] === runL[q] && runR[p] < runR[q])));
}

/**
 * Gaps of the Shell sorts below (Ciura's sequence, extended by x2.25): a list of up to 24 is
 * sorted by plain insertion (gap 1). The sorts are written out by hand, with no call to
 * TypedArray#sort: a builtin reached only by the rare long list would send the optimised
 * matching code back to the interpreter the first time it is reached (a deoptimisation).
 */
const GAPS = new Int32Array([40423, 17966, 7985, 3549, 1577, 701, 301, 132, 57, 23, 10, 4, 1]);

/** Sorts run indices longest first (ties: left then right start). */
export function sortRuns(idx: Int32Array, n: number, runK: Int32Array, runL: Int32Array, runR: Int32Array): void {
  for (let g = n > 24 ? 0 : GAPS.length - 1; g < GAPS.length; g++) {
    const gap = GAPS[g];
    for (let i = gap; i < n; i++) {
      const v = idx[i];
      let j = i;
      while (j >= gap && runBefore(v, idx[j - gap], runK, runL, runR)) {
        idx[j] = idx[j - gap];
        j -= gap;
      }
      idx[j] = v;
    }
  }
}

/** Sorts the first n numbers ascending. */
export function sortAscending(a: Int32Array, n: number): void {
  for (let g = n > 24 ? 0 : GAPS.length - 1; g < GAPS.length; g++) {
    const gap = GAPS[g];
    for (let i = gap; i < n; i++) {
      const v = a[i];
      let j = i;
      while (j >= gap && a[j - gap] > v) {
        a[j] = a[j - gap];
        j -= gap;
      }
      a[j] = v;
    }
  }
}

/** Sorts blocked intervals by their start (insertion sort: there are few). */
export function sortBlocked(lo: Int32Array, hi: Int32Array, n: number): void {
  for (let i = 1; i < n; i++) {
    const vl = lo[i], vh = hi[i];
    let j = i - 1;
    while (j >= 0 && lo[j] > vl) {
      lo[j + 1] = lo[j];
      hi[j + 1] = hi[j];
      j--;
    }
    lo[j + 1] = vl;
    hi[j + 1] = vh;
  }
}

/** Sorts tile indices by left start. */
export function sortTiles(idx: Int32Array, n: number, tileL: Int32Array): void {
  for (let g = n > 24 ? 0 : GAPS.length - 1; g < GAPS.length; g++) {
    const gap = GAPS[g];
    for (let i = gap; i < n; i++) {
      const v = idx[i];
      let j = i;
      while (j >= gap && tileL[idx[j - gap]] > tileL[v]) {
        idx[j] = idx[j - gap];
        j -= gap;
      }
      idx[j] = v;
    }
  }
}

/** Reusable scratch space, sized to the largest submission seen. */
export class Scratch {
  stamp = 0;
  diagStamp = new Int32Array(0);
  diagLastR = new Int32Array(0);
  /** The last run found on each diagonal (valid where diagStamp is the current stamp). */
  diagRun = new Int32Array(0);
  runL = new Int32Array(256);
  runR = new Int32Array(256);
  runK = new Int32Array(256);
  tileL = new Int32Array(256);
  tileR = new Int32Array(256);
  tileLen = new Int32Array(256);
  blockedLo = new Int32Array(64);
  blockedHi = new Int32Array(64);
  pushBlocked(n: number, lo: number, hi: number): number {
    if (n === this.blockedLo.length) {
      const l = new Int32Array(2 * n), h = new Int32Array(2 * n);
      l.set(this.blockedLo);
      h.set(this.blockedHi);
      this.blockedLo = l;
      this.blockedHi = h;
    }
    this.blockedLo[n] = lo;
    this.blockedHi[n] = hi;
    return n + 1;
  }
  seeds = new Int32Array(256);
  pushSeed(n: number, y: number): number {
    if (n === this.seeds.length) {
      const grown = new Int32Array(2 * n);
      grown.set(this.seeds);
      this.seeds = grown;
    }
    this.seeds[n] = y;
    return n + 1;
  }
  private orderBuf = new Int32Array(256);
  private byLeftBuf = new Int32Array(256);
  /** Identity permutation 0..n-1 in a reused buffer. */
  order(n: number): Int32Array {
    if (this.orderBuf.length < n) this.orderBuf = new Int32Array(2 * n);
    for (let i = 0; i < n; i++) this.orderBuf[i] = i;
    return this.orderBuf;
  }
  byLeft(n: number): Int32Array {
    if (this.byLeftBuf.length < n) this.byLeftBuf = new Int32Array(2 * n);
    for (let i = 0; i < n; i++) this.byLeftBuf[i] = i;
    return this.byLeftBuf;
  }
  growRuns(): void {
    const grow = (x: Int32Array) => {
      const y = new Int32Array(x.length * 2);
      y.set(x);
      return y;
    };
    this.runL = grow(this.runL);
    this.runR = grow(this.runR);
    this.runK = grow(this.runK);
    this.tileL = grow(this.tileL);
    this.tileR = grow(this.tileR);
    this.tileLen = grow(this.tileLen);
  }
  ensure(nl: number, nr: number): void {
    if (this.diagStamp.length < nl + nr + 1) {
      const size = 2 * (nl + nr + 1);
      this.diagStamp = new Int32Array(size);
      this.diagLastR = new Int32Array(size);
      this.diagRun = new Int32Array(size);
    }
  }
}
