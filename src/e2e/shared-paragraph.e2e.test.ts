/**
 * The foundation's "done when", through a started server and real HTTP:
 *
 *   assignment ── doc A  (own text + P + own text)   ─┐ share paragraph P
 *              ── doc B  (own text + P + own text)   ─┘
 *              ── doc C  (unrelated)
 *
 * A and B reach done within a minute, each with similarity > 0 and a match covering P on both
 * sides; C reports 0.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { apiClient, startProcess, tempDir, waitFor, type ServerProcess } from '../testing/server-process.js';

const P =
  'The industrial revolution transformed the economic and social structure of Britain in ways that historians still debate today, ' +
  'especially its effect on wages, on working hours and on the living standards of families who moved from the countryside into the growing mill towns.';
const A = `Alice's essay opens with her own view of the period and the sources she read for this course. ${P} She closes by comparing it with the digital economy of her own generation.`;
const B = `Bob begins with a story about his grandfather, who worked in a factory near Manchester for forty years. ${P} His conclusion is that progress always has a price someone else pays.`;
const C = 'Arctic terns migrate from pole to pole every year, covering more distance than any other bird, and they rest on the open ocean for weeks at a time without touching land.';

const dir = tempDir();
let server: ServerProcess | undefined;
after(async () => {
  await server?.kill('SIGTERM');
  dir.remove();
});

test('two documents sharing a paragraph match each other on both sides; an unrelated one scores 0', { timeout: 120_000 }, async () => {
  const key = 'e2e-admin-key-0123456789abcdef';
  server = await startProcess({ ORIGO_DATA_DIR: dir.path, ORIGO_ADMIN_KEY: key });
  const api = apiClient(server.url, key);
  const asg = await api.post('/api/v1/assignments', { name: 'Industrial revolution essay' });
  assert.equal(asg.status, 201);
  const ids: string[] = [];
  for (const [title, text] of [['A', A], ['B', B], ['C', C]]) {
    const r = await api.post(`/api/v1/assignments/${asg.body.id}/documents`, { title, author: title, text });
    assert.equal(r.status, 201);
    assert.equal(r.body.status, 'queued');
    ids.push(r.body.id);
  }
  const started = Date.now();
  const reports = await waitFor('A and B to match each other', async () => {
    const docs = await Promise.all(ids.map((id) => api.get(`/api/v1/documents/${id}`)));
    if (!docs.every((d) => d.body.status === 'done')) return undefined;
    const rs = await Promise.all(ids.map((id) => api.get(`/api/v1/documents/${id}/report`)));
    if (rs[0].body.similarity > 0 && rs[1].body.similarity > 0) return rs.map((r) => r.body);
    return undefined;
  }, 60_000, 200);
  assert.ok(Date.now() - started < 60_000);
  const [ra, rb, rc] = reports;
  assert.equal(rc.similarity, 0);
  assert.deepEqual(rc.matches, []);
  for (const [report, own, other, otherId] of [[ra, A, B, ids[1]], [rb, B, A, ids[0]]] as const) {
    const m = report.matches.find((x: { source_document_id: string }) => x.source_document_id === otherId);
    assert.ok(m, `a match against the other document: ${JSON.stringify(report)}`);
    const pStart = own.indexOf(P);
    const pSrc = other.indexOf(P);
    // The match covers the shared paragraph (allowing the final period) on both sides.
    assert.ok(m.offset <= pStart && m.offset + m.length >= pStart + P.length - 1, `submission range ${m.offset}+${m.length} vs ${pStart}+${P.length}`);
    assert.ok(m.source_offset <= pSrc && m.source_offset + m.source_length >= pSrc + P.length - 1, `source range ${m.source_offset}+${m.source_length} vs ${pSrc}+${P.length}`);
    // And not much more than it: the students' own sentences stay unmatched.
    assert.ok(m.length < P.length + 40, `match too long: ${m.length}`);
  }
  const text = await api.get(`/api/v1/documents/${ids[0]}/text`);
  assert.equal(text.body.text, A, 'offsets refer to this text');
  const health = await fetch(`${server.url}/health`);
  assert.equal(health.status, 200);
});
