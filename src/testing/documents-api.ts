import assert from 'node:assert/strict';
import { waitFor, type apiClient } from './server-process.js';

/** Uploads a file into an assignment of a started server (multipart, as a browser or LMS sends it); returns the document id. */
export async function uploadDocument(
  baseUrl: string,
  key: string,
  assignmentId: string,
  file: { filename: string; bytes: Uint8Array | string },
  title: string,
  author: string,
): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([typeof file.bytes === 'string' ? file.bytes : new Uint8Array(file.bytes)]), file.filename);
  form.append('title', title);
  form.append('author', author);
  const res = await fetch(`${baseUrl}/api/v1/assignments/${assignmentId}/documents`, { method: 'POST', headers: { authorization: `Bearer ${key}` }, body: form });
  const body = (await res.json()) as { id: string };
  assert.equal(res.status, 201, `${file.filename}: ${JSON.stringify(body)}`);
  return body.id;
}

/** Waits until every document is done or failed; returns their bodies. */
export async function documentsSettled(api: ReturnType<typeof apiClient>, ids: string[], ms = 240_000) {
  return waitFor(`${ids.length} documents to finish`, async () => {
    const ds = await Promise.all(ids.map((id) => api.get(`/api/v1/documents/${id}`)));
    return ds.every((d) => d.body.status === 'done' || d.body.status === 'failed') ? ds.map((d) => d.body) : undefined;
  }, ms, 300);
}
