/**
 * A Plagiat.pl APIKEY sent in the request's head (the `APIKEY` query parameter, or an `apikey`
 * header) is checked before the body is read, against a started server: a caller with a bad key
 * announcing a 400 MB upload gets Plagiat.pl's 403 at once, and the failures still count towards
 * the throttle (429 with Retry-After). Before the fix every /api/v2 route read its key from the
 * merged query and body parameters in its handler, after the whole body: these requests got no
 * answer while the body was coming. A key sent only as a multipart field (the documented form) can
 * only be checked once the body is read; it still works.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startProcess, tempDir, type ServerProcess } from '../../testing/server-process.js';
import { answerBeforeBody, type EarlyAnswer } from '../../testing/early-answer.js';
import { plagiatClient } from '../../testing/plagiat-client.js';

const KEY = 'plagiat-early-auth-admin-key-0123456789';
const ESSAY = 'Photosynthesis converts light energy into chemical energy stored in glucose, and it takes place in the chloroplasts of green plants, algae and some bacteria.';
const dir = tempDir('origo-early-auth-plagiat-');
let server: ServerProcess;
let base = '';

before(async () => {
  // Uploads of up to 500 MB are allowed, so only the credential check can refuse a 400 MB body early.
  server = await startProcess({ ORIGO_DATA_DIR: dir.path, ORIGO_ADMIN_KEY: KEY, ORIGO_MAX_UPLOAD_BYTES: String(500 * 1024 * 1024), ORIGO_THROTTLE_ADDRESS_FAILURES: '5', ORIGO_LOG_LEVEL: 'warn' });
  base = `${server.url}/plagiat`;
});
after(async () => {
  await server?.kill('SIGTERM');
  dir.remove();
});

function assertRefusal(got: EarlyAnswer | null, status: number, body: unknown): void {
  assert.ok(got, 'no answer before the body was sent');
  assert.equal(got.status, status, got.body);
  assert.equal(got.headers['content-type'], 'application/json; charset=UTF-8');
  assert.deepEqual(JSON.parse(got.body), body);
}

test('an upload with a bad APIKEY in the query or the apikey header is refused before its body is read', { timeout: 60_000 }, async () => {
  // documents/add answers in its {status, message} shape, users/create in its {message} shape. Two failures counted.
  assertRefusal(await answerBeforeBody(`${base}/api/v2/documents/add?APIKEY=not-a-key-not-a-key`, {}), 403, { status: 'error', message: 'Invalid APIKEY' });
  assertRefusal(await answerBeforeBody(`${base}/api/v2/users/create`, { apikey: 'not-a-key-not-a-key' }), 403, { message: 'Invalid APIKEY' });
});

test('a valid APIKEY still uploads, as a multipart field (read from the body) or in the query; a bad one in a field is refused as before', async () => {
  const api = plagiatClient(base);
  const asField = await api.multipart('/api/v2/documents/add', { APIKEY: KEY, title: 'Leaves', action: 'check' }, { name: 'leaves.txt', bytes: ESSAY });
  assert.equal(asField.status, 200, asField.text);
  assert.equal(asField.json.status, 'new');
  const inQuery = await api.multipart(`/api/v2/documents/add?APIKEY=${KEY}`, { title: 'Roots', action: 'check' }, { name: 'roots.txt', bytes: `${ESSAY} Roots too.` });
  assert.equal(inQuery.status, 200, inQuery.text);
  // JSON (Chamilo) and a GET with the key in the query.
  const got = await api.json('POST', '/api/v2/documents', { apiKey: KEY, id: inQuery.json.id });
  assert.equal(got.status, 200, got.text);
  assert.equal((await api.get('/api/v2/documents', { id: asField.json.id, APIKEY: KEY })).status, 200);
  // A bad key as a field: the third failure.
  const badField = await api.multipart('/api/v2/documents/add', { APIKEY: 'not-a-key-not-a-key', title: 'Bad' }, { name: 'bad.txt', bytes: ESSAY });
  assert.equal(badField.status, 403);
  assert.deepEqual(badField.json, { status: 'error', message: 'Invalid APIKEY' });
});

test('bad keys refused early still count towards the throttle: 429 with Retry-After, answered early too', { timeout: 60_000 }, async () => {
  const statuses: number[] = [];
  let last: EarlyAnswer | null = null;
  for (let i = 0; i < 4; i++) {
    last = await answerBeforeBody(`${base}/api/v2/documents/add?APIKEY=not-a-key-${i}-not-a-key`, {});
    assert.ok(last, `no answer before the body was sent (attempt ${i + 1})`);
    statuses.push(last.status);
  }
  // Three failures were counted above; the address may fail 5 times.
  assert.deepEqual(statuses, [403, 403, 429, 429]);
  assertRefusal(last, 429, { status: 'error', message: 'Too many failed attempts, try again later' });
  assert.match(String(last!.headers['retry-after']), /^\d+$/);
});
