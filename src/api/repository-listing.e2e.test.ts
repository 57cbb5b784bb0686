/**
 * GET /api/v1/repositories/{id}/documents pages like every other listing (`total` counts all the
 * documents the caller reaches, not the page), and an instructor's pages and the repository's
 * `documents` count (also in PlagScan's GET /repositories) hold only the documents it reaches
 * (docs/security.md), through a started server.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiClient, serverForTests } from '../testing/server-process.js';

const KEY = 'repository-listing-admin-key-0001';
const srv = serverForTests(KEY);

async function login(email: string, password: string) {
  const res = await fetch(`${srv.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  assert.equal(res.status, 200);
  return apiClient(srv.url, ((await res.json()) as { token: string }).token);
}

test('repository document listings: total, paging and an instructor sees only what it reaches', { timeout: 60_000 }, async () => {
  const admin = srv.api;
  for (const u of ['alice', 'bob']) {
    const r = await admin.post('/api/v1/users', { email: `${u}@school.example`, name: u, role: 'instructor', password: `password of ${u}` });
    assert.equal(r.status, 201, JSON.stringify(r.body));
  }
  const alice = await login('alice@school.example', 'password of alice');
  const bob = await login('bob@school.example', 'password of bob');

  const ids: string[] = [];
  for (const [who, title] of [[admin, 'Admin reference one'], [admin, 'Admin reference two'], [alice, 'Alice reference one'], [alice, 'Alice reference two'], [alice, 'Alice reference three']] as const) {
    const d = await who.post('/api/v1/documents', { title, text: `${title}: a short reference text about tides, harbours and the ships that use them.` });
    assert.equal(d.status, 201, JSON.stringify(d.body));
    assert.equal((await who.post('/api/v1/repositories/default/documents', { document_id: d.body.id })).status, 201);
    ids.push(d.body.id);
  }

  // The administrator: every document, in pages whose total is the whole repository.
  const all = await admin.get('/api/v1/repositories/default/documents');
  assert.equal(all.body.total, 5);
  const page2 = await admin.get('/api/v1/repositories/default/documents?limit=2&offset=2');
  assert.equal(page2.status, 200);
  assert.equal(page2.body.total, 5, 'total counts the repository, not the page');
  assert.deepEqual(page2.body.items.map((d: { id: string }) => d.id), ids.slice(2, 4));
  assert.equal((await admin.get('/api/v1/repositories')).body.items[0].documents, 5);

  // Alice reaches her three: a first page of one says so, and it is not empty.
  const a1 = await alice.get('/api/v1/repositories/default/documents?limit=1');
  assert.deepEqual(a1.body.items.map((d: { id: string }) => d.id), [ids[2]], 'the first page holds her first document');
  assert.equal(a1.body.total, 3);
  const aAll = await alice.get('/api/v1/repositories/default/documents');
  assert.deepEqual(aAll.body.items.map((d: { id: string }) => d.id), ids.slice(2));
  assert.equal((await alice.get('/api/v1/repositories')).body.items[0].documents, 3, 'the count is of the documents she reaches');

  // Bob reaches none of them: an empty listing, and no count of the others' documents.
  const b = await bob.get('/api/v1/repositories/default/documents');
  assert.deepEqual(b.body.items, []);
  assert.equal(b.body.total, 0);
  assert.equal((await bob.get('/api/v1/repositories')).body.items[0].documents, 0);

  // The PlagScan API lists the same repositories with the same counts (a token acting as Bob).
  const orgId = (await admin.get('/api/v1/me')).body.organisation_id;
  const plagscan = `${srv.url}/plagscan/v3`;
  const json = async (res: Promise<Response>): Promise<any> => (await res).json();
  const asAdmin = await json(fetch(`${plagscan}/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ client_id: orgId, client_secret: KEY }) }));
  const bobUser = await json(fetch(`${plagscan}/users?searchByEmail=bob@school.example&access_token=${asAdmin.access_token}`));
  const asBob = await json(fetch(`${plagscan}/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ client_id: orgId, client_secret: KEY, user: bobUser.data.userID }) }));
  const psBob = await json(fetch(`${plagscan}/repositories?access_token=${asBob.access_token}`));
  assert.equal(psBob.data[0].documents, 0, 'PlagScan: Bob reaches none of the documents');
  const psAdmin = await json(fetch(`${plagscan}/repositories?access_token=${asAdmin.access_token}`));
  assert.equal(psAdmin.data[0].documents, 5);
});
