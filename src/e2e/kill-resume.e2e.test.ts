/**
 * Nothing accepted is lost, nothing is done twice:
 *
 *   upload ─► extract ─► analyse (paused 5 s by ORIGO_DEBUG_STEP_DELAY) ─✗ SIGKILL
 *   restart ─► lease runs out ─► analyse again ─► done, one report version, one "done" webhook
 *
 * and a SIGTERM during a step gives the job back at once, so the next process finishes it.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { apiClient, startProcess, tempDir, waitFor, type ServerProcess } from '../testing/server-process.js';

const KEY = 'kill-test-admin-key-0123456789';
const TEXT = 'A student essay about rivers, floods and the engineering of levees along the lower Mississippi in the twentieth century.';

const receiver: { events: { event: string; document: { id: string } }[]; server: Server | null; url: string } = { events: [], server: null, url: '' };
const dirs: { remove: () => void }[] = [];
const procs: ServerProcess[] = [];
after(async () => {
  for (const p of procs) await p.kill('SIGKILL');
  receiver.server?.close();
  for (const d of dirs) d.remove();
});

async function startReceiver(): Promise<void> {
  receiver.server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      receiver.events.push(JSON.parse(body));
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((r) => receiver.server!.listen(0, '127.0.0.1', r));
  receiver.url = `http://127.0.0.1:${(receiver.server.address() as { port: number }).port}/hook`;
}

function jobsOf(dataDir: string, documentInternalId: number) {
  const db = new Database(join(dataDir, 'origo.sqlite'), { readonly: true });
  try {
    return db.prepare("SELECT kind, status, attempts, payload FROM jobs WHERE json_extract(payload, '$.documentId') = ? ORDER BY id").all(documentInternalId) as { kind: string; status: string; attempts: number }[];
  } finally {
    db.close();
  }
}

function internalId(dataDir: string, publicId: string): number {
  const db = new Database(join(dataDir, 'origo.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT id FROM documents WHERE public_id = ?').get(publicId) as { id: number }).id;
  } finally {
    db.close();
  }
}

test('a worker killed with SIGKILL mid-analysis resumes after restart; the document finishes once', { timeout: 120_000 }, async () => {
  await startReceiver();
  const dir = tempDir();
  dirs.push(dir);
  const env = { ORIGO_DATA_DIR: dir.path, ORIGO_OUTBOUND_ALLOW: '127.0.0.1', ORIGO_ADMIN_KEY: KEY, ORIGO_JOB_LEASE_MS: '1500', ORIGO_WORKERS: '1' };
  const first = await startProcess({ ...env, ORIGO_DEBUG_STEP_DELAY: 'analyse:8000' });
  procs.push(first);
  const api1 = apiClient(first.url, KEY);
  assert.equal((await api1.post('/api/v1/webhooks', { url: receiver.url })).status, 201);
  const asg = await api1.post('/api/v1/assignments', { name: 'Rivers' });
  const doc = await api1.post(`/api/v1/assignments/${asg.body.id}/documents`, { title: 'Levees', text: TEXT });
  await waitFor('the analysis to start', async () => ((await api1.get(`/api/v1/documents/${doc.body.id}`)).body.status === 'checking' ? true : undefined), 30_000, 50);
  await waitFor('the paused analyse step', async () => (first.output().includes('debug step delay') ? true : undefined), 10_000, 20);
  assert.equal(await first.kill('SIGKILL'), null);

  const second = await startProcess(env);
  procs.push(second);
  const api2 = apiClient(second.url, KEY);
  const done = await waitFor('the document to finish after restart', async () => {
    const d = await api2.get(`/api/v1/documents/${doc.body.id}`);
    return d.body.status === 'done' ? d.body : undefined;
  }, 60_000, 100);
  assert.equal(done.similarity, 0);
  const report = await api2.get(`/api/v1/documents/${doc.body.id}/report`);
  assert.equal(report.body.version, 1, 'exactly one report version');
  await waitFor('the done webhook', async () => (receiver.events.some((e) => e.event === 'document.done') ? true : undefined), 30_000);
  await new Promise((r) => setTimeout(r, 1000));
  const doneEvents = receiver.events.filter((e) => e.event === 'document.done' && e.document.id === doc.body.id);
  assert.equal(doneEvents.length, 1, 'one "done" delivery');
  await second.kill('SIGTERM');

  const jobs = jobsOf(dir.path, internalId(dir.path, doc.body.id));
  const analyse = jobs.filter((j) => j.kind === 'analyse');
  assert.equal(analyse.length, 1, 'one analyse job');
  assert.equal(analyse[0].status, 'done');
  assert.equal(analyse[0].attempts, 2, 'claimed by the killed worker, then by the restarted one');
  assert.ok(jobs.filter((j) => j.kind === 'extract').every((j) => j.status === 'done' && j.attempts === 1));
});

test('SIGTERM during a step requeues the job at once and the next process finishes it', { timeout: 120_000 }, async () => {
  const dir = tempDir();
  dirs.push(dir);
  const env = { ORIGO_DATA_DIR: dir.path, ORIGO_OUTBOUND_ALLOW: '127.0.0.1', ORIGO_ADMIN_KEY: KEY, ORIGO_JOB_LEASE_MS: '600000', ORIGO_WORKERS: '1' };
  const first = await startProcess({ ...env, ORIGO_DEBUG_STEP_DELAY: 'analyse:60000' });
  procs.push(first);
  const api1 = apiClient(first.url, KEY);
  const asg = await api1.post('/api/v1/assignments', { name: 'Graceful' });
  const doc = await api1.post(`/api/v1/assignments/${asg.body.id}/documents`, { title: 'Levees', text: TEXT });
  await waitFor('the paused analyse step', async () => (first.output().includes('debug step delay') ? true : undefined), 30_000, 20);
  const t0 = Date.now();
  assert.equal(await first.kill('SIGTERM'), 0, 'a clean exit');
  assert.ok(Date.now() - t0 < 30_000, 'shutdown did not wait for the 60 s step');
  const analyse = jobsOf(dir.path, internalId(dir.path, doc.body.id)).filter((j) => j.kind === 'analyse');
  assert.equal(analyse[0].status, 'queued', 'given back, not left locked for the 10-minute lease');

  const second = await startProcess(env);
  procs.push(second);
  const api2 = apiClient(second.url, KEY);
  await waitFor('the document to finish', async () => ((await api2.get(`/api/v1/documents/${doc.body.id}`)).body.status === 'done' ? true : undefined), 30_000);
  assert.equal((await api2.get(`/api/v1/documents/${doc.body.id}/report`)).body.version, 1);
});
