import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wordsInPassages } from './passage-words.js';

// "w0 w1 … w39": word i starts at starts[i].
const words = Array.from({ length: 40 }, (_, i) => `w${i}`);
const text = words.join(' ');
const starts = words.map((_, i) => words.slice(0, i).join(' ').length + (i > 0 ? 1 : 0));
const span = (from: number, to: number) => ({ offset: starts[from], length: starts[to] + words[to].length - starts[from], sourceOffset: 0, sourceLength: 1 });

test('counts the words wholly inside the passages, overlaps once', () => {
  assert.equal(wordsInPassages(text, [span(0, 5)]), 6);
  assert.equal(wordsInPassages(text, [span(0, 9), span(5, 14)]), 15);
  assert.equal(wordsInPassages(text, []), 0);
  assert.equal(wordsInPassages('', [span(0, 1)]), 0);
});

test('a word cut by a passage boundary is not counted', () => {
  const p = span(0, 2);
  assert.equal(wordsInPassages(text, [{ ...p, length: p.length - 1 }]), 2);
});
