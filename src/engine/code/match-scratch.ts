/**
 * Scratch space and small sorts for pair matching (`match-pair.ts`): typed arrays reused from
 * pair to pair, so matching a million pairs allocates almost nothing.
 */
function runBefore(p: number, q: number, runK: Int32Array, runL: Int32Array, runR: Int32Array): boolean {
  return runK[p] > runK[q] || (runK[p] === runK[q] && (runL[p] < runL[q] || (runL[p] === runL[q] && runR[p] < runR[q])));
}

/** Sorts run indices longest first (ties: left then right start); insertion sort for the usual few. */
export function sortRuns(idx: Int32Array, n: number, runK: Int32Array, runL: Int32Array, runR: Int32Array): void {
  if (n > 24) {
    idx.subarray(0, n).sort((p, q) => (runBefore(p, q, runK, runL, runR) ? -1 : runBefore(q, p, runK, runL, runR) ? 1 : 0));
    return;
  }
  for (let i = 1; i < n; i++) {
    const v = idx[i];
    let j = i - 1;
    while (j >= 0 && runBefore(v, idx[j], runK, runL, runR)) {
      idx[j + 1] = idx[j];
      j--;
    }
    idx[j + 1] = v;
  }
}

/** Sorts the first n numbers ascending; insertion sort for the usual few. */
export function sortAscending(a: Int32Array, n: number): void {
  if (n > 24) {
    a.subarray(0, n).sort();
    return;
  }
  for (let i = 1; i < n; i++) {
    const v = a[i];
    let j = i - 1;
    while (j >= 0 && a[j] > v) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = v;
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

/** Sorts tile indices by left start; insertion sort for the usual few. */
export function sortTiles(idx: Int32Array, n: number, tileL: Int32Array): void {
  if (n > 24) {
    idx.subarray(0, n).sort((p, q) => tileL[p] - tileL[q]);
    return;
  }
  for (let i = 1; i < n; i++) {
    const v = idx[i];
    let j = i - 1;
    while (j >= 0 && tileL[idx[j]] > tileL[v]) {
      idx[j + 1] = idx[j];
      j--;
    }
    idx[j + 1] = v;
  }
}

/** Reusable scratch space, sized to the largest submission seen. */
export class Scratch {
  stamp = 0;
  diagStamp = new Int32Array(0);
  diagLastR = new Int32Array(0);
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
    }
  }
}
