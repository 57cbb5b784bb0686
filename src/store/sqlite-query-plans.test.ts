/**
 * The SQLite query plans whose cost must not grow with a class (docs/benchmarks.md, issue 22):
 * the candidate lookup reads each hash's postings once (it does not probe the index once per
 * hash and document in scope), and claiming a job reads the first ready job from the queue's
 * index instead of sorting every queued job. The plans are SQLite's own EXPLAIN QUERY PLAN of
 * the statements the store really sends.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { migrateToLatest } from './migrate.js';
import { Store } from './store.js';

interface PlanRow { id: number; parent: number; detail: string }

async function recordingStore(): Promise<{ store: Store; raw: BetterSqlite3.Database; sent: string[] }> {
  const raw = new BetterSqlite3(':memory:');
  const sent: string[] = [];
  const database = { prepare: (text: string) => { sent.push(text); return raw.prepare(text); }, close: () => raw.close() };
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database }) });
  await migrateToLatest(db, 'sqlite');
  return { store: new Store(db, 'sqlite'), raw, sent };
}

function plan(raw: BetterSqlite3.Database, text: string): PlanRow[] {
  const params = Array.from({ length: (text.match(/\?/g) ?? []).length }, () => 1);
  return raw.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...params) as PlanRow[];
}

test('the candidate lookup of a class reads each hash\'s postings once, not once per document of the class', async () => {
  const { store, raw, sent } = await recordingStore();
  await store.fingerprints.candidates({ organisationId: 1, excludeDocumentId: 5, assignmentId: 1 }, [11, 12, 13], 50);
  await store.fingerprints.candidates({ organisationId: 1, excludeDocumentId: 5, repositories: true }, [11, 12, 13], 50);
  const lookups = sent.filter((s) => s.includes('as "shared"'));
  assert.equal(lookups.length, 2, 'one lookup for the class, one for the repositories');
  for (const lookup of lookups) {
    const searches = plan(raw, lookup).filter((r) => /SEARCH f /.test(r.detail)).map((r) => r.detail);
    assert.equal(searches.length, 1, lookup);
    const constraint = /^SEARCH f USING COVERING INDEX fingerprints_lookup \((.*)\)$/.exec(searches[0])?.[1] ?? '';
    assert.deepEqual(constraint.split(' AND ').sort(), ['hash=?', 'organisation_id=?'], `each hash's postings, not each (hash, document): ${searches[0]}`);
  }
  await store.close();
});

test('claiming a job reads the first ready job in order from the queue index, with no sort of the whole queue', async () => {
  const { store, raw, sent } = await recordingStore();
  await store.jobs.enqueue('analyse', { documentId: 1 });
  const claimed = await store.jobs.claim('w1', 60_000, ['analyse', 'extract']);
  assert.equal(claimed?.kind, 'analyse');
  const claim = sent.find((s) => /UPDATE jobs SET status = 'running'/.test(s));
  assert.ok(claim, 'the claim statement was sent');
  const rows = plan(raw, claim);
  const details = rows.map((r) => r.detail);
  assert.ok(details.includes('SEARCH jobs USING INDEX jobs_ready (status=? AND run_at<?)'), details.join('\n'));
  assert.ok(!details.includes('MULTI-INDEX OR'), `queued and expired jobs are two ordered reads, not one OR:\n${details.join('\n')}`);
  // The one sort left orders the (at most two) first jobs of both reads.
  const sorts = rows.filter((r) => r.detail === 'USE TEMP B-TREE FOR ORDER BY');
  assert.equal(sorts.length, 1);
  await store.close();
});
