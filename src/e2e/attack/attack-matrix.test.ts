/**
 * The attack suite (issue 17): every registered route (src/e2e/attack/route-access.ts, checked
 * against `app.origoRoutes`) tried without a credential, with a key confined to one vendor, with an
 * IP-limited key from a foreign address, with another organisation's key, and with each role; then
 * the outbound policy for every place a URL is set, throttling of logins and keys, and password
 * changes. Through inject() (no socket): the whole matrix runs in seconds.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { appFixture, type AppFixture } from '../../testing/app-fixture.js';
import { buildApp } from '../../api/app.js';
import { mountedPlugins } from '../../main/plugins.js';
import { loadConfig } from '../../config/config.js';
import { scopeOf, type Action } from '../../services/policy.js';
import type { Principal, Role } from '../../services/principal.js';
import { ROUTE_ACCESS } from './route-access.js';
import { Metrics } from '../../metrics/index.js';

const METRICS_TOKEN = 'attack-suite-metrics-token-0123';

let f: AppFixture;
let app: FastifyInstance;
const keys: Record<string, string> = {};
const ids: Record<string, string> = {};

async function call(method: string, url: string, o: { key?: string | null; ip?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...(o.headers ?? {}) };
  if (o.key) headers.authorization = `Bearer ${o.key}`;
  let payload: string | undefined;
  if (o.body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(o.body);
  }
  const res = await app.inject({ method: method as 'GET', url, headers, payload, remoteAddress: o.ip ?? '127.0.0.1' });
  let body: any = null;
  try {
    body = res.body ? JSON.parse(res.body) : null;
  } catch {
    body = res.body;
  }
  answers.push({ route: `${method} ${url}`, status: res.statusCode, headers: res.headers });
  return { status: res.statusCode, body, headers: res.headers };
}

before(async () => {
  // The matrix makes hundreds of refused attempts from one address: throttling is tested on its own below.
  f = await appFixture({ throttle: { addressFailures: 0, accountFailures: 0 } });
  const plugins = await mountedPlugins(f.services, loadConfig({ ORIGO_DATA_DIR: '/nonexistent-origo-data' }));
  app = await buildApp(f.services, { maxUploadBytes: 1024 * 1024, plugins, metrics: { metrics: new Metrics(null), token: METRICS_TOKEN } });
  await app.ready();
  keys.admin = f.adminKey;
  const mk = async (body: Record<string, unknown>) => (await call('POST', '/api/v1/api-keys', { key: f.adminKey, body })).body.key as string;
  keys.plagiat = await mk({ name: 'Plagiat.pl only', vendor: 'plagiat' });
  keys.ipLimited = await mk({ name: 'from 10/8 only', allowed_ips: '10.0.0.0/8' });
  for (const role of ['instructor', 'student'] as const) {
    const u = await call('POST', '/api/v1/users', { key: f.adminKey, body: { email: `${role}@example.org`, name: `A ${role}`, role, password: `${role} password 1` } });
    ids[role] = u.body.id;
    keys[role] = await mk({ name: role, level: 'user', user_id: u.body.id });
  }
  const other = await call('POST', '/api/v1/organisations', { key: f.adminKey, body: { name: 'Other school', admin: { email: 'admin@other.example', name: 'Other admin', password: 'other admin pw 1' } } });
  keys.otherTenant = other.body.admin_api_key;
  ids.otherOrg = other.body.id;
  ids.org = (await call('GET', '/api/v1/me', { key: f.adminKey })).body.organisation_id;
  ids.unit = (await call('POST', '/api/v1/org-units', { key: f.adminKey, body: { name: 'Faculty' } })).body.id;
  ids.course = (await call('POST', '/api/v1/courses', { key: f.adminKey, body: { name: 'Admin course' } })).body.id;
  ids.assignment = (await call('POST', '/api/v1/assignments', { key: f.adminKey, body: { name: 'Admin assignment' } })).body.id;
  ids.document = (await call('POST', `/api/v1/assignments/${ids.assignment}/documents`, { key: f.adminKey, body: { title: 'Admin essay', text: 'An essay the administrator uploaded about rivers and their deltas.' } })).body.id;
  ids.apiKey = (await call('GET', '/api/v1/api-keys', { key: f.adminKey })).body.items[0].id;
  ids.repository = (await call('GET', '/api/v1/repositories', { key: f.adminKey })).body.items[0].id;
  ids.webhook = (await call('POST', '/api/v1/webhooks', { key: f.adminKey, body: { url: 'https://receiver.example.com/hook' } })).body.id;
});
after(async () => {
  await app.close();
  await f.close();
});

/** A concrete URL for a route pattern, with ids of the first organisation. */
function urlOf(pattern: string): string {
  const path = pattern.split(' ')[1];
  const idFor = (p: string) => {
    if (p.startsWith('/api/v1/organisations')) return ids.org;
    if (p.startsWith('/api/v1/org-units')) return ids.unit;
    if (p.startsWith('/api/v1/users')) return ids.instructor;
    if (p.startsWith('/api/v1/api-keys')) return ids.apiKey;
    if (p.startsWith('/api/v1/courses')) return ids.course;
    if (p.startsWith('/api/v1/assignments')) return ids.assignment;
    if (p.startsWith('/api/v1/documents')) return ids.document;
    if (p.startsWith('/api/v1/repositories')) return ids.repository;
    if (p.startsWith('/api/v1/webhooks')) return ids.webhook;
    return '1';
  };
  return path.replace(/:documentId/g, ids.document).replace(/:(\w+)/g, () => idFor(path)).replace(/\*$/, 'x');
}

const routes = () => Object.entries(ROUTE_ACCESS);
/** Every answer the matrix sees, for the header checks at the end. */
const answers: { route: string; status: number; headers: Record<string, unknown> }[] = [];
const native = () => routes().filter(([r]) => r.split(' ')[1].startsWith('/api/v1/') && ROUTE_ACCESS[r] !== 'public');
const vendorKeyed = () => routes().filter(([, a]) => a === 'key');

test('every registered route is in the attack table, and the table names no route that is gone', () => {
  const registered = new Set(app.origoRoutes.filter((r) => r.method !== 'HEAD').map((r) => `${r.method} ${r.url}`));
  const listed = new Set(Object.keys(ROUTE_ACCESS));
  const missing = [...registered].filter((r) => !listed.has(r));
  const gone = [...listed].filter((r) => !registered.has(r));
  assert.deepEqual(missing, [], `routes without a line in src/e2e/attack/route-access.ts: ${missing.join(', ')}`);
  assert.deepEqual(gone, [], `lines for routes that no longer exist: ${gone.join(', ')}`);
});

test('no credential: every native route but login is 401; every keyed vendor route refuses', async () => {
  for (const [r] of native()) {
    const res = await call(r.split(' ')[0], urlOf(r));
    assert.equal(res.status, 401, `${r} without a credential: ${res.status}`);
  }
  for (const [r] of vendorKeyed()) {
    const res = await call(r.split(' ')[0], urlOf(r));
    assert.ok([401, 403].includes(res.status), `${r} without a credential: ${res.status} ${JSON.stringify(res.body)}`);
  }
});

test('a key confined to the Plagiat.pl API is refused (403) on every native route and on every other vendor API', async () => {
  for (const [r] of native()) {
    const res = await call(r.split(' ')[0], urlOf(r), { key: keys.plagiat });
    assert.equal(res.status, 403, `${r} with a plagiat key: ${res.status}`);
    assert.match(res.body.error.message, /confined to one vendor API/);
  }
  for (const [r] of vendorKeyed().filter(([x]) => !x.includes(' /plagiat/'))) {
    const res = await call(r.split(' ')[0], urlOf(r), { key: keys.plagiat, headers: { apikey: keys.plagiat } });
    assert.ok([401, 403].includes(res.status), `${r} with a plagiat key: ${res.status} ${JSON.stringify(res.body)}`);
  }
  // On its own API it works.
  const ok = await call('GET', `/plagiat/api/v2/documents?APIKEY=${keys.plagiat}&id=nothing`);
  assert.equal(ok.status, 400, JSON.stringify(ok.body));
  assert.deepEqual(ok.body, { message: 'Unknown document ID' });
});

test('an IP-limited key from a foreign address is refused on every native route and on the keyed vendor APIs', async () => {
  for (const [r] of native()) {
    const res = await call(r.split(' ')[0], urlOf(r), { key: keys.ipLimited, ip: '203.0.113.9' });
    assert.equal(res.status, 403, `${r} from a foreign address: ${res.status}`);
    assert.match(res.body.error.message, /not allowed from your address/);
  }
  assert.equal((await call('GET', '/api/v1/me', { key: keys.ipLimited, ip: '10.1.2.3' })).status, 200, 'from an allowed address it works');
  assert.equal((await call('GET', '/codequiry/api/v1/account', { headers: { apikey: keys.ipLimited }, ip: '203.0.113.9' })).status, 403);
  assert.equal((await call('GET', `/plagiat/api/v2/documents?APIKEY=${keys.ipLimited}&id=x`, { ip: '203.0.113.9' })).status, 403);
  assert.equal((await call('GET', '/drillbit/pro/folders', { key: keys.ipLimited, ip: '203.0.113.9' })).status, 403);
  const token = await call('POST', '/plagscan/v3/token', { body: { client_id: ids.org, client_secret: keys.ipLimited }, ip: '203.0.113.9' });
  assert.equal(token.status, 403);
  const inspera = await call('POST', '/inspera/generateToken', { body: { clientid: keys.ipLimited, institutionid: ids.org }, ip: '203.0.113.9' });
  assert.equal(inspera.status, 403);
});

test('another organisation\'s administrator reaches none of this organisation\'s resources', async () => {
  for (const [r] of native().filter(([x]) => /:id|:documentId/.test(x))) {
    const res = await call(r.split(' ')[0], urlOf(r), { key: keys.otherTenant, body: r.startsWith('GET') || r.startsWith('DELETE') ? undefined : {} });
    assert.ok([404, 403].includes(res.status), `${r} across tenants: ${res.status} ${JSON.stringify(res.body)}`);
    if (!r.includes('/organisations/')) assert.equal(res.status, 404, `${r} across tenants is "not found"`);
  }
  const docs = await call('GET', '/api/v1/documents', { key: keys.otherTenant });
  assert.equal(docs.body.items.length, 0);
  const users = await call('GET', '/api/v1/users', { key: keys.otherTenant });
  assert.ok(users.body.items.every((u: { email: string }) => u.email.endsWith('@other.example')));
});

test('each role: a native route whose action the role lacks answers 403, and /me lists exactly the permitted actions', async () => {
  for (const role of ['student', 'instructor'] as Role[]) {
    const p: Principal = { organisationId: 0, organisationPublicId: '', userId: 1, role, systemAdmin: false, via: 'api_key', apiKeyId: 1 };
    const me = await call('GET', '/api/v1/me', { key: keys[role] });
    for (const [r, access] of native()) {
      if (access === 'any') continue;
      const allowed = scopeOf(p, access as Action) !== null;
      assert.equal(me.body.permissions.includes(access), allowed, `/me for ${role} and ${access}`);
      if (allowed) continue;
      const res = await call(r.split(' ')[0], urlOf(r), { key: keys[role], body: r.startsWith('GET') || r.startsWith('DELETE') ? undefined : {} });
      assert.equal(res.status, 403, `${role} on ${r}: ${res.status} ${JSON.stringify(res.body)}`);
    }
  }
  // Instructors do not see the administrator's (or another instructor's) classes.
  const list = await call('GET', '/api/v1/assignments', { key: keys.instructor });
  assert.equal(list.body.items.length, 0);
  assert.equal((await call('GET', `/api/v1/assignments/${ids.assignment}`, { key: keys.instructor })).status, 404);
  assert.equal((await call('GET', `/api/v1/documents/${ids.document}`, { key: keys.instructor })).status, 404);
  const own = await call('POST', '/api/v1/assignments', { key: keys.instructor, body: { name: 'My class' } });
  assert.equal(own.status, 201);
  assert.deepEqual((await call('GET', '/api/v1/assignments', { key: keys.instructor })).body.items.map((a: { id: string }) => a.id), [own.body.id]);
  // A student hands in to an assignment by id and sees only its own documents.
  const mine = await call('POST', `/api/v1/assignments/${own.body.id}/documents`, { key: keys.student, body: { title: 'Student essay', text: 'My essay about volcanoes and the islands they make.' } });
  assert.equal(mine.status, 201);
  assert.equal((await call('GET', `/api/v1/documents/${mine.body.id}`, { key: keys.instructor })).status, 200, 'the instructor sees work handed in to its assignment');
  assert.equal((await call('GET', `/api/v1/documents/${ids.document}`, { key: keys.student })).status, 404);
  assert.deepEqual((await call('GET', '/api/v1/documents', { key: keys.student })).body.items.map((d: { id: string }) => d.id), [mine.body.id]);
});

test('vendor APIs: a DrillBit student sees only its own papers; a PlagScan user token cannot check or delete the administrator\'s document', async () => {
  const login = await call('POST', '/drillbit/authentication/authenticate', { body: { username: 'student@example.org', password: 'student password 1' } });
  assert.equal(login.status, 200);
  const folder = await call('POST', '/drillbit/pro/folder', { key: f.adminKey, body: { folder_name: 'DrillBit class' } });
  assert.ok([200, 201].includes(folder.status), JSON.stringify(folder.body));
  const folderId = folder.body.folder_id ?? folder.body.id;
  const papers = await call('GET', `/drillbit/pro/folder/${folderId}/submissions`, { key: login.body.token });
  assert.equal(papers.status, 200, JSON.stringify(papers.body));
  assert.equal(JSON.stringify(papers.body).includes('@example.org'), false, 'no other student\'s e-mail');

  const admin = await call('POST', '/plagscan/v3/token', { body: { client_id: ids.org, client_secret: f.adminKey } });
  const upload = await call('POST', `/plagscan/v3/documents?access_token=${admin.body.access_token}`, { body: { textdata: 'The administrator\'s document about glaciers and how they carve valleys over time.', textname: 'admin.txt' } });
  assert.equal(upload.status, 201, JSON.stringify(upload.body));
  const docID = upload.body.data.docID;
  const instructorId = Number((await f.services.ctx.store.users.byPublicId(1, ids.instructor))?.id ?? 0) || (await f.services.users.byEmailIn(1, 'instructor@example.org'))!.id;
  const user = await call('POST', '/plagscan/v3/token', { body: { client_id: ids.org, client_secret: f.adminKey, user: instructorId } });
  assert.equal(user.status, 200);
  for (const [method, path] of [['PUT', `/plagscan/v3/documents/${docID}/check`], ['DELETE', `/plagscan/v3/documents/${docID}`], ['GET', `/plagscan/v3/documents/${docID}/status`]]) {
    const res = await call(method, `${path}?access_token=${user.body.access_token}`);
    assert.equal(res.status, 403, `${method} ${path}: ${res.status}`);
    assert.deepEqual(res.body, { error: { code: 403, message: 'Only the organisation administrator can do this' } });
  }
  assert.equal((await call('GET', `/plagscan/v3/documents/${docID}/status?access_token=${admin.body.access_token}`)).status, 200);
});

const SSRF_URLS = [
  'http://127.0.0.1/x', 'http://localhost/x', 'http://localhost./x', 'http://sub.localhost/x', 'http://[::1]/x', 'http://0.0.0.0/x', 'http://0/x',
  'http://2130706433/x', 'http://0x7f000001/x', 'http://0177.0.0.1/x', 'http://127.1/x', 'http://[::ffff:127.0.0.1]/x', 'http://[::ffff:7f00:1]/x',
  'http://169.254.169.254/latest/meta-data/', 'http://[fd00:ec2::254]/x', 'http://10.0.0.1/x', 'http://172.16.5.4/x', 'http://192.168.1.1/x',
  'http://100.64.0.1/x', 'http://[fe80::1]/x', 'http://[fc00::1]/x', 'http://[::]/x', 'http://[64:ff9b::7f00:1]/x', 'http://[2002:7f00:1::]/x', 'http://[::127.0.0.1]/x',
];

test('SSRF: every place a URL is set refuses loopback, private, link-local and metadata targets in every spelling', async () => {
  for (const url of SSRF_URLS) {
    const hook = await call('POST', '/api/v1/webhooks', { key: f.adminKey, body: { url } });
    assert.equal(hook.status, 422, `webhook ${url}: ${hook.status}`);
    for (const setting of ['drillbit_callback_url', 'plagscan_callback_url', 'inspera_webhook_url']) {
      const res = await call('PATCH', `/api/v1/organisations/${ids.org}`, { key: f.adminKey, body: { settings: { [setting]: url } } });
      assert.equal(res.status, 422, `${setting} ${url}: ${res.status}`);
    }
    const plagiat = await app.inject({
      method: 'POST',
      url: `/plagiat/api/v2/documents/add?APIKEY=${f.adminKey}&title=T&callbackUrl=${encodeURIComponent(url)}`,
      headers: { 'content-type': 'multipart/form-data; boundary=b' },
      payload: '--b\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nSome essay text about mountains.\r\n--b--\r\n',
    });
    assert.equal(plagiat.statusCode, 400, `plagiat callbackUrl ${url}: ${plagiat.body}`);
  }
  // A public receiver is accepted.
  assert.equal((await call('POST', '/api/v1/webhooks', { key: f.adminKey, body: { url: 'https://hooks.example.com/in' } })).status, 201);
});

test('throttling: the 11th wrong password for one account and the 31st bad key from one address answer 429 with Retry-After', async () => {
  const t = await appFixture();
  try {
    for (let i = 0; i < 10; i++) assert.equal((await t.call('POST', '/api/v1/auth/login', { email: 'admin@example.org', password: `wrong ${i}` }, null)).status, 401);
    const blocked = await t.call('POST', '/api/v1/auth/login', { email: 'admin@example.org', password: 'correct horse battery' }, null);
    assert.equal(blocked.status, 429);
    assert.equal(blocked.body.error.code, 'rate_limited');
    assert.ok(Number(blocked.headers['retry-after']) > 0);
    for (let i = 0; i < 30; i++) await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer guess-${i}` }, remoteAddress: '198.51.100.7' });
    const keyBlocked = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${t.adminKey}` }, remoteAddress: '198.51.100.7' });
    assert.equal(keyBlocked.statusCode, 429);
    assert.ok(Number(keyBlocked.headers['retry-after']) > 0);
    const elsewhere = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${t.adminKey}` }, remoteAddress: '198.51.100.8' });
    assert.equal(elsewhere.statusCode, 200, 'another address is not affected');
  } finally {
    await t.close();
  }
});

test('a login token dies when the password changes; a new user with an e-mail of another organisation is created, not refused', async () => {
  const login = await call('POST', '/api/v1/auth/login', { body: { email: 'instructor@example.org', password: 'instructor password 1' } });
  assert.equal(login.status, 200);
  assert.equal((await call('GET', '/api/v1/me', { key: login.body.token })).status, 200);
  assert.equal((await call('PATCH', `/api/v1/users/${ids.instructor}`, { key: login.body.token, body: { password: 'a brand new password' } })).status, 200);
  assert.equal((await call('GET', '/api/v1/me', { key: login.body.token })).status, 401, 'the old token is dead');
  const created = await call('POST', '/api/v1/users', { key: keys.otherTenant, body: { email: 'instructor@example.org', name: 'Same address elsewhere' } });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const dup = await call('POST', '/api/v1/users', { key: keys.otherTenant, body: { email: 'instructor@example.org', name: 'Twice here' } });
  assert.equal(dup.status, 409, 'within one organisation an address is still unique');
});

test('GET /metrics: 401 without the metrics token, with another credential, or a wrong token; the token alone opens it', async () => {
  for (const key of [null, f.adminKey, 'attack-suite-metrics-token-0124']) {
    const res = await call('GET', '/metrics', { key });
    assert.equal(res.status, 401, `with ${key}: ${res.status}`);
    assert.match(String(res.headers['www-authenticate']), /Bearer/);
  }
  const ok = await call('GET', '/metrics', { key: METRICS_TOKEN });
  assert.equal(ok.status, 200);
  assert.match(String(ok.body), /origo_http_requests_total|# HELP/);
});

test('expired_redirect: only this server\'s origin and the organisation\'s redirect_origins; anything else is 422 when the link is made', async () => {
  const make = (expired_redirect: unknown, key = f.adminKey) => call('POST', `/api/v1/documents/${ids.document}/viewer-links`, { key, body: { expired_redirect } });
  for (const bad of ['https://evil.example/phish', 'javascript:alert(1)', '//evil.example/x', '/relative', 'https://lms.example.edu.evil.example/x', 'https://user@lms.example.edu/x', 42]) {
    const res = await make(bad);
    assert.equal(res.status, 422, `${JSON.stringify(bad)}: ${res.status}`);
    assert.equal(res.body.error.code, 'validation_failed');
    assert.match(res.body.error.message, /redirect_origins/);
  }
  assert.equal((await make('http://localhost/app/')).status, 201, 'this server\'s own origin');
  // Bad origin lists are refused with 422 too.
  for (const [setting, value] of [['redirect_origins', 'https://lms.example.edu'], ['redirect_origins', ['https://lms.example.edu/path']], ['redirect_origins', ['ftp://lms.example.edu']], ['frame_ancestors', ['http://lms.example.edu']], ['frame_ancestors', ['*']], ['frame_ancestors', ["https://a.example 'unsafe-inline'"]]] as const) {
    const res = await call('PATCH', `/api/v1/organisations/${ids.org}`, { key: f.adminKey, body: { settings: { [setting]: value } } });
    assert.equal(res.status, 422, `${setting} ${JSON.stringify(value)}: ${res.status}`);
    assert.ok(res.body.error.details.fields[`settings.${setting}`], JSON.stringify(res.body));
  }
  const set = await call('PATCH', `/api/v1/organisations/${ids.org}`, { key: f.adminKey, body: { settings: { redirect_origins: ['https://LMS.example.edu/'] } } });
  assert.equal(set.status, 200);
  assert.deepEqual(set.body.settings.redirect_origins, ['https://lms.example.edu'], 'stored as origins');
  const ok = await make('https://lms.example.edu/course/7');
  assert.equal(ok.status, 201);
  // Another organisation's list does not open this one's.
  const otherDoc = await call('POST', '/api/v1/documents', { key: keys.otherTenant, body: { title: 'Other essay', text: 'Another school writes about lakes and the birds that live there.' } });
  assert.equal(otherDoc.status, 201, JSON.stringify(otherDoc.body));
  const other = await call('POST', `/api/v1/documents/${otherDoc.body.id}/viewer-links`, { key: keys.otherTenant, body: { expired_redirect: 'https://lms.example.edu/course/7' } });
  assert.equal(other.status, 422);
  await call('PATCH', `/api/v1/organisations/${ids.org}`, { key: f.adminKey, body: { settings: { redirect_origins: null } } });
});

test('every GET route answers with the security headers when called by the administrator (HTML or not)', async () => {
  for (const [r] of routes().filter(([x]) => x.startsWith('GET '))) {
    const res = await call('GET', urlOf(r), { key: f.adminKey });
    assert.equal(res.headers['x-content-type-options'], 'nosniff', `${r}: ${res.status}`);
    if (/^text\/html/.test(String(res.headers['content-type'] ?? ''))) {
      assert.match(String(res.headers['content-security-policy']), /frame-ancestors/, r);
      assert.ok(res.headers['x-frame-options'] === 'SAMEORIGIN' || /frame-ancestors 'self' https:/.test(String(res.headers['content-security-policy'])), r);
    }
  }
});

test('headers: every answer of every route in the matrix has nosniff; every HTML answer a CSP without unsafe-inline scripts and a frame policy', () => {
  assert.ok(answers.length > 500, `the matrix made ${answers.length} requests`);
  const html = answers.filter((a) => /^text\/html/.test(String(a.headers['content-type'] ?? '')));
  assert.ok(html.length > 0, 'the matrix saw HTML answers (viewer notices, the UI, the docs)');
  for (const a of answers) {
    assert.equal(a.headers['x-content-type-options'], 'nosniff', `${a.route} (${a.status})`);
  }
  for (const a of html) {
    const csp = String(a.headers['content-security-policy'] ?? '');
    assert.match(csp, /default-src '(none|self)'/, `${a.route}: ${csp}`);
    assert.match(csp, /frame-ancestors 'self'(;|$)/, `${a.route}: ${csp}`);
    assert.doesNotMatch(/script-src[^;]*/.exec(csp)?.[0] ?? '', /unsafe-inline|unsafe-eval|\*/, `${a.route}: ${csp}`);
    assert.equal(a.headers['x-frame-options'], 'SAMEORIGIN', a.route);
  }
});
