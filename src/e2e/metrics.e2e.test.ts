/**
 * /metrics through started processes and real HTTP:
 *   - an API-only process (no workers) with ORIGO_METRICS_TOKEN: the token is required; the queue
 *     depth it reports is the documents waiting in the database, which it does not process itself;
 *   - a worker process (no HTTP API) serving /metrics on ORIGO_METRICS_PORT: job durations by kind
 *     and outcome, extraction failures by reason, the queue drained to 0 in the database;
 *   - a process without a token: /metrics is not served on the main port.
 * Every answer parses as Prometheus text; no label carries an id, title or other tenant data.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { apiClient, freePort, startProcess, tempDir, waitFor, type ServerProcess } from '../testing/server-process.js';

const KEY = 'metrics-admin-key-0123456789abcdef';
const TOKEN = 'metrics-scrape-token-0123456789';
const dir = tempDir('origo-metrics-');
const processes: ServerProcess[] = [];
after(async () => {
  for (const p of processes) await p.kill('SIGTERM');
  dir.remove();
});

/** Parses the text format strictly enough to fail on a malformed line; returns samples by series. */
function parsePrometheus(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('# HELP ') || line.startsWith('# TYPE ')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*",?)*\})? (-?[0-9.e+-]+|NaN|\+Inf|-Inf)$/.exec(line);
    assert.ok(m, `not a Prometheus sample line: ${JSON.stringify(line)}`);
    samples.set(`${m[1]}${m[2] ?? ''}`, Number(m[3]));
  }
  return samples;
}

async function scrape(url: string, token: string | null): Promise<{ status: number; type: string | null; body: string }> {
  const r = await fetch(`${url}/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  // The main port and the metrics port alike (docs/security.md, "HTTP headers").
  assert.equal(r.headers.get('x-content-type-options'), 'nosniff', `${url}/metrics`);
  return { status: r.status, type: r.headers.get('content-type'), body: await r.text() };
}

const value = (s: Map<string, number>, series: string) => s.get(series) ?? 0;

test('metrics: token, queue depth from the database, job durations and extraction failures by reason, Prometheus text', { timeout: 120_000 }, async () => {
  const env = { ORIGO_DATA_DIR: dir.path, ORIGO_ADMIN_KEY: KEY, ORIGO_METRICS_TOKEN: TOKEN };
  const api = await startProcess({ ...env, ORIGO_WORKERS: '0' });
  processes.push(api);
  const client = apiClient(api.url, KEY);

  assert.equal((await scrape(api.url, null)).status, 401, 'no token');
  const wrong = await scrape(api.url, 'not-the-token-at-all-0000');
  assert.equal(wrong.status, 401, 'wrong token');
  assert.equal(JSON.parse(wrong.body).error.code, 'unauthorized');

  const asg = await client.post('/api/v1/assignments', { name: 'Tenant-secret assignment' });
  assert.equal(asg.status, 201);
  const ids: string[] = [];
  for (const title of ['Secret title one', 'Secret title two']) {
    const r = await client.post(`/api/v1/assignments/${asg.body.id}/documents`, { title, author: 'Ada', text: `${title}: the tides follow the moon, and sailors have always read them before leaving the harbour.` });
    assert.equal(r.status, 201);
    ids.push(r.body.id);
  }
  // A file that cannot be read: a PDF header and nothing else.
  const form = new FormData();
  form.append('title', 'Broken upload');
  form.append('file', new Blob([Buffer.from('%PDF-1.7\nthis is not a PDF body\n')], { type: 'application/pdf' }), 'broken.pdf');
  const broken = await fetch(`${api.url}/api/v1/assignments/${asg.body.id}/documents`, { method: 'POST', headers: { authorization: `Bearer ${KEY}` }, body: form });
  assert.equal(broken.status, 201);
  ids.push(((await broken.json()) as { id: string }).id);

  // No worker runs yet: the three extract jobs wait in the database, and the API process says so.
  const before = await scrape(api.url, TOKEN);
  assert.equal(before.status, 200);
  assert.match(before.type ?? '', /^text\/plain; version=0\.0\.4/);
  const s1 = parsePrometheus(before.body);
  assert.equal(value(s1, 'origo_queue_depth{kind="extract"}'), 3);
  assert.equal(value(s1, 'origo_jobs{kind="extract",state="queued"}'), 3);
  assert.equal(value(s1, 'origo_database_up'), 1);
  assert.ok(value(s1, 'origo_queue_oldest_ready_seconds') >= 0);
  assert.equal(value(s1, 'origo_http_requests_total{method="POST",route="/api/v1/assignments/:id/documents",status="201"}'), 3);
  assert.equal(value(s1, 'origo_http_requests_total{method="GET",route="/metrics",status="401"}'), 2);
  assert.ok(value(s1, 'origo_http_request_duration_seconds_count{method="POST",route="/api/v1/assignments",status="201"}') === 1);
  assert.ok(s1.has('process_cpu_seconds_total'), 'process metrics');

  // A worker-only process: no HTTP API, /metrics on its own port (loopback), token still required.
  const metricsPort = await freePort();
  const worker = await startProcess({ ...env, ORIGO_METRICS_PORT: String(metricsPort) }, 'worker', false);
  processes.push(worker);
  const workerUrl = `http://127.0.0.1:${metricsPort}`;
  await waitFor('the worker to finish every document', async () => {
    const docs = await Promise.all(ids.map((id) => client.get(`/api/v1/documents/${id}`)));
    return docs.every((d) => d.body.status === 'done' || d.body.status === 'failed') ? docs : undefined;
  }, 90_000, 200);
  assert.equal((await client.get(`/api/v1/documents/${ids[2]}`)).body.status, 'failed');
  assert.equal((await scrape(workerUrl, null)).status, 401, 'the token is required on the metrics port too');
  const fromWorker = await waitFor('the worker to report its jobs', async () => {
    const r = await scrape(workerUrl, TOKEN);
    const s = parsePrometheus(r.body);
    // Three extract jobs ran to their end: two texts, and the broken file (failed as a document).
    return value(s, 'origo_job_duration_seconds_count{kind="extract",outcome="done"}') >= 3 ? { r, s } : undefined;
  }, 20_000, 200);
  const s2 = fromWorker.s;
  const failures = [...s2].filter(([k]) => k.startsWith('origo_extraction_failures_total{'));
  assert.equal(failures.length, 1, `one failure reason: ${JSON.stringify(failures)}`);
  assert.match(failures[0][0], /^origo_extraction_failures_total\{reason="[a-z_]+"\}$/);
  assert.equal(failures[0][1], 1);
  assert.equal(value(s2, 'origo_job_duration_seconds_count{kind="extract",outcome="done"}'), 3, fromWorker.r.body);
  assert.ok(value(s2, 'origo_job_duration_seconds_count{kind="analyse",outcome="done"}') >= 2);
  assert.ok(value(s2, 'origo_job_duration_seconds_sum{kind="extract",outcome="done"}') > 0);
  assert.equal(value(s2, 'origo_queue_depth{kind="extract"}'), 0);

  // The API process sees the drained queue in the database too.
  const after1 = parsePrometheus((await scrape(api.url, TOKEN)).body);
  assert.equal(value(after1, 'origo_queue_depth{kind="extract"}'), 0);

  // No tenant data in any series.
  for (const body of [before.body, fromWorker.r.body]) {
    for (const secret of [...ids, asg.body.id, 'Secret title', 'Tenant-secret', 'Ada', KEY]) assert.ok(!body.includes(secret), `"${secret}" leaked into /metrics`);
  }
});

test('metrics: without ORIGO_METRICS_TOKEN the main port serves no /metrics', { timeout: 60_000 }, async () => {
  const other = tempDir('origo-metrics-off-');
  try {
    const p = await startProcess({ ORIGO_DATA_DIR: other.path, ORIGO_ADMIN_KEY: KEY, ORIGO_WORKERS: '0' });
    processes.push(p);
    const r = await scrape(p.url, null);
    assert.equal(r.status, 404);
    assert.match(JSON.parse(r.body).error.message, /ORIGO_METRICS_TOKEN/);
    assert.equal((await scrape(p.url, TOKEN)).status, 404);
    await p.kill('SIGTERM');
  } finally {
    other.remove();
  }
});
