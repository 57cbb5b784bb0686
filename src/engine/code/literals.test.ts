import assert from 'node:assert/strict';
import { test } from 'node:test';
import { literalDice, LiteralIndex, toBag } from './literals.js';

const bag = (entries: [number, number][]) => toBag(new Map(entries), new Set());

test('Dice of literal multisets: shared values count with their smaller multiplicity', () => {
  assert.equal(literalDice(bag([[1, 2], [3, 1]]), bag([[1, 1], [4, 5]])), (2 * 1) / (3 + 6));
  assert.ok(Number.isNaN(literalDice(bag([]), bag([]))));
  assert.equal(literalDice(bag([[2, 1]]), bag([])), 0);
});

test('a row of comparisons from the posting lists gives what the pairwise merge gives, bit for bit', () => {
  // Weighted counts with fractions, so that a different order of summation would show.
  const bags = Array.from({ length: 40 }, (_, i) =>
    toBag(
      new Map(Array.from({ length: i % 7 }, (_, x) => [(i * 13 + x * 7) % 50, 1 + ((i + x) % 3)] as [number, number])),
      new Set([49]),
      (id) => 0.1 + ((id * 37) % 11) / 13,
    ),
  );
  const index = new LiteralIndex(bags);
  let shared = 0;
  for (let i = 0; i < bags.length; i++) {
    index.row(i);
    const touched = new Set(index.touched.subarray(0, index.touchedCount));
    for (let j = i + 1; j < bags.length; j++) {
      const expected = literalDice(bags[i], bags[j]);
      const got = index.dice(i, j);
      if (Number.isNaN(expected)) assert.ok(Number.isNaN(got));
      else assert.equal(got, expected);
      // Exactly the later submissions sharing a value are touched.
      assert.equal(touched.has(j), expected > 0);
      if (expected > 0) shared++;
    }
  }
  assert.ok(shared > 20);
});
