/**
 * Defects found by the Codequiry audit (an integrator's paths through a started server), each
 * pinned by a test that failed before its fix.
 */
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiClient, freePort, startProcess, tempDir, waitFor, type ServerProcess } from '../../testing/server-process.js';
import { JAVA_INDEPENDENT, JAVA_ORIGINAL, zipOf } from './testing/programs.js';
import { answerBeforeBody } from '../../testing/early-answer.js';

const KEY = 'codequiry-audit-test-key-0123456789';
const METRICS_TOKEN = 'codequiry-audit-metrics-token-0123456789';
const dir = tempDir('origo-audit-codequiry-');
let server: ServerProcess;
let base: string;
let rootPort: number;

before(async () => {
  rootPort = await freePort();
  server = await startProcess({ ORIGO_COMPAT_ROOT_CODEQUIRY_PORT: String(rootPort), ORIGO_DATA_DIR: dir.path, ORIGO_ADMIN_KEY: KEY, ORIGO_TRUSTED_PROXIES: '127.0.0.1,::1', ORIGO_THROTTLE_ADDRESS_FAILURES: '5', ORIGO_METRICS_TOKEN: METRICS_TOKEN });
  base = `${server.url}/codequiry/api/v1`;
});
after(async () => {
  await server?.kill('SIGTERM');
  dir.remove();
});

async function call(path: string, key: string, init: { json?: unknown; form?: FormData } = {}) {
  const headers: Record<string, string> = { apikey: key };
  let body: RequestInit['body'];
  if (init.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.json);
  }
  if (init.form) body = init.form;
  const res = await fetch(`${base}${path}`, { method: 'POST', headers, body });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

test('a request without a valid apikey is refused before its body is read (no 500 MB buffered for a stranger)', { timeout: 60_000 }, async () => {
  // Before the fix the key was checked after the whole body (up to the 501 MB limit) was buffered:
  // these requests got no answer while the body was still coming.
  for (const headers of [{}, { apikey: 'not-a-key-not-a-key-not-a-key' }] as Record<string, string>[]) {
    const got = await answerBeforeBody(`${base}/check/upload`, headers);
    assert.ok(got, `no answer before the body was sent (${JSON.stringify(headers)})`);
    assert.equal(got.status, 401);
    assert.equal(got.body, '{"error":"Invalid API key"}');
  }
  // A client that sends its whole upload with a wrong key still reads the 401 (the answer comes
  // early; the rest of the body is drained, not a reset connection).
  const wrong = new FormData();
  wrong.append('check_id', '1');
  wrong.append('file', new Blob([new Uint8Array(9 * 1024 * 1024)]), 'big.zip');
  const refused = await fetch(`${base}/check/upload`, { method: 'POST', headers: { apikey: 'not-a-key-not-a-key-not-a-key' }, body: wrong });
  assert.equal(refused.status, 401);
  assert.equal(await refused.text(), '{"error":"Invalid API key"}');
  // A valid key still uploads, and /version still needs no key.
  const check = (await call('/check/create', KEY, { json: { name: 'Auth order', language: '13' } })).body;
  const form = new FormData();
  form.append('check_id', String(check.id));
  form.append('file', new Blob([zipOf({ 'Inventory.java': JAVA_ORIGINAL })]), 'alice.zip');
  const up = await call('/check/upload', KEY, { form });
  assert.equal(up.status, 200);
  assert.equal(up.body.data[0].filename, 'alice');
  const v = await fetch(`${base}/version`, { method: 'POST' });
  assert.equal(v.status, 200);
});

test('/account counts only the submissions the key reaches: an instructor does not learn the organisation-wide count', { timeout: 60_000 }, async () => {
  const admin = apiClient(server.url, KEY);
  const mk = async (email: string, role: string) => {
    const u = await admin.post('/api/v1/users', { email, name: email, role });
    assert.equal(u.status, 201);
    const k = await admin.post('/api/v1/api-keys', { level: 'user', user_id: u.body.id, vendor: 'codequiry' });
    assert.equal(k.status, 201);
    return k.body.key as string;
  };
  const ann = await mk('ann@audit.test', 'instructor');
  const ben = await mk('ben@audit.test', 'instructor');
  const stu = await mk('stu@audit.test', 'student');
  const before = (await call('/account', KEY, { json: {} })).body.submissions as number;

  // ann: one check with two submissions; the administrator: one more of its own.
  const mine = (await call('/check/create', ann, { json: { name: 'Ann lab', language: '13' } })).body;
  for (const [name, text] of [['a1.zip', JAVA_ORIGINAL], ['a2.zip', JAVA_INDEPENDENT]]) {
    const form = new FormData();
    form.append('check_id', String(mine.id));
    form.append('file', new Blob([zipOf({ 'Main.java': text })]), name);
    assert.equal((await call('/check/upload', ann, { form })).status, 200);
  }
  const other = (await call('/check/create', KEY, { json: { name: 'Admin lab', language: '13' } })).body;
  const form = new FormData();
  form.append('check_id', String(other.id));
  form.append('file', new Blob([zipOf({ 'Main.java': JAVA_ORIGINAL })]), 'x.zip');
  assert.equal((await call('/check/upload', KEY, { form })).status, 200);

  assert.equal((await call('/account', ann, { json: {} })).body.submissions, 2);
  assert.equal((await call('/account', ben, { json: {} })).body.submissions, 0);
  assert.equal((await call('/account', stu, { json: {} })).body.submissions, 0);
  // The organisation's administrator still sees every submission.
  assert.equal((await call('/account', KEY, { json: {} })).body.submissions, before + 3);
});

test('/check/upload-batch: a file that is not a ZIP fails the validation (422 validation_errors, nothing stored); a damaged ZIP is a failed upload of a 200', { timeout: 60_000 }, async () => {
  // The batch document: 422 for "any file over 10MB or not a ZIP (mimes:zip)", with validation_errors;
  // "individual files that fail are reported per-file in failed_uploads with a 200 response".
  const check = (await call('/check/create', KEY, { json: { name: 'Batch validation', language: '13' } })).body;
  const notZip = new FormData();
  notZip.append('check_id', String(check.id));
  notZip.append('files[]', new Blob([zipOf({ 'Main.java': JAVA_ORIGINAL })]), 'good.zip');
  notZip.append('files[]', new Blob(['public class Main {}']), 'Main.java');
  const refused = await call('/check/upload-batch', KEY, { form: notZip });
  assert.equal(refused.status, 422);
  assert.equal(typeof refused.body.error, 'string');
  assert.deepEqual(Object.keys(refused.body.validation_errors), ['files.1']);
  assert.match(refused.body.validation_errors['files.1'][0], /must be a file of type: zip/);
  const empty = new FormData();
  empty.append('check_id', String(check.id));
  empty.append('files[]', new Blob([]), 'empty.zip');
  assert.equal((await call('/check/upload-batch', KEY, { form: empty })).status, 422);
  // Nothing of a refused batch was stored.
  const got = await call('/check/get', KEY, { json: { check_id: check.id } });
  assert.equal(got.body.submission_count, 0);

  // A file that starts like a ZIP but whose directory is unreadable: reported per file, the rest stored.
  const damaged = zipOf({ 'Main.java': JAVA_ORIGINAL }).slice(0, 60);
  const mixed = new FormData();
  mixed.append('check_id', String(check.id));
  mixed.append('files[]', new Blob([zipOf({ 'Main.java': JAVA_ORIGINAL })]), 'good.zip');
  mixed.append('files[]', new Blob([damaged]), 'invalid_file.zip');
  const partial = await call('/check/upload-batch', KEY, { form: mixed });
  assert.equal(partial.status, 200);
  assert.equal(partial.body.uploaded_count, 1);
  assert.equal(partial.body.failed_count, 1);
  assert.deepEqual(partial.body.failed_uploads.map((f: { file: string; error: string }) => [f.file, f.error]), [['invalid_file.zip', 'Invalid or corrupted file']]);
  assert.equal((await call('/check/get', KEY, { json: { check_id: check.id } })).body.submission_count, 1);

  // /check/quick validates its files the same way, before it creates anything.
  const checksBefore = (await call('/checks', KEY, { json: {} })).body.length;
  const quick = new FormData();
  quick.append('name', 'Quick with a stray file');
  quick.append('language', '13');
  quick.append('files[]', new Blob([zipOf({ 'Main.java': JAVA_ORIGINAL })]), 'good.zip');
  quick.append('files[]', new Blob(['notes, not code']), 'notes.txt');
  const q = await call('/check/quick', KEY, { form: quick });
  assert.equal(q.status, 422);
  assert.ok(q.body.validation_errors['files.1']);
  assert.equal((await call('/checks', KEY, { json: {} })).body.length, checksBefore);
});

/** One sample of the Prometheus text, or 0 when the series is absent. */
async function sample(name: string, labels: string): Promise<number> {
  const res = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  assert.equal(res.status, 200);
  const line = (await res.text()).split('\n').find((l) => l.startsWith(`${name}{${labels}} `));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}

test('throttling on the Codequiry API: failed keys block their client address (429, Retry-After, Codequiry body), not another tenant at another address; /metrics counts it all and wants its token', { timeout: 60_000 }, async () => {
  // Another organisation with its own key (tenant B), calling from another address behind the proxy.
  const admin = apiClient(server.url, KEY);
  const org = await admin.post('/api/v1/organisations', { name: 'Tenant B', admin: { email: 'b@tenant-b.test', name: 'B' } });
  assert.equal(org.status, 201, JSON.stringify(org.body));
  const tenantB = org.body.admin_api_key as string;
  const from = (ip: string, key: string) => fetch(`${base}/account`, { method: 'POST', headers: { apikey: key, 'x-forwarded-for': ip } });
  const label = (status: number) => `method="POST",route="/codequiry/api/v1/account",status="${status}"`;
  const before = { 401: await sample('origo_http_requests_total', label(401)), 429: await sample('origo_http_requests_total', label(429)), 200: await sample('origo_http_requests_total', label(200)) };

  // ORIGO_THROTTLE_ADDRESS_FAILURES=5: five failures are answered 401, the sixth attempt 429.
  for (let i = 0; i < 5; i++) assert.equal((await from('198.51.100.10', `guess-${i}-0123456789abcdef`)).status, 401);
  const sixth = await from('198.51.100.10', 'guess-5-0123456789abcdef');
  assert.equal(sixth.status, 429);
  assert.equal(await sixth.text(), '{"error":"Too many failed attempts. Try again later."}');
  const wait = Number(sixth.headers.get('retry-after'));
  assert.ok(wait > 0 && wait <= 600, `Retry-After ${sixth.headers.get('retry-after')}`);
  // The address is blocked, as documented, even for a good key…
  const blocked = await from('198.51.100.10', KEY);
  assert.equal(blocked.status, 429);
  assert.ok(Number(blocked.headers.get('retry-after')) > 0);
  // …and no other address is: tenant B (and tenant A) elsewhere go on working.
  const b = await from('198.51.100.11', tenantB);
  assert.equal(b.status, 200);
  assert.equal(((await b.json()) as { user: string }).user, 'B');
  assert.equal((await from('198.51.100.12', KEY)).status, 200);

  // The requests are counted by route pattern and status; no key, address or id is a label.
  assert.equal(await sample('origo_http_requests_total', label(401)), before[401] + 5);
  assert.equal(await sample('origo_http_requests_total', label(429)), before[429] + 2);
  assert.equal(await sample('origo_http_requests_total', label(200)), before[200] + 2);
  const text = await (await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
  assert.doesNotMatch(text, /198\.51\.100|guess-|codequiry-audit-test-key/);
  // /metrics on the main port: 401 without the token or with another.
  assert.equal((await fetch(`${server.url}/metrics`)).status, 401);
  assert.equal((await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer not-the-metrics-token-0000' } })).status, 401);
});

type Cb = (data: any, err?: unknown) => void;
/** Calls an SDK function: its data, or the error it reported (the SDK passes errors as the second argument). */
const sdkCall = (fn: (cb: Cb) => void) => new Promise<{ data: any; err: any }>((resolve) => fn((data, err) => resolve({ data, err })));

test('the official SDK with each credential: another organisation\'s key and a colleague\'s key reach nothing of a check, a Codequiry-only key cannot administer the native API', { timeout: 120_000 }, async () => {
  const require = createRequire(import.meta.url);
  const sdkRequire = createRequire(require.resolve('codequiry'));
  const axios = sdkRequire('axios');
  const req = sdkRequire('request');
  const post = req.post;
  axios.defaults.proxy = { protocol: 'http:', host: '127.0.0.1', port: rootPort };
  req.post = (opts: Record<string, unknown>, cb: unknown) => post({ ...opts, proxy: `http://127.0.0.1:${rootPort}`, tunnel: false }, cb);
  const sdk = require('codequiry');
  const admin = apiClient(server.url, KEY);
  try {
    // Tenant A: a C check by an instructor whose key is confined to the Codequiry API.
    const user = await admin.post('/api/v1/users', { email: 'owner@tenant-a.test', name: 'Owner', role: 'instructor' });
    const owner = (await admin.post('/api/v1/api-keys', { level: 'user', user_id: user.body.id, vendor: 'codequiry' })).body.key as string;
    const colleagueUser = await admin.post('/api/v1/users', { email: 'colleague@tenant-a.test', name: 'Colleague', role: 'instructor' });
    const colleague = (await admin.post('/api/v1/api-keys', { level: 'user', user_id: colleagueUser.body.id })).body.key as string;
    const orgB = await admin.post('/api/v1/organisations', { name: 'Tenant C', admin: { email: 'c@tenant-c.test', name: 'C' } });
    const otherTenant = orgB.body.admin_api_key as string;
    const confined = (await admin.post('/api/v1/api-keys', { vendor: 'codequiry', name: 'LMS' })).body.key as string;

    sdk.setAPIKey(owner);
    const check = await sdkCall((cb) => sdk.createCheck('C lab: loops', '16', cb));
    assert.equal(check.err, undefined);
    const C = '#include <stdio.h>\nint main(void) {\n  int total = 0;\n  for (int i = 0; i < 10; i++) {\n    total += i * i;\n  }\n  printf("%d\\n", total);\n  return 0;\n}\n';
    const zips: number[] = [];
    for (const [name, text] of [['ann', C], ['ben', C.replace(/total/g, 'sum')]]) {
      const path = join(dir.path, `${name}.zip`);
      writeFileSync(path, zipOf({ 'main.c': text }));
      const up = await sdkCall((cb) => sdk.uploadFile(check.data.id, path, cb));
      assert.equal(up.err, undefined);
      zips.push(up.data.data[0].id);
    }
    assert.equal((await sdkCall((cb) => sdk.startCheck(check.data.id, false, false, cb))).err, undefined);
    await waitFor('the check completes', async () => ((await sdkCall((cb) => sdk.getCheck(check.data.id, cb))).data?.status === 'Checks completed' ? true : undefined), 90_000, 300);

    // Everyone else: nothing of it, in Codequiry's own error, through the same SDK calls.
    for (const [who, key] of [['another organisation', otherTenant], ['a colleague', colleague]] as const) {
      sdk.setAPIKey(key);
      const list = await sdkCall((cb) => sdk.checks(cb));
      assert.ok(!list.data.some((c: { id: number }) => c.id === check.data.id), `${who} lists the check`);
      for (const [what, run] of [
        ['getCheck', (cb: Cb) => sdk.getCheck(check.data.id, cb)],
        ['getOverview', (cb: Cb) => sdk.getOverview(check.data.id, cb)],
        ['getResults', (cb: Cb) => sdk.getResults(check.data.id, zips[0], cb)],
        ['startCheck', (cb: Cb) => sdk.startCheck(check.data.id, false, false, cb)],
      ] as const) {
        const r = await sdkCall(run);
        // The SDK's failure callback: (null, the error body).
        assert.equal(r.data, null, `${who}: ${what} answered ${JSON.stringify(r.data)}`);
        assert.deepEqual(r.err, { error: 'Invalid check_id provided.' }, `${who}: ${what}`);
      }
      const path = join(dir.path, 'intruder.zip');
      writeFileSync(path, zipOf({ 'x.c': 'int main(void) { return 0; }\n' }));
      const up = await sdkCall((cb) => sdk.uploadFile(check.data.id, path, cb));
      assert.equal(up.data, null, `${who} uploaded into the check`);
      assert.equal(up.err, 'Invalid check_id provided.');
    }
    // The owner's check is as it was: two submissions.
    sdk.setAPIKey(owner);
    assert.equal((await sdkCall((cb) => sdk.getCheck(check.data.id, cb))).data.submission_count, 2);
    // A key made for the Codequiry API (client level: the organisation's administrator there) sees the
    // check, but is refused on the native API: it cannot make keys, users or organisations.
    sdk.setAPIKey(confined);
    assert.equal((await sdkCall((cb) => sdk.getCheck(check.data.id, cb))).data.submission_count, 2);
    const asConfined = apiClient(server.url, confined);
    for (const [method, path, body] of [['post', '/api/v1/api-keys', {}], ['post', '/api/v1/users', { email: 'x@tenant-a.test', role: 'admin' }], ['get', '/api/v1/users', undefined], ['get', '/api/v1/me', undefined]] as const) {
      const r = method === 'post' ? await asConfined.post(path, body) : await asConfined.get(path);
      assert.equal(r.status, 403, `${method} ${path}: ${r.status}`);
      assert.equal(r.body.error.code, 'forbidden');
    }
  } finally {
    req.post = post;
    delete axios.defaults.proxy;
  }
});
