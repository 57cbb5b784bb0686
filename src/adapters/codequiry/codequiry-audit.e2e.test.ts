/**
 * Defects found by the Codequiry audit (an integrator's paths through a started server), each
 * pinned by a test that failed before its fix.
 */
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { apiClient, startProcess, tempDir, type ServerProcess } from '../../testing/server-process.js';
import { JAVA_INDEPENDENT, JAVA_ORIGINAL, zipOf } from './testing/programs.js';

const KEY = 'codequiry-audit-test-key-0123456789';
const dir = tempDir('origo-audit-codequiry-');
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

/**
 * Starts an upload that announces `declared` bytes, sends only the first MiB and waits for an
 * answer: the status and body when the server answers before the rest arrives, else null.
 */
function answerBeforeBody(path: string, headers: Record<string, string>, declared: number, waitMs: number): Promise<{ status: number; body: string } | null> {
  return new Promise((resolve, reject) => {
    const url = new URL(`${base}${path}`);
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(declared), ...headers } });
    const timer = setTimeout(() => {
      req.destroy();
      resolve(null);
    }, waitMs);
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => {
        clearTimeout(timer);
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body });
      });
    });
    req.on('error', (err) => {
      clearTimeout(timer);
      // The server may close the connection after answering; only a failure before any answer is an error.
      if ((err as NodeJS.ErrnoException).code === 'ECONNRESET' || (err as NodeJS.ErrnoException).code === 'EPIPE') return;
      reject(err);
    });
    req.write(Buffer.alloc(1024 * 1024, 0x61));
  });
}

test('a request without a valid apikey is refused before its body is read (no 500 MB buffered for a stranger)', { timeout: 60_000 }, async () => {
  // Before the fix the key was checked after the whole body (up to the 501 MB limit) was buffered:
  // these requests got no answer while the body was still coming.
  for (const headers of [{}, { apikey: 'not-a-key-not-a-key-not-a-key' }] as Record<string, string>[]) {
    const got = await answerBeforeBody('/check/upload', headers, 400 * 1024 * 1024, 5_000);
    assert.ok(got, `no answer before the body was sent (${JSON.stringify(headers)})`);
    assert.equal(got.status, 401);
    assert.equal(got.body, '{"error":"Invalid API key"}');
  }
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
