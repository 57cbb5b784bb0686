/**
 * A PDF made by LibreOffice, uploaded to a started server as a teacher would (multipart, the
 * bytes the service reads back from its blob store are a Node Buffer): it reaches `done` with its
 * words counted, and a second upload of the same file matches it. The extractor unit tests pass a
 * plain Uint8Array; this is the path they did not cover.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { apiClient, startProcess, tempDir, waitFor, type ServerProcess } from '../testing/server-process.js';

const PDF = readFileSync(new URL('../../src/extract/fixtures/office/known.pdf', import.meta.url));

const dir = tempDir();
let server: ServerProcess | undefined;
after(async () => {
  await server?.kill('SIGTERM');
  dir.remove();
});

async function upload(url: string, key: string, assignmentId: string, title: string): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([PDF], { type: 'application/pdf' }), 'lighthouse.pdf');
  form.append('title', title);
  form.append('author', title);
  const res = await fetch(`${url}/api/v1/assignments/${assignmentId}/documents`, { method: 'POST', headers: { authorization: `Bearer ${key}` }, body: form });
  const body = (await res.json()) as { id: string };
  assert.equal(res.status, 201, JSON.stringify(body));
  return body.id;
}

test('a LibreOffice PDF uploaded to the running service is extracted, checked and matched', { timeout: 120_000 }, async () => {
  const key = 'e2e-admin-key-pdf-0123456789abcdef';
  server = await startProcess({ ORIGO_DATA_DIR: dir.path, ORIGO_ADMIN_KEY: key });
  const api = apiClient(server.url, key);
  const asg = await api.post('/api/v1/assignments', { name: 'Lighthouse essays' });
  assert.equal(asg.status, 201);
  const first = await upload(server.url, key, asg.body.id, 'First');
  const second = await upload(server.url, key, asg.body.id, 'Second');
  const docs = await waitFor('both PDFs to finish', async () => {
    const ds = await Promise.all([first, second].map((id) => api.get(`/api/v1/documents/${id}`)));
    return ds.every((d) => d.body.status === 'done' || d.body.status === 'failed') ? ds.map((d) => d.body) : undefined;
  }, 90_000, 200);
  for (const d of docs) {
    assert.equal(d.status, 'done', `status ${d.status}: ${d.reason}`);
    assert.equal(d.reason, null);
    assert.ok(d.counts.words > 100, `words counted: ${JSON.stringify(d.counts)}`);
  }
  const report = await waitFor('the second PDF to match the first', async () => {
    const r = await api.get(`/api/v1/documents/${second}/report`);
    return r.body.similarity >= 0.9 ? r.body : undefined;
  }, 60_000, 200);
  assert.ok(report.matches.some((m: { source_document_id: string }) => m.source_document_id === first));
});
