import { test } from 'node:test';
import assert from 'node:assert/strict';
import { coveredChars, panMeasures } from './measures.js';
import type { Annotation } from './measures.js';

const a = (offset: number, length: number, sourceOffset: number, sourceLength: number, source = 'src.txt', doc = 'susp.txt'): Annotation =>
  ({ doc, offset, length, source, sourceOffset, sourceLength });

test('covered characters of a range by a union of ranges', () => {
  assert.equal(coveredChars(0, 100, [[10, 20], [15, 30], [90, 200]]), 30);
  assert.equal(coveredChars(0, 100, []), 0);
});

/*
 *  case:       susp [0,100)   src [0,100)
 *  detection:  susp [50,150)  src [0,50)
 *  recall    = (50 + 50) / (100 + 100) = 0.5
 *  precision = (50 + 50) / (100 + 50)  = 2/3
 *  F1 = 2 * 0.5 * 2/3 / (0.5 + 2/3) = 4/7;  granularity 1;  plagdet = 4/7
 */
test('a partly overlapping detection', () => {
  const m = panMeasures([a(0, 100, 0, 100)], [a(50, 100, 0, 50)]);
  assert.equal(m.recall, 0.5);
  assert.ok(Math.abs(m.precision - 2 / 3) < 1e-12);
  assert.equal(m.granularity, 1);
  assert.ok(Math.abs(m.plagdet - 4 / 7) < 1e-12);
});

/*
 *  one case found as two halves: recall 1, precision 1, granularity 2,
 *  plagdet = 1 / log2(3)
 */
test('granularity: one case detected in two pieces', () => {
  const m = panMeasures([a(0, 100, 0, 100)], [a(0, 50, 0, 50), a(50, 50, 50, 50)]);
  assert.equal(m.recall, 1);
  assert.equal(m.precision, 1);
  assert.equal(m.granularity, 2);
  assert.ok(Math.abs(m.plagdet - 1 / Math.log2(3)) < 1e-12);
});

test('a detection must overlap on BOTH sides and name the same source', () => {
  const m = panMeasures([a(0, 100, 0, 100)], [a(0, 100, 500, 100), a(0, 100, 0, 100, 'other.txt')]);
  assert.equal(m.recall, 0);
  assert.equal(m.precision, 0);
  assert.equal(m.plagdet, 0);
});

test('macro averages: a missed case and a false detection each count as one', () => {
  // Case 1 found exactly, case 2 missed; detection 2 is false.
  const m = panMeasures([a(0, 100, 0, 100), a(1000, 100, 1000, 100)], [a(0, 100, 0, 100), a(5000, 10, 5000, 10)]);
  assert.equal(m.recall, 0.5);
  assert.equal(m.precision, 0.5);
  assert.equal(m.cases, 2);
  assert.equal(m.detections, 2);
});

test('no cases and no detections is perfect; detections without cases score zero', () => {
  assert.equal(panMeasures([], []).plagdet, 1);
  assert.equal(panMeasures([], [a(0, 10, 0, 10)]).plagdet, 0);
});
