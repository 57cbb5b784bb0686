import { test } from 'node:test';
import assert from 'node:assert/strict';
import { phraseFactor, phraseFactors } from './phrase-factors.js';

// 40 words: w0 .. w39, each "wN" followed by one space.
const words = Array.from({ length: 40 }, (_, i) => `w${i}`);
const text = words.join(' ');
const starts = words.map((_, i) => words.slice(0, i).join(' ').length + (i > 0 ? 1 : 0));
const at = (i: number) => starts[i];
const span = (from: number, to: number) => ({ offset: at(from), length: at(to) + `w${to}`.length - at(from), sourceOffset: 0, sourceLength: 1 });

test('a 6-word phrase counts for the 5-word coefficient, not for the 25-word one', () => {
  const [f5, f25] = phraseFactors(text, [span(0, 5)], [5, 25]);
  assert.equal(f5, 6 / 40);
  assert.equal(f25, 0);
});

test('a 4-word phrase counts for neither; a 30-word phrase counts for both', () => {
  assert.equal(phraseFactor(text, [span(0, 3)], 5), 0);
  const [f5, f25] = phraseFactors(text, [span(0, 3), span(10, 39)], [5, 25]);
  assert.equal(f5, 30 / 40);
  assert.equal(f25, 30 / 40);
});

test('overlapping phrases are counted once', () => {
  assert.equal(phraseFactor(text, [span(0, 9), span(5, 14)], 5), 15 / 40);
});

test('an empty text has coefficients of 0', () => {
  assert.deepEqual(phraseFactors('', [], [5, 25]), [0, 0]);
});
