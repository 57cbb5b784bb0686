/**
 * Uploads the service refuses at once, through a started server: each answer is the documented
 * status and error body, and nothing is created.
 * - Two files in one request: the first became a document and the second was dropped without a
 *   word (201), so a teacher believed both were submitted. Now 422 validation_failed naming both.
 * - An empty file: 422 unsupported_document "The file is empty." (openapi.ts lists the code).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverForTests } from '../testing/server-process.js';

const KEY = 'upload-errors-key-0123456789';
const server = serverForTests(KEY);

async function post(assignmentId: string, form: FormData) {
  const res = await fetch(`${server.url}/api/v1/assignments/${assignmentId}/documents`, { method: 'POST', headers: { authorization: `Bearer ${KEY}` }, body: form });
  return { status: res.status, body: (await res.json()) as { error?: { code: string; message: string; details?: unknown } } };
}

test('two files in one upload are refused with 422 naming both; an empty file is 422 unsupported_document; nothing is created', { timeout: 60_000 }, async () => {
  const asg = await server.api.post('/api/v1/assignments', { name: 'Upload errors' });
  assert.equal(asg.status, 201);

  const two = new FormData();
  two.append('title', 'Both essays');
  two.append('file', new Blob(['The first essay, about rivers and floods.']), 'first.txt');
  two.append('file', new Blob(['The second essay, about mountains and glaciers.']), 'second.txt');
  const r1 = await post(asg.body.id, two);
  assert.equal(r1.status, 422, JSON.stringify(r1.body));
  assert.equal(r1.body.error?.code, 'validation_failed');
  assert.match(r1.body.error!.message, /one file per request/);
  assert.ok(r1.body.error!.message.includes('first.txt') && r1.body.error!.message.includes('second.txt'), r1.body.error!.message);

  const empty = new FormData();
  empty.append('file', new Blob([]), 'essay.docx');
  const r2 = await post(asg.body.id, empty);
  assert.equal(r2.status, 422, JSON.stringify(r2.body));
  assert.deepEqual(r2.body, { error: { code: 'unsupported_document', message: 'The file is empty.' } });

  const list = await server.api.get(`/api/v1/assignments/${asg.body.id}/documents`);
  assert.equal(list.body.total, 0, JSON.stringify(list.body));

  // One file in the request is still accepted.
  const one = new FormData();
  one.append('file', new Blob(['The first essay, about rivers and floods.']), 'first.txt');
  const r3 = await post(asg.body.id, one);
  assert.equal(r3.status, 201, JSON.stringify(r3.body));
});
