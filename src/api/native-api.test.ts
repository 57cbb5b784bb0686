import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { appFixture, type AppFixture } from '../testing/app-fixture.js';
import { openApiDocument } from './openapi.js';

let f: AppFixture;
before(async () => {
  f = await appFixture();
});
after(async () => f.close());

test('GET /health answers ok with the database kind', async () => {
  const r = await f.call('GET', '/health', undefined, null);
  assert.equal(r.status, 200);
  assert.equal(r.body.status, 'ok');
  assert.equal(r.body.database, 'sqlite');
});

test('GET /api/v1/me names the caller and organisation; missing or wrong credentials are 401', async () => {
  const me = await f.call('GET', '/api/v1/me');
  assert.equal(me.status, 200);
  assert.match(me.body.organisation_id, /^org_/);
  assert.equal(me.body.role, 'admin');
  const none = await f.call('GET', '/api/v1/me', undefined, null);
  assert.equal(none.status, 401);
  assert.equal(none.body.error.code, 'unauthorized');
  const wrong = await f.call('GET', '/api/v1/me', undefined, 'not-a-key');
  assert.equal(wrong.status, 401);
});

test('login with email and password returns a JWT that authenticates; a wrong password is 401', async () => {
  const ok = await f.call('POST', '/api/v1/auth/login', { email: 'admin@example.org', password: 'correct horse battery' }, null);
  assert.equal(ok.status, 200);
  assert.equal(ok.body.token.split('.').length, 3);
  const me = await f.call('GET', '/api/v1/me', undefined, ok.body.token);
  assert.equal(me.status, 200);
  assert.equal(me.body.authenticated_by, 'jwt');
  assert.equal(me.body.user.email, 'admin@example.org');
  const bad = await f.call('POST', '/api/v1/auth/login', { email: 'admin@example.org', password: 'nope' }, null);
  assert.equal(bad.status, 401);
});

test('malformed JSON is 400 invalid_json; unknown ids are 404; validation failures are 422', async () => {
  const bad = await f.call('POST', '/api/v1/assignments', '{"name": ');
  assert.equal(bad.status, 400);
  assert.equal(bad.body.error.code, 'invalid_json');
  const missing = await f.call('GET', '/api/v1/assignments/asg_doesnotexist');
  assert.equal(missing.status, 404);
  assert.equal(missing.body.error.code, 'not_found');
  const invalid = await f.call('POST', '/api/v1/assignments', { settings: { min_match_words: 'many' } });
  assert.equal(invalid.status, 422);
  assert.equal(invalid.body.error.code, 'validation_failed');
  assert.ok(invalid.body.error.details.fields.name);
  const unknownRoute = await f.call('GET', '/api/v1/nothing-here');
  assert.equal(unknownRoute.status, 404);
  assert.equal(unknownRoute.body.error.code, 'route_not_found');
});

test('a body over the limit is 413 and an unsupported content type is 415', async () => {
  const big = await f.app.inject({ method: 'POST', url: '/api/v1/assignments', headers: { authorization: `Bearer ${f.adminKey}`, 'content-type': 'application/json' }, payload: JSON.stringify({ name: 'x'.repeat(3 * 1024 * 1024) }) });
  assert.equal(big.statusCode, 413);
  assert.equal(JSON.parse(big.body).error.code, 'payload_too_large');
  const type = await f.app.inject({ method: 'POST', url: '/api/v1/assignments', headers: { authorization: `Bearer ${f.adminKey}`, 'content-type': 'application/x-yaml' }, payload: 'name: x' });
  assert.equal(type.statusCode, 415);
  assert.equal(JSON.parse(type.body).error.code, 'unsupported_media_type');
});

test('roles: an instructor cannot manage users (403), a student cannot create assignments (403)', async () => {
  const inst = await f.call('POST', '/api/v1/users', { email: 'teach@example.org', name: 'Teacher', role: 'instructor' });
  assert.equal(inst.status, 201);
  const key = await f.call('POST', '/api/v1/api-keys', { level: 'user', user_id: inst.body.id, name: 'teacher key' });
  assert.equal(key.status, 201);
  assert.ok(key.body.key);
  assert.equal((await f.call('POST', '/api/v1/users', { email: 'x@example.org', name: 'X' }, key.body.key)).status, 403);
  assert.equal((await f.call('POST', '/api/v1/assignments', { name: 'Teacher task' }, key.body.key)).status, 201);
  const stud = await f.call('POST', '/api/v1/users', { email: 'stud@example.org', name: 'Student', role: 'student' });
  const skey = await f.call('POST', '/api/v1/api-keys', { level: 'user', user_id: stud.body.id });
  const denied = await f.call('POST', '/api/v1/assignments', { name: 'Nope' }, skey.body.key);
  assert.equal(denied.status, 403);
  assert.equal(denied.body.error.code, 'forbidden');
  const dup = await f.call('POST', '/api/v1/users', { email: 'teach@example.org', name: 'Again' });
  assert.equal(dup.status, 409);
});

test("another organisation's resources are 404, never visible", async () => {
  // A password too short is refused before anything is made: no organisation is left behind.
  const before = (await f.call('GET', '/api/v1/organisations')).body.total;
  const short = await f.call('POST', '/api/v1/organisations', { name: 'Other school', admin: { email: 'boss@other.example', password: 'short' } });
  assert.equal(short.status, 422);
  assert.equal((await f.call('GET', '/api/v1/organisations')).body.total, before);
  const org = await f.call('POST', '/api/v1/organisations', { name: 'Other school', admin: { email: 'boss@other.example', password: 'long enough pw' } });
  assert.equal(org.status, 201);
  // The answer shows the administrator with the password it was given.
  assert.equal(org.body.admin_user.has_password, true);
  const otherKey = org.body.admin_api_key as string;
  const mine = await f.call('POST', '/api/v1/assignments', { name: 'Private' });
  assert.equal(mine.status, 201);
  const peek = await f.call('GET', `/api/v1/assignments/${mine.body.id}`, undefined, otherKey);
  assert.equal(peek.status, 404);
  const list = await f.call('GET', '/api/v1/assignments', undefined, otherKey);
  assert.equal(list.body.total, 0);
  const doc = await f.call('POST', `/api/v1/assignments/${mine.body.id}/documents`, { title: 'Essay', text: 'Some words of an essay.' });
  assert.equal((await f.call('GET', `/api/v1/documents/${doc.body.id}`, undefined, otherKey)).status, 404);
  assert.equal((await f.call('DELETE', `/api/v1/documents/${doc.body.id}`, undefined, otherKey)).status, 404);
  // The other organisation's admin is not a system admin: it cannot list every organisation.
  const orgs = await f.call('GET', '/api/v1/organisations', undefined, otherKey);
  assert.equal(orgs.body.total, 1);
  assert.equal((await f.call('POST', '/api/v1/organisations', { name: 'Sneaky' }, otherKey)).status, 403);
});

test('assignments: create with settings, read, list paginated, update, delete', async () => {
  const created = await f.call('POST', '/api/v1/assignments', { name: 'Essay 2', settings: { exclude_quotes: true, excluded_phrases: ['in conclusion'] } });
  assert.equal(created.status, 201);
  assert.equal(created.body.settings.exclude_quotes, true);
  assert.equal(created.body.settings.check_peers, true);
  for (const n of ['A', 'B', 'C']) await f.call('POST', '/api/v1/assignments', { name: `Page ${n}` });
  const page = await f.call('GET', '/api/v1/assignments?limit=2&offset=1');
  assert.equal(page.body.items.length, 2);
  assert.ok(page.body.total >= 4);
  const upd = await f.call('PATCH', `/api/v1/assignments/${created.body.id}`, { name: 'Essay 2b', settings: { min_match_words: 12 } });
  assert.equal(upd.body.name, 'Essay 2b');
  assert.equal(upd.body.settings.min_match_words, 12);
  assert.equal(upd.body.settings.exclude_quotes, true);
  assert.equal((await f.call('PATCH', `/api/v1/assignments/${created.body.id}`, { settings: { nonsense: 1 } })).status, 422);
  assert.equal((await f.call('DELETE', `/api/v1/assignments/${created.body.id}`)).status, 204);
  assert.equal((await f.call('GET', `/api/v1/assignments/${created.body.id}`)).status, 404);
});

test('documents: multipart upload is 201 and queued; delete removes blob, text and fingerprints', async () => {
  const a = await f.call('POST', '/api/v1/assignments', { name: 'Uploads' });
  const boundary = '----origo-test';
  const payload =
    `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nMy essay\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="author"\r\n\r\nAda\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="essay.txt"\r\nContent-Type: text/plain\r\n\r\nWords of the essay, quite a few of them.\r\n--${boundary}--\r\n`;
  const res = await f.app.inject({ method: 'POST', url: `/api/v1/assignments/${a.body.id}/documents`, headers: { authorization: `Bearer ${f.adminKey}`, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
  assert.equal(res.statusCode, 201);
  const doc = JSON.parse(res.body);
  assert.equal(doc.status, 'queued');
  assert.equal(doc.title, 'My essay');
  assert.equal(doc.author, 'Ada');
  assert.equal(doc.filename, 'essay.txt');
  const row = await f.services.ctx.store.documents.byPublicId((await f.services.ctx.store.organisations.first())!.id, doc.id);
  assert.ok(row?.blob_key);
  assert.ok(await f.services.ctx.blobs.get(row.blob_key));
  await f.services.ctx.store.documents.putText(row.id, 'Words of the essay', '{}');
  await f.services.ctx.store.fingerprints.replace(row.id, row.organisation_id, [1, 2, 3]);
  assert.equal((await f.call('DELETE', `/api/v1/documents/${doc.id}`)).status, 204);
  assert.equal(await f.services.ctx.blobs.get(row.blob_key), null);
  assert.equal(await f.services.ctx.store.documents.text(row.id), undefined);
  assert.equal(await f.services.ctx.store.fingerprints.count(row.id), 0);
  assert.equal((await f.call('GET', `/api/v1/documents/${doc.id}`)).status, 404);
  const noFile = await f.app.inject({ method: 'POST', url: `/api/v1/assignments/${a.body.id}/documents`, headers: { authorization: `Bearer ${f.adminKey}`, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nx\r\n--${boundary}--\r\n` });
  assert.equal(noFile.statusCode, 422);
});

test('the OpenAPI document describes every /api/v1 route the app serves', async () => {
  const r = await f.call('GET', '/openapi.json', undefined, null);
  assert.equal(r.status, 200);
  assert.equal(r.body.openapi, '3.1.0');
  const paths = openApiDocument.paths as Record<string, Record<string, unknown>>;
  const missing = f.app.origoRoutes
    .filter((rt) => rt.url.startsWith('/api/v1/') && rt.method !== 'HEAD')
    .map((rt) => ({ method: rt.method.toLowerCase(), path: rt.url.replace(/:(\w+)/g, '{$1}') }))
    .filter((rt) => !paths[rt.path]?.[rt.method]);
  assert.deepEqual(missing, []);
  // "a" before a vowel sound is wrong English ("a organisation", "a api key" were served).
  assert.deepEqual(JSON.stringify(r.body).match(/\b[Aa] (?!user|one)[aeiouAEIOU]\w*/g), null);
  const docs = await f.app.inject({ method: 'GET', url: '/docs/' });
  assert.equal(docs.statusCode, 200);
  assert.match(docs.body, /swagger/i);
});
