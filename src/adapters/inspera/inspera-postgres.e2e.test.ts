/**
 * The Moodle plugin's Inspera submission path on PostgreSQL, against a started server: token,
 * POST /create/submission, PUT to the presigned URL, checkStatus; and the resubmission limit.
 * The per-author attempt count used to be keyed with a NUL separator, which PostgreSQL refuses in
 * text: every submission answered 500 there.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { apiClient, startProcess, tempDir, waitFor, type ServerProcess } from '../../testing/server-process.js';
import { insperaClient } from '../../testing/inspera-client.js';
import { createTestDatabase, postgresAnswers, REQUIRE_PG, TEST_PG_URL } from '../../testing/stores.js';

const up = await postgresAnswers();
if (!up && REQUIRE_PG) throw new Error(`PostgreSQL does not answer at ${TEST_PG_URL}, and ORIGO_REQUIRE_POSTGRES=1`);

const KEY = 'inspera-postgres-admin-key-0123456789';
const ESSAY = 'The migration of arctic terns covers more distance than that of any other bird, and they rest on the open ocean for weeks at a time.';
const cleanups: (() => Promise<void> | void)[] = [];
let server: ServerProcess | undefined;
after(async () => {
  await server?.kill('SIGTERM');
  for (const c of cleanups) await c();
});

test('Inspera on PostgreSQL: create/submission, upload, checkStatus, and the resubmission limit', { skip: up ? false : `PostgreSQL does not answer at ${TEST_PG_URL}`, timeout: 120_000 }, async () => {
  const db = await createTestDatabase('origo_inspera_pg');
  cleanups.push(db.drop);
  const dir = tempDir();
  cleanups.push(dir.remove);
  server = await startProcess({ DATABASE_URL: db.url, ORIGO_DATA_DIR: dir.path, ORIGO_ADMIN_KEY: KEY, ORIGO_WORKERS: '1' });
  const org = (await apiClient(server.url, KEY).get('/api/v1/me')).body.organisation_id;
  const c = insperaClient(`${server.url}/inspera`);
  assert.equal((await c.login(KEY, org)).status, 200);
  const submission = { documentTitle: 'Arctic terns', author: 'Ann Author', email: 'ann@school.example', docType: 'text/plain', assignmentId: 'asg-pg-1', assignmentName: 'Birds', reSubmissions: 1 };
  const first = await c.post('/create/submission', submission);
  assert.equal(first.status, 200, JSON.stringify(first.body));
  assert.equal(typeof first.body.documentId, 'string');
  const put = await c.upload(first.body.presignedS3Url, ESSAY, 'text/plain');
  assert.equal(put.status, 200);
  const done = await waitFor('the document to be processed', async () => {
    const s = await c.get(`/document/${first.body.documentId}/checkStatus`);
    return s.body.status === 1 ? s.body : undefined;
  }, 60_000, 200);
  assert.equal(typeof done.similarity, 'number');
  // reSubmissions 1: the same author may submit to the assignment twice in all.
  assert.equal((await c.post('/create/submission', submission)).status, 200);
  const third = await c.post('/create/submission', submission);
  assert.equal(third.status, 403);
  assert.equal(third.body.message, 'Maximum of submissions has been reached');
});
