/**
 * The attack suite's outgoing calls through a started server (issue 17): each place Origo calls out
 * from, driven the way its client drives it, with two receivers on loopback:
 *
 *   ORIGO_OUTBOUND_ALLOW=127.0.0.1:<A>   receiver A (admitted)      receiver B (loopback, not listed)
 *   native webhook ............ created for A, delivered        ── for B: 422
 *   DrillBit callback ......... setting A, PUT after the check  ── setting B: 422
 *   PlagScan callback ......... setting A, "test the callback"  ── setting B: 422
 *   Inspera webhook ........... setting A, status webhooks      ── setting B: 422
 *   Plagiat.pl callbackUrl .... per document A, delivered       ── per document B: 400
 *
 * Receiver B never hears from the server.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { apiClient, startProcess, tempDir, waitFor, type ServerProcess } from '../../testing/server-process.js';
import { startCallbackReceiver, type ReceivedCall } from '../../testing/callback-receiver.js';
import { multipartBody } from '../../testing/multipart-body.js';
import { insperaClient } from '../../testing/inspera-client.js';

const KEY = 'outbound-attack-admin-key-0123456789';
const EMAIL = 'admin@outbound.example.org';
const PASSWORD = 'outbound admin password';
const TEXT = (n: number) => `Essay ${n}: the tides rise and fall twice a day because the moon pulls the oceans, and the sun adds its smaller pull to make spring and neap tides.`;

const dir = tempDir();
let server: ServerProcess;
let allowed: Awaited<ReturnType<typeof startCallbackReceiver>>;
let unlisted: Awaited<ReturnType<typeof startCallbackReceiver>>;
let api: ReturnType<typeof apiClient>;
let org = '';

before(async () => {
  allowed = await startCallbackReceiver();
  unlisted = await startCallbackReceiver();
  server = await startProcess({
    ORIGO_DATA_DIR: dir.path,
    ORIGO_OUTBOUND_ALLOW: `127.0.0.1:${new URL(allowed.url).port}`,
    ORIGO_ADMIN_KEY: KEY,
    ORIGO_ADMIN_EMAIL: EMAIL,
    ORIGO_ADMIN_PASSWORD: PASSWORD,
    ORIGO_WORKERS: '1',
    ORIGO_WEBHOOK_BACKOFF_MS: '100',
    ORIGO_LOG_LEVEL: 'warn',
  });
  api = apiClient(server.url, KEY);
  org = (await api.get('/api/v1/me')).body.organisation_id;
});
after(async () => {
  await server?.kill('SIGTERM');
  await allowed?.close();
  await unlisted?.close();
  dir.remove();
});

const arrived = (what: string, pred: (c: ReceivedCall) => boolean) => waitFor(what, async () => allowed.calls.find(pred), 90_000, 100);

test('organisation settings and webhooks: the admitted loopback receiver is accepted, an unlisted loopback one is refused with 422', async () => {
  for (const setting of ['drillbit_callback_url', 'plagscan_callback_url', 'inspera_webhook_url']) {
    const refused = await api.patch(`/api/v1/organisations/${org}`, { settings: { [setting]: `${unlisted.url}/${setting}` } });
    assert.equal(refused.status, 422, `${setting} to the unlisted receiver`);
    assert.match(JSON.stringify(refused.body.error.details.fields), /loopback|not allowed|internal/i);
  }
  const set = await api.patch(`/api/v1/organisations/${org}`, { settings: { drillbit_callback_url: `${allowed.url}/drillbit`, plagscan_callback_url: `${allowed.url}/plagscan`, inspera_webhook_url: `${allowed.url}/inspera` } });
  assert.equal(set.status, 200, JSON.stringify(set.body));
  assert.equal((await api.post('/api/v1/webhooks', { url: `${unlisted.url}/native` })).status, 422);
  assert.equal((await api.post('/api/v1/webhooks', { url: `${allowed.url}/native` })).status, 201);
});

test('native webhook: a document\'s events are delivered to the admitted receiver', async () => {
  const doc = await api.post('/api/v1/documents', { title: 'Native', text: TEXT(1) });
  assert.equal(doc.status, 201);
  const call = await arrived('the native webhook', (c) => c.url.startsWith('/native') && c.body.includes(doc.body.id));
  assert.equal(call.method, 'POST');
});

test('PlagScan: "test the callback" reaches the admitted receiver', async () => {
  const token = await fetch(`${server.url}/plagscan/v3/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ client_id: org, client_secret: KEY }) });
  const accessToken = ((await token.json()) as { access_token: string }).access_token;
  const res = await fetch(`${server.url}/plagscan/v3/checkcallback?access_token=${accessToken}`, { method: 'PUT' });
  assert.ok(res.status < 300, `${res.status} ${await res.text()}`);
  await arrived('the PlagScan check callback', (c) => c.url.startsWith('/plagscan') && c.query.includes('checkCallback=1'));
});

test('DrillBit: the PUT callback after a paper is checked reaches the admitted receiver', async () => {
  const base = `${server.url}/drillbit`;
  const login = await fetch(`${base}/authentication/authenticate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: EMAIL, password: PASSWORD }) });
  assert.equal(login.status, 200);
  const token = ((await login.json()) as { token: string }).token;
  const folder = await fetch(`${base}/pro/folder`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ folder_name: 'Tides', exclude_threshold: 14 }) });
  assert.equal(folder.status, 201);
  const folderId = Number(((await folder.json()) as any)._links.self.href.split('/').pop());
  const mp = multipartBody({ authorName: 'Student', title: 'Tides', documentType: 'Assignment', plagiarismCheck: 'YES', grammarCheck: 'NO', language: 'English' }, [{ field: 'file', filename: 'tides.txt', mime: 'text/plain', bytes: TEXT(2) }]);
  const up = await fetch(`${base}/files/folder/${folderId}/singleFile`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': mp.contentType }, body: mp.body });
  const paperId = ((await up.json()) as any).submissions.paper_id;
  const call = await arrived('the DrillBit callback', (c) => c.url.startsWith('/drillbit') && c.body.includes(String(paperId)));
  assert.equal(call.method, 'PUT');
});

test('Inspera: the status webhooks of a submission reach the admitted receiver', async () => {
  const c = insperaClient(`${server.url}/inspera`);
  assert.equal((await c.login(KEY, org)).status, 200);
  const r = await c.post('/create/submission', { documentTitle: 'Tides', author: 'Student Name', email: 'student@school.example', docType: 'text/plain', assignmentId: 'tides-1', enableContextSimilarity: false });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.ok((await c.upload(r.body.presignedS3Url, TEXT(3), 'text/plain')).status < 400);
  await arrived('the Inspera webhook', (x) => x.url.startsWith('/inspera') && x.body.includes(String(r.body.documentId)));
});

test('Plagiat.pl: a callbackUrl on the admitted receiver is called back; one on an unlisted loopback receiver is refused (400)', async () => {
  const add = async (id: string, callbackUrl: string) => {
    const form = new FormData();
    form.append('file', new Blob([TEXT(4)], { type: 'text/plain' }), `${id}.txt`);
    for (const [k, v] of Object.entries({ APIKEY: KEY, id, title: 'Tides', action: 'check', callbackUrl })) form.append(k, v);
    const res = await fetch(`${server.url}/plagiat/api/v2/documents/add`, { method: 'POST', body: form });
    return { status: res.status, body: await res.text() };
  };
  const refused = await add('tides-unlisted', `${unlisted.url}/plagiat`);
  assert.equal(refused.status, 400, refused.body);
  const ok = await add('tides-admitted', `${allowed.url}/plagiat`);
  assert.equal(ok.status, 200, ok.body);
  await arrived('the Plagiat.pl callback', (c) => c.url.startsWith('/plagiat') && c.body.includes('tides-admitted'));
});

test('the unlisted loopback receiver was never called', () => {
  assert.deepEqual(unlisted.calls, []);
  assert.ok(allowed.calls.length >= 5);
});
