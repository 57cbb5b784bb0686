import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quotedShare } from './quotations.js';

test('the share of words inside quotation marks', () => {
  // 12 words, 5 of them quoted.
  assert.equal(quotedShare('He wrote that "the sea is always cold" and then left home.'), 5 / 12);
  assert.equal(quotedShare('No quotes in this sentence at all.'), 0);
  assert.equal(quotedShare(''), 0);
});
