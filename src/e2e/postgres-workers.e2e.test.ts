/**
 * Scale-out on PostgreSQL: one API process and two worker processes share a database, and no
 * folder (each has its own data folder, as on separate machines): uploads travel in the database.
 *
 *   API (ORIGO_WORKERS=0, folder A) ──► jobs, blobs ◄── worker 1 (2 at a time, folder B)
 *                                                  ◄── worker 2 (2 at a time, folder C)
 *
 * Every job is claimed exactly once (FOR UPDATE SKIP LOCKED) and leaves at most one report version
 * (the first check exactly one). Skipped where PostgreSQL does not answer; CI requires it.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { apiClient, startProcess, tempDir, waitFor, type ServerProcess } from '../testing/server-process.js';
import { createTestDatabase, postgresAnswers, REQUIRE_PG, TEST_PG_URL } from '../testing/stores.js';

const up = await postgresAnswers();
if (!up && REQUIRE_PG) throw new Error(`PostgreSQL does not answer at ${TEST_PG_URL}, and ORIGO_REQUIRE_POSTGRES=1`);

const procs: ServerProcess[] = [];
const cleanups: (() => Promise<void> | void)[] = [];
after(async () => {
  for (const p of procs) await p.kill('SIGTERM');
  for (const c of cleanups) await c();
});

test('two worker processes on PostgreSQL never process the same job twice', { skip: up ? false : `PostgreSQL does not answer at ${TEST_PG_URL}`, timeout: 180_000 }, async () => {
  const db = await createTestDatabase('origo_e2e');
  cleanups.push(db.drop);
  const [dirA, dirB, dirC] = [tempDir(), tempDir(), tempDir()];
  cleanups.push(dirA.remove, dirB.remove, dirC.remove);
  const key = 'pg-e2e-admin-key-0123456789';
  const env = { DATABASE_URL: db.url, ORIGO_ADMIN_KEY: key };
  const api = await startProcess({ ...env, ORIGO_DATA_DIR: dirA.path, ORIGO_WORKERS: '0' });
  procs.push(api);
  const w1 = await startProcess({ ...env, ORIGO_DATA_DIR: dirB.path, ORIGO_WORKERS: '2' }, 'worker', false);
  const w2 = await startProcess({ ...env, ORIGO_DATA_DIR: dirC.path, ORIGO_WORKERS: '2' }, 'worker', false);
  procs.push(w1, w2);
  const client = apiClient(api.url, key);
  const asg = await client.post('/api/v1/assignments', { name: 'Scale-out' });
  assert.equal(asg.status, 201);
  const shared = 'Photosynthesis converts light energy into chemical energy stored in glucose, releasing oxygen as a by-product of splitting water molecules inside the chloroplasts of plant cells.';
  const ids: string[] = [];
  for (let i = 0; i < 30; i++) {
    const text = i % 3 === 0 ? `Essay ${i} starts in its own words about leaves and seasons. ${shared} Essay ${i} ends its own way.` : `Essay ${i} is about a different topic entirely, number ${i}, with words like river${i}, mountain${i} and city${i}.`;
    const r = await client.post(`/api/v1/assignments/${asg.body.id}/documents`, { title: `Essay ${i}`, text });
    assert.equal(r.status, 201);
    ids.push(r.body.id);
  }
  await waitFor('every document to be done and the queue to drain', async () => {
    const list = await client.get(`/api/v1/assignments/${asg.body.id}/documents?limit=100`);
    if (list.body.items.filter((d: { status: string }) => d.status === 'done').length !== 30) return undefined;
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    const { rows } = await c.query("SELECT count(*)::int AS n FROM jobs WHERE status IN ('queued', 'running')");
    await c.end();
    return rows[0].n === 0 ? true : undefined;
  }, 120_000, 250);

  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  try {
    const jobs = (await c.query("SELECT id, kind, status, attempts, last_error FROM jobs WHERE kind IN ('extract', 'analyse', 'notify')")).rows;
    assert.ok(jobs.length >= 90, `jobs: ${jobs.length}`);
    assert.deepEqual(jobs.filter((j) => j.status !== 'done' || j.attempts !== 1), [], 'every job claimed exactly once');
    const perDoc = (await c.query(`
      SELECT d.id, (SELECT count(*)::int FROM analyses a WHERE a.document_id = d.id) AS versions,
             (SELECT count(*)::int FROM analyses a WHERE a.document_id = d.id AND a.result::json->>'reason' = 'initial') AS initial_versions,
             (SELECT count(*)::int FROM jobs j WHERE j.kind = 'analyse' AND (j.payload::json->>'documentId')::int = d.id) AS analyse_jobs
      FROM documents d`)).rows;
    assert.equal(perDoc.length, 30);
    for (const d of perDoc) {
      // The first check stores exactly one version; a re-composition stores one only when the report changed.
      assert.equal(d.initial_versions, 1, `document ${d.id}: one first version`);
      assert.ok(d.versions >= 1 && d.versions <= d.analyse_jobs, `document ${d.id}: ${d.versions} versions from ${d.analyse_jobs} analyse jobs`);
    }
    // Both workers took part.
    assert.match(w1.output(), /job done/);
    assert.match(w2.output(), /job done/);
  } finally {
    await c.end();
  }
  // Nothing was written to any folder: the uploads are in the database.
  for (const d of [dirA, dirB, dirC]) assert.equal(existsSync(join(d.path, 'blobs')), false, `${d.path} has no blobs folder`);
  const copied = await client.get(`/api/v1/documents/${ids[0]}/report`);
  assert.ok(copied.body.similarity > 0, 'documents sharing the paragraph find each other');
  const unrelated = await client.get(`/api/v1/documents/${ids[1]}/report`);
  assert.equal(unrelated.body.similarity, 0);
});

test('a worker started first on an empty database creates nothing; the API process that starts next bootstraps', { skip: up ? false : `PostgreSQL does not answer at ${TEST_PG_URL}`, timeout: 120_000 }, async () => {
  // As docs/deployment.md starts them: workers have neither ORIGO_ADMIN_KEY nor ORIGO_PUBLIC_URL.
  // A worker that bootstrapped wrote a random administrator key into its own data folder and
  // printed the one-time link at its own non-listening port (http://127.0.0.1:8080).
  const db = await createTestDatabase('origo_e2e');
  cleanups.push(db.drop);
  const [dirW, dirA] = [tempDir(), tempDir()];
  cleanups.push(dirW.remove, dirA.remove);
  const worker = await startProcess({ DATABASE_URL: db.url, ORIGO_DATA_DIR: dirW.path, ORIGO_WORKERS: '1' }, 'worker', false);
  procs.push(worker);
  await waitFor('the worker to run', async () => (worker.output().includes('worker started') ? true : undefined), 60_000, 100);
  assert.doesNotMatch(worker.output(), /created the default organisation|first-start/);
  assert.deepEqual(readdirSync(dirW.path).filter((f) => f.startsWith('first-start')), [], 'no administrator key file on the worker machine');
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  try {
    assert.equal((await c.query('SELECT count(*)::int AS n FROM organisations')).rows[0].n, 0);
  } finally {
    await c.end();
  }
  const key = 'pg-e2e-admin-key-0123456789';
  const api = await startProcess({ DATABASE_URL: db.url, ORIGO_DATA_DIR: dirA.path, ORIGO_WORKERS: '0', ORIGO_ADMIN_KEY: key, ORIGO_PUBLIC_URL: 'https://origo.example.edu' });
  procs.push(api);
  await waitFor('the first-start notice', async () => (/first-start\//.test(api.output()) ? true : undefined), 10_000, 50);
  assert.match(api.output(), /https:\/\/origo\.example\.edu\/app\/#\/first-start\/[\w-]+/, 'the link is printed by the API process, at the public address');
  const me = await apiClient(api.url, key).get('/api/v1/me');
  assert.equal(me.status, 200);
  assert.equal(me.body.user.role, 'admin');
});
