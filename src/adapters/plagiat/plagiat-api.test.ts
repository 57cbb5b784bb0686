/**
 * The Plagiat.pl LMS API v2 through a started server, replaying what its clients send:
 *
 *   PHP client (matasarei/strike-plagiarism-php, Guzzle) ── multipart POST, APIKEY field; GET with APIKEY in the query
 *   Chamilo (cosnics)                                   ── JSON bodies with apiKey / documentId; POST /documents
 *   Cloudflare proxy                                    ── APIKEY, title, file, userEmail, action only
 *   users / orgs (documented, no public client)         ── form-urlencoded bodies, DELETE with a form body
 *
 * and asserting the status and every field those clients read.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { SignJWT } from 'jose';
import { apiClient, freePort, startProcess, tempDir, waitFor, type ServerProcess } from '../../testing/server-process.js';
import { plagiatClient } from '../../testing/plagiat-client.js';

const ADMIN_KEY = 'plagiat-api-admin-key-0123456789';
const JWT_SECRET = 'plagiat-api-test-secret-0123456789abcdef';
const dir = tempDir();
let server: ServerProcess;
let rootPort: number;
let api: ReturnType<typeof plagiatClient>;
let native: ReturnType<typeof apiClient>;
let userKey: string;
let clientKey: string;

const ESSAY =
  'The water cycle moves water between the oceans, the atmosphere and the land. Sunlight warms the sea and water evaporates into the air, ' +
  'where it cools, condenses into clouds and falls again as rain or snow. Rivers carry it back to the sea, and the cycle begins again.';

before(async () => {
  rootPort = await freePort();
  server = await startProcess({ ORIGO_DATA_DIR: dir.path, ORIGO_ADMIN_KEY: ADMIN_KEY, ORIGO_JWT_SECRET: JWT_SECRET, ORIGO_WORKERS: '1', ORIGO_COMPAT_ROOT_PLAGIAT_PORT: String(rootPort) });
  api = plagiatClient(`${server.url}/plagiat`);
  native = apiClient(server.url, ADMIN_KEY);
  const teacher = await native.post('/api/v1/users', { email: 'teacher@uni.example', name: 'Anna Nowak', role: 'instructor' });
  assert.equal(teacher.status, 201);
  const k1 = await native.post('/api/v1/api-keys', { level: 'user', user_id: teacher.body.id, vendor: 'plagiat', name: 'Moodle' });
  assert.equal(k1.status, 201);
  userKey = k1.body.key;
  const k2 = await native.post('/api/v1/api-keys', { level: 'client', vendor: 'plagiat', name: 'account key' });
  assert.equal(k2.status, 201);
  clientKey = k2.body.key;
});

after(async () => {
  await server?.kill('SIGTERM');
  dir.remove();
});

const isJsonObject = (r: { type: string; json: unknown }) => r.type.startsWith('application/json') && typeof r.json === 'object' && r.json !== null && !Array.isArray(r.json);

async function upload(fields: Record<string, string | string[]>, text = ESSAY, name = 'essay.txt') {
  return api.multipart('/api/v2/documents/add', { languageCode: 'en', title: 'Water cycle', author: 'Jan Kowalski', coordinator: 'Dr Anna Nowak', action: 'check', documentKind: '2', ...fields }, { name, bytes: text });
}

async function ready(id: string, key = userKey) {
  return waitFor(`report of ${id}`, async () => {
    const r = await api.get('/api/v2/documents', { id, APIKEY: key });
    return r.json?.['report-ready'] === true || r.json?.status === 'indexed' ? r : undefined;
  }, 30_000, 100);
}

test('credentials: a missing or wrong APIKEY is 403 with a JSON message; user-level keys cannot manage users', async () => {
  const missing = await api.get('/api/v2/users/list', {});
  assert.equal(missing.status, 403);
  assert.deepEqual(missing.json, { message: 'Missing APIKEY' });
  const wrong = await api.get('/api/v2/documents', { id: 'x', APIKEY: 'f74ceecade540d5c910a26591a55f957' });
  assert.equal(wrong.status, 403);
  assert.deepEqual(wrong.json, { message: 'Invalid APIKEY' });
  const addWrong = await upload({ APIKEY: 'nope-nope-nope' });
  assert.equal(addWrong.status, 403);
  assert.deepEqual(addWrong.json, { status: 'error', message: 'Invalid APIKEY' });
  const asUser = await api.get('/api/v2/orgs', { APIKEY: userKey });
  assert.equal(asUser.status, 403);
  assert.ok(isJsonObject(asUser) && typeof asUser.json.message === 'string');
  const unknownRoute = await api.get('/api/v2/nothing', { APIKEY: userKey });
  assert.equal(unknownRoute.status, 404);
  assert.ok(isJsonObject(unknownRoute));
});

test('organisation units: create, list, update, delete, with the documented errors', async () => {
  const created = await api.form('POST', '/api/v2/orgs/create', { APIKEY: clientKey, name: 'Department of Economics' });
  assert.equal(created.status, 200);
  assert.ok(isJsonObject(created));
  const dup = await api.form('POST', '/api/v2/orgs/create', { APIKEY: clientKey, name: 'Department of Economics' });
  assert.equal(dup.status, 400);
  assert.equal(typeof dup.json.message, 'string');
  const missing = await api.form('POST', '/api/v2/orgs/create', { APIKEY: clientKey });
  assert.equal(missing.status, 400);
  assert.deepEqual(missing.json, { message: 'Missing name' });
  assert.equal((await api.form('POST', '/api/v2/orgs/create', { APIKEY: ADMIN_KEY, name: 'Faculty of Law' })).status, 200, "the organisation's own admin key is client-level");
  const renamed = await api.form('POST', '/api/v2/orgs/update', { APIKEY: clientKey, name: 'Faculty of Law', newName: 'Faculty of Law and Administration' });
  assert.equal(renamed.status, 200);
  let list = await api.get('/api/v2/orgs', { APIKEY: clientKey });
  assert.equal(list.status, 200);
  assert.deepEqual(list.json.orgs.map((o: { orgUnitName: string }) => o.orgUnitName).sort(), ['Department of Economics', 'Faculty of Law and Administration']);
  // PHP curl sends DELETE with a form body.
  const del = await api.form('DELETE', '/api/v2/orgs', { APIKEY: clientKey, name: 'Faculty of Law and Administration' });
  assert.equal(del.status, 200);
  list = await api.get('/api/v2/orgs', { APIKEY: clientKey });
  assert.deepEqual(list.json.orgs.map((o: { orgUnitName: string }) => o.orgUnitName), ['Department of Economics']);
  const gone = await api.form('DELETE', '/api/v2/orgs', { APIKEY: clientKey, name: 'Faculty of Law and Administration' });
  assert.equal(gone.status, 400);
});

test('users: create, get, list with filters, update, delete; testCount is decremented by each check and refused at 0', async () => {
  await api.form('POST', '/api/v2/orgs/create', { APIKEY: clientKey, name: 'Institute of Physics' });
  const missing = await api.form('POST', '/api/v2/users/create', { APIKEY: clientKey, password: 'secret-password', orgName: 'Institute of Physics', surname: 'Smith', testCount: '3' });
  assert.equal(missing.status, 400);
  assert.deepEqual(missing.json, { message: 'Missing email' });
  const unknownOrg = await api.form('POST', '/api/v2/users/create', { APIKEY: clientKey, email: 'x@uni.example', password: 'secret-password', orgName: 'Nowhere', surname: 'X', testCount: '1' });
  assert.equal(unknownOrg.status, 400);
  const created = await api.form('POST', '/api/v2/users/create', { APIKEY: clientKey, email: 'john.smith@uni.example', password: 'secret-password', orgName: 'Institute of Physics', name: 'John', surname: 'Smith', testCount: '1' });
  assert.equal(created.status, 200);
  assert.ok(isJsonObject(created), 'always a JSON object');
  const dup = await api.form('POST', '/api/v2/users/create', { APIKEY: clientKey, email: 'john.smith@uni.example', password: 'secret-password', orgName: 'Institute of Physics', name: 'John', surname: 'Smith', testCount: '1' });
  assert.equal(dup.status, 400);
  await api.form('POST', '/api/v2/users/create', { APIKEY: clientKey, email: 'tom.bradley@uni.example', password: 'secret-password', orgName: 'Institute of Physics', name: 'Tomas', surname: 'Bradley', testCount: '12' });

  const got = await api.get('/api/v2/users', { APIKEY: clientKey, email: 'john.smith@uni.example' });
  assert.equal(got.status, 200);
  assert.deepEqual(got.json, { orgUnitName: 'Institute of Physics', email: 'john.smith@uni.example', name: 'John', surname: 'Smith', testCount: 1 });
  const unknown = await api.get('/api/v2/users', { APIKEY: clientKey, email: 'nobody@uni.example' });
  assert.equal(unknown.status, 400);
  assert.equal(typeof unknown.json.message, 'string');

  const byOrg = await api.get('/api/v2/users/list', { APIKEY: clientKey, orgName: 'Institute of Physics' });
  assert.equal(byOrg.status, 200);
  assert.deepEqual(byOrg.json.users.map((u: { email: string }) => u.email).sort(), ['john.smith@uni.example', 'tom.bradley@uni.example']);
  const bySurname = await api.get('/api/v2/users/list', { APIKEY: clientKey, surname: 'Bradley' });
  assert.deepEqual(bySurname.json.users, [{ orgUnitName: 'Institute of Physics', email: 'tom.bradley@uni.example', name: 'Tomas', surname: 'Bradley', testCount: 12 }]);

  // John checks one document with his own key: his only test.
  const johnId = (await native.get('/api/v1/users?email=john.smith%40uni.example')).body.items[0].id;
  const johnKey = (await native.post('/api/v1/api-keys', { level: 'user', user_id: johnId, vendor: 'plagiat' })).body.key as string;
  const first = await upload({ APIKEY: johnKey });
  assert.equal(first.status, 200);
  assert.equal(first.json.status, 'new');
  assert.equal((await api.get('/api/v2/users', { APIKEY: clientKey, email: 'john.smith@uni.example' })).json.testCount, 0);
  const second = await upload({ APIKEY: johnKey });
  assert.equal(second.status, 403);
  assert.equal(second.json.status, 'error');
  assert.match(second.json.message, /testCount/);
  const indexOnly = await upload({ APIKEY: johnKey, action: 'index' });
  assert.equal(indexOnly.status, 200, 'indexing is not an analysis');

  const updated = await api.form('POST', '/api/v2/users/update', { APIKEY: clientKey, email: 'john.smith@uni.example', newEmail: 'j.smith@uni.example', testCount: '5', surname: 'Smythe' });
  assert.equal(updated.status, 200);
  const after = await api.get('/api/v2/users', { APIKEY: clientKey, email: 'j.smith@uni.example' });
  assert.deepEqual(after.json, { orgUnitName: 'Institute of Physics', email: 'j.smith@uni.example', name: 'John', surname: 'Smythe', testCount: 5 });

  const del = await api.form('DELETE', '/api/v2/users', { APIKEY: clientKey, email: 'j.smith@uni.example' });
  assert.equal(del.status, 200);
  assert.equal((await api.get('/api/v2/users', { APIKEY: clientKey, email: 'j.smith@uni.example' })).status, 400);
});

test('documents/add (PHP client multipart) and documents: every field the clients read', async () => {
  const noFile = await api.multipart('/api/v2/documents/add', { APIKEY: userKey, languageCode: 'en', title: 'T', author: 'A', coordinator: 'C' });
  assert.equal(noFile.status, 400);
  assert.deepEqual(noFile.json, { status: 'error', message: 'Missing file' });
  const badAction = await upload({ APIKEY: userKey, action: 'publish' });
  assert.equal(badAction.status, 400);
  assert.deepEqual(badAction.json, { status: 'error', message: 'Invalid action' });

  const added = await upload({ APIKEY: userKey });
  assert.equal(added.status, 200);
  assert.ok(added.type.startsWith('application/json'));
  assert.equal(added.json.status, 'new');
  assert.equal(added.json.message, 'New document has been added');
  assert.match(added.json.id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'a new GUID');

  const first = await api.get('/api/v2/documents', { id: added.json.id, APIKEY: userKey });
  assert.equal(first.status, 200);
  assert.equal(first.json.title, 'Water cycle');
  assert.equal(first.json.author, 'Jan Kowalski');
  assert.equal(first.json.coordinator, 'Dr Anna Nowak');
  assert.equal(typeof first.json.indexed, 'boolean');
  assert.ok('document-size' in first.json);
  assert.equal(first.json.md5sum, createHash('md5').update(ESSAY).digest('hex'));

  const done = await ready(added.json.id);
  const d = done.json;
  assert.equal(d['report-ready'], true);
  assert.equal(d.reportReady, true);
  assert.equal(d.status, 'checked');
  assert.equal(d.indexed, false);
  assert.equal(d['document-size'], ESSAY.length);
  assert.equal(d.documentSize, ESSAY.length);
  assert.equal(typeof d.factor1, 'number');
  assert.equal(typeof d.factor2, 'number');
  assert.equal(d['foreign-alphabet-alert'], 0);
  assert.equal(d.quotationsFactor, 0, 'nothing is quoted');
  for (const absent of ['factor3', 'factor4', 'factor5', 'internetSourcesFactor', 'otherSourcesFactor', 'legalSourcesFactor', 'refbooksSourcesFactor', 'reversedFactor1']) {
    assert.equal(absent in d, false, `${absent} is not computed and so not sent`);
  }
  assert.equal('cross-checks' in d, false, 'no assignmentId: no cross-checks');

  const byMd5 = await api.get('/api/v2/documents', { md5sum: d.md5sum, APIKEY: userKey });
  assert.equal(byMd5.status, 200);
  assert.equal(byMd5.json.title, 'Water cycle');
  const unknown = await api.get('/api/v2/documents', { id: 'fake_document_id', APIKEY: userKey });
  assert.equal(unknown.status, 400);
  assert.deepEqual(unknown.json, { message: 'Unknown document ID' });
});

test('documents/add: client-chosen id, Chamilo JSON upload and metadata by POST, the Cloudflare proxy with an account key', async () => {
  const chosen = await upload({ APIKEY: userKey, id: 'moodle-submission-42', callbackUrl: 'https://lms.example.edu/never' });
  assert.equal(chosen.status, 200);
  assert.equal(chosen.json.id, 'moodle-submission-42');
  const again = await upload({ APIKEY: userKey, id: 'moodle-submission-42' });
  assert.equal(again.status, 400);
  assert.equal(again.json.status, 'error');

  const chamilo = await api.json('POST', '/api/v2/documents/add', {
    apiKey: userKey, languageCode: 'en', action: 'check', id: 'chamilo-7', title: 'Chamilo essay', author: ['A. Author', 'B. Coauthor'], coordinator: ['C. Promoter'],
    documentKind: '6', userEmail: 'teacher@uni.example', file: Buffer.from(ESSAY).toString('base64'),
  });
  assert.equal(chamilo.status, 200, chamilo.text);
  assert.equal(chamilo.json.id, 'chamilo-7');
  const meta = await api.json('POST', '/api/v2/documents', { apiKey: userKey, id: 'chamilo-7' });
  assert.equal(meta.status, 200);
  assert.equal(meta.json.author, 'A. Author, B. Coauthor');
  assert.equal(meta.json.md5sum, createHash('md5').update(ESSAY).digest('hex'));

  const mismatch = await upload({ APIKEY: userKey, userEmail: 'someone.else@uni.example' });
  assert.equal(mismatch.status, 403, 'a user-level key only uploads for its own user');

  const proxy = await api.multipart('/api/v2/documents/add', { APIKEY: clientKey, title: 'Proxy upload', userEmail: 'teacher@uni.example', action: 'check' }, { name: 'p.txt', bytes: ESSAY });
  assert.equal(proxy.status, 200);
  const unknownUser = await api.multipart('/api/v2/documents/add', { APIKEY: clientKey, title: 'Proxy upload', userEmail: 'ghost@uni.example', action: 'check' }, { name: 'p.txt', bytes: ESSAY });
  assert.equal(unknownUser.status, 400);
  assert.deepEqual(unknownUser.json, { status: 'error', message: 'Unknown userEmail' });
});

test('documents/report: HTML by default in the layout the PHP client scrapes, short, lang, JSON by Accept, PDF', async () => {
  const added = await upload({ APIKEY: userKey, id: 'report-doc' });
  await ready('report-doc');
  const html = await api.get('/api/v2/documents/report', { id: 'report-doc', APIKEY: userKey });
  assert.equal(html.status, 200);
  assert.match(html.type, /^text\/html; charset=UTF-8/i);
  for (const needle of ['class="report-title"', 'class="report-info"', 'class="similarity-info"', 'class="similarity-info-wp1"', 'class="percent"', 'class="similarity-info-citations"', 'class="similarity-info-desc"', 'class="similarity-info-wpbap"', 'id="active-longest-table"']) {
    assert.ok(html.text.includes(needle), needle);
  }
  assert.match(html.text, /<div class="report-title"><p>Water cycle<\/p><\/div>/);
  assert.match(html.text, /<div class="report-info"><p>Jan Kowalski<\/p><p>Dr Anna Nowak<\/p><\/div>/);
  assert.ok(html.text.includes('class="report-text"'), 'the full report has the text');
  const short = await api.get('/api/v2/documents/report', { id: 'report-doc', APIKEY: userKey, short: 'true' });
  assert.equal(short.status, 200);
  assert.ok(!short.text.includes('class="report-text"'));
  const pl = await api.get('/api/v2/documents/report', { id: 'report-doc', APIKEY: userKey, lang: 'pl' });
  assert.ok(pl.text.includes('Raport podobieństwa'));

  const json = await api.get('/api/v2/documents/report', { id: 'report-doc', APIKEY: userKey }, { accept: 'application/json' });
  assert.equal(json.status, 200);
  assert.ok(isJsonObject(json));
  assert.equal(json.json.id, added.json.id);
  assert.equal(json.json.status, 'success');
  assert.equal(json.json.title, 'Water cycle');
  assert.equal(json.json.author, 'Jan Kowalski');
  assert.equal(json.json.coordinator, 'Dr Anna Nowak');
  assert.equal(typeof json.json.similarity_1, 'number');
  assert.equal(typeof json.json.similarity_2, 'number');

  const pdf = await api.get('/api/v2/documents/report', { id: 'report-doc', APIKEY: userKey, pdf: 'true' });
  assert.equal(pdf.status, 200);
  assert.match(pdf.type, /^text\/pdf/, 'the spec names text/pdf');
  assert.ok(pdf.text.startsWith('%PDF-'));
  const asked = await api.get('/api/v2/documents/report', { id: 'report-doc', APIKEY: userKey, pdf: 'true', short: 'true' }, { accept: 'application/pdf' });
  assert.equal(asked.status, 200);
  assert.equal(asked.type, 'application/pdf');
  assert.ok(asked.text.startsWith('%PDF-'));
  const unknown = await api.get('/api/v2/documents/report', { id: 'nope', APIKEY: userKey });
  assert.equal(unknown.status, 400);
  assert.deepEqual(unknown.json, { message: 'Unknown document ID' });
});

test('reference database, reject, send-for-correction, protocols, remove', async () => {
  await upload({ APIKEY: userKey, id: 'life-cycle' });
  await ready('life-cycle');
  const doc = async () => (await api.get('/api/v2/documents', { id: 'life-cycle', APIKEY: userKey })).json;
  // The PHP client posts these as multipart with id and APIKEY; Chamilo as JSON with apiKey and documentId.
  const add = await api.multipart('/api/v2/documents/add-to-database', { id: 'life-cycle', APIKEY: userKey });
  assert.equal(add.status, 200);
  assert.deepEqual(add.json, { status: 'success', message: 'Document has been added to database' });
  assert.equal((await doc()).indexed, true);
  const rm = await api.json('POST', '/api/v2/documents/remove-from-database', { apiKey: userKey, documentId: 'life-cycle' });
  assert.equal(rm.status, 200);
  assert.equal(rm.json.status, 'success');
  assert.equal((await doc()).indexed, false);

  const reject = await api.multipart('/api/v2/documents/reject', { id: 'life-cycle', APIKEY: userKey });
  assert.equal(reject.status, 200);
  assert.equal(reject.json.status, 'success');
  assert.equal((await doc()).status, 'rejected');
  const correction = await api.form('POST', '/api/v2/documents/send-for-correction', { id: 'life-cycle', APIKEY: userKey });
  assert.equal(correction.status, 200);
  assert.equal((await doc()).status, 'sent-for-correction');

  const protocols = await api.get('/api/v2/documents/protocols', { id: 'life-cycle', APIKEY: userKey });
  assert.equal(protocols.status, 200);
  assert.deepEqual(protocols.json, { status: 'success', protocols: [] });

  const missingId = await api.multipart('/api/v2/documents/remove', { APIKEY: userKey });
  assert.equal(missingId.status, 400);
  assert.equal(missingId.json.status, 'error');
  const removed = await api.multipart('/api/v2/documents/remove', { id: 'life-cycle', APIKEY: userKey });
  assert.equal(removed.status, 200);
  assert.equal(removed.json.status, 'success');
  assert.equal((await api.get('/api/v2/documents', { id: 'life-cycle', APIKEY: userKey })).status, 400);
});

test('action=index only indexes: status "indexed", indexed true, no report', async () => {
  const added = await upload({ APIKEY: userKey, action: 'index', id: 'reference-1' });
  assert.equal(added.status, 200);
  const done = await ready('reference-1');
  assert.equal(done.json.status, 'indexed');
  assert.equal(done.json.indexed, true);
  assert.equal(done.json['report-ready'], false);
  const report = await api.get('/api/v2/documents/report', { id: 'reference-1', APIKEY: userKey });
  assert.equal(report.status, 400);
});

test('report/api/token: a 24-hour JWT opening the viewer (view or edit); bad requests in the token service shape; expired links redirect to origins the organisation lists', async () => {
  await upload({ APIKEY: userKey, id: 'token-doc' });
  await ready('token-doc');
  // An expirationRedirection on an origin the organisation did not list is left out of the token (no open redirect).
  const unlisted = await api.json('POST', '/report/api/token', { documentId: 'token-doc', apiKey: userKey, viewOnly: true, expirationRedirection: 'http://lms.example/document/4332/report' });
  assert.equal(unlisted.status, 200);
  assert.equal(JSON.parse(Buffer.from(unlisted.text.split('.')[1], 'base64url').toString()).redirect, undefined);
  const orgId = (await native.get('/api/v1/me')).body.organisation_id;
  assert.equal((await native.patch(`/api/v1/organisations/${orgId}`, { settings: { redirect_origins: ['http://lms.example'] } })).status, 200);
  const res = await api.json('POST', '/report/api/token', { documentId: 'token-doc', apiKey: userKey, viewOnly: true, expirationRedirection: 'http://lms.example/document/4332/report' });
  assert.equal(res.status, 200);
  assert.match(res.type, /^text\/html/);
  const token = res.text;
  assert.match(token, /^[\w-]+\.[\w-]+\.[\w-]+$/);
  const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
  assert.equal(claims.exp - claims.iat, 24 * 3600);
  // The report page checks the token and hands the reader on to Origo's viewer, read-only.
  const hop = await fetch(`${server.url}/plagiat/report/?auth=${token}`, { redirect: 'manual' });
  assert.equal(hop.status, 302);
  const viewerUrl = hop.headers.get('location')!;
  assert.match(viewerUrl, /\/viewer\/[\w-]+\.[\w-]+\.[\w-]+$/);
  const viewerClaims = JSON.parse(Buffer.from(viewerUrl.split('/viewer/')[1].split('.')[1], 'base64url').toString());
  assert.equal(viewerClaims.mode, 'view');
  assert.equal(viewerClaims.redirect, 'http://lms.example/document/4332/report');
  assert.ok(viewerClaims.exp - viewerClaims.iat > 24 * 3600 - 120, 'the viewer link lives as long as the token');
  const page = await fetch(viewerUrl);
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-type') ?? '', /text\/html/);
  const editable = await api.json('POST', '/report/api/token', { documentId: 'token-doc', apiKey: userKey, viewOnly: false });
  const editHop = await fetch(`${server.url}/plagiat/report/?auth=${editable.text}`, { redirect: 'manual' });
  const editClaims = JSON.parse(Buffer.from(editHop.headers.get('location')!.split('/viewer/')[1].split('.')[1], 'base64url').toString());
  assert.equal(editClaims.mode, 'edit', 'viewOnly false opens the viewer in edit mode');
  // At the root of the second port (no viewer there, no ORIGO_PUBLIC_URL) the read-only page is served directly.
  const rootPage = await fetch(`http://127.0.0.1:${rootPort}/report/?auth=${token}`, { redirect: 'manual' });
  assert.equal(rootPage.status, 200);
  assert.match(rootPage.headers.get('content-type') ?? '', /text\/html/);

  const bad = await api.json('POST', '/report/api/token', { documentId: 'no-such-doc', apiKey: userKey, viewOnly: true });
  assert.equal(bad.status, 400);
  assert.equal(bad.json.status, 400);
  assert.equal(bad.json.error, 'Bad Request');
  assert.equal(bad.json.message, 'Invalid documentId.');
  assert.equal(bad.json.path, '/api/token');
  assert.ok(typeof bad.json.timestamp === 'string');
  const badKey = await api.json('POST', '/report/api/token', { documentId: 'token-doc', apiKey: 'wrong' });
  assert.equal(badKey.status, 400);

  const invalid = await fetch(`${server.url}/plagiat/report/?auth=not.a.token`, { redirect: 'manual' });
  assert.equal(invalid.status, 403);
  // A token signed by this server that expired an hour ago sends the reader to expirationRedirection.
  const now = Math.floor(Date.now() / 1000);
  const expired = await new SignJWT({ org: claims.org, doc: claims.doc, pid: 'token-doc', viewOnly: true, redirect: 'http://lms.example/document/4332/report' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setIssuer('origo').setAudience(claims.aud).setSubject(claims.sub)
    .setIssuedAt(now - 90_000).setExpirationTime(now - 3600).sign(new TextEncoder().encode(JWT_SECRET));
  const gone = await fetch(`${server.url}/plagiat/report/?auth=${expired}`, { redirect: 'manual' });
  assert.equal(gone.status, 302);
  assert.equal(gone.headers.get('location'), 'http://lms.example/document/4332/report');
});

test('aiDetectionFactor: a share from the AI detector for a text long enough to judge, absent for a short one', async () => {
  const long = Array.from({ length: 10 }, (_, i) => `${ESSAY} This is paragraph number ${i} of the longer essay.`).join('\n\n');
  await upload({ APIKEY: userKey, id: 'long-essay' }, long);
  const d = (await ready('long-essay')).json;
  assert.equal(typeof d.aiDetectionFactor, 'number');
  assert.ok(d.aiDetectionFactor >= 0 && d.aiDetectionFactor <= 1);
  // A person's essay is not flagged by the calibrated detector: no share is reported.
  assert.equal(d.aiDetectionFactor, 0);
  await upload({ APIKEY: userKey, id: 'short-essay' });
  assert.equal('aiDetectionFactor' in (await ready('short-essay')).json, false);
});

test('aiDetectionFactor: absent for a program file, whatever its length: the detector judges prose, not source code', async () => {
  // A Python file of well over 150 words, uploaded as LMS plugins upload any file.
  const program = Array.from({ length: 12 }, (_, i) =>
    `def scaled_total_${i}(items, factor=${i}):\n    """Return the scaled total of the items in the list."""\n    total = 0\n    for item in items:\n        if item is None:\n            continue\n        total += item * factor\n    return total\n`,
  ).join('\n');
  assert.ok(program.split(/\s+/).length >= 300);
  await upload({ APIKEY: userKey, id: 'program-file', title: 'Lab 3' }, program, 'lab3.py');
  const d = (await ready('program-file')).json;
  assert.equal(d.status, 'checked', JSON.stringify(d));
  assert.equal('aiDetectionFactor' in d, false, JSON.stringify(d));
  // The native report of the same document says why.
  const listed = await native.get('/api/v1/documents?limit=200');
  const doc = listed.body.items.find((x: { title: string }) => x.title === 'Lab 3');
  assert.ok(doc, JSON.stringify(listed.body));
  const report = await native.get(`/api/v1/documents/${doc.id}/report`);
  assert.equal(report.status, 200, JSON.stringify(report.body));
  assert.equal(report.body.ai.status, 'not_applicable', JSON.stringify(report.body.ai));
  assert.equal(report.body.ai.available, false);
});

test('served at the root of a second port for clients with hard-coded paths', async () => {
  const root = plagiatClient(`http://127.0.0.1:${rootPort}`);
  const orgs = await root.get('/api/v2/orgs', { APIKEY: clientKey });
  assert.equal(orgs.status, 200);
  assert.ok(Array.isArray(orgs.json.orgs));
  const doc = await root.get('/api/v2/documents', { id: 'nope', APIKEY: userKey });
  assert.deepEqual(doc.json, { message: 'Unknown document ID' });
});

test('documents/add: a file or title of the wrong JSON type is 400 "Invalid file" / "Invalid title", and nothing is added', async () => {
  const base = { apiKey: userKey, languageCode: 'en', action: 'index', author: 'A. Author', coordinator: 'C. Promoter' };
  const cases: [Record<string, unknown>, string][] = [
    [{ id: 'typed-1', title: 'Typed essay', file: 12 }, 'Invalid file'],
    [{ id: 'typed-2', title: 'Typed essay', file: { data: 'abc' } }, 'Invalid file'],
    [{ id: 'typed-3', title: [1], file: Buffer.from(ESSAY).toString('base64') }, 'Invalid title'],
    [{ id: 'typed-4', title: 42, file: Buffer.from(ESSAY).toString('base64') }, 'Invalid title'],
  ];
  for (const [fields, message] of cases) {
    const r = await api.json('POST', '/api/v2/documents/add', { ...base, ...fields });
    assert.equal(r.status, 400, JSON.stringify(fields));
    assert.deepEqual(r.json, { status: 'error', message });
    const meta = await api.get('/api/v2/documents', { id: String(fields.id), APIKEY: userKey });
    assert.deepEqual(meta.json, { message: 'Unknown document ID' }, 'a refused upload leaves no document');
  }
  // The same upload with the spec's String types is taken.
  const good = await api.json('POST', '/api/v2/documents/add', { ...base, id: 'typed-5', title: 'Typed essay', file: Buffer.from(ESSAY).toString('base64') });
  assert.equal(good.status, 200, good.text);
  assert.equal(good.json.id, 'typed-5');
});

test('documents/add: ids are one space per organisation; another instructor reusing one learns only that it is taken', async () => {
  const other = await native.post('/api/v1/users', { email: 'other.teacher@uni.example', name: 'Piotr Zielinski', role: 'instructor' });
  assert.equal(other.status, 201);
  const key = await native.post('/api/v1/api-keys', { level: 'user', user_id: other.body.id, vendor: 'plagiat', name: 'Other Moodle' });
  assert.equal(key.status, 201);
  const mine = await upload({ APIKEY: userKey, id: 'shared-space-1', title: 'Private title' });
  assert.equal(mine.status, 200);
  const theirs = await upload({ APIKEY: key.body.key, id: 'shared-space-1', title: 'Their essay' });
  assert.equal(theirs.status, 400);
  assert.deepEqual(theirs.json, { status: 'error', message: 'Document with this id already exists' }, 'no title, owner or other detail');
  const peek = await api.get('/api/v2/documents', { id: 'shared-space-1', APIKEY: key.body.key });
  assert.equal(peek.status, 400);
  assert.deepEqual(peek.json, { message: 'Unknown document ID' }, 'the other instructor still cannot see the document');
  const own = await api.get('/api/v2/documents', { id: 'shared-space-1', APIKEY: userKey });
  assert.equal(own.json.title, 'Private title');
});
