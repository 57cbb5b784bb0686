/**
 * Every DrillBit endpoint, replayed with the request shapes real clients send (the python library
 * and Frappe app, the Moodle plugin at HEAD and its legacy versions, DrillBit's classroom
 * documentation), against one started server that also serves DrillBit at the root of a
 * second port.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { SignJWT } from 'jose';
import { apiClient, freePort, startProcess, tempDir, waitFor, type ServerProcess } from '../../testing/server-process.js';
import { multipartBody } from '../../testing/multipart-body.js';

const ADMIN_KEY = 'drillbit-api-admin-key-0123456789';
const SECRET = 'drillbit-test-jwt-secret-0123456789abcdef';
const EMAIL = 'teacher@example.org';
const PASSWORD = 'teacher password 1';
const TIMESTAMP = /^\d{2}-\d{2}-\d{4} \d{2}:\d{2}:\d{2}$/;
const DATE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const ESSAY = 'Photosynthesis turns light into chemical energy. Plants store that energy as sugar and release oxygen into the air around them, which every animal on land depends on.';

const dir = tempDir();
let server: ServerProcess;
let base = '';
let rootBase = '';
let token = '';

interface Reply {
  status: number;
  body: any;
  text: string;
  headers: Headers;
}

async function call(method: string, path: string, options: { body?: string | Buffer; headers?: Record<string, string>; token?: string | null; root?: boolean } = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  const t = options.token === undefined ? token : options.token;
  if (t) headers.authorization = `Bearer ${t}`;
  const res = await fetch(`${options.root ? rootBase : base}${path}`, { method, headers, body: options.body });
  const text = await res.text();
  let body: any = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: res.status, body, text, headers: res.headers };
}
const json = (method: string, path: string, value: unknown, extra: Record<string, string> = {}) =>
  call(method, path, { body: JSON.stringify(value), headers: { 'content-type': 'application/json', ...extra } });

function claims(jwt: string): Record<string, unknown> {
  const parts = jwt.split('.');
  assert.equal(parts.length, 3, 'a three-part JWT');
  return JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as Record<string, unknown>;
}

function assertErrorBody(r: Reply, status: number, path: string, message?: string) {
  assert.equal(r.status, status, r.text);
  assert.equal(r.body.status, status);
  assert.equal(typeof r.body.description, 'string');
  assert.match(r.body.timestamp, TIMESTAMP);
  assert.equal(typeof r.body.message, 'string');
  assert.equal(r.body.path, path);
  if (message) assert.equal(r.body.message, message);
}

before(async () => {
  const rootPort = await freePort();
  server = await startProcess({
    ORIGO_DATA_DIR: dir.path,
    ORIGO_ADMIN_KEY: ADMIN_KEY,
    ORIGO_JWT_SECRET: SECRET,
    ORIGO_COMPAT_ROOT_DRILLBIT_PORT: String(rootPort),
    ORIGO_WORKERS: '1',
    ORIGO_MAX_UPLOAD_BYTES: '200000',
  });
  base = `${server.url}/drillbit`;
  rootBase = `http://127.0.0.1:${rootPort}`;
  const api = apiClient(server.url, ADMIN_KEY);
  const u = await api.post('/api/v1/users', { email: EMAIL, password: PASSWORD, name: 'Testing Teacher', role: 'instructor' });
  assert.equal(u.status, 201, JSON.stringify(u.body));
  const s = await api.post('/api/v1/users', { email: 'student@example.org', password: 'student password', role: 'student' });
  assert.equal(s.status, 201);
});
after(async () => {
  await server?.kill('SIGTERM');
  dir.remove();
});

test('POST /authentication/authenticate: JWT with exp, role, profile; wrong password is 401', async () => {
  // The python library: json=… with browser-like headers.
  const r = await call('POST', '/authentication/authenticate', {
    body: JSON.stringify({ username: EMAIL, password: PASSWORD }),
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', Origin: 'https://www.drillbitplagiarismcheck.com', Referer: 'https://www.drillbitplagiarismcheck.com/' },
    token: null,
  });
  assert.equal(r.status, 200, r.text);
  token = r.body.token;
  const c = claims(token);
  assert.equal(typeof c.exp, 'number');
  assert.ok((c.exp as number) > Date.now() / 1000);
  assert.equal(r.body.role, 'teacher');
  assert.equal(r.body.username, EMAIL);
  assert.equal(r.body.name, 'Testing Teacher');
  assert.equal(typeof r.body.id, 'number');
  for (const f of ['in_flag', 'ai_flag', 'mfa']) assert.equal(typeof r.body[f], 'boolean');
  assert.equal(r.body.con_type, null);

  const bad = await call('POST', '/authentication/authenticate', { body: JSON.stringify({ username: EMAIL, password: 'nope' }), headers: { 'content-type': 'application/json' }, token: null });
  assertErrorBody(bad, 401, '/authentication/authenticate', 'Bad credentials');
});

test('Moodle and legacy logins: raw JSON string with api_key → token / jwt; a foreign api_key is refused', async () => {
  const api = apiClient(server.url, ADMIN_KEY);
  const key = await api.post('/api/v1/api-keys', { name: 'Moodle', vendor: 'drillbit' });
  assert.equal(key.status, 201);
  const other = await api.post('/api/v1/api-keys', { name: 'PlagScan', vendor: 'plagscan' });
  const moodleBody = JSON.stringify({ username: EMAIL, password: PASSWORD, api_key: key.body.key });
  const m = await call('POST', '/authentication/authenticate/moodle', { body: moodleBody, headers: { 'content-type': 'application/json' }, token: null });
  assert.equal(m.status, 200, m.text);
  assert.equal(typeof claims(m.body.token).exp, 'number');
  // The same document posted as a JSON string (double-encoded) is read too.
  const wrapped = await call('POST', '/authentication/authenticate/moodle', { body: JSON.stringify(moodleBody), headers: { 'content-type': 'application/json' }, token: null });
  assert.equal(wrapped.status, 200, wrapped.text);
  const refused = await call('POST', '/authentication/authenticate/moodle', { body: JSON.stringify({ username: EMAIL, password: PASSWORD, api_key: other.body.key }), headers: { 'content-type': 'application/json' }, token: null });
  assert.equal(refused.status, 401);
  // Legacy plugin versions read `jwt`; they also send submissions_key.
  const legacy = await call('POST', '/drillbit_new/api/authenticate/moodle', { body: JSON.stringify({ username: EMAIL, password: PASSWORD, api_key: key.body.key, submissions_key: '' }), headers: { 'content-type': 'application/json' }, token: null });
  assert.equal(legacy.status, 200, legacy.text);
  assert.equal(typeof claims(legacy.body.jwt).exp, 'number');
  const legacyPlain = await call('POST', '/drillbit_new/api/authenticate', { body: JSON.stringify({ username: EMAIL, password: PASSWORD }), headers: { 'content-type': 'application/json' }, token: null });
  assert.equal(typeof legacyPlain.body.jwt, 'string');
});

test('missing, forged and expired tokens are 401 in DrillBit form; a drillbit API key works as Bearer', async () => {
  assertErrorBody(await call('GET', '/extreme/myFolders', { token: null }), 401, '/extreme/myFolders');
  const expired = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setIssuer('origo').setAudience('origo:drillbit').setSubject('2').setIssuedAt(1_600_000_000).setExpirationTime(1_600_000_100).sign(new TextEncoder().encode(SECRET));
  assertErrorBody(await call('GET', '/extreme/myFolders', { token: expired }), 401, '/extreme/myFolders');
  const forged = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setIssuer('origo').setAudience('origo:drillbit').setSubject('2').setExpirationTime('1h').sign(new TextEncoder().encode('another secret of at least thirty-two chars'));
  assert.equal((await call('GET', '/extreme/myFolders', { token: forged })).status, 401);
  assert.equal((await call('GET', '/extreme/myFolders', { token: ADMIN_KEY })).status, 200, 'an unrestricted organisation key');
});

let classroomFolder = 0;
let proFolder = 0;

test('POST /extreme/folder: 200, timeStamp, _links.self.href ending in the folder id; duplicate name is 409', async () => {
  const r = await json('POST', '/extreme/folder', { folder_name: 'Classroom', exclude_quotes: 'YES' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.status, 200);
  assert.equal(r.body.message, 'Folder has been created successfully.');
  assert.match(r.body.timeStamp, TIMESTAMP);
  assert.match(r.body._links.self.href, /\/extreme\/classes\/\d+\/assignments\/\d+$/);
  classroomFolder = Number(r.body._links.self.href.split('/').pop());
  assert.ok(classroomFolder > 0);
  // The link leads to the folder.
  const followed = await fetch(r.body._links.self.href, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(followed.status, 200);
  assert.equal(((await followed.json()) as { folder_name: string }).folder_name, 'Classroom');
  const dup = await json('POST', '/extreme/folder', { folder_name: 'Classroom' });
  assertErrorBody(dup, 409, '/extreme/folder');
});

test('POST /pro/folder (python create_folder body): 201; PUT /pro/folder/{id} with phrases: 201', async () => {
  const body = {
    folder_name: 'Pro folder', exclude_reference: 'NO', exclude_quotes: 'NO', exclude_small_sources: 'NO', grammar_check: 'NO', exclude_phrases: 'NO',
    db_studentpaper: 'YES', db_publications: 'YES', db_internet: 'YES', institution_repository: 'YES', email_notifications: 'NO', exclude_threshold: 14,
  };
  const r = await json('POST', '/pro/folder', body, { Origin: 'https://www.drillbitplagiarismcheck.com' });
  assert.equal(r.status, 201, r.text);
  assert.match(r.body.timeStamp, TIMESTAMP);
  proFolder = Number(r.body._links.self.href.split('/').pop());
  assert.equal((await json('POST', '/pro/folder', body)).status, 409);
  const edit = await json('PUT', `/pro/folder/${proFolder}`, {
    folder_name: 'Pro folder', exclude_reference: 'NO', exclude_quotes: 'NO', exclude_small_sources: 'NO', grammar_check: 'NO',
    db_studentpaper: 'YES', db_publications: 'YES', db_internet: 'YES', institution_repository: 'YES', exclude_phrases: 'YES',
    phrases: { p1: 'phrases 1', p2: 'phrases 2', p3: 'Phrases 3' },
  });
  assert.equal(edit.status, 201, edit.text);
  assert.equal(edit.body.status, 201);
  assert.equal(typeof edit.body.message, 'string');
  assert.match(edit.body.timeStamp, TIMESTAMP);
});

test('PUT /extreme/folder/{id} (documented body): 200, settings applied to the assignment; rename onto another name is 409', async () => {
  const r = await json('PUT', `/extreme/folder/${classroomFolder}`, {
    assignment_name: 'API Docs', exclude_reference: 'YES', exclude_quotes: 'NO', exclude_small_sources: 'YES', grammar_check: 'NO', exclude_phrases: 'NO',
    db_studentpaper: 'YES', db_publications: 'YES', db_internet: 'YES', institution_repository: 'NO', exclude_threshold: 11,
  });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.message, 'Folder has been updated successfully. ');
  assert.ok(r.body._links.self.href.endsWith(`/${classroomFolder}`));
  const native = await apiClient(server.url, ADMIN_KEY).get('/api/v1/assignments');
  const a = native.body.items.find((x: { name: string }) => x.name === 'API Docs');
  assert.ok(a, 'renamed');
  assert.equal(a.settings.exclude_references, true);
  assert.equal(a.settings.exclude_quotes, false);
  assert.equal(a.settings.min_match_words, 11);
  assert.equal(a.settings.check_peers, true);
  assert.equal(a.settings.check_repository, false);
  const pro = native.body.items.find((x: { name: string }) => x.name === 'Pro folder');
  assert.deepEqual(pro.settings.excluded_phrases, ['phrases 1', 'phrases 2', 'Phrases 3']);
  assert.equal((await json('PUT', `/extreme/folder/${classroomFolder}`, { assignment_name: 'Pro folder' })).status, 409);
});

test('GET /extreme/myFolders and /pro/folders: paginated folders with every documented field', async () => {
  const r = await call('GET', '/extreme/myFolders?page=0&size=24&field=ass_id&orderBy=desc');
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.grammar_subscription, 'NO');
  assert.equal(r.body.folders.links[0].rel, 'self');
  assert.deepEqual(r.body.folders.page, { size: 24, totalElements: 2, totalPages: 1, number: 0 });
  const ids = r.body.folders.content.map((f: { folder_id: number }) => f.folder_id);
  assert.deepEqual(ids, [...ids].sort((x, y) => y - x), 'ass_id desc');
  const f = r.body.folders.content.find((x: { folder_id: number }) => x.folder_id === classroomFolder);
  assert.equal(f.folder_name, 'API Docs');
  assert.match(f.creation_date, DATE);
  assert.equal(f.excludeReferences, 'YES');
  assert.equal(f.excludeQuotes, 'NO');
  assert.equal(f.excludeSmallSources, 'YES');
  assert.equal(f.exclude_threshold, 11);
  assert.equal(f.institution_repository, 'NO');
  assert.equal(f.repository_scope, 'LOCAL');
  assert.equal(f.no_of_submissions, 0);
  for (const k of ['excludeIncludeSources', 'grammarCheck', 'excludePhrases', 'db_studentpaper', 'db_publications', 'db_internet']) assert.match(f[k], /^(YES|NO)$/);
  const pro = r.body.folders.content.find((x: { folder_id: number }) => x.folder_id === proFolder);
  assert.equal(pro.excludePhrases, 'YES');
  assert.deepEqual(pro.phrases, { p1: 'phrases 1', p2: 'phrases 2', p3: 'Phrases 3' });
  const paged = await call('GET', '/pro/folders?page=1&size=1&field=ass_id&orderBy=asc');
  assert.deepEqual(paged.body.folders.page, { size: 1, totalElements: 2, totalPages: 2, number: 1 });
  assert.equal(paged.body.folders.content[0].folder_id, Math.max(classroomFolder, proFolder));
});

let paperIds: number[] = [];

test('uploads: /files/myFolder and /files/folder singleFile (multipart), /pro/folder/{f}/submission/{id} (multipart labelled JSON)', async () => {
  const fields = { authorName: 'api docs', title: 'api docs', documentType: 'Article', plagiarismCheck: 'YES', grammarCheck: 'NO', language: 'English', guide_email: '', guide_name: '' };
  const file = { field: 'file', filename: 'essay.txt', mime: 'text/plain', bytes: ESSAY };
  for (const path of [`/files/myFolder/${classroomFolder}/singleFile`, `/files/folder/${classroomFolder}/singleFile`]) {
    const mp = multipartBody(fields, [file]);
    const r = await call('POST', path, { body: mp.body, headers: { 'content-type': mp.contentType, Referer: 'https://www.drillbitplagiarismcheck.com/' } });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.status, 200, 'Frappe checks status == 200 in the body');
    assert.equal(r.body.message, 'File uploaded successfully.');
    assert.match(r.body.timeStamp, TIMESTAMP);
    const s = r.body.submissions;
    assert.equal(typeof s.paper_id, 'number');
    assert.equal(s.percent, '--');
    assert.equal(s.d_key, '--');
    assert.equal(s.ai, '--');
    assert.equal(s.name, 'api docs');
    assert.equal(s.title, 'api docs');
    assert.equal(s.doc_type, 'Article');
    assert.equal(s.original_fn, 'essay.txt');
    assert.match(s.date_up, DATE);
    assert.match(s.file_length, /^\d+ Kb$/);
    assert.deepEqual(s.links.map((l: { rel: string }) => l.rel), ['self', 'submissions']);
    assert.ok(s.links[0].href.endsWith(`/extreme/myFolder/${classroomFolder}/submissions/${s.paper_id}`));
    paperIds.push(s.paper_id);
  }
  // drillbit_api.py create_submission: files=… plus an explicit Content-Type: application/json.
  const mp = multipartBody({ name: 'Student', title: 'Lab report', assignment_id: String(classroomFolder), doc_type: 'Assignment' }, [file]);
  const r = await call('POST', `/pro/folder/${classroomFolder}/submission/77`, { body: mp.body, headers: { 'Content-Type': 'application/json', Accept: 'application/json' } });
  assert.equal(r.status, 200, r.text);
  assert.equal(typeof r.body.paper_id, 'number');
  paperIds.push(r.body.paper_id);
  // No file: 400 in DrillBit form; unknown folder: 404.
  const empty = multipartBody(fields);
  assertErrorBody(await call('POST', `/files/myFolder/${classroomFolder}/singleFile`, { body: empty.body, headers: { 'content-type': empty.contentType } }), 400, `/files/myFolder/${classroomFolder}/singleFile`);
  const nf = multipartBody(fields, [file]);
  assertErrorBody(await call('POST', '/files/myFolder/999999/singleFile', { body: nf.body, headers: { 'content-type': nf.contentType } }), 404, '/files/myFolder/999999/singleFile');
});

test('GET /pro/folder/{f}/submission/{p}: `--` until done, then percent, counts and a 20-character d_key', async () => {
  const id = paperIds[0];
  const done = await waitFor('the paper to be checked', async () => {
    const r = await call('GET', `/pro/folder/${classroomFolder}/submission/${id}`);
    assert.equal(r.status, 200, r.text);
    return r.body.percent !== '--' ? r.body : undefined;
  }, 60_000, 200);
  assert.equal(done.paper_id, id);
  assert.equal(done.folder_id, classroomFolder);
  assert.equal(done.folder_name, 'API Docs');
  assert.match(done.percent, /^\d+$/);
  assert.match(done.d_key, /^[0-9A-Z]{20}$/);
  assert.equal(done.total_words, String(ESSAY.split(/\s+/).length));
  assert.match(done.total_char, /^\d+$/);
  assert.equal(done.total_pages, '1');
  assert.equal(done.document_type, 'Article');
  assert.equal(done.language, 'English');
  assert.equal(done.original_file_name, 'essay.txt');
  assert.equal(done.ai, '--', `${ESSAY.split(/\s+/).length} words are too few for an AI score`);
  assert.equal(done.ai_sup, 0);
  assert.equal(done.exclude_references, 'YES');
  assert.equal(done.exclude_quotes, 'NO');
  assert.equal(done.small_sources, 'YES');
  // Its twin (the same essay) matches it completely once both are checked.
  const twin = await waitFor('the twin to match', async () => {
    const r = await call('GET', `/extreme/myFolder/${classroomFolder}/submissions/${paperIds[1]}`);
    return r.body.percent === '100' ? r.body : undefined;
  }, 60_000, 200);
  assert.equal(twin.paper_id, paperIds[1]);
  assertErrorBody(await call('GET', `/pro/folder/${proFolder}/submission/${id}`), 404, `/pro/folder/${proFolder}/submission/${id}`);
});

test('GET submissions lists: _embedded.submissionsList, page object, sort, paperId filter', async () => {
  await waitFor('all papers checked', async () => {
    const r = await call('GET', `/extreme/myFolder/${classroomFolder}/submissions?page=0&size=24&field=paper_id&orderBy=desc`);
    return r.body._embedded.submissionsList.every((s: { percent: string }) => s.percent !== '--') ? r : undefined;
  }, 60_000, 200);
  const r = await call('GET', `/extreme/myFolder/${classroomFolder}/submissions?page=0&size=24&field=paper_id&orderBy=desc`);
  assert.equal(r.status, 200);
  const list = r.body._embedded.submissionsList;
  assert.deepEqual(list.map((s: { paper_id: number }) => s.paper_id), [...paperIds].sort((a, b) => b - a));
  assert.deepEqual(r.body.page, { size: 24, totalElements: 3, totalPages: 1, number: 0 });
  const s = list[0];
  for (const k of ['name', 'mail_id', 'title', 'date_up', 'percent', 'd_key', 'to_char', 'to_words', 'to_sens', 'to_pages', 'file_length', 'original_fn', 'doc_type', 'lang', 'lang1', 'grammar_url', 'ai', 'og_percent', 'status']) {
    assert.equal(typeof s[k], 'string', k);
  }
  assert.equal(s.mail_id, EMAIL);
  assert.equal(s.status, 'active');
  assert.equal(s.grammar_url, 'NA');
  const one = await call('GET', `/pro/folder/${classroomFolder}/submissions?paperId=${paperIds[0]}`);
  assert.deepEqual(one.body._embedded.submissionsList.map((x: { paper_id: number }) => x.paper_id), [paperIds[0]]);
});

async function pdf(url: string, headers: Record<string, string> = { authorization: `Bearer ${token}` }): Promise<{ status: number; type: string; head: string; bytes: number }> {
  const res = await fetch(url, { headers });
  const buf = Buffer.from(await res.arrayBuffer());
  return { status: res.status, type: String(res.headers.get('content-type')), head: buf.subarray(0, 5).toString('latin1'), bytes: buf.length };
}

test('reports: similarity and summary PDFs by d_key (also with the token in the path); AI without a score and grammar are 400; wrong key 404', async () => {
  const id = paperIds[0];
  const d = (await call('GET', `/pro/folder/${classroomFolder}/submission/${id}`)).body.d_key;
  for (const path of [`/analysis-gateway/api/download2/${id}/${d}`, `/analysis-gateway/api/download/summary/${id}/${d}`]) {
    const r = await pdf(`${base}${path}`);
    assert.equal(r.status, 200, path);
    assert.equal(r.type, 'application/pdf');
    assert.equal(r.head, '%PDF-');
  }
  // The essay is too short for an AI score, so there is no AI report.
  assertErrorBody(await call('GET', `/analysis-gateway/api/ai/download2/${id}/${d}`), 400, `/analysis-gateway/api/ai/download2/${id}/${d}`, 'The AI report is either not yet ready or not available.');
  const q = await call('GET', `/analysis-gateway/api/quality/download/${id}`);
  assertErrorBody(q, 400, `/analysis-gateway/api/quality/download/${id}`, 'The quality report is either not yet ready or not available.');
  assert.equal(q.body.description, 'BAD_REQUEST');
  assert.equal(q.body.debugMessage, 'The quality report is either not yet ready or not available.');
  assert.equal(q.body.subErrors, null);
  assertErrorBody(await call('GET', `/analysis-gateway/api/download2/${id}/AAAAAAAAAAAAAAAAAAAA`), 404, `/analysis-gateway/api/download2/${id}/AAAAAAAAAAAAAAAAAAAA`);
  // Frappe keeps the upload answer's d_key, "--" while the check ran, and downloads with it.
  assert.equal((await pdf(`${base}/analysis-gateway/api/download2/${id}/--`)).head, '%PDF-');
  assert.equal((await call('GET', `/analysis-gateway/api/download2/${id}/--`, { token: null })).status, 401);
  // Frappe's browser link carries the login token in the path.
  assert.equal((await pdf(`${base}/analysis-gateway/api/download2/${id}/${d}/${token}`, {})).head, '%PDF-');
  assert.equal((await call('GET', `/analysis-gateway/api/download2/${id}/${d}/not.a.token`, { token: null })).status, 401);
});

let moodlePaper = 0;

test('Moodle: upload (multipart/form-data without boundary), poll links.self until percent, analysis link, download-link', async () => {
  const mp = multipartBody({ authorName: 'student@example.org', title: 'Assignment 1', documentType: 'thesis', ex_ref: 'yes', ex_qts: 'no', ex_ss: 'no' }, [{ field: 'file', filename: 'moodle.txt', mime: 'text/plain', bytes: ESSAY }]);
  const up = await call('POST', '/files/moodle/upload', { body: mp.body, headers: { 'Content-type': 'multipart/form-data' } });
  assert.equal(up.status, 200, up.text);
  const s = up.body.submissions;
  assert.equal(typeof s.paper_id, 'number');
  assert.equal(s.percent, '--');
  assert.equal(s.d_key, '--');
  assert.equal(s.ai, '--');
  const self = s.links.find((l: { rel: string }) => l.rel === 'self').href;
  assert.equal(self, `${base}/extreme/moodle/submission/${s.paper_id}`);
  assert.ok(s.links.find((l: { rel: string }) => l.rel === 'download-link'));
  const done = await waitFor('the Moodle paper', async () => {
    const r = await fetch(self, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } });
    const b = (await r.json()) as any;
    const x = b.submissions ?? b;
    return x.percent !== '--' ? x : undefined;
  }, 60_000, 200);
  assert.match(done.percent, /^\d+$/);
  assert.match(done.d_key, /^[0-9A-Z]{20}$/);
  const download = done.links.find((l: { rel: string }) => l.rel === 'download-link').href;
  assert.equal(download, `${base}/extreme/moodle/submission/${s.paper_id}/${done.d_key}/download`);
  const file = await pdf(download);
  assert.equal(file.status, 200);
  assert.equal(file.head, '%PDF-');
  // The download-link of the upload answer (its d_key "--" then) works once the report is ready.
  const early = s.links.find((l: { rel: string }) => l.rel === 'download-link').href;
  assert.equal(early, `${base}/extreme/moodle/submission/${s.paper_id}/--/download`);
  assert.equal((await pdf(early)).head, '%PDF-');
  moodlePaper = s.paper_id;
  // It went into the organisation's "Moodle" folder.
  const folders = await call('GET', '/extreme/myFolders');
  assert.ok(folders.body.folders.content.some((f: { folder_name: string; no_of_submissions: number }) => f.folder_name === 'Moodle' && f.no_of_submissions === 1));
  const analysis = await call('GET', `/extreme/moodle/submission/${s.paper_id}/analysis`);
  assert.equal(analysis.status, 200);
  // The interactive viewer on the main server, behind a signed link the browser opens without a token.
  assert.match(analysis.text, new RegExp(`^${server.url}/viewer/[\\w-]+\\.[\\w-]+\\.[\\w-]+$`));
  const viewer = await fetch(analysis.text);
  assert.equal(viewer.status, 200);
  assert.match(String(viewer.headers.get('content-type')), /text\/html/);
});

test('Moodle: an instructor whose site signs in after another user made the "Moodle" folder gets a folder of its own and can poll its paper', async () => {
  const api = apiClient(server.url, ADMIN_KEY);
  const u = await api.post('/api/v1/users', { email: 'second.teacher@example.org', password: 'second teacher password', role: 'instructor' });
  assert.equal(u.status, 201, JSON.stringify(u.body));
  const login = await call('POST', '/authentication/authenticate', { body: JSON.stringify({ username: 'second.teacher@example.org', password: 'second teacher password' }), headers: { 'content-type': 'application/json' }, token: null });
  assert.equal(login.status, 200, login.text);
  const mine = login.body.token;
  const mp = multipartBody({ authorName: 'student2@example.org', title: 'Assignment 2', documentType: 'thesis', ex_ref: 'yes', ex_qts: 'no', ex_ss: 'no' }, [{ field: 'file', filename: 'moodle2.txt', mime: 'text/plain', bytes: ESSAY }]);
  const up = await call('POST', '/files/moodle/upload', { body: mp.body, headers: { 'Content-type': mp.contentType }, token: mine });
  assert.equal(up.status, 200, up.text);
  const id = up.body.submissions.paper_id;
  const polled = await call('GET', `/extreme/moodle/submission/${id}`, { token: mine });
  assert.equal(polled.status, 200, polled.text);
  const folders = await call('GET', '/extreme/myFolders', { token: mine });
  const names = folders.body.folders.content.map((f: { folder_name: string }) => f.folder_name);
  assert.ok(names.some((n: string) => n.startsWith('Moodle (user ')), JSON.stringify(names));
  // The first instructor's folder is not this one's, and its paper stays out of reach.
  assert.ok(!names.includes('Moodle'), JSON.stringify(names));
  assert.equal((await call('GET', `/extreme/moodle/submission/${moodlePaper}`, { token: mine })).status, 404);
});

test('legacy /drillbit_new/api/submission: upload into a named folder, poll, download path', async () => {
  const mp = multipartBody({ name: 'essay.txt', title: 'Week 2', assignment_id: String(proFolder), doc_type: 'thesis', exclude_refernces: '1', exclude_quotes: '0', exclude_small_sources: '0' }, [{ field: 'file', filename: 'legacy.txt', mime: 'text/plain', bytes: ESSAY }]);
  const up = await call('POST', '/drillbit_new/api/submission', { body: mp.body, headers: { 'Content-type': 'multipart/form-data' } });
  assert.equal(up.status, 200, up.text);
  assert.equal(typeof up.body.paper_id, 'number');
  assert.equal(up.body.percent, '--');
  const self = up.body.links.find((l: { rel: string }) => l.rel === 'self').href;
  assert.equal(self, `${base}/drillbit_new/api/submission/${up.body.paper_id}`);
  const done = await waitFor('the legacy paper', async () => {
    const r = await fetch(self, { headers: { Authorization: `Bearer ${token}` } });
    const b = (await r.json()) as any;
    return b.percent !== '--' ? b : undefined;
  }, 60_000, 200);
  assert.equal(done.links.find((l: { rel: string }) => l.rel === 'download-link').href, `${base}/drillbit_new/api/submission/${up.body.paper_id}/${done.d_key}/download`);
  const inPro = await call('GET', `/pro/folder/${proFolder}/submissions`);
  assert.deepEqual(inPro.body._embedded.submissionsList.map((x: { paper_id: number }) => x.paper_id), [up.body.paper_id]);
});

test('uploads over the limit are 413; a file that cannot be read leaves the paper failed with percent `--`', async () => {
  const big = multipartBody({ authorName: 'x', title: 'big' }, [{ field: 'file', filename: 'big.txt', mime: 'text/plain', bytes: 'word '.repeat(60_000) }]);
  assertErrorBody(await call('POST', `/files/myFolder/${classroomFolder}/singleFile`, { body: big.body, headers: { 'content-type': big.contentType } }), 413, `/files/myFolder/${classroomFolder}/singleFile`);
  const broken = multipartBody({ authorName: 'x', title: 'broken' }, [{ field: 'file', filename: 'broken.pdf', mime: 'application/pdf', bytes: Buffer.from('%PDF-1.4 this is not a real pdf at all') }]);
  const up = await call('POST', `/files/myFolder/${classroomFolder}/singleFile`, { body: broken.body, headers: { 'content-type': broken.contentType } });
  assert.equal(up.status, 200, up.text);
  const id = up.body.submissions.paper_id;
  const failed = await waitFor('the broken paper to fail', async () => {
    const r = await call('GET', `/extreme/myFolder/${classroomFolder}/submissions?paperId=${id}`);
    const s = r.body._embedded.submissionsList[0];
    return s.status === 'failed' ? s : undefined;
  }, 60_000, 200);
  assert.equal(failed.percent, '--');
  assert.equal(failed.d_key, '--');
  assert.equal((await call('DELETE', `/extreme/myFolder/${classroomFolder}/submissions?paperId=${id}`)).status, 200);
});

test('DELETE papers: /extreme/myFolder/{f}/submissions?paperId= and /pro/folder/{f}/submissions?paperId=', async () => {
  const r = await call('DELETE', `/extreme/myFolder/${classroomFolder}/submissions?paperId=${paperIds[0]}`);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.message, 'File(s) deleted successfully.');
  assert.match(r.body.timeStamp, TIMESTAMP);
  assert.equal((await call('GET', `/pro/folder/${classroomFolder}/submission/${paperIds[0]}`)).status, 404);
  const p = await call('DELETE', `/pro/folder/${classroomFolder}/submissions?paperId=${paperIds[1]}`);
  assert.equal(p.body.message, 'File(s) deleted successfully.');
  assertErrorBody(await call('DELETE', `/pro/folder/${classroomFolder}/submissions?paperId=${paperIds[1]}`), 404, `/pro/folder/${classroomFolder}/submissions`);
});

test('a student may log in but not create folders (403 in DrillBit form)', async () => {
  const login = await call('POST', '/authentication/authenticate', { body: JSON.stringify({ username: 'student@example.org', password: 'student password' }), headers: { 'content-type': 'application/json' }, token: null });
  assert.equal(login.body.role, 'student');
  const r = await call('POST', '/extreme/folder', { body: JSON.stringify({ folder_name: 'Mine' }), headers: { 'content-type': 'application/json' }, token: login.body.token });
  assertErrorBody(r, 403, '/extreme/folder');
});

test('the second port serves DrillBit at its root; absolute-form request targets are routed', async () => {
  const login = await call('POST', '/authentication/authenticate', { body: JSON.stringify({ username: EMAIL, password: PASSWORD }), headers: { 'content-type': 'application/json' }, token: null, root: true });
  assert.equal(login.status, 200, login.text);
  const folders = await call('GET', '/extreme/myFolders', { token: login.body.token, root: true });
  assert.equal(folders.status, 200);
  assert.ok(folders.body.folders.links[0].href.startsWith(`${rootBase}/extreme/myFolders`));
  // There is no viewer on the DrillBit-only port: the analysis link is the similarity PDF, token in the path.
  const analysis = await call('GET', `/extreme/moodle/submission/${moodlePaper}/analysis`, { token: login.body.token, root: true });
  assert.match(analysis.text, new RegExp(`^${rootBase}/analysis-gateway/api/download2/${moodlePaper}/[0-9A-Z]{20}/`));
  assert.equal((await pdf(analysis.text, {})).head, '%PDF-');
  const raw = await new Promise<string>((resolve, reject) => {
    const sock = connect(server.port, '127.0.0.1', () => {
      sock.write(`GET http://127.0.0.1:${server.port}/drillbit/extreme/myFolders HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nAuthorization: Bearer ${token}\r\nConnection: close\r\n\r\n`);
    });
    let out = '';
    sock.on('data', (d) => (out += d));
    sock.on('end', () => resolve(out));
    sock.on('error', reject);
  });
  assert.match(raw, /^HTTP\/1\.1 200/);
  assert.match(raw, /"grammar_subscription"/);
});

test('DELETE folders: /pro/folder/{id} and /extreme/folder?id=', async () => {
  const a = await call('DELETE', `/pro/folder/${proFolder}`);
  assert.equal(a.status, 200, a.text);
  assert.equal(a.body.message, 'Folders and all the associated submissions has been deleted successfully.');
  const b = await call('DELETE', `/extreme/folder?id=${classroomFolder}`);
  assert.equal(b.status, 200, b.text);
  assert.match(b.body.timeStamp, TIMESTAMP);
  assertErrorBody(await call('DELETE', `/extreme/folder?id=${classroomFolder}`), 404, '/extreme/folder');
  const left = await call('GET', '/extreme/myFolders');
  assert.deepEqual(left.body.folders.content.map((f: { folder_name: string }) => f.folder_name), ['Moodle']);
});
