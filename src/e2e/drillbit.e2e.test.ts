/**
 * The DrillBit workflow end to end, as an integration would run it against a started server:
 *
 *   register the PUT callback (organisation settings, native API)
 *   log in (email + password → JWT) ── POST /pro/folder ── upload three real files:
 *     A  PAN13 suspicious-document00013  ─┐ A copies 489 characters of B (no obfuscation)
 *     B  PAN13 source-document00010       ─┘
 *     C  PAN13 source-document00813          unrelated
 *   poll until percent is a number ── receive the callbacks ── compare ── download the PDFs
 *
 * A second scenario shows folder settings reaching the analysis: of two essays quoting the same
 * sentence, the later one matches the earlier in a folder that counts quotes and scores 0 in one
 * that excludes them.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { apiClient, freePort, REPO_ROOT, startProcess, tempDir, waitFor, type ServerProcess } from '../testing/server-process.js';
import { multipartBody } from '../testing/multipart-body.js';

const PAN = process.env.ORIGO_PAN_DEV ?? resolve(REPO_ROOT, '../shared/data/pan-dev');
const skip = existsSync(join(PAN, 'pairs')) ? false : `PAN dev corpus not found at ${PAN} (set ORIGO_PAN_DEV)`;
const ADMIN_KEY = 'drillbit-e2e-admin-key-0123456789';
const EMAIL = 'admin@drillbit-e2e.example.org';
const PASSWORD = 'e2e admin password';

interface Callback {
  method: string;
  contentType: string;
  body: { paper_id: number; similarity: string; download_url: string; flag: number };
}

const dir = tempDir();
let server: ServerProcess;
let receiver: Server;
const callbacks: Callback[] = [];
let base = '';
let token = '';

before(async () => {
  if (skip) return;
  const port = await freePort();
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      callbacks.push({ method: req.method ?? '', contentType: String(req.headers['content-type']), body: JSON.parse(body) });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(port, '127.0.0.1', () => r()));
  server = await startProcess({ ORIGO_DATA_DIR: dir.path, ORIGO_OUTBOUND_ALLOW: '127.0.0.1', ORIGO_ADMIN_KEY: ADMIN_KEY, ORIGO_ADMIN_EMAIL: EMAIL, ORIGO_ADMIN_PASSWORD: PASSWORD, ORIGO_WEBHOOK_BACKOFF_MS: '200' });
  base = `${server.url}/drillbit`;
  // The organisation registers its callback URL in its settings.
  const api = apiClient(server.url, ADMIN_KEY);
  const me = await api.get('/api/v1/me');
  const patched = await api.patch(`/api/v1/organisations/${me.body.organisation_id}`, { settings: { drillbit_callback_url: `http://127.0.0.1:${port}/drillbit/callback` } });
  assert.equal(patched.status, 200, JSON.stringify(patched.body));
  const login = await fetch(`${base}/authentication/authenticate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: EMAIL, password: PASSWORD }) });
  assert.equal(login.status, 200);
  token = ((await login.json()) as { token: string }).token;
});
after(async () => {
  await server?.kill('SIGTERM');
  receiver?.close();
  dir.remove();
});

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${base}${path}`, { method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) };
  } catch {
    return { status: res.status, body: text };
  }
}

async function createFolder(name: string, settings: Record<string, unknown>): Promise<number> {
  const r = await call('POST', '/pro/folder', { folder_name: name, exclude_reference: 'NO', exclude_quotes: 'NO', exclude_small_sources: 'NO', grammar_check: 'NO', exclude_phrases: 'NO', db_studentpaper: 'YES', db_publications: 'YES', db_internet: 'YES', institution_repository: 'NO', email_notifications: 'NO', exclude_threshold: 14, ...settings });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return Number(r.body._links.self.href.split('/').pop());
}

async function upload(folder: number, title: string, filename: string, bytes: Buffer | string): Promise<number> {
  const mp = multipartBody({ authorName: title, title, documentType: 'Assignment', guide_email: '', guide_name: '', plagiarismCheck: 'YES', grammarCheck: 'NO', language: 'English' }, [{ field: 'file', filename, mime: 'text/plain', bytes }]);
  const res = await fetch(`${base}/files/folder/${folder}/singleFile`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': mp.contentType }, body: mp.body });
  const body = (await res.json()) as any;
  assert.equal(body.status, 200, JSON.stringify(body));
  assert.equal(body.submissions.percent, '--');
  return body.submissions.paper_id;
}

/** Polls like the Frappe app: until every paper's percent is a number and stops changing with the peers' re-checks. */
async function percents(folder: number, ids: number[]): Promise<Map<number, { percent: number; d_key: string }>> {
  return waitFor('every paper checked', async () => {
    const out = new Map<number, { percent: number; d_key: string }>();
    for (const id of ids) {
      const r = await call('GET', `/pro/folder/${folder}/submission/${id}`);
      assert.equal(r.status, 200);
      if (r.body.percent === '--') return undefined;
      out.set(id, { percent: Number(r.body.percent), d_key: r.body.d_key });
    }
    return out;
  }, 90_000, 250);
}

test('DrillBit workflow: login, folder, real files, percent, PUT callbacks, report download', { skip, timeout: 180_000 }, async (t) => {
  const folder = await createFolder('PAN 2013 sample', {});
  const file = (p: string) => readFileSync(join(PAN, p));
  const a = await upload(folder, 'A', 'suspicious-document00013.txt', file('susp/suspicious-document00013.txt'));
  const b = await upload(folder, 'B', 'source-document00010.txt', file('src/source-document00010.txt'));
  const c = await upload(folder, 'C', 'source-document00813.txt', file('src/source-document00813.txt'));

  // The callbacks arrive once each paper is done; the source B also gets one when A's check re-checks it.
  const last = await waitFor('callbacks with the final figures', async () => {
    const latest = new Map<number, Callback>();
    for (const cb of callbacks) latest.set(cb.body.paper_id, cb);
    const la = latest.get(a);
    const lb = latest.get(b);
    return la && lb && latest.get(c) && la.body.similarity !== '0%' && lb.body.similarity !== '0%' ? latest : undefined;
  }, 90_000, 200);
  const got = await percents(folder, [a, b, c]);
  const [pa, pb, pc] = [a, b, c].map((id) => got.get(id)!.percent);
  t.diagnostic(`percent A=${pa} B=${pb} C=${pc}`);
  assert.ok(pb > pc, `the source sharing a passage (${pb}%) scores higher than the unrelated document (${pc}%)`);
  assert.ok(pa > pc, `the copying document (${pa}%) scores higher than the unrelated one (${pc}%)`);
  assert.equal(pc, 0);
  // B is 2391 characters of which 489 were copied: about a fifth.
  assert.ok(pb >= 15 && pb <= 30, `B: ${pb}%`);

  for (const id of [a, b, c]) {
    const cb = last.get(id)!;
    assert.equal(cb.method, 'PUT');
    assert.match(cb.contentType, /application\/json/);
    assert.equal(cb.body.flag, 0);
    assert.match(cb.body.similarity, /^\d+%$/);
    assert.equal(cb.body.download_url, `${base}/analysis-gateway/api/download2/${id}/${got.get(id)!.d_key}`);
  }
  assert.equal(last.get(b)!.body.similarity, `${pb}%`);

  // The long PAN texts get an AI score from the built-in detector: a whole percent, with ai_sup 1.
  const detail = await call('GET', `/pro/folder/${folder}/submission/${a}`);
  t.diagnostic(`ai A=${detail.body.ai}`);
  assert.match(detail.body.ai, /^\d+$/);
  assert.equal(detail.body.ai_sup, 1);

  // Download the reports: similarity (the callback's download_url), summary, and AI for the long text A.
  const download = async (url: string) => {
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    const buf = Buffer.from(await res.arrayBuffer());
    assert.equal(res.status, 200, url);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    assert.equal(buf.subarray(0, 5).toString('latin1'), '%PDF-');
    return buf.length;
  };
  await download(last.get(b)!.body.download_url);
  await download(`${base}/analysis-gateway/api/download/summary/${b}/${got.get(b)!.d_key}`);
  await download(`${base}/analysis-gateway/api/ai/download2/${a}/${got.get(a)!.d_key}`);
});

test('folder settings reach the analysis: quoted text counts in one folder and is excluded in the other', { skip, timeout: 120_000 }, async (t) => {
  const quote = '"The industrial revolution transformed the economic and social structure of Britain in ways that historians still debate today, especially its effect on wages and on working hours."';
  const one = `Alice opens with her own view of the period and the sources she read for this course. ${quote} She closes by comparing it with the digital economy of her generation.`;
  const two = `Bob begins with a story about his grandfather, who worked in a factory near Manchester for forty years. ${quote} His conclusion is that progress always has a price.`;
  const counting = await createFolder('Quotes counted', { exclude_quotes: 'NO' });
  const excluding = await createFolder('Quotes excluded', { exclude_quotes: 'YES' });
  // In each folder the second essay is uploaded once the first is checked, so its check sees the first.
  const pair = async (folder: number) => {
    const first = await upload(folder, 'Alice', 'alice.txt', one);
    await percents(folder, [first]);
    const second = await upload(folder, 'Bob', 'bob.txt', two);
    return (await percents(folder, [second])).get(second)!.percent;
  };
  const counted = await pair(counting);
  t.diagnostic(`quotes counted: ${counted}%`);
  assert.ok(counted > 20, `quotes counted: ${counted}%`);
  assert.equal(await pair(excluding), 0, 'quotes excluded');
  const detail = await call('GET', `/pro/folder/${excluding}/submission/${(await call('GET', `/pro/folder/${excluding}/submissions`)).body._embedded.submissionsList[0].paper_id}`);
  assert.equal(detail.body.exclude_quotes, 'YES');
});
