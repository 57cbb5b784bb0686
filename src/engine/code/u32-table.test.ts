import assert from 'node:assert/strict';
import { test } from 'node:test';
import { U32Table } from './u32-table.js';

test('the 32-bit key table counts and numbers keys as a Map does, through growth and colliding keys', () => {
  const table = new U32Table(4);
  const map = new Map<number, number>();
  // Keys across the whole unsigned range, many sharing their low bits (the same probe start).
  const keys: number[] = [];
  for (let i = 0; i < 3000; i++) keys.push(((i % 700) * 0x10000 + (i % 3 === 0 ? 0xffff0000 : 0)) >>> 0, (i * 2654435761) >>> 0);
  for (const k of keys) {
    map.set(k, (map.get(k) ?? 0) + 1);
    table.add(k, 1);
  }
  assert.equal(table.size, map.size);
  for (const [k, v] of map) assert.equal(table.get(k), v);
  assert.equal(table.get(12345), map.get(12345) ?? -1);
  let seen = 0;
  table.forEach((k, v) => {
    assert.equal(map.get(k), v);
    seen++;
  });
  assert.equal(seen, map.size);
  const ids = new U32Table();
  assert.deepEqual([7, 0, 7, 0xffffffff, 0].map((k) => ids.getOrSet(k, ids.size)), [0, 1, 0, 2, 1]);
});
