/**
 * Scopes of a check:
 *
 *   repository ── R (reference text)            added through the API
 *   assignment "with repo"    ── S1 (copies R)  → finds R
 *   assignment "peers only"   ── S2 (copies R)  → does not look at the repository
 *   no assignment             ── S3 (copies R)  → checked against the repository by default
 *   R removed from the repository, S4 (copies R) → finds nothing
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { appFixture, type AppFixture } from '../testing/app-fixture.js';
import { waitFor } from '../testing/server-process.js';

const REF =
  'Coral reefs occupy less than one percent of the ocean floor yet support roughly a quarter of all marine species, ' +
  'which makes their bleaching under rising sea temperatures one of the most serious threats to biodiversity this century.';

let f: AppFixture;
before(async () => {
  f = await appFixture({ worker: true });
});
after(async () => f.close());

async function submit(path: string, title: string, text: string) {
  const r = await f.call('POST', path, { title, text });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body.id as string;
}
async function done(id: string) {
  return waitFor(`${id} done`, async () => {
    const d = await f.call('GET', `/api/v1/documents/${id}`);
    return d.body.status === 'done' ? d.body : undefined;
  }, 20_000, 25);
}

test('documents are checked against the repository when the scope says so, and not after removal', { timeout: 60_000 }, async () => {
  const ref = await submit('/api/v1/documents', 'Reference', `Reference text. ${REF}`);
  await done(ref);
  assert.equal((await f.call('POST', '/api/v1/repositories/default/documents', { document_id: ref })).status, 201);
  // Adding it again changes nothing, and says so: 200, not another 201.
  assert.equal((await f.call('POST', '/api/v1/repositories/default/documents', { document_id: ref })).status, 200);
  const repos = await f.call('GET', '/api/v1/repositories');
  assert.equal(repos.body.items[0].documents, 1);

  const withRepo = await f.call('POST', '/api/v1/assignments', { name: 'With repository', settings: { check_repository: true } });
  const peersOnly = await f.call('POST', '/api/v1/assignments', { name: 'Peers only' });
  const s1 = await submit(`/api/v1/assignments/${withRepo.body.id}/documents`, 'S1', `My essay on reefs. ${REF} My conclusion.`);
  const s2 = await submit(`/api/v1/assignments/${peersOnly.body.id}/documents`, 'S2', `Another essay on reefs. ${REF} Another ending.`);
  const s3 = await submit('/api/v1/documents', 'S3', `Loose document on reefs. ${REF} Loose ending.`);
  for (const id of [s1, s2, s3]) await done(id);
  const r1 = (await f.call('GET', `/api/v1/documents/${s1}/report`)).body;
  const r2 = (await f.call('GET', `/api/v1/documents/${s2}/report`)).body;
  const r3 = (await f.call('GET', `/api/v1/documents/${s3}/report`)).body;
  assert.deepEqual(r1.sources.map((s: { source_document_id: string; scope: string }) => [s.source_document_id, s.scope]), [[ref, 'repository']]);
  assert.ok(r1.similarity > 50);
  assert.equal(r2.similarity, 0, 'peers-only assignments ignore the repository');
  assert.deepEqual(r3.sources.map((s: { source_document_id: string }) => s.source_document_id), [ref]);

  assert.equal((await f.call('DELETE', `/api/v1/repositories/default/documents/${ref}`)).status, 204);
  assert.equal((await f.call('DELETE', `/api/v1/repositories/default/documents/${ref}`)).status, 404);
  const s4 = await submit(`/api/v1/assignments/${withRepo.body.id}/documents`, 'S4', `Late essay. ${REF} Late ending.`);
  await done(s4);
  const r4 = (await f.call('GET', `/api/v1/documents/${s4}/report`)).body;
  assert.ok(!r4.sources.some((s: { source_document_id: string }) => s.source_document_id === ref), 'removed from the repository');
});

test('a report before the check is done is 409 not_ready; a failed document says why', { timeout: 30_000 }, async () => {
  const bin = await f.app.inject({
    method: 'POST',
    url: '/api/v1/documents',
    headers: { authorization: `Bearer ${f.adminKey}`, 'content-type': 'multipart/form-data; boundary=b' },
    payload: '--b\r\nContent-Disposition: form-data; name="file"; filename="x.bin"\r\nContent-Type: application/octet-stream\r\n\r\n\u0000\u0001\u0002\u0003binary\u0000\r\n--b--\r\n',
  });
  assert.equal(bin.statusCode, 201);
  const id = JSON.parse(bin.body).id;
  const failed = await waitFor('failure', async () => {
    const d = await f.call('GET', `/api/v1/documents/${id}`);
    return d.body.status === 'failed' ? d.body : undefined;
  }, 20_000, 25);
  assert.match(failed.reason, /unsupported|binary/i);
  const rep = await f.call('GET', `/api/v1/documents/${id}/report`);
  assert.equal(rep.status, 409);
  assert.equal(rep.body.error.code, 'not_ready');
});
