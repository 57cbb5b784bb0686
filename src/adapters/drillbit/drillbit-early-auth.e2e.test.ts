/**
 * The DrillBit Bearer credential (a DrillBit JWT or an API key) is checked when the request's head
 * arrives, before the body is read, against a started server: a stranger announcing a 400 MB upload
 * gets DrillBit's 401 at once instead of after the server buffered it all. Before the fix (the
 * check ran in a preHandler, after the body) these requests got no answer while the body was coming.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { apiClient, startProcess, tempDir, type ServerProcess } from '../../testing/server-process.js';
import { answerBeforeBody, type EarlyAnswer } from '../../testing/early-answer.js';
import { multipartBody } from '../../testing/multipart-body.js';

const KEY = 'drillbit-early-auth-admin-key-0123456789';
const EMAIL = 'early.teacher@example.org';
const PASSWORD = 'early teacher password 1';
const ESSAY = 'Photosynthesis turns light into chemical energy. Plants store that energy as sugar and release oxygen into the air around them, which every animal on land depends on.';
const dir = tempDir('origo-early-auth-drillbit-');
let server: ServerProcess;
let base = '';

before(async () => {
  // Uploads of up to 500 MB are allowed, so only the credential check can refuse a 400 MB body early.
  server = await startProcess({ ORIGO_DATA_DIR: dir.path, ORIGO_ADMIN_KEY: KEY, ORIGO_MAX_UPLOAD_BYTES: String(500 * 1024 * 1024), ORIGO_THROTTLE_ADDRESS_FAILURES: '5', ORIGO_LOG_LEVEL: 'warn' });
  base = `${server.url}/drillbit`;
  const u = await apiClient(server.url, KEY).post('/api/v1/users', { email: EMAIL, password: PASSWORD, name: 'Early Teacher', role: 'instructor' });
  assert.equal(u.status, 201, JSON.stringify(u.body));
});
after(async () => {
  await server?.kill('SIGTERM');
  dir.remove();
});

function assertRefusal(got: EarlyAnswer | null, status: number, message: string, path: string): void {
  assert.ok(got, 'no answer before the body was sent');
  assert.equal(got.status, status, got.body);
  assert.equal(got.headers['content-type'], 'application/json; charset=utf-8');
  const body = JSON.parse(got.body);
  assert.deepEqual({ ...body, timestamp: typeof body.timestamp }, { status, description: status === 401 ? 'UNAUTHORIZED' : 'TOO_MANY_REQUESTS', timestamp: 'string', message, debugMessage: message, subErrors: null, path });
}

test('an upload without a valid Bearer credential is refused before its body is read', { timeout: 60_000 }, async () => {
  for (const path of ['/files/moodle/upload', '/files/folder/1/singleFile', '/pro/folder/1/submission/1']) {
    assertRefusal(await answerBeforeBody(`${base}${path}`, {}), 401, 'Full authentication is required to access this resource', path);
    // A JWT that does not verify, and an API key that does not exist.
    assertRefusal(await answerBeforeBody(`${base}${path}`, { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.bm90LXNpZ25lZA' }), 401, 'The token is invalid or has expired.', path);
  }
  assertRefusal(await answerBeforeBody(`${base}/files/moodle/upload`, { authorization: 'Bearer not-a-key-not-a-key-not-a-key' }), 401, 'The token is invalid or has expired.', '/files/moodle/upload');
});

test('a valid JWT or API key still uploads multipart and posts JSON; the login reads its credentials from the body', async () => {
  const login = await fetch(`${base}/authentication/authenticate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: EMAIL, password: PASSWORD }) });
  assert.equal(login.status, 200);
  const token = ((await login.json()) as { token: string }).token;
  for (const credential of [token, KEY]) {
    const mp = multipartBody({ authorName: 'student@example.org', title: 'Early assignment', documentType: 'thesis', ex_ref: 'yes', ex_qts: 'no', ex_ss: 'no' }, [{ field: 'file', filename: 'early.txt', mime: 'text/plain', bytes: ESSAY }]);
    const up = await fetch(`${base}/files/moodle/upload`, { method: 'POST', headers: { authorization: `Bearer ${credential}`, 'content-type': mp.contentType }, body: mp.body });
    const upBody = (await up.json()) as any;
    assert.equal(up.status, 200, JSON.stringify(upBody));
    assert.equal(typeof upBody.submissions.paper_id, 'number');
  }
  const folder = await fetch(`${base}/pro/folder`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ folder_name: 'Early folder', exclude_reference: 'NO', exclude_quotes: 'NO', exclude_small_sources: 'NO', grammar_check: 'NO', exclude_phrases: 'NO', db_studentpaper: 'YES', db_publications: 'YES', db_internet: 'YES', institution_repository: 'NO', email_notifications: 'NO', exclude_threshold: 14 }),
  });
  assert.equal(folder.status, 201, await folder.text());
});

test('bad API keys refused early still count towards the throttle: 429 with Retry-After, answered early too', { timeout: 60_000 }, async () => {
  // One bad key was counted in the first test; the address may fail 5 times.
  const statuses: number[] = [];
  let last: EarlyAnswer | null = null;
  for (let i = 0; i < 6; i++) {
    last = await answerBeforeBody(`${base}/files/moodle/upload`, { authorization: `Bearer not-a-key-${i}-not-a-key-not-a-key` });
    assert.ok(last, `no answer before the body was sent (attempt ${i + 1})`);
    statuses.push(last.status);
  }
  assert.deepEqual(statuses, [401, 401, 401, 401, 429, 429]);
  assertRefusal(last, 429, 'Too many failed attempts. Try again later.', '/files/moodle/upload');
  assert.match(String(last!.headers['retry-after']), /^\d+$/);
});
