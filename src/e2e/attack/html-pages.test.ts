/**
 * The attack suite's look at every HTML page with a real report behind it (issue 17): the viewer,
 * report.html (native and viewer download), Plagiat.pl's HTML report, PlagScan's HTML report and
 * highlight pages, the UI and the API docs. Each has nosniff, a Content-Security-Policy whose
 * scripts are this server's files or the page's own inline scripts by hash, and a frame policy:
 * this server only, unless the organisation lists LMS origins in `frame_ancestors`.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { appFixture, type AppFixture } from '../../testing/app-fixture.js';
import { buildApp } from '../../api/app.js';
import { mountedPlugins } from '../../main/plugins.js';
import { loadConfig } from '../../config/config.js';
import { waitFor } from '../../testing/server-process.js';

let f: AppFixture;
let app: FastifyInstance;
const LMS = 'https://lms.example.edu';
const TEXT = 'Rivers carry sediment from the mountains to the sea, and their deltas grow where the current slows and drops what it carries. <script>alert(1)</script>';

async function get(url: string, headers: Record<string, string> = {}) {
  return app.inject({ method: 'GET', url, headers });
}

before(async () => {
  f = await appFixture({ worker: true });
  app = await buildApp(f.services, { maxUploadBytes: 1024 * 1024, plugins: await mountedPlugins(f.services, loadConfig({ ORIGO_DATA_DIR: '/nonexistent-origo-data' })) });
  await app.ready();
});
after(async () => {
  await app.close();
  await f.close();
});

const auth = (key: string) => ({ authorization: `Bearer ${key}` });

async function nativeDocument(key: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/documents', headers: { ...auth(key), 'content-type': 'application/json' }, payload: JSON.stringify({ title: 'Deltas', text: TEXT }) });
  assert.equal(res.statusCode, 201, res.body);
  const id = JSON.parse(res.body).id as string;
  await waitFor('the report', async () => ((await get(`/api/v1/documents/${id}/report`, auth(key))).statusCode === 200 ? true : undefined), 60_000, 50);
  return id;
}

async function viewerPath(key: string, id: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: `/api/v1/documents/${id}/viewer-links`, headers: { ...auth(key), 'content-type': 'application/json' }, payload: '{}' });
  assert.equal(res.statusCode, 201, res.body);
  return new URL(JSON.parse(res.body).url).pathname;
}

/** The checks every HTML page passes; returns the CSP. */
function htmlHeaders(name: string, res: { statusCode: number; headers: Record<string, unknown>; body: string }, framedBy: string[] = []): string {
  assert.match(String(res.headers['content-type']), /^text\/html/, `${name} is HTML (${res.statusCode})`);
  assert.equal(res.headers['x-content-type-options'], 'nosniff', name);
  const csp = String(res.headers['content-security-policy'] ?? '');
  assert.match(csp, /default-src '(none|self)'/, `${name}: ${csp}`);
  assert.match(csp, /object-src 'none'|default-src 'none'/, `${name}: ${csp}`);
  const scripts = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
  assert.doesNotMatch(scripts, /unsafe-inline|unsafe-eval|\*|https?:/, `${name}: ${csp}`);
  // Every inline script of the page is allowed by its hash (the page works), and nothing else inline.
  for (const m of res.body.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g)) {
    if (/type="application\/json"|\bsrc=/.test(m[1] ?? '')) continue;
    const hash = `'sha256-${createHash('sha256').update(m[2]).digest('base64')}'`;
    assert.ok(scripts.includes(hash), `${name}: the inline script's hash ${hash} is in ${scripts}`);
  }
  const ancestors = /frame-ancestors ([^;]*)/.exec(csp)?.[1]?.trim();
  assert.equal(ancestors, ["'self'", ...framedBy].join(' '), `${name}: ${csp}`);
  assert.equal(res.headers['x-frame-options'], framedBy.length ? undefined : 'SAMEORIGIN', name);
  return csp;
}

test('the viewer, report.html and the viewer\'s notices: CSP with the inline script by hash, nosniff, frames from this server only', async () => {
  const id = await nativeDocument(f.adminKey);
  const viewer = await viewerPath(f.adminKey, id);
  const page = await get(viewer);
  assert.equal(page.statusCode, 200);
  assert.ok(!page.body.includes('<script>alert(1)</script>'), 'the document text is escaped');
  const csp = htmlHeaders('viewer', page);
  assert.match(csp, /script-src 'self' 'sha256-[\w+/=]+'/);
  assert.match(csp, /connect-src 'self'/, 'the edit mode posts back to this server');
  assert.equal(page.headers['referrer-policy'], 'no-referrer', 'the token in the path does not leak to links');
  htmlHeaders('viewer report.html', await get(`${viewer}/report.html`));
  htmlHeaders('native report.html', await get(`/api/v1/documents/${id}/report.html`, auth(f.adminKey)));
  htmlHeaders('viewer 404 notice', await get('/viewer/not-a-token'));
  htmlHeaders('viewer download notice', await get(`${viewer}/nothing.exe`));
  // A PDF answer has nosniff too.
  const pdf = await get(`${viewer}/report.pdf`);
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.headers['x-content-type-options'], 'nosniff');
});

test('the UI and the API docs: their CSP, nosniff, frames from this server only', async () => {
  const ui = await get('/app/');
  const csp = htmlHeaders('UI', ui);
  assert.match(csp, /script-src 'self'(;|$)/);
  const docs = await get('/docs');
  assert.equal(docs.statusCode, 200);
  htmlHeaders('API docs', docs);
  for (const url of ['/app/app.js', '/app/app.css', '/openapi.json', '/health']) assert.equal((await get(url)).headers['x-content-type-options'], 'nosniff', url);
});

test('frame_ancestors: the organisation\'s LMS origins may frame its viewer, PlagScan and Plagiat.pl pages; other organisations\' pages stay unframeable', async () => {
  const org = JSON.parse((await get('/api/v1/me', auth(f.adminKey))).body).organisation_id as string;
  const other = await app.inject({ method: 'POST', url: '/api/v1/organisations', headers: { ...auth(f.adminKey), 'content-type': 'application/json' }, payload: JSON.stringify({ name: 'Unframed school', admin: { email: 'admin@unframed.example', name: 'Admin', password: 'unframed admin pw' } }) });
  const otherKey = JSON.parse(other.body).admin_api_key as string;
  const set = await app.inject({ method: 'PATCH', url: `/api/v1/organisations/${org}`, headers: { ...auth(f.adminKey), 'content-type': 'application/json' }, payload: JSON.stringify({ settings: { frame_ancestors: [LMS, 'https://exams.example.org:8443'] } }) });
  assert.equal(set.statusCode, 200, set.body);
  const framedBy = [LMS, 'https://exams.example.org:8443'];

  const id = await nativeDocument(f.adminKey);
  htmlHeaders('viewer of the organisation', await get(await viewerPath(f.adminKey, id)), framedBy);
  const otherId = await nativeDocument(otherKey);
  htmlHeaders('viewer of another organisation', await get(await viewerPath(otherKey, otherId)));

  // PlagScan: the HTML report (retrieve modes 4, 6, 8) and the highlight page.
  const token = JSON.parse((await app.inject({ method: 'POST', url: '/plagscan/v3/token', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ client_id: org, client_secret: f.adminKey }) })).body).access_token as string;
  const up = await app.inject({ method: 'POST', url: `/plagscan/v3/documents?access_token=${token}`, headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ textdata: TEXT, textname: 'deltas.txt' }) });
  assert.equal(up.statusCode, 201, up.body);
  const docID = JSON.parse(up.body).data.docID;
  assert.ok([200, 204].includes((await app.inject({ method: 'PUT', url: `/plagscan/v3/documents/${docID}/check?access_token=${token}` })).statusCode));
  const report = await waitFor('the PlagScan report', async () => {
    const r = await get(`/plagscan/v3/documents/${docID}/retrieve?mode=4&access_token=${token}`);
    return r.statusCode === 200 ? r : undefined;
  }, 60_000, 50);
  htmlHeaders('PlagScan retrieve mode 4', report, framedBy);
  htmlHeaders('PlagScan highlight', await get(`/plagscan/v3/documents/${docID}/highlight?access_token=${token}`), framedBy);

  // Plagiat.pl: the HTML report.
  const add = await app.inject({
    method: 'POST',
    url: `/plagiat/api/v2/documents/add?APIKEY=${f.adminKey}&title=Deltas&action=check&id=deltas-1`,
    headers: { 'content-type': 'multipart/form-data; boundary=b' },
    payload: `--b\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\n${TEXT}\r\n--b--\r\n`,
  });
  assert.equal(add.statusCode, 200, add.body);
  const plagiatId = JSON.parse(add.body).id ?? 'deltas-1';
  const html = await waitFor('the Plagiat.pl report', async () => {
    const r = await get(`/plagiat/api/v2/documents/report?APIKEY=${f.adminKey}&id=${encodeURIComponent(plagiatId)}`, { accept: 'text/html' });
    return r.statusCode === 200 ? r : undefined;
  }, 60_000, 50);
  htmlHeaders('Plagiat.pl report', html, framedBy);

  // Dropping the setting closes the frames again.
  await app.inject({ method: 'PATCH', url: `/api/v1/organisations/${org}`, headers: { ...auth(f.adminKey), 'content-type': 'application/json' }, payload: JSON.stringify({ settings: { frame_ancestors: null } }) });
  htmlHeaders('viewer after the setting is dropped', await get(await viewerPath(f.adminKey, id)));
});
