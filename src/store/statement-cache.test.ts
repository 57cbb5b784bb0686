/**
 * The SQLite store reuses prepared statements (Kysely's dialect prepares every query again): the
 * same SQL gives the same statement, the least recently used leave past the cap, and results stay
 * right when a statement is reused with other parameters.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import BetterSqlite3 from 'better-sqlite3';
import { withStatementCache } from './sqlite.js';

test('the same SQL is prepared once and reused with new parameters; the oldest leave past 500', () => {
  const raw = new BetterSqlite3(':memory:');
  const db = withStatementCache(raw);
  db.prepare('create table t (k integer primary key, v text)').run();
  const insert = db.prepare('insert into t (k, v) values (?, ?)');
  insert.run(1, 'one');
  assert.equal(db.prepare('insert into t (k, v) values (?, ?)'), insert, 'reused, not prepared again');
  db.prepare('insert into t (k, v) values (?, ?)').run(2, 'two');
  const select = db.prepare('select v from t where k = ?');
  assert.deepEqual(select.get(1), { v: 'one' });
  assert.deepEqual(db.prepare('select v from t where k = ?').all(2), [{ v: 'two' }]);
  assert.deepEqual(db.prepare('select v from t where k = ?').all(1), [{ v: 'one' }]);
  for (let i = 0; i < 500; i++) db.prepare(`select ${i} as n`);
  assert.notEqual(db.prepare('insert into t (k, v) values (?, ?)'), insert, 'evicted after 500 other statements');
  db.close();
  assert.equal(raw.open, false);
});
