/**
 * The native API answers what its own OpenAPI document (GET /openapi.json) says, through a started
 * server.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverForTests } from '../testing/server-process.js';

const KEY = 'openapi-conformance-admin-key';
const srv = serverForTests(KEY);

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
