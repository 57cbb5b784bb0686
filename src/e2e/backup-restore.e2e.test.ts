/**
 * Backup and restore, as docs/operations.md tells an administrator to run them:
 *
 *   server on data A ── documents, reports ──► `origo backup <dir>` while it runs
 *                                             (a document uploaded after it is not in the backup)
 *   stop; `origo restore <dir>` into a fresh data folder B (and, on PostgreSQL, a fresh database)
 *   server on B ──► the same reports, byte for byte, for the same ids; the same uploaded files
 *
 * On SQLite always; on PostgreSQL where a server answers (CI requires it).
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, apiClient, startProcess, tempDir, waitFor, type ServerProcess } from '../testing/server-process.js';
import { createTestDatabase, postgresAnswers, REQUIRE_PG } from '../testing/stores.js';

const KEY = 'backup-admin-key-0123456789abcdef';
const SHARED =
  'Glaciers store about seventy percent of the fresh water on the planet, and their retreat over the last century has changed rivers, ' +
  'farming and the drinking water of whole valleys that depend on the summer melt for most of the year.';
const TEXTS = [
  `Mara wrote about the Alps and the villages she visited with her class last spring. ${SHARED} She ends with the ski resorts.`,
  `Jonas compares the Himalaya with the Andes and the people living below them. ${SHARED} His essay closes with the monsoon.`,
  'Beekeeping in cities has grown quickly, with hives on the roofs of hotels, schools and office towers in many European capitals.',
];

const cleanups: (() => Promise<void> | void)[] = [];
after(async () => {
  for (const c of cleanups.reverse()) await c();
});

function origo(args: string[], env: Record<string, string>): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

async function raw(url: string, path: string): Promise<{ status: number; bytes: Buffer }> {
  const r = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${KEY}` } });
  return { status: r.status, bytes: Buffer.from(await r.arrayBuffer()) };
}

async function roundTrip(source: Record<string, string>, target: Record<string, string>): Promise<void> {
  const base = { ORIGO_ADMIN_KEY: KEY, ORIGO_PUBLIC_URL: 'https://origo.example.org' };
  const backupDir = tempDir('origo-backup-');
  cleanups.push(backupDir.remove);

  let server: ServerProcess | null = await startProcess({ ...base, ...source });
  cleanups.push(async () => void (await server?.kill('SIGKILL')));
  const api = apiClient(server.url, KEY);
  const asg = await api.post('/api/v1/assignments', { name: 'Glaciers' });
  assert.equal(asg.status, 201);
  const ids: string[] = [];
  for (const [i, text] of TEXTS.entries()) {
    const r = await api.post(`/api/v1/assignments/${asg.body.id}/documents`, { title: `Essay ${i}`, author: `Student ${i}`, text });
    assert.equal(r.status, 201);
    ids.push(r.body.id);
  }
  const form = new FormData();
  form.append('title', 'Uploaded file');
  form.append('file', new Blob([`${SHARED}\nUploaded as a file, so a blob holds its bytes.\n`], { type: 'text/plain' }), 'essay.txt');
  const uploaded = await fetch(`${server.url}/api/v1/assignments/${asg.body.id}/documents`, { method: 'POST', headers: { authorization: `Bearer ${KEY}` }, body: form });
  assert.equal(uploaded.status, 201);
  ids.push(((await uploaded.json()) as { id: string }).id);
  await waitFor('every document to be checked', async () => {
    const docs = await Promise.all(ids.map((id) => api.get(`/api/v1/documents/${id}`)));
    return docs.every((d) => d.body.status === 'done') ? true : undefined;
  }, 90_000, 200);
  // Peers re-check each other once after their first checks; wait until the reports settle.
  const reportsOf = async (url: string) => Promise.all(ids.map(async (id) => (await raw(url, `/api/v1/documents/${id}/report`)).bytes.toString('utf8')));
  const before = await waitFor('the reports to settle', async () => {
    const a = await reportsOf(server!.url);
    await new Promise((r) => setTimeout(r, 1500));
    const b = await reportsOf(server!.url);
    return a.every((x, i) => x === b[i]) ? b : undefined;
  }, 60_000, 100);
  assert.ok(JSON.parse(before[0]).similarity > 0, 'the two essays match each other');
  const file = await raw(server.url, `/api/v1/documents/${ids[3]}/file`);
  assert.equal(file.status, 200);

  // The backup, exactly as documented, while the server runs.
  const made = origo(['backup', backupDir.path], { ...base, ...source });
  assert.equal(made.status, 0, made.out);
  const manifest = JSON.parse(readFileSync(join(backupDir.path, 'origo-backup.json'), 'utf8'));
  assert.equal(manifest.format, 'origo-backup');
  // On SQLite the upload is a file in blobs/; on PostgreSQL (blobs in the database by default) it is in the dump.
  const inDatabase = source.DATABASE_URL !== undefined && source.ORIGO_BLOB_STORE !== 'folder';
  assert.equal(manifest.blob_store, inDatabase ? 'database' : 'folder');
  if (inDatabase) assert.equal(manifest.blobs.files, 0, `no uploads in the folder when they are in the database: ${JSON.stringify(manifest.blobs)}`);
  else assert.ok(manifest.blobs.files >= 1, `blobs in the backup: ${JSON.stringify(manifest.blobs)}`);
  assert.ok(manifest.migrations.length >= 1);

  // Written after the backup: not in it.
  const late = await api.post(`/api/v1/assignments/${asg.body.id}/documents`, { title: 'Late', text: 'Written after the backup was taken, so the restored server does not know it.' });
  assert.equal(late.status, 201);
  await server.kill('SIGTERM');
  server = null;

  const restored = origo(['restore', backupDir.path], { ...base, ...target });
  assert.equal(restored.status, 0, restored.out);
  const again = origo(['restore', backupDir.path], { ...base, ...target });
  assert.notEqual(again.status, 0, 'restoring over an existing database needs --force');
  assert.match(again.out, /--force/);

  server = await startProcess({ ...base, ...target });
  const after = await reportsOf(server.url);
  for (const [i, id] of ids.entries()) assert.equal(after[i], before[i], `report of ${id} after restore`);
  const fileAfter = await raw(server.url, `/api/v1/documents/${ids[3]}/file`);
  assert.equal(fileAfter.status, 200);
  assert.ok(fileAfter.bytes.equals(file.bytes), 'the uploaded file is restored byte for byte');
  assert.equal((await raw(server.url, `/api/v1/documents/${late.body.id}`)).status, 404, 'the document written after the backup is not there');
  await server.kill('SIGTERM');
  server = null;
}

test('backup while running, restore into a fresh data folder: SQLite (with its WAL) and blobs', { timeout: 240_000 }, async () => {
  const a = tempDir('origo-data-a-');
  const b = tempDir('origo-data-b-');
  cleanups.push(a.remove, b.remove);
  await roundTrip({ ORIGO_DATA_DIR: a.path }, { ORIGO_DATA_DIR: b.path });
  assert.ok(existsSync(join(b.path, 'origo.sqlite')));
});

const pgUp = await postgresAnswers();
if (!pgUp && REQUIRE_PG) throw new Error('PostgreSQL does not answer, and ORIGO_REQUIRE_POSTGRES=1');

test('backup while running, restore into a fresh database and data folder: PostgreSQL (pg_dump) and blobs', { timeout: 240_000, skip: pgUp ? false : 'PostgreSQL does not answer' }, async () => {
  const a = tempDir('origo-data-a-');
  const b = tempDir('origo-data-b-');
  const dbA = await createTestDatabase('origo_backup_a');
  const dbB = await createTestDatabase('origo_backup_b');
  cleanups.push(a.remove, b.remove, dbA.drop, dbB.drop);
  await roundTrip({ ORIGO_DATA_DIR: a.path, DATABASE_URL: dbA.url }, { ORIGO_DATA_DIR: b.path, DATABASE_URL: dbB.url });
});
