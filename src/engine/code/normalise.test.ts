import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normaliseStatementOrder } from './normalise.js';
import { statements } from './test-tokens.js';

const kinds = (t: { kind: string }[]) => t.map((x) => x.kind).join(' ');

test('a run of movable statements reads the same in any order', () => {
  const a = statements('ASSIGN ID LIT', 'CALL ID ID', 'ASSIGN ID ID + LIT');
  const b = statements('CALL ID ID', 'ASSIGN ID ID + LIT', 'ASSIGN ID LIT');
  assert.equal(kinds(normaliseStatementOrder(a)), kinds(normaliseStatementOrder(b)));
  assert.notEqual(kinds(normaliseStatementOrder(a, false)), kinds(normaliseStatementOrder(b, false)));
});

test('fixed statements stay in place and split runs', () => {
  //   before the loop | loop | after the loop
  //   A, B            | LOOP | C
  const a = statements('CALL A', 'CALL B', '!LOOP X', 'CALL C');
  const b = statements('CALL C', '!LOOP X', 'CALL B', 'CALL A');
  assert.equal(kinds(normaliseStatementOrder(a)), 'CALL A CALL B LOOP X CALL C');
  assert.equal(kinds(normaliseStatementOrder(b)), 'CALL C LOOP X CALL A CALL B');
});

test('markers never reach the output and lines are kept', () => {
  const out = normaliseStatementOrder(statements('CALL B', 'CALL A'));
  assert.equal(out.length, 4);
  assert.deepEqual(out.map((t) => t.line), [2, 2, 1, 1]);
});
