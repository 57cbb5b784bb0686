/**
 * A NUL character in a request (a %00 in the query or path, "\u0000" in a JSON string) against a
 * started server on PostgreSQL, which refuses NUL in text: lookups answer "not found" in each API's
 * words and writes store the text with U+FFFD in its place, never a 500.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { apiClient, startProcess, tempDir, type ServerProcess } from '../testing/server-process.js';
import { createTestDatabase, postgresAnswers, REQUIRE_PG, TEST_PG_URL } from '../testing/stores.js';

const up = await postgresAnswers();
if (!up && REQUIRE_PG) throw new Error(`PostgreSQL does not answer at ${TEST_PG_URL}, and ORIGO_REQUIRE_POSTGRES=1`);

const KEY = 'postgres-nul-admin-key-0123456789';
const cleanups: (() => Promise<void> | void)[] = [];
let server: ServerProcess | undefined;
after(async () => {
  await server?.kill('SIGTERM');
  for (const c of cleanups) await c();
});

test('NUL in ids, query parameters and JSON strings on PostgreSQL: not found or stored with U+FFFD, never 500', { skip: up ? false : `PostgreSQL does not answer at ${TEST_PG_URL}`, timeout: 120_000 }, async () => {
  const db = await createTestDatabase('origo_nul_pg');
  cleanups.push(db.drop);
  const dir = tempDir();
  cleanups.push(dir.remove);
  server = await startProcess({ DATABASE_URL: db.url, ORIGO_DATA_DIR: dir.path, ORIGO_ADMIN_KEY: KEY, ORIGO_WORKERS: '0' });
  const base = server.url;
  const native = apiClient(base, KEY);
  const org = (await native.get('/api/v1/me')).body.organisation_id;
  const json = async (res: Response): Promise<{ status: number; body: any }> => ({ status: res.status, body: await res.json() });

  const missing = await native.get('/api/v1/assignments/asg_%00x');
  assert.equal(missing.status, 404, JSON.stringify(missing.body));
  const made = await native.post('/api/v1/assignments', { name: 'Essay\u0000one' });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  assert.equal(made.body.name, 'Essay\ufffdone');

  const plagiat = await json(await fetch(`${base}/plagiat/api/v2/documents?id=x%00y&APIKEY=${KEY}`));
  assert.deepEqual(plagiat, { status: 400, body: { message: 'Unknown document ID' } });

  const token = (await json(await fetch(`${base}/inspera/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ clientId: KEY, institutionId: org }) }))).body.token;
  const inspera = await json(await fetch(`${base}/inspera/document/x%00y/checkStatus`, { headers: { authorization: `Bearer ${token}` } }));
  assert.deepEqual(inspera, { status: 404, body: { message: 'Submission not found' } });
  const user = await json(await fetch(`${base}/inspera/user-info?email=a%00@school.example`, { headers: { authorization: `Bearer ${token}` } }));
  assert.deepEqual(user, { status: 404, body: { message: 'User not found' } });

  const check = await json(await fetch(`${base}/codequiry/api/v1/check/create`, { method: 'POST', headers: { apikey: KEY, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Check\u0000one', language: '13' }) }));
  assert.equal(check.status, 201, JSON.stringify(check.body));
  assert.equal(check.body.name, 'Check\ufffdone');
});
