import { test } from 'node:test';
import assert from 'node:assert/strict';
import { binocularsScore, fastDetectCurvature } from './lm-statistics.js';

const V = 4;
const rows = (r: number[][]) => ({ data: r.flat(), rows: r.length, vocab: V });

test('Fast-DetectGPT: likely tokens give a positive curvature, unlikely ones a negative one', () => {
  const peaked = rows([[3, 0, 0, 0], [0, 3, 0, 0], [0, 0, 3, 0]]);
  // ids[t + 1] is the token row t predicts
  assert.ok(fastDetectCurvature([9, 0, 1, 2], peaked) > 0.5);
  assert.ok(fastDetectCurvature([9, 3, 3, 3], peaked) < -1);
  // a uniform model: every token is exactly as likely as expected, the variance is zero
  assert.equal(Math.abs(fastDetectCurvature([0, 1, 2], rows([[0, 0, 0, 0], [0, 0, 0, 0]]))) < 1e-3, true);
  assert.ok(Number.isNaN(fastDetectCurvature([0], rows([[0, 0, 0, 0]]))));
});

test('Binoculars: a uniform performer and observer give log V / log V = 1', () => {
  const u = rows([[0, 0, 0, 0], [0, 0, 0, 0]]);
  assert.ok(Math.abs(binocularsScore([0, 1, 2], u, u) - 1) < 1e-12);
  // text the performer finds likely, with an uncertain observer: ratio well under 1
  const sure = rows([[0, 5, 0, 0], [0, 0, 5, 0]]);
  assert.ok(binocularsScore([0, 1, 2], u, sure) < 0.1);
  assert.throws(() => binocularsScore([0, 1], u, { data: [0, 0], rows: 1, vocab: 2 }));
});
