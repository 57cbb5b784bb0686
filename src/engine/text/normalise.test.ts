import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldWord, normaliseText } from './normalise.js';
import { shouldFoldHomoglyphs } from './homoglyphs.js';

test('the offset map points every normalised character back to its original character', () => {
  // "Ｆｉｎａｌ" (fullwidth) + " " + "ﬁle" (ligature) + zero-width space + "s"
  const text = 'Ｆｉｎａｌ ﬁle\u200Bs';
  const n = normaliseText(text);
  assert.equal(n.text, 'final files');
  assert.equal(n.map.length, n.text.length + 1);
  // "f" and "i" of the ligature both come from offset 6.
  assert.equal(n.map[6], 6);
  assert.equal(n.map[7], 6);
  // "s" comes after the removed zero-width space at 9.
  assert.equal(n.map[10], 10);
  assert.equal(n.map[n.text.length], text.length);
  assert.deepEqual(n.hidden, [{ offset: 9, codePoint: 'U+200B', kind: 'invisible' }]);
});

test('NFKC composes a letter and its combining mark before case folding', () => {
  const n = normaliseText('Cafe\u0301 OK');
  assert.equal(n.text, 'café ok');
  assert.equal(n.map[3], 3); // é comes from the e at 3 (the mark at 4 is folded into it)
  assert.equal(n.map[4], 5);
});

test('soft hyphens, bidi controls and word joiners are removed and reported', () => {
  const n = normaliseText('pla\u00ADgia\u2060rism \u202Etext');
  assert.equal(n.text, 'plagiarism text');
  assert.deepEqual(n.hidden.map((h) => h.codePoint), ['U+00AD', 'U+2060', 'U+202E']);
});

test('Cyrillic and Greek look-alikes inside Latin words fold to Latin letters', () => {
  // а (U+0430), е (U+0435), ο (Greek omicron)
  assert.equal(foldWord('p\u0430p\u0435r', true), 'paper');
  assert.equal(foldWord('w\u03bfrd', true), 'word');
  const n = normaliseText('The p\u0430p\u0435r');
  assert.equal(n.text, 'the paper');
  assert.deepEqual(n.hidden.map((h) => [h.offset, h.kind]), [[5, 'homoglyph'], [7, 'homoglyph']]);
});

test('a word of look-alikes only is folded in a Latin text but a Russian word in Russian text is kept', () => {
  // "сор" is all look-alikes (с о р): inside an English text it is the disguised "cop".
  assert.equal(shouldFoldHomoglyphs('сор', true), true);
  assert.equal(normaliseText('the \u0441\u043e\u0440 ran').text, 'the cop ran');
  // In a Russian text the same letters stay Cyrillic, and words with non-look-alikes are never folded.
  assert.equal(normaliseText('Это сор и слово').text, 'это сор и слово');
  assert.equal(shouldFoldHomoglyphs('слово', true), false);
});
