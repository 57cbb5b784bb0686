/**
 * The Inspera bearer token, and the signature of a presigned upload URL, are checked when the
 * request's head arrives, before the body is read, against a started server: a caller without a
 * valid token (or with a forged upload URL) announcing a 400 MB body gets Inspera's refusal at
 * once. Before the fix (the check ran in a preHandler or in the handler, after the body) these
 * requests got no answer while the body was coming.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { apiClient, startProcess, tempDir, type ServerProcess } from '../../testing/server-process.js';
import { answerBeforeBody, type EarlyAnswer } from '../../testing/early-answer.js';
import { insperaClient } from '../../testing/inspera-client.js';
import { MESSAGES } from './wire-errors.js';

const KEY = 'inspera-early-auth-admin-key-0123456789';
const ESSAY =
  'Arctic terns migrate from pole to pole every year, covering more distance than any other bird, and they rest on the open ocean for weeks at a time without touching land. ' +
  'Their journeys were traced with tiny geolocators that weigh less than a paper clip.';
const dir = tempDir('origo-early-auth-inspera-');
let server: ServerProcess;
let base = '';
let org = '';

before(async () => {
  // Uploads of up to 500 MB are allowed, so only the credential check can refuse a 400 MB body early.
  server = await startProcess({ ORIGO_DATA_DIR: dir.path, ORIGO_ADMIN_KEY: KEY, ORIGO_MAX_UPLOAD_BYTES: String(500 * 1024 * 1024), ORIGO_LOG_LEVEL: 'warn' });
  base = `${server.url}/inspera`;
  org = (await apiClient(server.url, KEY).get('/api/v1/me')).body.organisation_id;
});
after(async () => {
  await server?.kill('SIGTERM');
  dir.remove();
});

function assertRefusal(got: EarlyAnswer | null, status: number, message: string): void {
  assert.ok(got, 'no answer before the body was sent');
  assert.equal(got.status, status, got.body);
  assert.equal(got.headers['content-type'], 'application/json; charset=utf-8');
  assert.deepEqual(JSON.parse(got.body), { message });
}

test('a submission without a valid bearer token is refused before its body is read', { timeout: 60_000 }, async () => {
  for (const path of ['/submissions', '/create/submission']) {
    assertRefusal(await answerBeforeBody(`${base}${path}`, {}), 401, MESSAGES.unauthorized);
    assertRefusal(await answerBeforeBody(`${base}${path}`, { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.bm90LXNpZ25lZA' }), 401, MESSAGES.unauthorized);
  }
});

test('a PUT to a forged presigned upload URL is refused before its body is read', { timeout: 60_000 }, async () => {
  const got = await answerBeforeBody(`${base}/upload/eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.bm90LXNpZ25lZA`, { 'content-type': 'application/pdf' }, 400 * 1024 * 1024, 5_000, 'PUT');
  assertRefusal(got, 403, 'The request signature does not match');
});

test('a valid token still submits JSON (base64 file, older generation) and uploads raw bytes to its presigned URL', async () => {
  const c = insperaClient(base);
  assert.equal((await c.login(KEY, org)).status, 200);
  const older = await c.post('/submissions', { documentTitle: 'Arctic terns', author: 'Ada Lovelace', documentLanguage: 'en', email: 'ada@school.example', docType: 'txt', file: `base64,${Buffer.from(ESSAY).toString('base64')}` });
  assert.equal(older.status, 200, older.text);
  assert.ok(older.body.documentId);
  const created = await c.post('/create/submission', { documentTitle: 'essay.txt', author: 'Grace Hopper', email: 'grace@school.example', docType: 'text/plain' });
  assert.equal(created.status, 200, created.text);
  const put = await c.upload(created.body.presignedS3Url, ESSAY, 'text/plain');
  assert.equal(put.status, 200, put.text);
  // The same URL again with other bytes: the submission has its file (checked after the body, as before).
  assert.equal((await c.upload(created.body.presignedS3Url, 'other bytes', 'text/plain')).status, 409);
});
