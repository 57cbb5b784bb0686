/**
 * Linear cost of a class, through a started server and real HTTP (issue 22):
 *
 *   24 essays uploaded at once ── 14 paste the same prompt paragraph P   (common text: > 10 documents)
 *                               ── 3 share paragraph Q, 2 share paragraph R (copying: matches)
 *                               ── the rest are unrelated
 *
 * Reports are composed from stored pair results as documents arrive. Afterwards every stored pair
 * is forgotten and every document checked again from scratch: no report may change (no new
 * version is stored) and the reports read through the API are identical. The class leaves about
 * one analysis per document, not one per pair of documents.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { apiClient, startProcess, tempDir, waitFor, type ServerProcess } from '../testing/server-process.js';

// A deterministic vocabulary of pronounceable words and essays drawn from it (shared topic words included).
let seed = 2024;
const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
const syllables = ['ka', 'lo', 'mi', 'ren', 'tus', 'bar', 'vel', 'dan', 'ori', 'pes', 'qua', 'sil', 'tor', 'ume', 'gra', 'fen'];
const vocabulary = Array.from({ length: 700 }, () => Array.from({ length: 2 + Math.floor(rand() * 2) }, () => syllables[Math.floor(rand() * syllables.length)]).join(''));
const sentence = () => {
  const n = 9 + Math.floor(rand() * 10);
  const w = Array.from({ length: n }, () => vocabulary[Math.floor(rand() * vocabulary.length)]);
  return `${w[0][0].toUpperCase()}${w[0].slice(1)} ${w.slice(1).join(' ')}.`;
};
const paragraph = (k: number) => Array.from({ length: k }, sentence).join(' ');
const P = paragraph(4);
const Q = paragraph(3);
const R = paragraph(3);
const essays = Array.from({ length: 24 }, (_, i) => {
  const parts = [paragraph(3), paragraph(3)];
  if (i < 14) parts.splice(1, 0, P);
  if (i >= 14 && i < 17) parts.splice(1, 0, Q);
  if (i >= 17 && i < 19) parts.push(R);
  return parts.join('\n\n');
});

const dir = tempDir();
let server: ServerProcess | undefined;
after(async () => {
  await server?.kill('SIGTERM');
  dir.remove();
});

const key = 'class-e2e-admin-key-0123456789';
type Report = { similarity: number; matches: { source_document_id: string; offset: number; length: number }[]; [k: string]: unknown };
/** A report as a reader compares it: without its version, time and why it was made. */
const comparable = (r: Report) => {
  const { version, versions, created_at, reason, ...rest } = r;
  void version; void versions; void created_at; void reason;
  return rest;
};

async function drained(api: ReturnType<typeof apiClient>, asg: string): Promise<true | undefined> {
  const health = (await fetch(`${server!.url}/health`).then((r) => r.json())) as { jobs?: Record<string, number> };
  if (health.jobs?.queued || health.jobs?.running) return undefined;
  const list = await api.get(`/api/v1/assignments/${asg}/documents?limit=100`);
  return list.body.items.every((d: { status: string }) => d.status === 'done') ? true : undefined;
}

test('a class composed as it arrives equals the class analysed from scratch, at about one analysis per document', { timeout: 240_000 }, async () => {
  server = await startProcess({ ORIGO_DATA_DIR: dir.path, ORIGO_ADMIN_KEY: key });
  const api = apiClient(server.url, key);
  const asg = (await api.post('/api/v1/assignments', { name: 'Composition' })).body.id as string;
  const ids = await Promise.all(essays.map(async (text, i) => {
    const r = await api.post(`/api/v1/assignments/${asg}/documents`, { title: `Essay ${i}`, text });
    assert.equal(r.status, 201);
    return r.body.id as string;
  }));
  await waitFor('the class to be checked', () => drained(api, asg), 180_000, 250);
  const first = await Promise.all(ids.map(async (id) => (await api.get(`/api/v1/documents/${id}/report`)).body as Report));

  // Copying is reported; the prompt everybody pasted is not a match between them.
  const byId = new Map(ids.map((id, i) => [id, i]));
  const sourcesOf = (r: Report) => [...new Set(r.matches.map((m) => byId.get(m.source_document_id)))].sort((a, b) => a! - b!);
  assert.deepEqual(sourcesOf(first[14]), [15, 16]);
  assert.deepEqual(sourcesOf(first[17]), [18]);
  for (const i of [0, 5, 13, 20, 23]) assert.deepEqual(sourcesOf(first[i]), [], `essay ${i} has no match: ${JSON.stringify(first[i].matches)}`);
  assert.equal(first[0].similarity, 0);
  assert.ok(first[14].similarity > 0);

  const db = new Database(join(dir.path, 'origo.sqlite'));
  const analyses = () => (db.prepare('SELECT count(*) AS n, max(v) AS most FROM (SELECT count(*) AS v FROM analyses GROUP BY document_id)').get() as { n: number; most: number });
  const count = () => (db.prepare('SELECT count(*) AS n FROM analyses').get() as { n: number }).n;
  const incremental = count();
  // Linear: one version per document, plus the re-compositions of the few that matched the prompt
  // before it became common and of the copying groups (the old re-check of every peer stored ~N²/4 here).
  assert.ok(incremental <= 2 * essays.length, `analyses: ${incremental} for ${essays.length} documents`);
  assert.ok(analyses().most <= 12, `most versions of one document: ${analyses().most}`);

  // From scratch: forget every pair result and check every document again.
  db.prepare('DELETE FROM pair_results').run();
  db.prepare('DELETE FROM analysis_state').run();
  for (const id of ids) assert.equal((await api.post(`/api/v1/documents/${id}/recheck`)).status, 202);
  await waitFor('the from-scratch checks', () => drained(api, asg), 120_000, 250);
  assert.equal((db.prepare('SELECT count(*) AS n FROM pair_results').get() as { n: number }).n > 0, true, 'pairs were aligned again');
  assert.equal(count(), incremental, 'no report changed, so no version was added');
  const again = await Promise.all(ids.map(async (id) => (await api.get(`/api/v1/documents/${id}/report`)).body as Report));
  for (let i = 0; i < ids.length; i++) assert.deepEqual(comparable(again[i]), comparable(first[i]), `essay ${i}`);
  db.close();
});
