/**
 * A student's report shows of a classmate's essay only the passage that matched: the rest of the
 * source is masked ("·") in the report HTML, the viewer behind a student's viewer link and the
 * report PDF, while the instructor's report shows the whole source. Through a started server:
 *
 *   assignment ── Ann (student) hands in: own text + P + a sentence only she wrote
 *              ── Ben (student) hands in: own text + P
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { apiClient, startProcess, tempDir, waitFor, type ServerProcess } from '../testing/server-process.js';
import { ANN, ANN_OWN, BEN } from '../testing/classmate-essays.js';

const dir = tempDir();
let server: ServerProcess | undefined;
after(async () => {
  await server?.kill('SIGTERM');
  dir.remove();
});

async function login(base: string, email: string, password: string): Promise<string> {
  const r = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  assert.equal(r.status, 200);
  return ((await r.json()) as { token: string }).token;
}

test("a student's report shows of a classmate's essay only what matched; the instructor's shows it all", { timeout: 150_000 }, async () => {
  const key = 'e2e-admin-key-student-sources-0123';
  server = await startProcess({ ORIGO_DATA_DIR: dir.path, ORIGO_ADMIN_KEY: key });
  const admin = apiClient(server.url, key);
  for (const [email, name] of [['ann@example.org', 'Ann'], ['ben@example.org', 'Ben']]) {
    assert.equal((await admin.post('/api/v1/users', { email, name, role: 'student', password: `${name} password 123` })).status, 201);
  }
  const asg = await admin.post('/api/v1/assignments', { name: 'Industrial revolution essay' });
  assert.equal(asg.status, 201);
  const ann = apiClient(server.url, await login(server.url, 'ann@example.org', 'Ann password 123'));
  const ben = apiClient(server.url, await login(server.url, 'ben@example.org', 'Ben password 123'));
  const a = await ann.post(`/api/v1/assignments/${asg.body.id}/documents`, { title: 'Ann', text: ANN });
  assert.equal(a.status, 201, JSON.stringify(a.body));
  const b = await ben.post(`/api/v1/assignments/${asg.body.id}/documents`, { title: 'Ben', text: BEN });
  assert.equal(b.status, 201, JSON.stringify(b.body));
  await waitFor("Ben's report to match Ann's essay", async () => {
    const r = await admin.get(`/api/v1/documents/${b.body.id}/report`);
    return r.status === 200 && r.body.similarity > 0 ? r.body : undefined;
  }, 90_000, 250);

  const html = async (token: string, path: string) => (await fetch(`${server!.url}${path}`, { headers: { authorization: `Bearer ${token}` } })).text();
  // The instructor (here the administrator) reads the whole source.
  const full = await html(key, `/api/v1/documents/${b.body.id}/report.html`);
  assert.ok(full.includes(ANN_OWN), "the instructor's report shows all of Ann's essay");
  // Ben sees the matched paragraph of Ann's essay, not the rest of it.
  const benToken = await login(server.url, 'ben@example.org', 'Ben password 123');
  const own = await html(benToken, `/api/v1/documents/${b.body.id}/report.html`);
  assert.ok(own.includes('living standards of families'), 'the matched passage is shown');
  assert.ok(!own.includes(ANN_OWN) && !own.includes('Styal'), "Ann's own sentence is not in Ben's report");
  assert.ok(own.includes('\u00b7\u00b7\u00b7'), 'the rest is masked');
  // The same through Ben's viewer link, and its downloads.
  const link = await ben.post(`/api/v1/documents/${b.body.id}/viewer-links`, { mode: 'view' });
  assert.equal(link.status, 201, JSON.stringify(link.body));
  const viewer = await (await fetch(link.body.url)).text();
  assert.ok(viewer.includes('living standards of families') && !viewer.includes('Styal'), "the viewer shows the match, not Ann's own sentence");
  const saved = await (await fetch(`${link.body.url}/report.html`)).text();
  assert.ok(!saved.includes('Styal'));
  // An instructor's link still shows everything.
  const adminLink = await admin.post(`/api/v1/documents/${b.body.id}/viewer-links`, { mode: 'view' });
  assert.ok((await (await fetch(adminLink.body.url)).text()).includes(ANN_OWN));
});
