import { test } from 'node:test';
import assert from 'node:assert/strict';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { migrateToLatest } from '../migrate.js';
import { up } from './007-inspera-attempt-keys.js';
import { attemptKey } from '../../adapters/inspera/records.js';

test('migration 007 rewrites NUL-separated Inspera attempt keys (SQLite) to the adapter\'s JSON key, keeping the count', async () => {
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: new BetterSqlite3(':memory:') }) });
  await migrateToLatest(db, 'sqlite');
  const now = new Date().toISOString();
  const org = await db.insertInto('organisations').values({ public_id: 'org_migration007', name: 'School', settings: '{}', created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
  const row = (external_id: string, kind = 'attempts') => ({ vendor: 'inspera', kind, organisation_id: org.id, external_id, internal_id: null, data: '{"count":2}', created_at: now, updated_at: now });
  await db.insertInto('vendor_records').values([row('asg-1\u0000ann@school.example'), row('\u0000bob@school.example'), row('doc-uuid', 'document')]).execute();
  await up(db);
  const keys = (await db.selectFrom('vendor_records').select(['kind', 'external_id', 'data']).orderBy('id').execute()).map((r) => [r.kind, r.external_id, r.data]);
  assert.deepEqual(keys, [
    ['attempts', attemptKey('asg-1', 'ann@school.example'), '{"count":2}'],
    ['attempts', attemptKey(null, 'bob@school.example'), '{"count":2}'],
    ['document', 'doc-uuid', '{"count":2}'],
  ]);
  await db.destroy();
});
