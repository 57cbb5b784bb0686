import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskOutside } from './report-service.js';

test('a source masked outside its matches keeps its length, its whitespace and the matched text', () => {
  const text = 'One two three.\nFour five six seven.';
  const masked = maskOutside(text, [[4, 3], [20, 4], [21, 2], [-5, 2], [90, 4]]);
  assert.equal(masked.length, text.length);
  assert.equal(masked, '\u00b7\u00b7\u00b7 two \u00b7\u00b7\u00b7\u00b7\u00b7\u00b7\n\u00b7\u00b7\u00b7\u00b7 five \u00b7\u00b7\u00b7 \u00b7\u00b7\u00b7\u00b7\u00b7\u00b7');
  assert.equal(maskOutside(text, []).replace(/\u00b7/g, ''), '  \n   ');
  // A character outside the Basic Multilingual Plane is two code units, masked as two.
  assert.equal(maskOutside('a\u{1F600}b', [[0, 1]]), 'a\u00b7\u00b7\u00b7');
});
