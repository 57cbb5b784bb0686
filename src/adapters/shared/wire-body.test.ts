import { test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { acceptAnyBody } from './wire-body.js';
import { looseBool, looseInt } from './loose-scalars.js';
import { routableUrl } from '../../api/app.js';

async function echoApp() {
  const app = Fastify();
  await app.register(async (scope) => {
    acceptAnyBody(scope, 1024 * 1024);
    scope.all('/echo', async (req) => ({ params: req.wire!.params, files: req.wire!.files.map((f) => ({ field: f.field, filename: f.filename, text: f.bytes.toString() })) }));
  });
  return app;
}

const multipart = (boundary: string) =>
  `--${boundary}\r\nContent-Disposition: form-data; name="check_id"\r\n\r\n42\r\n` +
  `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.zip"\r\nContent-Type: application/zip\r\n\r\nZIPDATA\r\n--${boundary}--\r\n`;

test('query and JSON body are merged', async () => {
  const app = await echoApp();
  const r = await app.inject({ method: 'POST', url: '/echo?access_token=t', headers: { 'content-type': 'application/json' }, payload: '{"check_id": "13"}' });
  assert.deepEqual(r.json().params, { access_token: 't', check_id: '13' });
});

test('a multipart body sent as application/json is read as multipart', async () => {
  const app = await echoApp();
  const r = await app.inject({ method: 'POST', url: '/echo', headers: { 'content-type': 'application/json' }, payload: multipart('XyZ123') });
  assert.equal(r.statusCode, 200);
  assert.deepEqual(r.json().params, { check_id: '42' });
  assert.deepEqual(r.json().files, [{ field: 'file', filename: 'a.zip', text: 'ZIPDATA' }]);
});

test('a stale multipart Content-Type on an empty body is not an error; parameters come from the query', async () => {
  const app = await echoApp();
  const r = await app.inject({ method: 'POST', url: '/echo?check_id=7', headers: { 'content-type': 'multipart/form-data; boundary=abc' }, payload: '' });
  assert.equal(r.statusCode, 200);
  assert.deepEqual(r.json().params, { check_id: '7' });
});

test('urlencoded bodies with a broken Content-Type and repeated array fields are read', async () => {
  const app = await echoApp();
  const r = await app.inject({ method: 'POST', url: '/echo', headers: { 'content-type': 'x-www-form-urlencoded' }, payload: 'access_token=abc&author[]=A&author[]=B' });
  assert.deepEqual(r.json().params, { access_token: 'abc', author: ['A', 'B'] });
});

test('loose scalars: "13", "2810?webcheck=1", true/"1"/1', () => {
  assert.equal(looseInt('13'), 13);
  assert.equal(looseInt('2810?webcheck=1?dbcheck=1'), 2810);
  assert.equal(looseInt('abc'), undefined);
  assert.equal(looseBool('1'), true);
  assert.equal(looseBool(0), false);
  assert.equal(looseBool('false'), false);
  assert.equal(looseBool('maybe'), undefined);
});

test('absolute-form request targets are routed by their path', () => {
  assert.equal(routableUrl('http://127.0.0.1:18080/v3/ping?x=1'), '/v3/ping?x=1');
  assert.equal(routableUrl('/plain'), '/plain');
});
