/**
 * The PlagScan API v3 through a started server, replaying what real clients send:
 *
 *   token      Moodle multipart · ruby JSON (absolute-form target) · deseret JSON · dangchuong form + grant_type
 *   access     access_token in the query or the form body · missing/invalid token · IP allow lists per key
 *   users      search by email → object · list · get · create (409) · PATCH settings in the query / PATCH as read
 *   documents  ruby JSON text · deseret form text (duplicate within 5 s) · Moodle file · check 204 · status
 *   errors     the exact `{error:{code,message}}` strings the Moodle plugin compares
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { apiClient, freePort, startProcess, tempDir, waitFor, type ServerProcess } from '../../testing/server-process.js';
import { absoluteForm, dangchuongClient, deseretClient, moodleClient, rubyClient, viaFetch } from '../../testing/plagscan-clients.js';
import { MESSAGES } from './wire-errors.js';

const KEY = 'plagscan-clients-admin-key-0123456789';
const ESSAY = 'Photosynthesis converts light energy into chemical energy stored in glucose, and it takes place in the chloroplasts of green plants, algae and some bacteria.';
const dir = tempDir();
let server: ServerProcess;
let base: string;
let orgId: string;
let rootPort: number;

before(async () => {
  rootPort = await freePort();
  server = await startProcess({ ORIGO_DATA_DIR: dir.path, ORIGO_ADMIN_KEY: KEY, ORIGO_WORKERS: '1', ORIGO_LOG_LEVEL: 'warn', ORIGO_COMPAT_ROOT_PLAGSCAN_PORT: String(rootPort) });
  base = `${server.url}/plagscan/v3`;
  orgId = (await apiClient(server.url, KEY).get('/api/v1/me')).body.organisation_id;
});
after(async () => {
  await server?.kill('SIGTERM');
  dir.remove();
});

test('GET /ping answers 200, also to an absolute-form request target', async () => {
  assert.equal((await moodleClient(base, orgId, KEY).ping()).status, 200);
  const r = await rubyClient(base).ping();
  assert.equal(r.status, 200);
});

test('POST /token: multipart (Moodle), JSON (ruby, deseret), form with grant_type (dangchuong)', async () => {
  const moodle = await moodleClient(base, orgId, KEY).token();
  assert.ok(moodle && moodle.length > 20);
  const ruby = await rubyClient(base).token(orgId, KEY);
  assert.equal(ruby.status, 200);
  for (const r of [ruby, await deseretClient(base).token(orgId, KEY), await dangchuongClient(base).token(orgId, KEY)]) {
    assert.equal(r.status, 200);
    assert.equal(typeof r.body.access_token, 'string');
    assert.equal(r.body.expires_in, 3600);
    assert.equal(r.body.token_type, 'Bearer');
    assert.equal(r.body.scope, null);
  }
  // Wrong secret or wrong organisation: 401 with error.message (deseret reads it).
  const bad = await deseretClient(base).token(orgId, 'not-a-key');
  assert.equal(bad.status, 401);
  assert.deepEqual(bad.body, { error: { code: 401, message: MESSAGES.badCredentials } });
  assert.equal((await deseretClient(base).token('org_somebodyelse', KEY)).status, 401);
  const missing = await viaFetch(`${base}/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  assert.equal(missing.status, 400);
  assert.equal(typeof missing.body.error.message, 'string');
});

test('access_token is required on every call, in the query or the body; unknown URLs are 404 in PlagScan form', async () => {
  const none = await viaFetch(`${base}/users`, { method: 'GET' });
  assert.equal(none.status, 401);
  assert.deepEqual(none.body, { error: { code: 401, message: MESSAGES.tokenMissing } });
  const invalid = await viaFetch(`${base}/users?access_token=abc.def.ghi`, { method: 'GET' });
  assert.equal(invalid.status, 401);
  assert.equal(invalid.body.error.message, MESSAGES.tokenInvalid);
  const nowhere = await viaFetch(`${base}/nowhere`, { method: 'GET' });
  assert.equal(nowhere.status, 404);
  assert.deepEqual(nowhere.body, { error: { code: 404, message: MESSAGES.notFound } });
});

test('IP restriction per API key: single address, range, CIDR and wildcard lists', async () => {
  const admin = apiClient(server.url, KEY);
  const make = async (allowed: string) => (await admin.post('/api/v1/api-keys', { name: `ps ${allowed}`, vendor: 'plagscan', allowed_ips: allowed })).body.key as string;
  const elsewhere = await make('10.0.0.0/8, 192.0.2.7');
  const refused = await deseretClient(base).token(orgId, elsewhere);
  assert.equal(refused.status, 403);
  assert.equal(refused.body.error.message, MESSAGES.ipNotAllowed);
  for (const allowed of ['127.0.0.1', '127.0.0.0-127.0.0.9', '127.0/8', '127.0.0.*']) {
    const r = await deseretClient(base).token(orgId, await make(allowed));
    assert.equal(r.status, 200, allowed);
  }
  const unreadable = await admin.post('/api/v1/api-keys', { vendor: 'plagscan', allowed_ips: '127.0.0.1, banana' });
  assert.equal(unreadable.status, 422);
  // Narrowing the list of a key ends the use of its tokens from other addresses.
  const created = await admin.post('/api/v1/api-keys', { vendor: 'plagscan', allowed_ips: '127.0.0.1' });
  const token = (await deseretClient(base).token(orgId, created.body.key)).body.access_token;
  assert.equal((await viaFetch(`${base}/users?access_token=${token}`, { method: 'GET' })).status, 200);
  assert.equal((await admin.patch(`/api/v1/api-keys/${created.body.id}`, { allowed_ips: '10.1.2.3' })).status, 200);
  const after = await viaFetch(`${base}/users?access_token=${token}`, { method: 'GET' });
  assert.equal(after.status, 403);
  // A key made for another vendor is no PlagScan client_secret.
  const other = await admin.post('/api/v1/api-keys', { vendor: 'codequiry' });
  assert.equal((await deseretClient(base).token(orgId, other.body.key)).status, 401);
});

test('users: Moodle search, create (409 on duplicates), settings through PATCH; ruby lists', async () => {
  const moodle = moodleClient(base, orgId, KEY);
  const email = 'teacher.one@example.edu';
  const notYet = await moodle.withToken(`/users?searchByEmail=${email}`, 'GET');
  assert.equal(notYet.status, 404);
  assert.equal(notYet.body.error.message, MESSAGES.userMissing);
  const created = await moodle.withToken('/users', 'POST', { email, username: email, firstname: 'Ada', lastname: 'Lovelace' });
  assert.equal(created.status, 201);
  const userID = Number(created.body.data.userID);
  assert.ok(userID > 0);
  const again = await moodle.withToken('/users', 'POST', { email, username: email, firstname: 'Ada', lastname: 'Lovelace' });
  assert.equal(again.status, 409);
  const found = await moodle.withToken(`/users?searchByEmail=${email}`, 'GET');
  assert.equal(found.status, 200);
  assert.ok(!Array.isArray(found.body.data), 'an object, not a list');
  assert.equal(Number(found.body.data.userID), userID);
  const one = await moodle.withToken(`/users/${userID}`, 'GET');
  assert.equal(one.body.data.email, email);
  assert.equal(one.body.data.firstname, 'Ada');
  assert.equal(one.body.data.lastname, 'Lovelace');
  assert.equal(one.body.data.username, email);
  assert.equal(one.body.data.internalID, String(userID));

  // PATCH without parameters reads the settings; with them (query string) it writes.
  const read = await moodle.withToken(`/users/${userID}`, 'PATCH');
  assert.equal(read.status, 200);
  assert.equal(read.body.data.redLevel, '50');
  assert.equal(read.body.data.yellowLevel, '10');
  const written = await moodle.withToken(`/users/${userID}`, 'PATCH', { language: 0, emailPolicy: 0, checkWeb: 0, checkOwnWorkspace: 1, checkOwnRepository: 1, checkOrgaRepository: 1, checkPS: 0, cleanupPolicy: 0, docxPolicy: 1, detailPolicy: 1, redLevel: 300, yellowLevel: 120 }, null, true);
  assert.equal(written.status, 200);
  assert.equal(written.body.data.redLevel, '300');
  assert.equal(written.body.data.yellowLevel, '120');
  assert.equal((await moodle.withToken(`/users/${userID}`, 'PATCH')).body.data.redLevel, '300', 'kept');
  const badLevel = await moodle.withToken(`/users/${userID}`, 'PATCH', { redLevel: 'lots' }, null, true);
  assert.equal(badLevel.status, 422);

  const ruby = rubyClient(base);
  const token = (await ruby.token(orgId, KEY)).body.access_token;
  const list = await ruby.users(token, { start: 0, limit: 50 });
  assert.equal(list.status, 200);
  const listed = list.body.data.find((u: { email: string }) => u.email === email);
  assert.deepEqual(Object.keys(listed).sort(), ['deptID', 'email', 'firstname', 'internalID', 'language', 'lastname', 'title', 'username']);
  assert.equal(listed.internalID, String(userID));
  const missing = await moodle.withToken('/users/987654', 'GET');
  assert.equal(missing.body.error.message, MESSAGES.userMissing);
});

test('documents: ruby JSON text, deseret form text with the 5-second duplicate rule, Moodle file; check 204; status', async () => {
  const ruby = rubyClient(base);
  const token = (await ruby.token(orgId, KEY)).body.access_token;
  const created = await ruby.createText(token, ESSAY, { textname: 'Photosynthesis', toRepository: false, saveOrig: 1 });
  assert.equal(created.status, 201);
  const rubyDoc = created.body.data.docID;
  assert.equal(typeof rubyDoc, 'number');
  assert.match(created.body.data.location, new RegExp(`/v3/documents/${rubyDoc}$`));

  const deseret = deseretClient(base);
  const dtoken = (await deseret.token(orgId, KEY)).body.access_token;
  const text = `${ESSAY} Deseret's copy adds a sentence of its own about leaves.`;
  const first = await deseret.submitText(dtoken, text, 'leaves');
  const second = await deseret.submitText(dtoken, text, 'leaves');
  assert.equal(first.status, 201);
  assert.equal(second.status, 201);
  assert.equal(second.body.data.docID, first.body.data.docID, 'the same content within 5 seconds returns the earlier docID');
  const different = await deseret.submitText(dtoken, `${text} And one more.`, 'leaves');
  assert.notEqual(different.body.data.docID, first.body.data.docID);

  const moodle = moodleClient(base, orgId, KEY);
  const up = await moodle.withToken('/documents', 'POST', { userID: '', toRepository: false }, [{ filename: 'essay.txt', mimetype: 'text/plain', content: ESSAY.toUpperCase() }]);
  assert.equal(up.status, 201);
  assert.equal(typeof up.body.data.docID, 'number');

  // Autocheck is off by default: converted, not started (0), until PUT /check.
  const dang = dangchuongClient(base);
  const ctoken = (await dang.token(orgId, KEY)).body.access_token;
  const notStarted = await waitFor('conversion', async () => {
    const s = await dang.status(ctoken, rubyDoc);
    return s.body.data.status === 0 ? s : undefined;
  }, 30_000, 100);
  assert.equal(notStarted.body.data.docID, rubyDoc);
  assert.ok(notStarted.body.data.words > 20);
  const noReport = await ruby.retrieve(token, rubyDoc, 0);
  assert.equal(noReport.status, 404);
  assert.equal(noReport.body.error.message, MESSAGES.noReport);
  const check = await dang.check(ctoken, rubyDoc);
  assert.equal(check.status, 204);
  assert.equal(check.text, '');
  const rubyCheck = await ruby.check(token, first.body.data.docID);
  assert.equal(rubyCheck.status, 204);
  const report = await waitFor('the check', async () => {
    const r = await ruby.retrieve(token, rubyDoc, 0);
    return r.status === 200 ? r : undefined;
  }, 60_000, 200);
  assert.equal(typeof report.body.data.plagLevel, 'number');
  assert.ok(report.body.data.plagLevel >= 0 && report.body.data.plagLevel <= 1000);
  assert.equal((await dang.status(ctoken, rubyDoc)).body.data.status, 3);
  // deseret passes highlight and modes 6/10 through to its caller.
  const hl = await deseret.highlight(dtoken, rubyDoc);
  assert.equal(hl.status, 200);
  assert.match(hl.headers['content-type'], /text\/html/);
  assert.ok(hl.text.includes('Photosynthesis converts light energy'));
  const html = await deseret.retrieve(dtoken, rubyDoc, 6);
  assert.equal(html.status, 200);
  assert.match(html.headers['content-type'], /text\/html/);
  assert.ok(html.text.includes('Photosynthesis converts light energy'));
  const link = await deseret.retrieve(dtoken, rubyDoc, 10);
  assert.equal(link.status, 200);
  assert.equal((await fetch(link.body.data.reportLink)).status, 200);

  const unknown = await ruby.retrieve(token, 99_999_999, 0);
  assert.equal(unknown.body.error.message, MESSAGES.documentNotInInstitution);
  const badMode = await ruby.retrieve(token, rubyDoc, 42);
  assert.equal(badMode.status, 422);
  const nothing = await viaFetch(`${base}/documents?access_token=${token}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"textname":"empty"}' });
  assert.equal(nothing.status, 400);
});

test('user tokens: a token for a user submits as that user and cannot reach administrator calls', async () => {
  const moodle = moodleClient(base, orgId, KEY);
  const created = await moodle.withToken('/users', 'POST', { email: 'student.user@example.edu', username: 'student.user', firstname: 'Stu', lastname: 'Dent' });
  const userID = created.body.data.userID;
  const tokenReply = await viaFetch(`${base}/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ client_id: orgId, client_secret: KEY, user: userID }) });
  assert.equal(tokenReply.status, 200);
  const token = tokenReply.body.access_token;
  const doc = await rubyClient(base).createText(token, `${ESSAY} Written by a user token.`, { textname: 'mine' });
  assert.equal(doc.status, 201);
  const status = await dangchuongClient(base).status(token, doc.body.data.docID);
  assert.equal(status.body.data.userID, userID);
  const forbidden = await viaFetch(`${base}/users?access_token=${token}`, { method: 'GET' });
  assert.equal(forbidden.status, 403);
  const noUser = await viaFetch(`${base}/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ client_id: orgId, client_secret: KEY, user: 424242 }) });
  assert.equal(noUser.status, 404);
  assert.equal(noUser.body.error.message, MESSAGES.userMissing);
});

test('a student token is refused the repository list, as on the native API (repositories.read is for administrators and instructors)', async () => {
  const student = await apiClient(server.url, KEY).post('/api/v1/users', { email: 'repo.student@example.edu', name: 'Repo Student', role: 'student' });
  assert.equal(student.status, 201);
  const userID = (await moodleClient(base, orgId, KEY).withToken('/users?searchByEmail=repo.student@example.edu', 'GET')).body.data.userID;
  const tokenReply = await viaFetch(`${base}/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ client_id: orgId, client_secret: KEY, user: userID }) });
  assert.equal(tokenReply.status, 200);
  const token = tokenReply.body.access_token;
  const admin = await moodleClient(base, orgId, KEY).withToken('/repositories', 'GET');
  assert.equal(admin.status, 200);
  const repositoryID = admin.body.data[0].repositoryID;
  for (const path of ['/repositories', `/repositories/${repositoryID}`]) {
    const r = await viaFetch(`${base}${path}?access_token=${token}`, { method: 'GET' });
    assert.equal(r.status, 403, `${path} → ${r.status} ${JSON.stringify(r.body)}`);
    assert.equal(r.body.error.code, 403);
    assert.equal(typeof r.body.error.message, 'string');
  }
  // Nor can a student make the organisation call its callback URL.
  const cc = await viaFetch(`${base}/checkcallback?access_token=${token}`, { method: 'PUT' });
  assert.equal(cc.status, 403, JSON.stringify(cc.body));
  assert.equal(cc.body.error.code, 403);
});

test('absolute-form targets reach every route, not only ping', async () => {
  const token = (await rubyClient(base).token(orgId, KEY)).body.access_token;
  const r = await absoluteForm('GET', `${base}/repositories?access_token=${token}`);
  assert.equal(r.status, 200);
  assert.equal(r.body.data[0].isDefault, true);
  assert.equal(typeof r.body.data[0].repositoryID, 'number');
  const groups = await absoluteForm('POST', `${base}/groups?access_token=${token}`, { contentType: 'application/json', data: JSON.stringify({ name: 'Faculty of Science' }) });
  assert.equal(groups.status, 201);
  const list = await absoluteForm('GET', `${base}/groups?access_token=${token}`);
  assert.deepEqual(list.body.data.map((g: { name: string }) => g.name), ['Faculty of Science']);
  assert.equal((await absoluteForm('GET', `${base}/groups/${groups.body.data.groupID}?access_token=${token}`)).body.data.name, 'Faculty of Science');
  assert.equal((await absoluteForm('DELETE', `${base}/groups/${groups.body.data.groupID}?access_token=${token}`)).status, 204);
});

test('ORIGO_COMPAT_ROOT_PLAGSCAN_PORT serves the same API at /v3 on its own port, for hard-coded paths', async () => {
  const root = `http://127.0.0.1:${rootPort}/v3`;
  const ruby = rubyClient(root);
  assert.equal((await ruby.ping()).status, 200);
  const token = (await ruby.token(orgId, KEY)).body.access_token;
  const doc = await ruby.createText(token, `${ESSAY} Sent to the root port.`, { textname: 'root' });
  assert.equal(doc.status, 201);
  assert.equal(doc.body.data.location, `/v3/documents/${doc.body.data.docID}`);
  // One installation: the prefixed API sees the same document.
  const status = await dangchuongClient(base).status(token, doc.body.data.docID);
  assert.equal(status.status, 200);
  const nowhere = await viaFetch(`${root}/nowhere`, { method: 'GET' });
  assert.deepEqual(nowhere.body, { error: { code: 404, message: MESSAGES.notFound } });
});

test('a student token reading or patching another user of its organisation is refused as a role refusal, not as "doesn\'t belong to this institution"', async () => {
  const native = apiClient(server.url, KEY);
  for (const email of ['role.student@example.edu', 'role.peer@example.edu']) assert.equal((await native.post('/api/v1/users', { email, name: 'Role Person', role: 'student' })).status, 201);
  const moodle = moodleClient(base, orgId, KEY);
  const studentID = (await moodle.withToken('/users?searchByEmail=role.student@example.edu', 'GET')).body.data.userID;
  const peerID = (await moodle.withToken('/users?searchByEmail=role.peer@example.edu', 'GET')).body.data.userID;
  const tokenReply = await viaFetch(`${base}/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ client_id: orgId, client_secret: KEY, user: studentID }) });
  const token = tokenReply.body.access_token;
  for (const [method, query] of [['PATCH', '&redLevel=900'], ['PATCH', ''], ['GET', '']] as const) {
    const r = await viaFetch(`${base}/users/${peerID}?access_token=${token}${query}`, { method });
    assert.equal(r.status, 403, `${method} ${query}`);
    assert.deepEqual(r.body, { error: { code: 403, message: MESSAGES.adminOnly } });
  }
  assert.equal((await moodle.withToken(`/users/${peerID}`, 'PATCH')).body.data.redLevel, '50', 'the refused PATCH changed nothing');
  // Its own record stays reachable with the same token.
  const own = await viaFetch(`${base}/users/${studentID}?access_token=${token}&yellowLevel=20`, { method: 'PATCH' });
  assert.equal(own.status, 200);
  assert.equal(own.body.data.yellowLevel, '20');
});

test("another organisation's user ids are answered as ids that do not exist, to its administrator and its user tokens alike", async () => {
  const org = await apiClient(server.url, KEY).post('/api/v1/organisations', { name: 'PlagScan Tenant B', admin: { email: 'admin@plagscan-b.test', name: 'B' } });
  assert.equal(org.status, 201, JSON.stringify(org.body));
  const keyB = org.body.admin_api_key as string;
  const tenantB = moodleClient(base, (await apiClient(server.url, keyB).get('/api/v1/me')).body.organisation_id, keyB);
  const otherID = (await tenantB.withToken('/users', 'POST', { email: 'someone@plagscan-b.test', username: 'someone', firstname: 'Some', lastname: 'One' })).body.data.userID;
  assert.equal(typeof otherID, 'number');
  const moodle = moodleClient(base, orgId, KEY);
  const ownID = (await moodle.withToken('/users', 'POST', { email: 'prober@example.edu', username: 'prober', firstname: 'Pro', lastname: 'Ber' })).body.data.userID;
  const userToken = (await viaFetch(`${base}/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ client_id: orgId, client_secret: KEY, user: ownID }) })).body.access_token;
  const adminToken = (await viaFetch(`${base}/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ client_id: orgId, client_secret: KEY }) })).body.access_token;
  const neverUsed = otherID + 100_000;
  for (const token of [adminToken, userToken]) {
    for (const method of ['GET', 'PATCH'] as const) {
      const ask = (id: number) => viaFetch(`${base}/users/${id}?access_token=${token}`, { method });
      const [other, missing] = [await ask(otherID), await ask(neverUsed)];
      assert.deepEqual({ status: other.status, body: other.body }, { status: missing.status, body: missing.body }, method);
    }
  }
  const asAdmin = await viaFetch(`${base}/users/${otherID}?access_token=${adminToken}`, { method: 'GET' });
  assert.deepEqual({ status: asAdmin.status, body: asAdmin.body }, { status: 404, body: { error: { code: 404, message: MESSAGES.userMissing } } });
});

test("mode 10: a report link made for a student is read-only, even for the student's own document; an instructor's may edit", async () => {
  const native = apiClient(server.url, KEY);
  assert.equal((await native.post('/api/v1/users', { email: 'link.student@example.edu', name: 'Link Student', role: 'student' })).status, 201);
  const moodle = moodleClient(base, orgId, KEY);
  const studentID = (await moodle.withToken('/users?searchByEmail=link.student@example.edu', 'GET')).body.data.userID;
  const teacherID = (await moodle.withToken('/users', 'POST', { email: 'link.teacher@example.edu', username: 'link.teacher@example.edu', firstname: 'Link', lastname: 'Teacher' })).body.data.userID;
  const tokenFor = async (user: number) => (await viaFetch(`${base}/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ client_id: orgId, client_secret: KEY, user }) })).body.access_token as string;
  const studentToken = await tokenFor(studentID);
  const ruby = rubyClient(base);
  const doc = (await ruby.createText(studentToken, `${ESSAY} The student's own closing sentence about chlorophyll.`, { textname: 'own' })).body.data.docID as number;
  assert.equal(typeof doc, 'number');
  await waitFor('conversion', async () => ((await dangchuongClient(base).status(studentToken, doc)).body.data?.status === 0 ? true : undefined), 30_000, 100);
  const adminToken = (await ruby.token(orgId, KEY)).body.access_token as string;
  assert.equal((await ruby.check(adminToken, doc)).status, 204, 'the check is started by the institution, not the student');
  await waitFor('the check', async () => ((await ruby.retrieve(studentToken, doc, 0)).status === 200 ? true : undefined), 60_000, 200);
  const modeOf = async (token: string, userID: number) => {
    const r = await viaFetch(`${base}/documents/${doc}/retrieve?access_token=${token}&mode=10&userID=${userID}`, { method: 'GET' });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const jwt = String(r.body.data.reportLink).split('/viewer/')[1];
    return (JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString()) as { mode: string }).mode;
  };
  assert.equal(await modeOf(studentToken, studentID), 'view', "the student's own token, for itself");
  assert.equal(await modeOf(adminToken, studentID), 'view', 'the administrator, making the link for the student');
  assert.equal(await modeOf(adminToken, teacherID), 'edit', 'the administrator, making the link for a teacher');
});
