import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sortAscending, sortRuns, sortTiles } from './match-scratch.js';

/** A seeded generator: the same lists on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}
const SIZES = [0, 1, 2, 5, 24, 25, 57, 300, 2000, 20000];

test('the Shell sorts order like Array#sort at every size, short lists and long ones', () => {
  const rnd = random(7);
  for (const n of SIZES) {
    const values = Int32Array.from({ length: n + 3 }, () => Math.floor(rnd() * 50)); // duplicates, and slack past n
    const a = values.slice();
    sortAscending(a, n);
    assert.deepEqual([...a.subarray(0, n)], [...values.subarray(0, n)].sort((x, y) => x - y), `ascending, n=${n}`);
    assert.deepEqual([...a.subarray(n)], [...values.subarray(n)], `ascending leaves the slack alone, n=${n}`);

    const runK = Int32Array.from({ length: n }, () => 1 + Math.floor(rnd() * 6));
    const runL = Int32Array.from({ length: n }, () => Math.floor(rnd() * 20));
    const runR = Int32Array.from({ length: n }, () => Math.floor(rnd() * 20));
    const idx = Int32Array.from({ length: n }, (_, i) => i);
    sortRuns(idx, n, runK, runL, runR);
    const key = (i: number) => [-runK[i], runL[i], runR[i]];
    for (let i = 1; i < n; i++) {
      const [p, q] = [key(idx[i - 1]), key(idx[i])];
      assert.ok(p[0] < q[0] || (p[0] === q[0] && (p[1] < q[1] || (p[1] === q[1] && p[2] <= q[2]))), `runs out of order at ${i}, n=${n}`);
    }
    assert.deepEqual([...idx].sort((x, y) => x - y), Array.from({ length: n }, (_, i) => i), `runs: a permutation, n=${n}`);

    const tileL = Int32Array.from({ length: n }, (_, i) => i * 3);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [tileL[i], tileL[j]] = [tileL[j], tileL[i]];
    }
    const byLeft = Int32Array.from({ length: n }, (_, i) => i);
    sortTiles(byLeft, n, tileL);
    assert.deepEqual([...byLeft].map((t) => tileL[t]), [...tileL].sort((x, y) => x - y), `tiles, n=${n}`);
  }
});
