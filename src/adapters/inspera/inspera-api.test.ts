/**
 * Every Inspera endpoint, replayed with the request shapes real clients send, against a started
 * server (the API under /inspera and, for clients with hard-coded paths, at the root of a second port).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { apiClient, freePort, startProcess, tempDir, waitFor, type ServerProcess } from '../../testing/server-process.js';
import { insperaClient } from '../../testing/inspera-client.js';
import { SignJWT } from 'jose';
import { request } from 'node:http';

const KEY = 'inspera-admin-key-0123456789abcdef';
const JWT_SECRET = 'inspera-test-jwt-secret-0123456789abcdef';
const dir = tempDir();
let server: ServerProcess;
let rootPort: number;
let org: string;
const b64 = (s: string) => `base64,${Buffer.from(s).toString('base64')}`;
// About 180 words: long enough for an AI score (the detector needs 150).
const LONG_ESSAY =
  'Last winter I spent three weekends at the harbour counting birds for a school project, and the work taught me more than I expected. ' +
  'On the first morning the wind was so strong that my notebook pages kept flipping, so I gave up writing and simply watched. ' +
  'Gulls came in low over the breakwater, fought over fish scraps near the ferry ramp, then drifted off toward the dunes. ' +
  'My grandfather, who fished here for decades, told me the colonies used to be far larger before the cannery closed. ' +
  'He remembers boats unloading at dawn and children paid in coins to carry crates up the hill. ' +
  'I tried to check his story against the council archive, but the records from the sixties are patchy and often contradict each other. ' +
  'One register lists forty boats, another only twelve, and nobody could tell me which clerk was right. ' +
  'In the end my report compares his memories with my counts and admits that both are uncertain. ' +
  'Still, the trend is clear enough: fewer birds, fewer boats, and a quieter harbour than the one he describes. ' +
  'Next spring I want to repeat the counts with a friend so that we can compare our tallies and see how much two observers disagree.';
const ESSAY = 'The migration of arctic terns covers more distance than that of any other bird, and they rest on the open ocean for weeks.';

before(async () => {
  rootPort = await freePort();
  server = await startProcess({
    ORIGO_DATA_DIR: dir.path,
    ORIGO_ADMIN_KEY: KEY,
    ORIGO_ADMIN_EMAIL: 'admin@school.example',
    ORIGO_ADMIN_PASSWORD: 'correct horse battery',
    ORIGO_WORKERS: '1',
    ORIGO_JWT_SECRET: JWT_SECRET,
    ORIGO_COMPAT_ROOT_INSPERA_PORT: String(rootPort),
  });
  org = (await apiClient(server.url, KEY).get('/api/v1/me')).body.organisation_id;
});
after(async () => {
  await server?.kill('SIGTERM');
  dir.remove();
});

test('POST /generateToken: clientid = API key, institutionid = organisation id; 24-hour token; 401 and 404 in Inspera words', async () => {
  const c = insperaClient(`${server.url}/inspera`);
  const before = Date.now();
  const r = await c.post('/generateToken', { clientid: KEY, institutionid: org }, false);
  assert.equal(r.status, 200);
  assert.match(r.body.token, /^[\w-]+\.[\w-]+\.[\w-]+$/);
  assert.ok(r.body.expirationTime >= before + 24 * 3600_000 - 2000 && r.body.expirationTime <= Date.now() + 24 * 3600_000 + 1000, String(r.body.expirationTime));
  const wrongKey = await c.post('/generateToken', { clientid: 'not-a-key-at-all', institutionid: org }, false);
  assert.equal(wrongKey.status, 401);
  assert.equal(wrongKey.body.message, 'The clientId is invalid');
  const wrongInstitution = await c.post('/generateToken', { clientid: KEY, institutionid: 'org_other' }, false);
  assert.equal(wrongInstitution.status, 401);
  const missing = await c.post('/generateToken', { clientid: KEY }, false);
  assert.equal(missing.status, 404);
  assert.equal(missing.body.message, 'Required fields were invalid');
  // The token opens the API; a missing or foreign token does not.
  c.setToken(r.body.token);
  assert.equal((await c.get('/institution-info')).status, 200);
  c.setToken('not.a.token');
  const refused = await c.get('/institution-info');
  assert.equal(refused.status, 401);
  assert.equal(typeof refused.body.message, 'string');
  // A token of ours whose 24 hours are over.
  const claims = JSON.parse(Buffer.from(r.body.token.split('.')[1], 'base64url').toString());
  const past = Math.floor(Date.now() / 1000) - 60;
  const expired = await new SignJWT({ org: claims.org, inst: claims.inst, kid: claims.kid })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer('origo')
    .setAudience(claims.aud)
    .setSubject(claims.sub)
    .setIssuedAt(past - 86_400)
    .setExpirationTime(past)
    .sign(new TextEncoder().encode(JWT_SECRET));
  c.setToken(expired);
  const late = await c.post('/submissions', { documentTitle: 'Arctic terns', author: 'Ada', documentLanguage: 'en', email: 'ada@school.example', docType: 'txt', file: b64(ESSAY) });
  assert.equal(late.status, 401);
  assert.equal(late.body.message, 'Token has expired');
});

test('section 0 quirks: urlencoded or query parameters, a mismatched Content-Type, an absolute-form request target', async () => {
  const base = `${server.url}/inspera`;
  const form = await fetch(`${base}/generateToken`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `clientid=${KEY}&institutionid=${org}` });
  assert.equal(form.status, 200);
  const query = await fetch(`${base}/generateToken?clientid=${KEY}&institutionid=${org}`, { method: 'POST' });
  assert.equal(query.status, 200);
  const mislabelled = await fetch(`${base}/token`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ clientId: KEY, institutionId: org }) });
  assert.equal(mislabelled.status, 200);
  const token = ((await mislabelled.json()) as { token: string }).token;
  const absolute = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, method: 'GET', path: `${server.url}/inspera/institution-info`, headers: { authorization: `Bearer ${token}` } }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
  assert.equal(absolute.status, 200, absolute.body);
  assert.equal(JSON.parse(absolute.body).id, org);
});

test('POST /token (Moodle plugin): {clientId, institutionId} → token and expirationTime in epoch milliseconds; expirationTime asks for a shorter life', async () => {
  const c = insperaClient(`${server.url}/inspera`);
  const r = await c.login(KEY, org);
  assert.equal(r.status, 200);
  assert.ok(r.body.token);
  assert.ok(r.body.expirationTime > Date.now() + 23 * 3600_000, 'milliseconds, about a day ahead');
  const short = await c.post('/token', { clientId: KEY, institutionId: org, expirationTime: 600_000 }, false);
  assert.equal(short.status, 200);
  assert.ok(Math.abs(short.body.expirationTime - (Date.now() + 600_000)) < 5000, String(short.body.expirationTime));
  const bad = await c.post('/token', { clientId: 'nope', institutionId: org }, false);
  assert.equal(bad.status, 401);
  assert.equal(bad.body.message, 'The clientId is invalid');
  assert.equal(bad.body.token, undefined);
});

test('POST /token (CRUD generation): email and password → token; 409 bad email format, 422 wrong credentials', async () => {
  const c = insperaClient(`${server.url}/inspera`);
  const r = await c.post('/token', { email: 'admin@school.example', password: 'correct horse battery' }, false);
  assert.equal(r.status, 200);
  c.setToken(r.body.token);
  assert.equal((await c.get('/user-info?page=1')).status, 200);
  assert.equal((await c.post('/token', { email: 'not-an-email', password: 'x' }, false)).status, 409);
  const wrong = await c.post('/token', { email: 'admin@school.example', password: 'wrong password' }, false);
  assert.equal(wrong.status, 422);
  assert.equal(wrong.body.message, 'Invalid credentials');
});

test('POST /submissions (older generation): base64 file or HTML; title, required fields, resubmission limit, broken base64', async () => {
  const c = insperaClient(`${server.url}/inspera`);
  await c.login(KEY, org);
  const fields = { documentTitle: 'Arctic terns', author: 'Ada Lovelace', documentLanguage: 'en', email: 'ada@school.example', docType: 'txt' };
  const ok = await c.post('/submissions', { ...fields, file: b64(ESSAY), assignmentId: 'old-1', reSubmissions: '0', archive: 'true', enableAIDetection: 'true' });
  assert.equal(ok.status, 200);
  assert.equal(ok.body.message, 'Your document is uploaded successfully');
  assert.match(ok.body.documentId, /^[0-9a-f-]{36}$/);
  assert.ok(ok.body.presignedS3Url.startsWith(`${server.url}/inspera/upload/`), ok.body.presignedS3Url);
  // reSubmissions 0: the same author may not submit to the assignment again.
  const again = await c.post('/submissions', { ...fields, file: b64(ESSAY), assignmentId: 'old-1', reSubmissions: '0' });
  assert.equal(again.status, 403);
  assert.equal(again.body.message, 'Maximum of submissions has been reached');
  const html = await c.post('/submissions', { ...fields, file: `<p>${ESSAY}</p>`, docType: 'html', assignmentId: 'old-2' });
  assert.equal(html.status, 200);
  const short = await c.post('/submissions', { ...fields, documentTitle: 'Tern', file: b64(ESSAY) });
  assert.equal(short.status, 403);
  assert.equal(short.body.message, 'Document title has less than 5 characters or more than 190 characters');
  assert.equal((await c.post('/submissions', { ...fields, documentTitle: 'x'.repeat(191), file: b64(ESSAY) })).status, 403);
  const noAuthor = await c.post('/submissions', { ...fields, author: '', file: b64(ESSAY) });
  assert.equal(noAuthor.status, 400);
  assert.equal(noAuthor.body.message, 'The required fields are invalid');
  const broken = await c.post('/submissions', { ...fields, file: 'base64,@@not base64@@' });
  assert.equal(broken.status, 403);
  assert.equal(broken.body.message, 'Document structure is invalid');
  // Both documents get checked.
  for (const id of [ok.body.documentId, html.body.documentId]) {
    const done = await waitFor(`document ${id} processed`, async () => {
      const r = await c.get(`/document/${id}/checkStatus`);
      return r.body.status === 1 ? r : undefined;
    });
    assert.equal(done.status, 200);
    assert.equal(done.body.message, 'Document is processed');
    assert.equal(typeof done.body.similarity, 'number');
    assert.ok('AI_index' in done.body && 'translation_similarity' in done.body);
    assert.equal(done.body.translation_similarity, null);
    assert.ok(['High risk', 'Medium risk', 'Low risk'].includes(done.body.originality));
  }
});

test('minLimit: a document with fewer words fails with status 2 and says why', async () => {
  const c = insperaClient(`${server.url}/inspera`);
  await c.login(KEY, org);
  const r = await c.post('/submissions', { documentTitle: 'Too short essay', author: 'Ada Lovelace', documentLanguage: 'en', email: 'ada@school.example', docType: 'txt', file: b64(ESSAY), minLimit: '500' });
  assert.equal(r.status, 200);
  const failed = await waitFor('failure', async () => {
    const s = await c.get(`/document/${r.body.documentId}/checkStatus`);
    return s.body.status === 2 ? s : undefined;
  });
  assert.match(failed.body.message, /at least 500/);
  assert.equal(failed.body.similarity, undefined);
});

test('POST /create/submission + PUT presignedS3Url + checkStatus, with the Moodle plugin\'s exact payload', async () => {
  const c = insperaClient(`${server.url}/inspera`);
  await c.login(KEY, org);
  // api_client::create_submission: these keys, in this form.
  const payload = {
    documentTitle: 'essay.txt',
    author: 'Grace Hopper',
    email: 'grace@school.example',
    docType: 'text/plain',
    assignmentId: '42',
    educators: [{ id: '7', name: 'Teacher Name', email: 'teacher@school.example' }],
    institutionName: org,
    archive: true,
    enableAIDetection: true,
    enableContextSimilarity: false,
    sources: { excludeSources: ['https://example.com/essay'] },
  };
  const created = await c.post('/create/submission', payload);
  assert.equal(created.status, 200);
  assert.ok(created.body.documentId);
  assert.ok(created.body.presignedS3Url);
  const before = await c.get(`/document/${created.body.documentId}/checkStatus`);
  assert.equal(before.status, 200);
  assert.equal(before.body.status, 0, 'queued until the file arrives');
  // A Cyrillic "а" inside a Latin word: the extraction reports a replaced character.
  const text = `${LONG_ESSAY} Their pаper-thin feathers are replaced every year.`;
  const put = await c.upload(created.body.presignedS3Url, text, 'text/plain');
  assert.ok(put.status < 400, `PUT answered ${put.status} ${put.text}`);
  assert.equal((await c.upload(created.body.presignedS3Url, text, 'text/plain')).status, 200, 'a retried upload of the same bytes');
  assert.equal((await c.upload(created.body.presignedS3Url, 'other bytes', 'text/plain')).status, 409);
  // Another signature (its first character changed: the last one may carry only padding bits).
  const url = created.body.presignedS3Url as string;
  const cut = url.lastIndexOf('.') + 1;
  const tampered = `${url.slice(0, cut)}${url[cut] === 'A' ? 'B' : 'A'}${url.slice(cut + 1)}`;
  assert.equal((await c.upload(tampered, text, 'text/plain')).status, 403);
  const done = await waitFor('processed', async () => {
    const r = await c.get(`/document/${created.body.documentId}/checkStatus`);
    return r.body.status === 1 ? r : undefined;
  });
  // lib.php plagiarism_inspera_poll_file_status reads these.
  for (const field of ['originality_percentage', 'similarity', 'translationSimilarity', 'ai_index', 'originality', 'characterReplacement', 'hiddenText', 'imageAsText']) {
    assert.ok(field in done.body, `${field} in ${JSON.stringify(done.body)}`);
  }
  assert.equal(done.body.originality_percentage, done.body.similarity);
  assert.equal(done.body.translationSimilarity, null);
  // enableAIDetection: true and enough words: the AI verdict as 0 (not flagged), 50 (inconclusive) or 100 (flagged).
  assert.equal(typeof done.body.ai_index, 'number', JSON.stringify(done.body));
  assert.ok([0, 50, 100].includes(done.body.ai_index), JSON.stringify(done.body));
  assert.equal(done.body.AI_index, done.body.ai_index);
  assert.ok(done.body.characterReplacement >= 1, JSON.stringify(done.body));
  assert.equal(done.body.hiddenText, 0);
  assert.equal(done.body.imageAsText, 0);
  const missing = await c.get('/document/00000000-0000-0000-0000-000000000000/checkStatus');
  assert.equal(missing.status, 404);
  assert.equal(missing.body.message, 'Submission not found');
  const badMode = await c.get(`/document/${created.body.documentId}/mode/print`);
  assert.equal(badMode.status, 400);
  // The report URL: api_client::get_report_url reads `url`; the browser is sent there.
  const report = await c.get(`/document/${created.body.documentId}/mode/view`);
  assert.equal(report.status, 200);
  assert.ok(report.body.url.startsWith(`${server.url}/viewer/`), report.body.url);
  assert.equal((await fetch(report.body.url)).status, 200);
  assert.equal((await c.get(`/document/${created.body.documentId}/mode/edit`)).status, 200);
  assert.equal((await c.get('/document/00000000-0000-0000-0000-000000000000/mode/view')).status, 404);
  // A student's login sees only the student's own work: another's submission is "not found" (issue 17);
  // its own may be viewed, not edited.
  await apiClient(server.url, KEY).post('/api/v1/users', { email: 'stud@school.example', name: 'Stud Ent', role: 'student', password: 'student password 1' });
  const student = insperaClient(`${server.url}/inspera`);
  const login = await student.post('/token', { email: 'stud@school.example', password: 'student password 1' }, false);
  student.setToken(login.body.token);
  for (const path of ['checkStatus', 'mode/view', 'mode/edit']) {
    const other = await student.get(`/document/${created.body.documentId}/${path}`);
    assert.equal(other.status, 404, path);
    assert.equal(other.body.message, 'Submission not found');
  }
  const own = await student.post('/submissions', { documentTitle: 'My own essay', author: 'Stud Ent', documentLanguage: 'en', email: 'stud@school.example', docType: 'txt', file: b64(ESSAY) });
  assert.equal(own.status, 200);
  assert.equal((await student.get(`/document/${own.body.documentId}/checkStatus`)).status, 200);
  await waitFor('the student essay checked', async () => ((await student.get(`/document/${own.body.documentId}/checkStatus`)).body.status === 1 ? true : undefined));
  assert.equal((await student.get(`/document/${own.body.documentId}/mode/edit`)).status, 403);
  assert.equal((await student.get(`/document/${own.body.documentId}/mode/view`)).status, 200);
});

test('users: create, validation (402, 409), read by email, pages, update educator and student, delete', async () => {
  const c = insperaClient(`${server.url}/inspera`);
  await c.login(KEY, org);
  const student = await c.post('/user', { firstName: 'Marie', lastName: 'Curie', email: 'marie@school.example', role: 'Student', courses: ['PHY101'] });
  assert.equal(student.status, 200);
  for (const f of ['id', 'name', 'email', 'status', 'createdAt', 'updatedAt', 'institutionId', 'departmentId', 'facultyId', 'lastLogin', 'isDeleted']) assert.ok(f in student.body, f);
  assert.equal(student.body.institutionId, org);
  assert.equal(student.body.isDeleted, false);
  const shortName = await c.post('/user', { firstName: 'Al', lastName: 'Curie', email: 'al@school.example', role: 'Student' });
  assert.equal(shortName.status, 402);
  assert.match(shortName.body.message, /only letters and be at least three characters/);
  assert.equal((await c.post('/user', { firstName: 'Marie2', lastName: 'Curie', email: 'm2@school.example', role: 'Student' })).status, 402);
  assert.equal((await c.post('/user', { firstName: 'Pierre', lastName: 'Curie', email: 'not-an-email', role: 'Student' })).status, 409);
  const dup = await c.post('/user', { firstName: 'Pierre', lastName: 'Curie', email: 'marie@school.example', role: 'Educator' });
  assert.equal(dup.status, 409);
  const educator = await c.post('/user', { firstName: 'Pierre', lastName: 'Curie', email: 'pierre@school.example', role: 'Educator' });
  assert.equal(educator.status, 200);

  const byEmail = await c.get('/user-info?email=marie@school.example');
  assert.equal(byEmail.status, 200);
  assert.equal(byEmail.body.id, student.body.id);
  assert.equal(byEmail.body.role, 'Student');
  assert.equal(typeof byEmail.body.roleId, 'number');
  assert.equal((await c.get('/user-info?email=nobody@school.example')).status, 404);
  const page = await c.get('/user-info?page=1&limit=2');
  assert.equal(page.status, 200);
  assert.ok(page.body.total >= 3);
  assert.equal(page.body.page, 1);
  assert.equal(page.body.limit, 2);
  assert.equal(page.body.pages, Math.ceil(page.body.total / 2));
  assert.equal(page.body.users.length, 2);
  const defaultPage = await c.get('/user-info?page=1');
  assert.equal(defaultPage.body.limit, 10);

  const upStudent = await c.put(`/user-info?userId=${student.body.id}`, { firstName: 'Maria', lastName: 'Sklodowska', status: 'inactive', email: 'maria@school.example' });
  assert.equal(upStudent.status, 200);
  assert.equal(upStudent.body.message, 'User updates successfully');
  assert.equal(upStudent.body.fristName, 'Maria');
  assert.equal(upStudent.body.status, 'inactive');
  assert.equal(upStudent.body.email, 'maria@school.example');
  const upEducator = await c.put(`/user-info?userId=${educator.body.id}`, { firstName: 'Pierre', lastName: 'Curie', userSubjects: 'PHY101,CHEM201' });
  assert.equal(upEducator.status, 200);
  assert.equal(upEducator.body.userSubjects, 'PHY101,CHEM201');
  assert.equal((await c.put(`/user-info?userId=${educator.body.id}`, { firstName: 'P', lastName: 'Curie' })).status, 402);
  const taken = await c.put(`/user-info?userId=${student.body.id}`, { firstName: 'Maria', lastName: 'Curie', status: 'active', email: 'pierre@school.example' });
  assert.equal(taken.status, 500);
  assert.equal(taken.body.message, 'Server error, email already registered');
  assert.equal((await c.put('/user-info?userId=usr_nobody', { firstName: 'Maria', lastName: 'Curie' })).status, 404);

  const del = await c.del(`/userId=${student.body.id}`);
  assert.equal(del.status, 200);
  assert.equal(del.body.message, 'User deleted successfully');
  assert.equal((await c.get('/user-info?email=maria@school.example')).status, 404);
  assert.equal((await c.del(`/userId=${student.body.id}`)).status, 404);
});

test('a student\'s login reads its own user-info (by email and in the pages), not another user\'s', async () => {
  const admin = apiClient(server.url, KEY);
  const made = await admin.post('/api/v1/users', { email: 'own.record@school.example', name: 'Own Record', role: 'student', password: 'student password 1' });
  assert.equal(made.status, 201);
  const c = insperaClient(`${server.url}/inspera`);
  const login = await c.post('/token', { email: 'own.record@school.example', password: 'student password 1' }, false);
  assert.equal(login.status, 200);
  c.setToken(login.body.token);
  const own = await c.get('/user-info?email=own.record@school.example');
  assert.equal(own.status, 200, JSON.stringify(own.body));
  assert.equal(own.body.id, made.body.id);
  assert.equal(own.body.email, 'own.record@school.example');
  assert.equal(own.body.role, 'Student');
  const page = await c.get('/user-info?page=1&limit=10');
  assert.equal(page.status, 200, JSON.stringify(page.body));
  assert.deepEqual(page.body.users.map((u: { id: string }) => u.id), [made.body.id]);
  assert.equal(page.body.total, 1);
  const other = await c.get('/user-info?email=admin@school.example');
  assert.equal(other.status, 401);
  assert.equal(other.body.message, 'User not authorized to take action');
});

test('courses-info and institution-info: subjects become courses; faculties and departments are organisation units', async () => {
  const admin = apiClient(server.url, KEY);
  const faculty = await admin.post('/api/v1/org-units', { name: 'Faculty of Science' });
  const department = await admin.post('/api/v1/org-units', { name: 'Department of Physics', parent_id: faculty.body.id });
  assert.equal(department.status, 201);
  const c = insperaClient(`${server.url}/inspera`);
  await c.login(KEY, org);
  await c.post('/create/submission', { documentTitle: 'Course essay', author: 'Ada Lovelace', email: 'ada@school.example', docType: 'text/plain', assignmentId: 'hist-1', subjectId: 'HIST101', subjectName: 'History of Science' });
  const course = await c.get('/courses-info?courseCode=HIST101');
  assert.equal(course.status, 200);
  assert.equal(course.body.message, 'Course details successfully retrieved');
  assert.equal(course.body.code, 'HIST101');
  assert.equal(course.body.title, 'History of Science');
  for (const f of ['id', 'description', 'departmentId', 'year', 'createdBy', 'status', 'isDeleted', 'type', 'level', 'generation', 'createdAt', 'updatedAt']) assert.ok(f in course.body, f);
  assert.equal((await c.get('/courses-info?courseCode=NOPE')).status, 404);
  const courses = await c.get('/courses-info?page=1&limit=10');
  assert.equal(courses.status, 200);
  assert.ok(courses.body.total >= 1);
  assert.equal(courses.body.page, 1);
  assert.equal(courses.body.limit, 10);
  assert.equal(courses.body.pages, Math.ceil(courses.body.total / 10));
  const info = await c.get('/institution-info');
  assert.equal(info.status, 200);
  assert.equal(info.body.id, org);
  const f = info.body.faculties.find((x: { id: string }) => x.id === faculty.body.id);
  assert.ok(f, JSON.stringify(info.body));
  assert.deepEqual(f.departments.map((d: { id: string }) => d.id), [department.body.id]);
});

test('the API at the root of a second port, with Inspera-shaped 404s everywhere', async () => {
  const c = insperaClient(`http://127.0.0.1:${rootPort}`);
  const r = await c.login(KEY, org);
  assert.equal(r.status, 200);
  const s = await c.post('/create/submission', { documentTitle: 'Root essay', author: 'Ada Lovelace', email: 'ada@school.example', docType: 'text/plain', assignmentId: 'root-1' });
  assert.equal(s.status, 200);
  assert.ok(s.body.presignedS3Url.startsWith(`http://127.0.0.1:${rootPort}/upload/`), s.body.presignedS3Url);
  const nf = await c.get('/no/such/endpoint');
  assert.equal(nf.status, 404);
  assert.equal(typeof nf.body.message, 'string');
  const nf2 = await insperaClient(`${server.url}/inspera`).get('/no/such/endpoint');
  assert.equal(nf2.status, 404);
  assert.equal(typeof nf2.body.message, 'string');
  assert.equal(nf2.body.error, undefined, 'never the native error shape');
});

test('submissions: an `email` that is not an email address is an invalid required field (400), on both generations, and no document is made', async () => {
  const c = insperaClient(`${server.url}/inspera`);
  await c.login(KEY, org);
  const older = { documentTitle: 'Glacier retreat', author: 'Ada Lovelace', documentLanguage: 'en', docType: 'txt', file: b64(ESSAY), assignmentId: 'mail-1', reSubmissions: '0' };
  const newer = { documentTitle: 'Glacier retreat', author: 'Ada Lovelace', docType: 'text/plain', assignmentId: 'mail-2', reSubmissions: '0' };
  for (const email of ['not-an-email', 'ada lovelace', 'ada@school', 12345]) {
    for (const [path, fields] of [['/submissions', older], ['/create/submission', newer]] as const) {
      const r = await c.post(path, { ...fields, email });
      assert.equal(r.status, 400, `${path} email ${JSON.stringify(email)}`);
      assert.deepEqual(r.body, { message: 'The required fields are invalid' });
    }
  }
  // Nothing was counted against the author: with reSubmissions 0 the first real submission still goes through.
  const good = await c.post('/create/submission', { ...newer, email: 'ada@school.example' });
  assert.equal(good.status, 200);
  assert.ok(good.body.documentId);
  const old = await c.post('/submissions', { ...older, email: 'Ada.Lovelace@School.Example' });
  assert.equal(old.status, 200);
});
