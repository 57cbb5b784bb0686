import assert from 'node:assert/strict';
import { test } from 'node:test';
import { literalDice, LiteralIndex, LiteralTable, literalWeights, numberBags, sharedValues, toBag } from './literals.js';

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

test('library-name bags: the literal bags of the same values, a row with every later pair from rowAll, and names of every submission left out', () => {
  // Nine submissions (under ten: every name kept): the same bags as the literal channel's.
  const names = Array.from({ length: 9 }, (_, i) => Array.from({ length: 3 + (i % 5) }, (_, x) => ((i * 7 + x * 3) % 11) * 1000 + 7));
  const table = new LiteralTable();
  const maps = names.map((v) => table.bag(v.map(String)));
  const weight = literalWeights(maps, 20);
  const base = [7, 4007];
  const excluded = new Set(table.bag(base.map(String)).keys());
  const expected = maps.map((m) => toBag(m, excluded, weight));
  assert.deepEqual(numberBags(names, base, 20), expected);
  // rowAll fills every later pair's shared weight as row does for the pairs it touches.
  const bags = numberBags(names, [], 20);
  const a = new LiteralIndex(bags), b = new LiteralIndex(bags);
  for (let i = 0; i < bags.length; i++) {
    a.row(i);
    b.rowAll(i);
    for (let j = i + 1; j < bags.length; j++) assert.equal(b.common[j], a.touched.subarray(0, a.touchedCount).includes(j) ? a.common[j] : 0);
  }
  // Ten submissions that all use name 5 (println in every Java program): it is left out of every bag.
  const ten = Array.from({ length: 10 }, (_, i) => [5, 5, 100 + (i % 3)]);
  for (const bag of numberBags(ten, [], 20)) assert.equal(bag.ids.length, 1);
  assert.equal(numberBags(ten.slice(0, 9), [], 20)[0].ids.length, 2);
});

test('the values two bags share, weightiest first (the smaller weighted count), ties by id, at most the limit', () => {
  const table = new LiteralTable();
  const a = table.bag(['"Case #"', '7', '7', '7', '"rare"', '0']);
  const b = table.bag(['7', '7', '"rare"', '"Case #"', '"other"']);
  const weight = (id: number) => (table.values[id] === '"rare"' ? 3 : 1);
  const [x, y] = [toBag(a, new Set(), weight), toBag(b, new Set(), weight)];
  // "rare": min(3, 3) = 3; 7: min(3, 2) = 2; "Case #": 1. Not shared: 0, "other".
  assert.deepEqual(sharedValues(x, y, table.values), ['"rare"', '7', '"Case #"']);
  assert.deepEqual(sharedValues(x, y, table.values, 2), ['"rare"', '7']);
  assert.deepEqual(sharedValues(x, toBag(table.bag(['"other"']), new Set()), table.values), []);
});
