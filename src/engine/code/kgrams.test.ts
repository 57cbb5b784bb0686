import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kgramHashes } from './kgrams.js';

test('the rolling k-gram hash equals hashing each window from scratch', () => {
  const ids = Int32Array.from([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]);
  const k = 4;
  const rolled = kgramHashes(ids, k);
  assert.equal(rolled.length, ids.length - k + 1);
  for (let i = 0; i + k <= ids.length; i++) assert.equal(rolled[i], kgramHashes(ids.slice(i, i + k), k)[0]);
});

test('equal windows hash equally, different windows (here) differently', () => {
  const h = kgramHashes(Int32Array.from([1, 2, 3, 9, 1, 2, 3]), 3);
  assert.equal(h[0], h[4]);
  assert.notEqual(h[0], h[1]);
  assert.equal(kgramHashes(Int32Array.from([1, 2]), 3).length, 0);
});
