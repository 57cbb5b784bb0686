/**
 * The native API answers what its own OpenAPI document (GET /openapi.json) says, through a started
 * server: every status code is one the document lists for the operation, and every JSON answer
 * validates against the schema documented for that code (Ajv, JSON Schema 2020-12 as OpenAPI 3.1).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { createServer } from 'node:http';
import { createHmac } from 'node:crypto';
import { serverForTests } from '../testing/server-process.js';

const KEY = 'openapi-conformance-admin-key';
// Webhooks go to a receiver on this machine (any port of 127.0.0.1), failed deliveries retried after 100 ms.
const srv = serverForTests(KEY, { ORIGO_OUTBOUND_ALLOW: '127.0.0.1', ORIGO_WEBHOOK_BACKOFF_MS: '100' });

type Spec = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>>; components: object };

/** Calls the server and checks the answer against the document; returns status and body. */
async function conforming(spec: Spec, problems: string[], method: string, template: string, path: string, init: { body?: string; type?: string; key?: string | null } = {}) {
  const key = init.key === undefined ? KEY : init.key;
  const headers: Record<string, string> = {};
  if (key) headers.authorization = `Bearer ${key}`;
  if (init.body !== undefined) headers['content-type'] = init.type ?? 'application/json';
  const res = await fetch(`${srv.url}${path}`, { method, headers, body: init.body });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const op = spec.paths[template]?.[method.toLowerCase()];
  assert.ok(op, `${method} ${template} is in the document`);
  const answer = op.responses[String(res.status)];
  const what = `${method} ${path} ${init.type ?? ''} ${init.body?.slice(0, 30) ?? ''}`;
  if (!answer) problems.push(`${what} → ${res.status}, the document lists ${Object.keys(op.responses).join(', ')}: ${text.slice(0, 120)}`);
  else {
    const schema = answer.content?.['application/json']?.schema;
    if (schema && res.status !== 204) {
      const validate = validator(spec, schema);
      if (!validate(json)) problems.push(`${what} → ${res.status} does not match its schema: ${JSON.stringify(validate.errors)}`);
    }
  }
  return { status: res.status, body: json as any };
}

let ajv: Ajv2020 | undefined;
function validator(spec: Spec, schema: object) {
  if (!ajv) {
    ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
    ajv.addSchema({ $id: 'openapi', components: spec.components });
  }
  return ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi#/components/')));
}

test('PATCH with nothing to change answers 200 with the unchanged resource (units, courses, API keys: was a 500)', async () => {
  const api = srv.api;
  const unit = await api.post('/api/v1/org-units', { name: 'Faculty of Arts' });
  const course = await api.post('/api/v1/courses', { name: 'History 101', code: 'H101' });
  const key = await api.post('/api/v1/api-keys', { name: 'LMS' });
  for (const [path, field, value] of [[`/api/v1/org-units/${unit.body.id}`, 'name', 'Faculty of Arts'], [`/api/v1/courses/${course.body.id}`, 'code', 'H101'], [`/api/v1/api-keys/${key.body.id}`, 'name', 'LMS']] as const) {
    for (const body of [{}, { unknown_field: 1 }]) {
      const r = await api.patch(path, body);
      assert.equal(r.status, 200, `PATCH ${path} ${JSON.stringify(body)} → ${r.status} ${JSON.stringify(r.body)}`);
      assert.equal(r.body[field], value);
    }
  }
});

test('bad input on every kind of operation gets a status code and error body the OpenAPI document lists', { timeout: 120_000 }, async () => {
  const spec = (await (await fetch(`${srv.url}/openapi.json`)).json()) as Spec;
  const problems: string[] = [];
  const call = (method: string, template: string, path: string, init?: { body?: string; type?: string; key?: string | null }) => conforming(spec, problems, method, template, path, init);
  const json = (v: unknown) => ({ body: JSON.stringify(v) });

  const me = await call('GET', '/api/v1/me', '/api/v1/me');
  const unit = await call('POST', '/api/v1/org-units', '/api/v1/org-units', json({ name: 'Unit' }));
  const course = await call('POST', '/api/v1/courses', '/api/v1/courses', json({ name: 'Course' }));
  const asg = await call('POST', '/api/v1/assignments', '/api/v1/assignments', json({ name: 'Essay' }));
  const user = await call('POST', '/api/v1/users', '/api/v1/users', json({ email: 'ada@example.org', name: 'Ada', role: 'student' }));
  await call('POST', '/api/v1/users', '/api/v1/users', json({ email: 'bob@example.org', name: 'Bob', role: 'student' }));
  const doc = await call('POST', '/api/v1/documents', '/api/v1/documents', json({ text: 'A loose document about rivers.' }));
  assert.equal(doc.status, 201);
  const keys = await call('GET', '/api/v1/api-keys', '/api/v1/api-keys');
  // The key this test calls with: the first start makes it for the administrator.
  const ownKey = keys.body.items.find((k: { name: string }) => k.name === 'Bootstrap administrator');

  // Malformed JSON, a content type no route reads, and (for bodies that must be objects) a JSON array.
  const withBodies: [string, string, string][] = [
    ['POST', '/api/v1/organisations', '/api/v1/organisations'],
    ['PATCH', '/api/v1/organisations/{id}', `/api/v1/organisations/${me.body.organisation_id}`],
    ['PATCH', '/api/v1/org-units/{id}', `/api/v1/org-units/${unit.body.id}`],
    ['PATCH', '/api/v1/courses/{id}', `/api/v1/courses/${course.body.id}`],
    ['PATCH', '/api/v1/users/{id}', `/api/v1/users/${user.body.id}`],
    ['POST', '/api/v1/assignments/{id}/documents', `/api/v1/assignments/${asg.body.id}/documents`],
    ['POST', '/api/v1/documents', '/api/v1/documents'],
    ['POST', '/api/v1/documents/{id}/recheck', `/api/v1/documents/${doc.body.id}/recheck`],
    ['POST', '/api/v1/repositories/{id}/documents', '/api/v1/repositories/default/documents'],
    ['POST', '/api/v1/webhooks', '/api/v1/webhooks'],
    ['DELETE', '/api/v1/webhooks/{id}', '/api/v1/webhooks/whk_unknown'],
    ['POST', '/api/v1/auth/login', '/api/v1/auth/login'],
    ['POST', '/api/v1/auth/first-start', '/api/v1/auth/first-start'],
  ];
  for (const [method, template, path] of withBodies) {
    const bad = await call(method, template, path, { body: '{"name": ' });
    assert.equal(bad.status, 400, `${method} ${path} malformed JSON`);
    assert.equal(bad.body.error.code, 'invalid_json');
    const xml = await call(method, template, path, { body: '<a/>', type: 'application/xml' });
    assert.equal(xml.status, 415, `${method} ${path} XML`);
    await call(method, template, path, { body: '[1, 2]' });
  }
  // Paging values that are not non-negative integers, and a limit of 0.
  for (const [template, path] of [['/api/v1/organisations', '/api/v1/organisations'], ['/api/v1/users', '/api/v1/users'], ['/api/v1/courses', '/api/v1/courses'], ['/api/v1/assignments', '/api/v1/assignments'], ['/api/v1/documents', '/api/v1/documents'], ['/api/v1/assignments/{id}/documents', `/api/v1/assignments/${asg.body.id}/documents`], ['/api/v1/repositories/{id}/documents', '/api/v1/repositories/default/documents']]) {
    for (const q of ['limit=abc', 'limit=0', 'offset=-5', 'offset=1.5']) {
      const r = await call('GET', template, `${path}?${q}`);
      assert.equal(r.status, 422, `GET ${path}?${q}`);
    }
  }
  // Conflicts, references to unknown objects, missing fields, oversized strings.
  assert.equal((await call('POST', '/api/v1/users', '/api/v1/users', json({ email: 'ada@example.org', name: 'Ada again' }))).status, 409);
  assert.equal((await call('PATCH', '/api/v1/users/{id}', `/api/v1/users/${user.body.id}`, json({ email: 'bob@example.org' }))).status, 409);
  assert.equal((await call('DELETE', '/api/v1/organisations/{id}', `/api/v1/organisations/${me.body.organisation_id}`)).status, 409);
  assert.equal((await call('DELETE', '/api/v1/api-keys/{id}', `/api/v1/api-keys/${ownKey.id}`)).status, 409);
  assert.equal((await call('GET', '/api/v1/users', '/api/v1/users?org_unit_id=unit_unknown')).status, 404);
  assert.equal((await call('GET', '/api/v1/documents', '/api/v1/documents?assignment_id=asg_unknown')).status, 404);
  assert.equal((await call('POST', '/api/v1/org-units', '/api/v1/org-units', json({ name: 'Sub', parent_id: 'unit_unknown' }))).status, 404);
  assert.equal((await call('POST', '/api/v1/assignments', '/api/v1/assignments', json({ name: 'X', course_id: 'crs_unknown' }))).status, 404);
  assert.equal((await call('POST', '/api/v1/webhooks', '/api/v1/webhooks', json({ url: 'https://hooks.example.org/x', document_id: 'unknown' }))).status, 404);
  assert.equal((await call('POST', '/api/v1/repositories/{id}/documents', '/api/v1/repositories/default/documents', json({}))).status, 422);
  assert.equal((await call('POST', '/api/v1/documents', '/api/v1/documents', json({ title: 'no text' }))).status, 422);
  assert.equal((await call('POST', '/api/v1/documents', '/api/v1/documents', json({ text: 'Some text.', title: 'x'.repeat(600) }))).status, 422);
  assert.equal((await call('POST', '/api/v1/auth/login', '/api/v1/auth/login', { body: 'hello', type: 'text/plain', key: null })).status, 422);
  assert.equal((await call('POST', '/api/v1/auth/login', '/api/v1/auth/login', { ...json({ email: 'nobody@example.org', password: 'wrong password' }), key: null })).status, 401);

  assert.deepEqual(problems, []);
});

test('oversized strings are refused with 422 naming the field, as the document\'s maxLength says (were stored: a 200,000-character e-mail, course name, key name, webhook URL)', { timeout: 60_000 }, async () => {
  const spec = (await (await fetch(`${srv.url}/openapi.json`)).json()) as Spec;
  const problems: string[] = [];
  const long = (n: number) => 'x'.repeat(n);
  const asg = await srv.api.post('/api/v1/assignments', { name: 'Long strings' });
  const course = await srv.api.post('/api/v1/courses', { name: 'Short' });
  const key = await srv.api.post('/api/v1/api-keys', { name: 'Short' });
  const cases: [string, string, string, Record<string, unknown>, string][] = [
    ['POST', '/api/v1/users', '/api/v1/users', { email: `${long(300)}@example.org`, name: 'Long' }, 'email'],
    ['POST', '/api/v1/users', '/api/v1/users', { email: 'long-name@example.org', name: long(201) }, 'name'],
    ['POST', '/api/v1/courses', '/api/v1/courses', { name: long(201) }, 'name'],
    ['POST', '/api/v1/courses', '/api/v1/courses', { name: 'Code', code: long(101) }, 'code'],
    ['PATCH', '/api/v1/courses/{id}', `/api/v1/courses/${course.body.id}`, { name: long(201) }, 'name'],
    ['POST', '/api/v1/api-keys', '/api/v1/api-keys', { name: long(201) }, 'name'],
    ['PATCH', '/api/v1/api-keys/{id}', `/api/v1/api-keys/${key.body.id}`, { name: long(201) }, 'name'],
    ['POST', '/api/v1/webhooks', '/api/v1/webhooks', { url: `https://hooks.example.org/${long(2048)}` }, 'url'],
    ['POST', '/api/v1/assignments/{id}/documents', `/api/v1/assignments/${asg.body.id}/documents`, { text: 'Some text.', author: long(501) }, 'author'],
  ];
  for (const [method, template, path, body, field] of cases) {
    const r = await conforming(spec, problems, method, template, path, { body: JSON.stringify(body) });
    assert.equal(r.status, 422, `${method} ${path} long ${field} → ${r.status}`);
    assert.ok(r.body.error.details?.fields?.[field], `${method} ${path}: the error names ${field}: ${JSON.stringify(r.body.error)}`);
  }
  // A multipart upload's author is held to the same limit.
  const form = new FormData();
  form.append('file', new Blob(['An essay about rivers.'], { type: 'text/plain' }), 'essay.txt');
  form.append('author', long(501));
  const up = await fetch(`${srv.url}/api/v1/assignments/${asg.body.id}/documents`, { method: 'POST', headers: { authorization: `Bearer ${KEY}` }, body: form });
  assert.equal(up.status, 422);
  // Values at the limits are taken.
  const ok = await srv.api.post('/api/v1/users', { email: `${long(60)}@example.org`, name: long(200) });
  assert.equal(ok.status, 201);
  assert.equal((await srv.api.post('/api/v1/courses', { name: long(200), code: long(100) })).status, 201);
  assert.deepEqual(problems, []);
});

test('a webhook delivery carries the documented body, headers and signature; the delivery log matches its schema', { timeout: 60_000 }, async () => {
  const spec = (await (await fetch(`${srv.url}/openapi.json`)).json()) as Spec;
  const problems: string[] = [];
  const received: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
  const receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      // The first attempt of each delivery fails: it is retried.
      const id = req.headers['x-origo-delivery'];
      res.writeHead(received.filter((r) => r.headers['x-origo-delivery'] === id).length === 1 ? 500 : 200).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  try {
    const port = (receiver.address() as { port: number }).port;
    const secret = 'conformance-webhook-secret';
    const hook = await conforming(spec, problems, 'POST', '/api/v1/webhooks', '/api/v1/webhooks', { body: JSON.stringify({ url: `http://127.0.0.1:${port}/hook`, events: ['document.done'], secret }) });
    assert.equal(hook.status, 201);
    const asg = await srv.api.post('/api/v1/assignments', { name: 'Webhooks' });
    const doc = await srv.api.post(`/api/v1/assignments/${asg.body.id}/documents`, { text: 'An essay about lighthouses, harbours and the ships that pass them at night.' });
    // Documents of the earlier tests may finish now too: only this document's deliveries count.
    const ours = () => received.filter((r) => JSON.parse(r.body).document.id === doc.body.id);
    for (let i = 0; i < 300 && ours().length < 2; i++) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(ours().length, 2, 'delivered again after the failed attempt, then no more');
    const [first, second] = ours();
    assert.equal(second.body, first.body);
    assert.equal(second.headers['x-origo-delivery'], first.headers['x-origo-delivery']);
    assert.equal(second.headers['x-origo-signature'], `sha256=${createHmac('sha256', secret).update(second.body).digest('hex')}`);
    assert.equal(second.headers['x-origo-event'], 'document.done');
    const payload = JSON.parse(second.body);
    assert.equal(payload.event, 'document.done');
    assert.equal(payload.document.id, doc.body.id);
    assert.equal(payload.document.status, 'done');
    assert.equal(payload.document.report_version, 1);
    assert.equal(typeof payload.document.similarity, 'number');
    assert.ok(Date.parse(payload.occurred_at));
    const log = await conforming(spec, problems, 'GET', '/api/v1/webhook-deliveries', '/api/v1/webhook-deliveries');
    const entry = log.body.items.find((d: { id: string }) => d.id === first.headers['x-origo-delivery']);
    assert.equal(entry.status, 'delivered');
    assert.equal(entry.attempts, 2);
    assert.equal(entry.last_status_code, 200);
    assert.ok(spec.paths['/api/v1/webhook-deliveries'].get.responses['200'].content?.['application/json'].schema, 'the log has a documented schema');
    assert.ok((spec.components as { schemas: Record<string, unknown> }).schemas.WebhookDelivery, 'WebhookDelivery is described');
  } finally {
    receiver.close();
  }
  assert.deepEqual(problems, []);
});
