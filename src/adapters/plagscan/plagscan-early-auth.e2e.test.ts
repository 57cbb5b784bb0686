/**
 * The PlagScan access token is checked from the request's head (the `access_token` query parameter,
 * or a Bearer header) before the body is read, against a started server: a caller with a bad token
 * announcing a 400 MB upload gets PlagScan's 401 at once. Before the fix (the token was taken from
 * the merged query and body parameters in a preHandler, after the body) these requests got no
 * answer while the body was coming. Clients that send the token only in a form body are still
 * served, once their body is read.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { apiClient, startProcess, tempDir, type ServerProcess } from '../../testing/server-process.js';
import { answerBeforeBody, type EarlyAnswer } from '../../testing/early-answer.js';
import { dangchuongClient, deseretClient, moodleClient, rubyClient, viaFetch } from '../../testing/plagscan-clients.js';
import { MESSAGES } from './wire-errors.js';

const KEY = 'plagscan-early-auth-admin-key-0123456789';
const ESSAY = 'Photosynthesis converts light energy into chemical energy stored in glucose, and it takes place in the chloroplasts of green plants, algae and some bacteria.';
const dir = tempDir('origo-early-auth-plagscan-');
let server: ServerProcess;
let base = '';
let orgId = '';

before(async () => {
  // Uploads of up to 500 MB are allowed, so only the credential check can refuse a 400 MB body early.
  server = await startProcess({ ORIGO_DATA_DIR: dir.path, ORIGO_ADMIN_KEY: KEY, ORIGO_MAX_UPLOAD_BYTES: String(500 * 1024 * 1024), ORIGO_LOG_LEVEL: 'warn' });
  base = `${server.url}/plagscan/v3`;
  orgId = (await apiClient(server.url, KEY).get('/api/v1/me')).body.organisation_id;
});
after(async () => {
  await server?.kill('SIGTERM');
  dir.remove();
});

function assertRefusal(got: EarlyAnswer | null, status: number, message: string): void {
  assert.ok(got, 'no answer before the body was sent');
  assert.equal(got.status, status, got.body);
  assert.equal(got.headers['content-type'], 'application/json; charset=utf-8');
  assert.deepEqual(JSON.parse(got.body), { error: { code: status, message } });
}

test('an upload with a bad access token in the query or a Bearer header is refused before its body is read', { timeout: 60_000 }, async () => {
  const forged = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.bm90LXNpZ25lZA';
  for (const path of ['/documents', '/submissions/1']) {
    assertRefusal(await answerBeforeBody(`${base}${path}?access_token=${forged}&APIconsumer=Moodle2022112800`, {}), 401, MESSAGES.tokenInvalid);
    assertRefusal(await answerBeforeBody(`${base}${path}?access_token=abc`, {}), 401, MESSAGES.tokenInvalid);
    assertRefusal(await answerBeforeBody(`${base}${path}`, { authorization: `Bearer ${forged}` }), 401, MESSAGES.tokenInvalid);
  }
});

test('a valid token still uploads multipart (Moodle) and JSON (ruby); a token only in a form body (deseret, dangchuong) still works', async () => {
  const moodle = moodleClient(base, orgId, KEY);
  const up = await moodle.withToken('/documents', 'POST', { userID: '', toRepository: false }, [{ filename: 'essay.txt', mimetype: 'text/plain', content: ESSAY }]);
  assert.equal(up.status, 201, JSON.stringify(up.body));
  assert.equal(typeof up.body.data.docID, 'number');

  const ruby = rubyClient(base);
  const token = (await ruby.token(orgId, KEY)).body.access_token;
  const created = await ruby.createText(token, `${ESSAY} Ruby adds a sentence about roots.`, { textname: 'Roots' });
  assert.equal(created.status, 201, JSON.stringify(created.body));

  const deseret = deseretClient(base);
  const dtoken = (await deseret.token(orgId, KEY)).body.access_token;
  const text = await deseret.submitText(dtoken, `${ESSAY} Deseret adds a sentence about leaves.`, 'leaves');
  assert.equal(text.status, 201, JSON.stringify(text.body));
  const dang = dangchuongClient(base);
  const ctoken = (await dang.token(orgId, KEY)).body.access_token;
  assert.equal((await dang.check(ctoken, text.body.data.docID)).status, 204);

  // A token neither in the head nor in the body: the same 401 as before; a bad one in a form body too.
  const none = await viaFetch(`${base}/documents`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'textdata=x' });
  assert.equal(none.status, 401);
  assert.deepEqual(none.body, { error: { code: 401, message: MESSAGES.tokenMissing } });
  const badInBody = await deseret.submitText('abc', ESSAY, 'bad');
  assert.equal(badInBody.status, 401);
  assert.deepEqual(badInBody.body, { error: { code: 401, message: MESSAGES.tokenInvalid } });
});
