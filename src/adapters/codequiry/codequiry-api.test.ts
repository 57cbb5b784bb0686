/**
 * Every Codequiry endpoint against a started server, with the request shapes real clients send
 * (clients-notes §0/§1): JSON bodies (SDKs), query strings with an empty body (CLI), a stale
 * multipart Content-Type on an empty body (lechien73), `2810?webcheck=1` scalars, multipart uploads.
 */
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { startProcess, tempDir, waitFor, type ServerProcess } from '../../testing/server-process.js';
import { JAVA_INDEPENDENT, JAVA_ORIGINAL, JAVA_RENAMED, zipOf } from './testing/programs.js';

const KEY = 'codequiry-api-test-key-0123456789';
const dir = tempDir();
let server: ServerProcess;
let base: string;

before(async () => {
  server = await startProcess({ ORIGO_DATA_DIR: dir.path, ORIGO_ADMIN_KEY: KEY });
  base = `${server.url}/codequiry/api/v1`;
});
after(async () => {
  await server?.kill('SIGTERM');
  dir.remove();
});

async function call(path: string, init: { method?: string; json?: unknown; query?: string; form?: FormData; headers?: Record<string, string>; key?: string | null; body?: string } = {}) {
  const headers: Record<string, string> = { ...(init.key === null ? {} : { apikey: init.key ?? KEY }), ...init.headers };
  let body: RequestInit['body'] = init.body;
  if (init.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.json);
  }
  if (init.form) body = init.form;
  const res = await fetch(`${base}${path}${init.query ? `?${init.query}` : ''}`, { method: init.method ?? 'POST', headers, body });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, text };
}

const zipBlob = (files: Record<string, string>) => new Blob([zipOf(files)], { type: 'application/zip' });
const DATE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

test('auth: a missing or wrong apikey is 401 {"error":"Invalid API key"}; /version needs no key', async () => {
  for (const key of [null, 'wrong-key-wrong-key-wrong']) {
    const r = await call('/account', { json: {}, key });
    assert.equal(r.status, 401);
    assert.equal(r.text, '{"error":"Invalid API key"}');
  }
  const v = await call('/version', { key: null });
  assert.equal(v.status, 200);
  assert.equal(v.body.version, 1);
  assert.equal(v.body.releaseDate, 'June 20, 2019');
  const nf = await call('/no/such/route', { json: {} });
  assert.equal(nf.status, 404);
  assert.equal(typeof nf.body.error, 'string');
});

test('/account (POST JSON, POST empty, GET), /auth/validate and /checks answer what clients read', async () => {
  for (const r of [await call('/account', { json: {} }), await call('/account', { body: '' }), await call('/account', { method: 'GET' })]) {
    assert.equal(r.status, 200);
    assert.equal(typeof r.body.user, 'string');
    assert.ok('email' in r.body);
    assert.equal(typeof r.body.peer_checks_remaining, 'string');
    assert.equal(typeof r.body.pro_checks_remaining, 'number');
    assert.equal(typeof r.body.submissions, 'number');
  }
  const v = await call('/auth/validate', { method: 'GET' });
  assert.equal(v.body.valid, true);
  assert.equal(typeof v.body.user_id, 'number');
  const list = await call('/checks', { json: null });
  assert.equal(list.status, 200);
  assert.ok(Array.isArray(list.body));
});

test('/check/create: 201 with a check object (language as string, JSON or query); 422 with available_languages', async () => {
  const sdk = await call('/check/create', { json: { name: 'Lab 1 Java', language: '13' } });
  assert.equal(sdk.status, 201);
  assert.equal(typeof sdk.body.id, 'number');
  assert.equal(sdk.body.name, 'Lab 1 Java');
  assert.equal(sdk.body.status_id, 1);
  assert.equal(sdk.body.language_id, 13);
  assert.equal(sdk.body.job_id, 0);
  assert.match(sdk.body.created_at, DATE);
  assert.match(sdk.body.updated_at, DATE);
  // The CLI: parameters in the query string, no body.
  const cli = await call('/check/create', { query: 'name=Lab%202%20Python&language=14' });
  assert.equal(cli.status, 201);
  assert.equal(cli.body.language_id, 14);
  // lechien73: a stale multipart Content-Type on an empty body, parameters in the query, language as int.
  const py = await call('/check/create', { query: 'name=Lab%203&language=13', headers: { 'content-type': 'multipart/form-data; boundary=3b1f' }, body: '' });
  assert.equal(py.status, 201);
  const bad = await call('/check/create', { json: { name: 'Lab X', language: '999' } });
  assert.equal(bad.status, 422);
  assert.equal(typeof bad.body.error, 'string');
  assert.ok(bad.body.available_languages.some((l: { id: number; language: string }) => l.id === 13 && l.language === 'Java'));
  const short = await call('/check/create', { json: { name: 'ab', language: '13' } });
  assert.equal(short.status, 422);
  assert.ok(short.body.validation_errors.name);
  const listed = await call('/checks', { json: {} });
  assert.ok(listed.body.some((c: { id: number }) => c.id === sdk.body.id));
});

test('upload, upload-batch, start, status, get, overview, results: the whole wire of one check', { timeout: 120_000 }, async () => {
  const check = (await call('/check/create', { json: { name: 'Inventory lab', language: '13' } })).body;
  // Single upload (multipart `check_id` + `file`), as the SDKs and PHP send it.
  const single = new FormData();
  single.append('check_id', String(check.id));
  single.append('file', zipBlob({ 'src/Inventory.java': JAVA_ORIGINAL }), 'alice.zip');
  const up = await call('/check/upload', { form: single });
  assert.equal(up.status, 200);
  assert.equal(up.body.data[0].filename, 'alice');
  assert.equal(up.body.data[0].status_id, 2);
  assert.equal(up.body.submission_count, 1);
  assert.equal(up.body.check.id, check.id);
  assert.equal(up.body.file, 'alice.zip');
  assert.match(up.body.data[0].modify_updated_at, /^[A-Z][a-z]{2} \d{1,2}, \d{4} \d{1,2}:\d{2} [AP]M UTC$/);
  // A batch with two good files and a damaged ZIP: 200 with the failure per file (a file that is
  // not a ZIP at all fails the batch's validation, 422: codequiry-audit.e2e.test.ts).
  const batch = new FormData();
  batch.append('check_id', String(check.id));
  batch.append('files[]', zipBlob({ 'Stock.java': JAVA_RENAMED }), 'bob.zip');
  batch.append('files[]', zipBlob({ 'Primes.java': JAVA_INDEPENDENT }), 'carol.zip');
  batch.append('files[]', new Blob([zipOf({ 'Broken.java': JAVA_INDEPENDENT }).slice(0, 60)]), 'invalid_file.zip');
  const b = await call('/check/upload-batch', { form: batch });
  assert.equal(b.status, 200);
  assert.equal(b.body.success, true);
  assert.equal(b.body.message, 'Uploaded 2 file(s) successfully');
  assert.deepEqual(b.body.uploaded.map((u: { filename: string }) => u.filename), ['bob', 'carol']);
  assert.ok(b.body.uploaded.every((u: { id: number; file_size: number; status_id: number }) => Number.isInteger(u.id) && u.file_size > 0 && u.status_id === 2));
  assert.equal(b.body.uploaded_count, 2);
  assert.equal(b.body.failed_count, 1);
  assert.equal(b.body.failed_uploads[0].file, 'invalid_file.zip');
  assert.equal(typeof b.body.failed_uploads[0].error, 'string');
  assert.equal(b.body.check.id, check.id);
  // Batch validation: no files, unknown check.
  const none = new FormData();
  none.append('check_id', String(check.id));
  assert.equal((await call('/check/upload-batch', { form: none })).status, 422);
  // Any file over 10 MB fails the whole batch's validation (422), as documented.
  const big = new FormData();
  big.append('check_id', String(check.id));
  big.append('files[]', new Blob([new Uint8Array(10 * 1024 * 1024 + 1)]), 'huge.zip');
  const tooBig = await call('/check/upload-batch', { form: big });
  assert.equal(tooBig.status, 422);
  assert.ok(tooBig.body.validation_errors['files.0']);
  const wrong = new FormData();
  wrong.append('check_id', '987654');
  wrong.append('files[]', zipBlob({ 'A.java': JAVA_ORIGINAL }), 'x.zip');
  const w = await call('/check/upload-batch', { form: wrong });
  assert.equal(w.status, 422);
  assert.equal(w.body.error, 'Invalid check_id provided.');

  // Held: nothing is checked before start.
  const before = await call('/check/status', { json: { check_id: check.id } });
  assert.equal(before.body.status_id, 2);
  assert.equal(before.body.progress, 0);
  assert.equal(before.body.submissions_total, 3);

  // lechien73's malformed start: check_id=ID?webcheck=1?dbcheck=1 in the query, empty body.
  const start = await call('/check/start', { query: `check_id=${check.id}?webcheck=1?dbcheck=1`, headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: '' });
  assert.equal(start.status, 200);
  assert.equal('error' in start.body, false);
  assert.equal(start.body.check.id, check.id);
  assert.equal(start.body.submission_count, 3);
  assert.equal(start.body.webcheck, 0, 'web search never runs offline');
  assert.match(start.body.webcheck_message, /not available/);
  assert.equal(typeof start.body.checkURL, 'string');

  const done = await waitFor('check completed', async () => {
    const s = await call(`/checks/${check.id}/status`, { method: 'GET' });
    return s.body.status_id === 4 ? s.body : undefined;
  }, 90_000, 300);
  assert.equal(done.progress, 100);
  assert.equal(done.submissions_completed, 3);
  assert.equal(done.status, 'Checks completed');

  const got = await call('/check/get', { json: { check_id: String(check.id) } });
  assert.equal(got.status, 200);
  assert.equal(got.body.status, 'Checks completed');
  assert.equal(got.body.submission_count, 3);
  const byName = Object.fromEntries(got.body.submissions.map((s: { filename: string }) => [s.filename, s]));
  for (const s of got.body.submissions) {
    assert.equal(s.status_id, 4);
    assert.match(s.total_result, /^\d+\.\d{2}$/);
    assert.match(s.result1, /^\d+\.\d{2}$/);
    assert.equal(s.result3, null, 'no web result offline');
    assert.equal(s.assignmentstatuses.id, 4);
  }
  assert.ok(Number(byName.alice.total_result) > Number(byName.carol.total_result));

  const ov = await call('/check/overview', { query: `check_id=${check.id}` });
  assert.equal(ov.status, 200);
  assert.match(ov.body.overviewURL, /\/app\/#\/assignments\/asg_[^/]+\/overview$/);
  assert.equal(ov.body.overview_url, ov.body.overviewURL);
  assert.deepEqual(ov.body.bar_data, ov.body.bardata);
  assert.equal(ov.body.bardata.length, 3);
  const alice = ov.body.submissions.find((s: { filename: string }) => s.filename === 'alice');
  const toBob = alice.submissionresults.find((r: { submission_id_compared: number }) => r.submission_id_compared === byName.bob.id);
  assert.ok(toBob && toBob.score > 50, `alice~bob ${JSON.stringify(alice.submissionresults)}`);
  const toCarol = alice.submissionresults.find((r: { submission_id_compared: number }) => r.submission_id_compared === byName.carol.id);
  assert.ok(!toCarol || toCarol.score < toBob.score);

  const res = await call('/check/results', { json: { check_id: check.id, submission_id: byName.alice.id } });
  assert.equal(res.status, 200);
  assert.equal(res.body.submission.id, byName.alice.id);
  assert.equal(res.body.submission.submissionfiles[0].filedir, 'src/Inventory.java');
  assert.match(res.body.submission.submissionfiles[0].content, /class Inventory/);
  assert.equal(typeof res.body.avg, 'number');
  assert.match(res.body.max, /^\d+\.\d{2}$/);
  const m = res.body.peer_matches.find((x: { submission_id_matched: number }) => x.submission_id_matched === byName.bob.id);
  assert.ok(m, 'alice has a peer match with bob');
  assert.equal(m.file, 'src/Inventory.java');
  assert.equal(m.file_matched, 'Stock.java');
  assert.ok(m.line_start >= 1 && m.line_end >= m.line_start);
  assert.ok(m.line_matched_start >= 1 && m.line_matched_end >= m.line_matched_start);
  assert.match(m.similarity, /^\d+\.\d{2}$/);
  assert.ok(res.body.related_submissions.some((s: { id: number }) => s.id === byName.bob.id));
  assert.ok(res.body.related_files.some((f: { filedir: string }) => f.filedir === 'Stock.java'));
  assert.deepEqual(res.body.submission_files, res.body.related_files);
  // An instructor leaves one of alice's matches with bob out in the viewer: the report is a new
  // version, and Codequiry's match rows, built from the stored fragments, stay (they were lost).
  const native = async (path: string, init: RequestInit = {}): Promise<any> => (await fetch(`${server.url}${path}`, { ...init, headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json', ...init.headers } })).json();
  const assignmentId = /assignments\/(asg_[^/]+)\//.exec(ov.body.overviewURL)![1];
  const docs = await native(`/api/v1/assignments/${assignmentId}/documents?limit=100`);
  const aliceDoc = docs.items.find((d: { filename: string }) => d.filename === 'alice.zip');
  const report = await native(`/api/v1/documents/${aliceDoc.id}/report`);
  const bobMatch = report.matches.find((x: { source_id: string; excluded?: boolean }) => !x.excluded && report.sources.find((s: { id: string; title: string }) => s.id === x.source_id)?.title === 'bob');
  assert.ok(bobMatch, JSON.stringify(report.sources));
  const link = await native(`/api/v1/documents/${aliceDoc.id}/viewer-links`, { method: 'POST', body: JSON.stringify({ mode: 'edit' }) });
  const edit = await fetch(`${link.url}/exclusions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ exclude_matches: [bobMatch.id] }) });
  assert.equal(edit.status, 200, await edit.text());
  assert.equal((await native(`/api/v1/documents/${aliceDoc.id}/report`)).reason, 'edit');
  const edited = await call('/check/results', { json: { check_id: check.id, submission_id: byName.alice.id } });
  const rows = (r: typeof res) => r.body.peer_matches.filter((x: { submission_id_matched: number }) => x.submission_id_matched === byName.bob.id).map((x: { line_start: number; line_matched_start: number }) => [x.line_start, x.line_matched_start]);
  assert.ok(rows(res).length > 0);
  assert.deepEqual(rows(edited), rows(res), 'the match rows survive the edit');
  const ai = await call('/ai-results', { json: { check_id: check.id } });
  assert.equal(ai.status, 404);
  assert.match(ai.body.error, /not available/);
  // An upload after the check ran waits for the next start: the check is Ready again, then re-run.
  const later = new FormData();
  later.append('check_id', String(check.id));
  later.append('file', zipBlob({ 'Late.java': JAVA_RENAMED.replace('class Stock', 'class Late') }), 'dave.zip');
  assert.equal((await call('/check/upload', { form: later })).status, 200);
  const again = await call('/check/status', { json: { check_id: check.id } });
  assert.equal(again.body.status_id, 2);
  assert.equal(again.body.submissions_total, 4);
  assert.equal((await call('/check/start', { json: { check_id: check.id, webcheck: false, dbcheck: false } })).status, 200);
  const rerun = await waitFor('re-run completed', async () => {
    const s = await call('/check/status', { json: { check_id: check.id } });
    return s.body.status_id === 4 ? s.body : undefined;
  }, 90_000, 300);
  assert.equal(rerun.submissions_completed, 4);
  const badSub = await call('/check/results', { json: { check_id: check.id, submission_id: 1234567 } });
  assert.equal(badSub.status, 422);
});

test('/check/quick creates, uploads and starts in one multipart request', { timeout: 120_000 }, async () => {
  const form = new FormData();
  form.append('name', 'Quick lab');
  form.append('language', '13');
  form.append('dbcheck', '0');
  form.append('files[]', zipBlob({ 'Inventory.java': JAVA_ORIGINAL }), 'dan.zip');
  form.append('files[]', zipBlob({ 'Stock.java': JAVA_RENAMED }), 'eve.zip');
  const q = await call('/check/quick', { form });
  assert.equal(q.status, 200);
  assert.equal(q.body.uploaded_count, 2);
  assert.equal(q.body.check.name, 'Quick lab');
  assert.equal(q.body.submission_count, 2);
  const done = await waitFor('quick check completed', async () => {
    const s = await call('/check/status', { query: `check_id=${q.body.check.id}` });
    return s.body.status_id === 4 ? s.body : undefined;
  }, 90_000, 300);
  assert.equal(done.progress, 100);
  // The marketing snippet's `POST /check` is the same call.
  const alias = new FormData();
  alias.append('name', 'Quick alias');
  alias.append('language', '13');
  alias.append('files[]', zipBlob({ 'Inventory.java': JAVA_ORIGINAL }), 'fay.zip');
  const a = await call('/check', { form: alias });
  assert.equal(a.status, 200);
  assert.equal(a.body.uploaded_count, 1);
  assert.equal(a.body.check.name, 'Quick alias');
});

test('/check/start: a test_type that is not a number is refused like one out of 1..14, and nothing starts', async () => {
  const check = (await call('/check/create', { json: { name: 'Typed lab', language: '13' } })).body;
  const form = new FormData();
  form.append('check_id', String(check.id));
  form.append('file', zipBlob({ 'Inventory.java': JAVA_ORIGINAL }), 'gus.zip');
  assert.equal((await call('/check/upload', { form })).status, 200);
  const expected = { error: 'The selected test type is invalid.', validation_errors: { test_type: ['The selected test type is invalid.'] } };
  for (const test_type of ['abc', 999, true, { type: 1 }]) {
    const r = await call('/check/start', { json: { check_id: check.id, test_type } });
    assert.equal(r.status, 422, `test_type ${JSON.stringify(test_type)}`);
    assert.deepEqual(r.body, expected);
  }
  const q = await call('/check/start', { query: `check_id=${check.id}&test_type=abc` });
  assert.equal(q.status, 422);
  assert.deepEqual(q.body, expected);
  const still = await call('/check/status', { json: { check_id: check.id } });
  assert.equal(still.body.status_id, 2, 'a refused start leaves the check unstarted');
  // What clients send still starts: a type in 1..14 (number or string), or none / empty.
  const ok = await call('/check/start', { json: { check_id: check.id, test_type: '9', webcheck: false, dbcheck: 1 } });
  assert.equal(ok.status, 200);
  assert.equal('error' in ok.body, false);
  assert.equal(ok.body.check.test_type, 9);
});
