/**
 * What a student sees of a classmate's essay through the vendor APIs a student can use: DrillBit
 * (a login with the student's password) and Plagiat.pl (an API key of the student's own). As on
 * the native API (student-report-sources.e2e.test.ts), only the passage that matched: the viewer
 * behind DrillBit's Moodle analysis link, DrillBit's PDF downloads (with the login token and
 * through a report link made for a browser), Plagiat.pl's report PDF and its report-token viewer.
 * An instructor's link still shows the whole source. Through a started server:
 *
 *   assignment ── Ann hands in: own text + P + a sentence only she wrote (native API)
 *              ── Ben hands in: own text + P (native API), read through DrillBit
 *   Plagiat.pl ── Ann indexes her essay into the repository; Ben checks his against it
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { apiClient, startProcess, tempDir, waitFor, type ServerProcess } from '../testing/server-process.js';
import { ANN, ANN_OWN, BEN } from '../testing/classmate-essays.js';
import { extractDocument } from '../extract/index.js';

const KEY = 'e2e-admin-key-vendor-student-sources-0123';

const dir = tempDir();
let server: ServerProcess | undefined;
after(async () => {
  await server?.kill('SIGTERM');
  dir.remove();
});

async function pdfText(res: Response): Promise<string> {
  assert.equal(res.status, 200, `PDF: ${res.status}`);
  const out = await extractDocument(new Uint8Array(await res.arrayBuffer()), { filename: 'report.pdf' });
  assert.ok(out.ok, 'the PDF reads');
  return out.extraction.text.replace(/\s+/g, ' ');
}

/** The matched passage is there; Ann's own sentence is not. */
function onlyTheMatch(text: string, what: string): void {
  assert.ok(text.includes('living standards of families'), `${what}: the matched passage is shown`);
  assert.ok(!text.includes('Styal') && !text.includes('diary of her visits'), `${what}: Ann's own sentence is masked`);
}

test("a student's DrillBit and Plagiat.pl reports show of a classmate's essay only what matched; an instructor's show it all", { timeout: 180_000 }, async () => {
  server = await startProcess({ ORIGO_DATA_DIR: dir.path, ORIGO_ADMIN_KEY: KEY, ORIGO_WORKERS: '1' });
  const url = server.url;
  const admin = apiClient(url, KEY);
  const ids: Record<string, number> = {};
  for (const [email, name] of [['ann@example.org', 'Ann'], ['ben@example.org', 'Ben']]) {
    const u = await admin.post('/api/v1/users', { email, name, role: 'student', password: `${name} password 123` });
    assert.equal(u.status, 201);
    ids[name] = u.body.id;
  }
  const login = async (email: string, password: string) => {
    const r = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    return ((await r.json()) as { token: string }).token;
  };
  const asg = await admin.post('/api/v1/assignments', { name: 'Industrial revolution essay' });
  assert.equal((await apiClient(url, await login('ann@example.org', 'Ann password 123')).post(`/api/v1/assignments/${asg.body.id}/documents`, { title: 'Ann', text: ANN })).status, 201);
  const b = await apiClient(url, await login('ben@example.org', 'Ben password 123')).post(`/api/v1/assignments/${asg.body.id}/documents`, { title: 'Ben', text: BEN });
  assert.equal(b.status, 201);
  await waitFor("Ben's report to match Ann's essay", async () => {
    const r = await admin.get(`/api/v1/documents/${b.body.id}/report`);
    return r.status === 200 && r.body.similarity > 0 ? r.body : undefined;
  }, 90_000, 250);

  // DrillBit: Ben signs in with his password; his paper is found in the assignment's folder.
  const drill = `${url}/drillbit`;
  const signIn = await fetch(`${drill}/authentication/authenticate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'ben@example.org', password: 'Ben password 123' }) });
  assert.equal(signIn.status, 200);
  const benToken = ((await signIn.json()) as { token: string }).token;
  const asBen = { Authorization: `Bearer ${benToken}` };
  const folders = (await (await fetch(`${drill}/extreme/myFolders`, { headers: { Authorization: `Bearer ${KEY}` } })).json()) as { folders: { content: { folder_id: number; folder_name: string }[] } };
  const folder = folders.folders.content.find((f) => f.folder_name === 'Industrial revolution essay')!;
  const list = (await (await fetch(`${drill}/extreme/myFolder/${folder.folder_id}/submissions`, { headers: { Authorization: `Bearer ${KEY}` } })).json()) as { _embedded: { submissionsList: { paper_id: number; title: string; d_key: string }[] } };
  const paper = list._embedded.submissionsList.find((s) => s.title === 'Ben')!;
  // The Moodle plugin's analysis link: Origo's viewer.
  const analysis = await fetch(`${drill}/extreme/moodle/submission/${paper.paper_id}/analysis`, { headers: asBen });
  assert.equal(analysis.status, 200);
  onlyTheMatch(await (await fetch(await analysis.text())).text(), 'DrillBit analysis viewer');
  // The PDF downloads, with his login token and through the browser link made with it.
  onlyTheMatch(await pdfText(await fetch(`${drill}/analysis-gateway/api/download2/${paper.paper_id}/${paper.d_key}`, { headers: asBen })), 'DrillBit download2');
  onlyTheMatch(await pdfText(await fetch(`${drill}/extreme/moodle/submission/${paper.paper_id}/${paper.d_key}/download`, { headers: asBen })), 'DrillBit Moodle download');
  // The administrator's analysis link shows all of Ann's essay.
  const full = await fetch(`${drill}/extreme/moodle/submission/${paper.paper_id}/analysis`, { headers: { Authorization: `Bearer ${KEY}` } });
  assert.ok((await (await fetch(await full.text())).text()).includes(ANN_OWN), "the administrator's viewer shows Ann's own sentence");

  // Plagiat.pl: each student with a key of their own; Ann's essay is indexed, Ben's checked against it.
  const keyOf = async (name: string) => (await admin.post('/api/v1/api-keys', { level: 'user', user_id: ids[name], vendor: 'plagiat' })).body.key as string;
  const [annKey, benKey] = [await keyOf('Ann'), await keyOf('Ben')];
  const add = async (apiKey: string, title: string, text: string, action: string) => {
    const form = new FormData();
    for (const [k, v] of Object.entries({ APIKEY: apiKey, languageCode: 'en', title, author: title, coordinator: 'Dr Who', action, documentKind: '2' })) form.append(k, v);
    form.append('file', new Blob([text], { type: 'text/plain' }), `${title}.txt`);
    const r = await fetch(`${url}/plagiat/api/v2/documents/add`, { method: 'POST', body: form });
    assert.equal(r.status, 200);
    return ((await r.json()) as { id: string }).id;
  };
  const annDoc = await add(annKey, 'Ann essay', ANN, 'index');
  await waitFor("Ann's essay to be indexed", async () => {
    const r = await fetch(`${url}/plagiat/api/v2/documents?APIKEY=${annKey}&id=${annDoc}`);
    const body = (await r.json()) as { status?: string };
    return r.status === 200 && body.status === 'indexed' ? body : undefined;
  }, 60_000, 250);
  const benDoc = await add(benKey, 'Ben essay', BEN, 'check');
  await waitFor("Ben's Plagiat.pl report to list Ann's essay", async () => {
    const r = await fetch(`${url}/plagiat/api/v2/documents/report?APIKEY=${benKey}&id=${benDoc}`, { headers: { accept: 'application/json' } });
    const body = r.status === 200 ? ((await r.json()) as { sources?: unknown[] }) : {};
    return (body.sources?.length ?? 0) > 0 ? body : undefined;
  }, 60_000, 250);
  onlyTheMatch(await pdfText(await fetch(`${url}/plagiat/api/v2/documents/report?APIKEY=${benKey}&id=${benDoc}&pdf=1`)), 'Plagiat.pl report PDF');
  // The report token: asked for editing, a student's link is read-only and masked all the same.
  const tokenReply = await fetch(`${url}/plagiat/report/api/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ documentId: benDoc, apiKey: benKey, viewOnly: false }) });
  assert.equal(tokenReply.status, 200);
  const viewer = await fetch(`${url}/plagiat/report/?auth=${await tokenReply.text()}`, { redirect: 'manual' });
  assert.equal(viewer.status, 302);
  const viewerUrl = String(viewer.headers.get('location'));
  onlyTheMatch(await (await fetch(viewerUrl)).text(), 'Plagiat.pl report viewer');
  const claims = JSON.parse(Buffer.from(viewerUrl.split('/viewer/')[1].split('.')[1], 'base64url').toString()) as Record<string, unknown>;
  assert.notEqual(claims.mode, 'edit', "a student's report token opens the viewer read-only");
});
