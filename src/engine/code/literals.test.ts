import assert from 'node:assert/strict';
import { test } from 'node:test';
import { literalDice, LiteralRow, toBag } from './literals.js';

const bag = (entries: [number, number][]) => toBag(new Map(entries), new Set());

test('Dice of literal multisets: shared values count with their smaller multiplicity', () => {
  assert.equal(literalDice(bag([[1, 2], [3, 1]]), bag([[1, 1], [4, 5]])), (2 * 1) / (3 + 6));
  assert.ok(Number.isNaN(literalDice(bag([]), bag([]))));
  assert.equal(literalDice(bag([[2, 1]]), bag([])), 0);
});

test('a row of comparisons against one left bag gives what the pairwise merge gives', () => {
  const bags = Array.from({ length: 40 }, (_, i) => bag(Array.from({ length: i % 7 }, (_, x) => [(i * 13 + x * 7) % 50, 1 + ((i + x) % 3)] as [number, number]).filter((e, x, all) => all.findIndex((o) => o[0] === e[0]) === x)));
  const row = new LiteralRow();
  for (const left of bags) {
    row.setLeft(left);
    for (const right of bags) {
      const expected = literalDice(left, right);
      const got = row.dice(right);
      if (Number.isNaN(expected)) assert.ok(Number.isNaN(got));
      else assert.equal(got, expected);
    }
  }
});
