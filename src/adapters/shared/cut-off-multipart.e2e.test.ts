/**
 * A multipart body cut off inside a file part (no closing boundary) on every vendor API, against a
 * started server: each answers in its own error shape, and the process keeps serving. Before the
 * fix in wire-body.ts the part stream's error was unhandled and ended the server process.
 */
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { startProcess, tempDir, type ServerProcess } from '../../testing/server-process.js';

const KEY = 'cut-off-multipart-test-key-0123456789';
const dir = tempDir();
let server: ServerProcess;

before(async () => {
  server = await startProcess({ ORIGO_DATA_DIR: dir.path, ORIGO_ADMIN_KEY: KEY });
});
after(async () => {
  await server?.kill('SIGTERM');
  dir.remove();
});

const CUT_OFF =
  '--zz\r\nContent-Disposition: form-data; name="title"\r\n\r\nEssay\r\n' +
  '--zz\r\nContent-Disposition: form-data; name="file"; filename="essay.zip"\r\nContent-Type: application/zip\r\n\r\nunterminated';

test('a multipart body cut off inside a file part gets each vendor error, and the server keeps running', async () => {
  const cases: { path: string; headers: Record<string, string>; errorOf: (b: any) => unknown }[] = [
    { path: '/codequiry/api/v1/check/upload', headers: { apikey: KEY }, errorOf: (b) => b.error },
    { path: '/drillbit/files/moodle/upload', headers: { authorization: `Bearer ${KEY}` }, errorOf: (b) => b.message },
    { path: `/plagiat/api/v2/documents/add?APIKEY=${KEY}`, headers: {}, errorOf: (b) => b.message },
    { path: '/plagscan/v3/token', headers: {}, errorOf: (b) => b.error?.message },
    { path: '/inspera/token', headers: {}, errorOf: (b) => b.message },
  ];
  for (const c of cases) {
    const res = await fetch(`${server.url}${c.path}`, {
      method: 'POST',
      headers: { ...c.headers, 'content-type': 'multipart/form-data; boundary=zz' },
      body: CUT_OFF,
      signal: AbortSignal.timeout(10_000),
    });
    const text = await res.text();
    assert.ok(res.status >= 400 && res.status < 500, `${c.path} → ${res.status} ${text}`);
    assert.equal(typeof c.errorOf(JSON.parse(text)), 'string', `${c.path} → ${text}`);
    const health = await fetch(`${server.url}/health`);
    assert.equal(health.status, 200, `the server stopped answering after ${c.path}`);
  }
});
