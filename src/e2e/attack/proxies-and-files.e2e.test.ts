/**
 * The attack suite against started servers (issue 17):
 *
 *   umask 000 ── server: upload, check ──► data folder, SQLite (+ -wal, -shm), blobs: 0700 / 0600
 *             └─ `origo backup` ────────► backup folder, database copy, manifest, blobs: 0700 / 0600
 *   no ORIGO_TRUSTED_PROXIES: X-Forwarded-For is ignored (allowed_ips, throttling see the socket's
 *     peer); a forged Host / X-Forwarded-Host does not reach links (viewer links, Inspera's upload
 *     URL, DrillBit's _links)
 *   ORIGO_TRUSTED_PROXIES=127.0.0.1: the forwarded client address decides allowed_ips and throttling;
 *     links take the proxy's X-Forwarded-Proto and Host; a client cannot prepend addresses
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, apiClient, startProcess, tempDir, waitFor, type ServerProcess } from '../../testing/server-process.js';

const KEY = 'proxies-files-admin-key-0123456789';
const cleanups: (() => Promise<void> | void)[] = [];
after(async () => {
  for (const c of cleanups.reverse()) await c();
});

// Whatever the umask, Origo's files are 0600 and its folders 0700: the test gives the server the loosest one.
const previousUmask = process.umask(0o000);
cleanups.push(() => void process.umask(previousUmask));

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: any;
}

/** HTTP with any headers (fetch refuses to set Host), JSON in and out. */
function http(server: ServerProcess, method: string, path: string, o: { headers?: Record<string, string>; body?: unknown; key?: string | null } = {}): Promise<Answer> {
  const payload = o.body === undefined ? undefined : JSON.stringify(o.body);
  const headers: Record<string, string> = { ...(o.headers ?? {}) };
  const key = o.key === undefined ? KEY : o.key;
  if (key) headers.authorization = `Bearer ${key}`;
  if (payload) headers['content-type'] = 'application/json';
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, method, path, headers }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => {
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          /* not JSON */
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
      });
    });
    req.once('error', reject);
    req.end(payload);
  });
}

const mode = (p: string) => statSync(p).mode & 0o777;
const octal = (n: number) => `0${n.toString(8)}`;

function assertTree(root: string, what: string): number {
  let files = 0;
  assert.equal(octal(mode(root)), '0700', `${what}: ${root}`);
  for (const name of readdirSync(root)) {
    const p = join(root, name);
    if (statSync(p).isDirectory()) files += assertTree(p, what);
    else {
      assert.equal(octal(mode(p)), '0600', `${what}: ${p}`);
      files++;
    }
  }
  return files;
}

let plain: ServerProcess;
let proxied: ServerProcess;
let plainData = '';
let documentId = '';
const work = tempDir('origo-attack-files-');
cleanups.push(() => work.remove());

before(async () => {
  plainData = join(work.path, 'data', 'nested');
  plain = await startProcess({ ORIGO_DATA_DIR: plainData, ORIGO_ADMIN_KEY: KEY, ORIGO_WORKERS: '1', ORIGO_THROTTLE_ADDRESS_FAILURES: '5', ORIGO_LOG_LEVEL: 'warn' });
  cleanups.push(async () => void (await plain.kill('SIGTERM')));
  proxied = await startProcess({ ORIGO_DATA_DIR: join(work.path, 'proxied'), ORIGO_ADMIN_KEY: KEY, ORIGO_WORKERS: '0', ORIGO_TRUSTED_PROXIES: '127.0.0.1, ::1', ORIGO_THROTTLE_ADDRESS_FAILURES: '5', ORIGO_LOG_LEVEL: 'warn' });
  cleanups.push(async () => void (await proxied.kill('SIGTERM')));
});

test('file modes under umask 000: the data folder, the SQLite database with -wal and -shm, uploaded blobs, and a backup are 0700 folders and 0600 files', async () => {
  const form = new FormData();
  form.append('title', 'Glaciers');
  form.append('file', new Blob(['Glaciers carve valleys over thousands of years, leaving moraines and lakes behind them.']), 'glaciers.txt');
  const up = await fetch(`${plain.url}/api/v1/documents`, { method: 'POST', headers: { authorization: `Bearer ${KEY}` }, body: form });
  assert.equal(up.status, 201, await up.clone().text());
  documentId = ((await up.json()) as { id: string }).id;
  const api = apiClient(plain.url, KEY);
  await waitFor('the report', async () => ((await api.get(`/api/v1/documents/${documentId}/report`)).status === 200 ? true : undefined), 90_000, 200);

  // The folder Origo created for ORIGO_DATA_DIR, and everything in it while the server runs.
  assert.equal(octal(mode(join(work.path, 'data'))), '0700', 'a parent folder Origo created');
  for (const f of ['origo.sqlite', 'origo.sqlite-wal', 'origo.sqlite-shm']) assert.equal(octal(mode(join(plainData, f))), '0600', f);
  const blobs = assertTree(join(plainData, 'blobs'), 'blobs');
  assert.ok(blobs >= 1, 'the upload is a blob');
  assertTree(plainData, 'data folder');

  const backupDir = join(work.path, 'backups', 'monday');
  const r = spawnSync(process.execPath, [BIN, 'backup', backupDir], { env: { ...process.env, ORIGO_DATA_DIR: plainData, ORIGO_ADMIN_KEY: KEY }, encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.status, 0, `${r.stdout}${r.stderr}`);
  assert.ok(assertTree(backupDir, 'backup') >= 3, 'database copy, manifest and blobs');
  assert.equal(octal(mode(join(work.path, 'backups'))), '0700');
});

test('without ORIGO_TRUSTED_PROXIES: X-Forwarded-For is ignored by allowed_ips and throttling; forged Host headers do not reach links', async () => {
  const limited = await http(plain, 'POST', '/api/v1/api-keys', { body: { name: 'from 203.0.113.0/24', allowed_ips: '203.0.113.0/24' } });
  assert.equal(limited.status, 201);
  const fromForged = await http(plain, 'GET', '/api/v1/me', { key: limited.body.key, headers: { 'x-forwarded-for': '203.0.113.5' } });
  assert.equal(fromForged.status, 403, 'the socket peer (127.0.0.1) is the client');

  // Links: a forged Host, X-Forwarded-Host and -Proto are not used; the address the client reached is.
  const forged = { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' };
  const link = await http(plain, 'POST', `/api/v1/documents/${documentId}/viewer-links`, { body: {}, headers: forged });
  assert.equal(link.status, 201);
  assert.ok(link.body.url.startsWith(`${plain.url}/viewer/`), link.body.url);
  const viewerPage = await http(plain, 'GET', new URL(link.body.url).pathname, { key: null, headers: forged });
  assert.equal(viewerPage.status, 200);
  assert.doesNotMatch(String(viewerPage.body), /evil\.example/);

  // Upload URLs and links in vendor answers: Inspera's presigned upload URL, DrillBit's _links.
  const org = (await http(plain, 'GET', '/api/v1/me')).body.organisation_id as string;
  const inspera = await http(plain, 'POST', '/inspera/token', { key: null, body: { clientId: KEY, institutionId: org }, headers: forged });
  assert.equal(inspera.status, 200, JSON.stringify(inspera.body));
  const submission = await http(plain, 'POST', '/inspera/create/submission', { key: inspera.body.token, headers: forged, body: { documentTitle: 'Tides', author: 'Student', email: 'student@school.example', docType: 'text/plain', assignmentId: 'links-1' } });
  assert.equal(submission.status, 200, JSON.stringify(submission.body));
  assert.ok(submission.body.presignedS3Url.startsWith(`${plain.url}/inspera/upload/`), submission.body.presignedS3Url);
  const folder = await http(plain, 'POST', '/drillbit/pro/folder', { headers: forged, body: { folder_name: 'Links', exclude_threshold: 14 } });
  assert.equal(folder.status, 201, JSON.stringify(folder.body));
  assert.ok(folder.body._links.self.href.startsWith(`${plain.url}/drillbit/`), folder.body._links.self.href);
  assert.doesNotMatch(JSON.stringify([submission.body, folder.body]), /evil\.example/);

  // Throttling counts the socket's peer: five bad keys "from" five forwarded addresses block 127.0.0.1.
  for (let i = 0; i < 5; i++) assert.equal((await http(plain, 'GET', '/api/v1/me', { key: `guess-${i}`, headers: { 'x-forwarded-for': `198.51.100.${i + 1}` } })).status, 401);
  const blocked = await http(plain, 'GET', '/api/v1/me', { headers: { 'x-forwarded-for': '198.51.100.99' } });
  assert.equal(blocked.status, 429, 'a new forwarded address does not escape the counter');
});

test('with ORIGO_TRUSTED_PROXIES: the forwarded client address decides allowed_ips and throttling; links take the proxy\'s scheme and host', async () => {
  const limited = await http(proxied, 'POST', '/api/v1/api-keys', { body: { name: 'from 203.0.113.0/24', allowed_ips: '203.0.113.0/24' } });
  assert.equal(limited.status, 201, JSON.stringify(limited.body));
  const via = (xff: string) => http(proxied, 'GET', '/api/v1/me', { key: limited.body.key, headers: { 'x-forwarded-for': xff } });
  assert.equal((await via('203.0.113.5')).status, 200, 'the proxy says the client is in the allowed range');
  assert.equal((await via('198.51.100.1')).status, 403);
  assert.equal((await via('203.0.113.5, 198.51.100.1')).status, 403, 'an address the client prepended is not believed: the proxy appended the real one');
  assert.equal((await http(proxied, 'GET', '/api/v1/me', { key: limited.body.key })).status, 403, 'without the header the proxy itself is the client');

  const doc = await http(proxied, 'POST', '/api/v1/documents', { body: { title: 'Lakes', text: 'Lakes fill the hollows glaciers leave behind, and birds nest along their shores.' } });
  assert.equal(doc.status, 201);
  const link = await http(proxied, 'POST', `/api/v1/documents/${doc.body.id}/viewer-links`, { body: {}, headers: { host: 'origo.example.edu', 'x-forwarded-proto': 'https' } });
  assert.equal(link.status, 201);
  assert.ok(link.body.url.startsWith('https://origo.example.edu/viewer/'), link.body.url);
  const forwardedHost = await http(proxied, 'POST', `/api/v1/documents/${doc.body.id}/viewer-links`, { body: {}, headers: { host: '127.0.0.1', 'x-forwarded-host': 'plag.example.edu', 'x-forwarded-proto': 'https' } });
  assert.ok(forwardedHost.body.url.startsWith('https://plag.example.edu/viewer/'), forwardedHost.body.url);

  // Throttling per forwarded client: one address is blocked, another is not.
  for (let i = 0; i < 5; i++) assert.equal((await http(proxied, 'GET', '/api/v1/me', { key: `guess-${i}`, headers: { 'x-forwarded-for': '198.51.100.7' } })).status, 401);
  assert.equal((await http(proxied, 'GET', '/api/v1/me', { headers: { 'x-forwarded-for': '198.51.100.7' } })).status, 429);
  assert.equal((await http(proxied, 'GET', '/api/v1/me', { headers: { 'x-forwarded-for': '198.51.100.8' } })).status, 200, 'another client behind the same proxy is not affected');
});

test('ORIGO_TRUSTED_PROXIES with an entry that is not an address or range stops the server at start', () => {
  const r = spawnSync(process.execPath, [BIN, 'serve'], { env: { ...process.env, ORIGO_DATA_DIR: join(work.path, 'never'), ORIGO_TRUSTED_PROXIES: '10.0.0.0/8, proxy.example' }, encoding: 'utf8', timeout: 60_000 });
  assert.notEqual(r.status, 0);
  assert.match(`${r.stdout}${r.stderr}`, /ORIGO_TRUSTED_PROXIES: "proxy\.example" is not an address/);
});
