import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foreignAlphabetCount } from './foreign-script.js';

test('Cyrillic look-alikes inside a Latin text are counted, one per letter', () => {
  // "pаper" and "cоpy" below carry a Cyrillic а (U+0430) and о (U+043E).
  assert.equal(foreignAlphabetCount('This p\u0430per is a c\u043epy of another one.'), 2);
});

test('a text in one alphabet has none, whatever that alphabet is', () => {
  assert.equal(foreignAlphabetCount('An ordinary English sentence, with digits 123.'), 0);
  assert.equal(foreignAlphabetCount('Обычное русское предложение.'), 0);
  assert.equal(foreignAlphabetCount(''), 0);
});

test('Latin letters in a Cyrillic text are counted', () => {
  assert.equal(foreignAlphabetCount('Обычнoе'), 1); // Latin o
});
