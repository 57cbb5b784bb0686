#!/usr/bin/env node
// A class on a started server: N essays of ~5,000 characters submitted at once to one assignment
// (peers checked), either unrelated or all sharing one paragraph (a pasted prompt). For each run:
// wall time from the first upload to every document done and the queue drained, the server's CPU
// seconds (its process and its extraction children: robust on a shared machine, unlike wall
// time), analyses stored, most report versions of one document and stored analysis JSON.
// Each run starts its own server on a fresh data folder (and a fresh PostgreSQL database with --pg).
// Prints ONE JSON line; the ratios the issue asks for (shared/unrelated at the same N, and
// shared 2N / shared N) are computed from the same run.
// usage: node bench/class-scale.mjs [--plan unrelated:200,shared:200,shared:400] [--chars 5000] [--pg] [--workers N]
//        (or --sizes 200,400 --kinds unrelated,shared for every combination)
//        (needs `npm run build`; --pg uses ORIGO_TEST_PG_URL or postgres://postgres@127.0.0.1:5432/postgres)
import { cpus, loadavg } from 'node:os';
import { essay, loadChain, rng, sentence, withParagraph } from './synthetic-text.mjs';
import { machineSpeedMs } from './machine-speed.mjs';
import { cpuSeconds, startServer } from './server-harness.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const plan = arg('plan', null)?.split(',').map((x) => { const [kind, n] = x.split(':'); return { kind, n: Number(n) }; })
  ?? arg('sizes', '200,400').split(',').map(Number).flatMap((n) => arg('kinds', 'unrelated,shared').split(',').map((kind) => ({ kind, n })));
const sizes = [...new Set(plan.map((p) => p.n))];
const chars = Number(arg('chars', 5000));
const usePg = process.argv.includes('--pg');
const workers = arg('workers', undefined);

const chain = loadChain();
// The pasted prompt: one paragraph of ~600 characters every essay of the "shared" class contains.
const prompt = (() => {
  const r = rng(7);
  let p = '';
  while (p.length < 600) p += (p ? ' ' : '') + sentence(chain, r);
  return p;
})();

async function runClass(kind, n) {
  const server = await startServer({ pg: usePg, env: workers ? { ORIGO_WORKERS: workers } : {} });
  try {
    const asg = await server.call('POST', '/api/v1/assignments', { name: `${kind} ${n}`, settings: { check_peers: true } });
    if (asg.status !== 201) throw new Error(JSON.stringify(asg.body));
    const r = rng(1000 + n);
    const texts = Array.from({ length: n }, () => {
      const t = essay(chain, r, chars);
      return kind === 'shared' ? withParagraph(t, prompt, r) : t;
    });
    const cpu0 = cpuSeconds(server.pid);
    const t0 = Date.now();
    let next = 0;
    const ids = [];
    await Promise.all(Array.from({ length: 8 }, async () => {
      while (next < n) {
        const i = next++;
        const res = await server.call('POST', `/api/v1/assignments/${asg.body.id}/documents`, { title: `Essay ${i}`, author: `Student ${i}`, text: texts[i] });
        if (res.status !== 201) throw new Error(JSON.stringify(res.body));
        ids[i] = res.body.id;
      }
    }));
    const uploadSeconds = (Date.now() - t0) / 1000;
    await server.settled();
    const seconds = (Date.now() - t0) / 1000;
    const cpu = cpuSeconds(server.pid) - cpu0;
    const [row] = await server.query(`SELECT sum(v) AS analyses, max(v) AS max_versions, sum(bytes) AS json_bytes FROM
      (SELECT document_id, count(*) AS v, sum(length(result)) AS bytes FROM analyses GROUP BY document_id) x`);
    const [pairs] = await server.query('SELECT count(*) AS n FROM pair_results');
    const [failed] = await server.query("SELECT count(*) AS n FROM documents WHERE status = 'failed'");
    const sims = [];
    for (const id of ids.slice(0, 5)) sims.push((await server.call('GET', `/api/v1/documents/${id}/report`)).body.similarity);
    return {
      kind, documents: n, seconds: Number(seconds.toFixed(1)), upload_seconds: Number(uploadSeconds.toFixed(1)),
      server_cpu_seconds: cpu === null ? null : Number(cpu.toFixed(1)), docs_per_second: Number((n / seconds).toFixed(2)),
      analyses: Number(row.analyses), max_versions: Number(row.max_versions), analysis_json_mb: Number((Number(row.json_bytes) / 1e6).toFixed(2)),
      pair_results: Number(pairs.n), failed: Number(failed.n), similarity_first5: sims,
    };
  } finally {
    await server.stop();
  }
}

const before = machineSpeedMs();
const started = Date.now();
const runs = [];
for (const { kind, n } of plan) runs.push(await runClass(kind, n));
const find = (kind, n) => runs.find((x) => x.kind === kind && x.documents === n);
const ratios = {};
for (const n of sizes) {
  const s = find('shared', n);
  const u = find('unrelated', n);
  if (s && u) ratios[`shared_over_unrelated_${n}`] = { seconds: Number((s.seconds / u.seconds).toFixed(2)), cpu: s.server_cpu_seconds && u.server_cpu_seconds ? Number((s.server_cpu_seconds / u.server_cpu_seconds).toFixed(2)) : null };
  const s2 = find('shared', 2 * n);
  if (s && s2) ratios[`shared_${2 * n}_over_${n}`] = { seconds: Number((s2.seconds / s.seconds).toFixed(2)), cpu: s.server_cpu_seconds && s2.server_cpu_seconds ? Number((s2.server_cpu_seconds / s.server_cpu_seconds).toFixed(2)) : null };
}
console.log(JSON.stringify({
  benchmark: 'class-scale', database: usePg ? 'postgres' : 'sqlite', chars, runs, ratios,
  total_seconds: Math.round((Date.now() - started) / 1000), machineSpeedMs: { before, after: machineSpeedMs() },
  machine: { cpus: cpus().length, model: cpus()[0]?.model, load: loadavg()[0] }, date: new Date().toISOString(),
}));
