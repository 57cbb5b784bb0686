#!/usr/bin/env node
// Sustained ingest on a started server: 5,000-character essays (synthetic, bench/synthetic-text.mjs)
// uploaded at a fixed rate into classes of 100 (peers checked, as by default), for a fixed time.
// Reports the rate achieved (documents done per second over the run, from the first submission to
// the last document done, so it includes the last document's own latency; and the steady rate:
// documents done per second from 10 s after the first submission until the last submission, the
// rate the server kept up while the load lasted), submit-to-done latency
// (p50, p95, max: from the document's creation to its first report version, both stamped by
// the server) and the server's CPU seconds per document (its process and its extraction
// processes). Prints ONE JSON line.
// usage: node bench/ingest.mjs [--rate 20] [--seconds 30] [--chars 5000] [--class 100] [--pg] [--workers N]
import { cpus, loadavg } from 'node:os';
import { essay, loadChain, rng } from './synthetic-text.mjs';
import { machineSpeedMs } from './machine-speed.mjs';
import { cpuSeconds, sleep, startServer } from './server-harness.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const rate = Number(arg('rate', 20));
const seconds = Number(arg('seconds', 30));
const chars = Number(arg('chars', 5000));
const classSize = Number(arg('class', 100));
const workers = arg('workers', undefined);
const usePg = process.argv.includes('--pg');

const before = machineSpeedMs();
const chain = loadChain();
const r = rng(99);
const total = Math.round(rate * seconds);
const texts = Array.from({ length: total }, () => essay(chain, r, chars));
const server = await startServer({ pg: usePg, env: workers ? { ORIGO_WORKERS: workers } : {} });
try {
  const assignments = [];
  for (let i = 0; i < Math.ceil(total / classSize); i++) assignments.push((await server.call('POST', '/api/v1/assignments', { name: `Class ${i}` })).body.id);
  const cpu0 = cpuSeconds(server.pid);
  const t0 = Date.now();
  const uploads = [];
  let late = 0;
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * 1000) / rate;
    const wait = due - Date.now();
    if (wait > 0) await sleep(wait);
    else if (wait < -1000) late++;
    uploads.push(server.call('POST', `/api/v1/assignments/${assignments[Math.floor(i / classSize)]}/documents`, { title: `Essay ${i}`, text: texts[i] }).then((res) => {
      if (res.status !== 201) throw new Error(JSON.stringify(res.body));
      return res.body.id;
    }));
  }
  await Promise.all(uploads);
  const uploadSeconds = (Date.now() - t0) / 1000;
  for (;;) {
    const [row] = await server.query("SELECT count(*) AS n FROM documents WHERE status NOT IN ('done', 'failed')");
    if (Number(row.n) === 0) break;
    await sleep(200);
  }
  const cpu = cpuSeconds(server.pid) - cpu0;
  const rows = await server.query(`SELECT d.created_at AS submitted, (SELECT min(a.created_at) FROM analyses a WHERE a.document_id = d.id) AS done, d.status FROM documents d`);
  const latencies = rows.filter((x) => x.done).map((x) => Date.parse(x.done) - Date.parse(x.submitted)).sort((a, b) => a - b);
  const firstSubmit = Math.min(...rows.map((x) => Date.parse(x.submitted)));
  const lastDone = Math.max(...rows.filter((x) => x.done).map((x) => Date.parse(x.done)));
  const lastSubmit = Math.max(...rows.map((x) => Date.parse(x.submitted)));
  const steadyFrom = firstSubmit + 10_000;
  const steady = lastSubmit > steadyFrom
    ? rows.filter((x) => x.done && Date.parse(x.done) >= steadyFrom && Date.parse(x.done) <= lastSubmit).length / ((lastSubmit - steadyFrom) / 1000)
    : null;
  const q = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
  console.log(JSON.stringify({
    benchmark: 'ingest', database: server.database, target_rate: rate, documents: total, chars,
    upload_seconds: Number(uploadSeconds.toFixed(1)), uploads_late_by_over_1s: late,
    done_per_second: Number((latencies.length / ((lastDone - firstSubmit) / 1000)).toFixed(2)),
    steady_done_per_second: steady === null ? null : Number(steady.toFixed(2)),
    latency_ms: { p50: q(0.5), p95: q(0.95), max: latencies[latencies.length - 1] },
    failed: rows.filter((x) => x.status === 'failed').length,
    server_cpu_seconds: Number(cpu.toFixed(1)), server_cpu_ms_per_document: Math.round((cpu * 1000) / total),
    machineSpeedMs: { before, after: machineSpeedMs() },
    machine: { cpus: cpus().length, model: cpus()[0]?.model, load: loadavg()[0] }, date: new Date().toISOString(),
  }));
} finally {
  await server.stop();
}
