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
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';
import { essay, loadChain, rng, sentence, withParagraph } from './synthetic-text.mjs';
import { machineSpeedMs } from './machine-speed.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
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
const PG = process.env.ORIGO_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const KEY = 'bench-admin-key-0123456789abcdef';

const chain = loadChain();
// The pasted prompt: one paragraph of ~600 characters every essay of the "shared" class contains.
const prompt = (() => {
  const r = rng(7);
  let p = '';
  while (p.length < 600) p += (p ? ' ' : '') + sentence(chain, r);
  return p;
})();

const freePort = () => new Promise((res) => {
  const s = createServer();
  s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => res(port)); });
});
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const ticks = 100; // USER_HZ on Linux

/** CPU seconds of a process and of its children (live ones read directly, ended ones through cutime). */
function cpuSeconds(pid) {
  const stat = (p) => {
    try {
      const f = readFileSync(`/proc/${p}/stat`, 'utf8');
      const fields = f.slice(f.lastIndexOf(')') + 2).split(' ');
      return { ppid: Number(fields[1]), self: Number(fields[11]) + Number(fields[12]), children: Number(fields[13]) + Number(fields[14]) };
    } catch { return null; }
  };
  const me = stat(pid);
  if (!me) return null;
  let total = me.self + me.children;
  for (const p of readdirSync('/proc')) {
    if (!/^\d+$/.test(p)) continue;
    const s = stat(p);
    if (s && s.ppid === pid) total += s.self + s.children;
  }
  return total / ticks;
}

async function createPgDatabase() {
  const pg = (await import('pg')).default;
  const name = `origo_bench_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: PG });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    query: async (q) => {
      const c = new pg.Client({ connectionString: url.toString() });
      await c.connect();
      try { return (await c.query(q)).rows; } finally { await c.end(); }
    },
    drop: async () => {
      const c = new pg.Client({ connectionString: PG });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

async function sqliteQuery(file, q) {
  const Database = (await import('better-sqlite3')).default;
  const db = new Database(file, { readonly: true });
  try { return db.prepare(q).all(); } finally { db.close(); }
}

async function runClass(kind, n) {
  const dir = mkdtempSync(join(tmpdir(), 'origo-class-bench-'));
  const pgdb = usePg ? await createPgDatabase() : null;
  const port = await freePort();
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGO_DATA_DIR: dir, ORIGO_ADMIN_KEY: KEY, ORIGO_LOG_LEVEL: 'warn' };
  if (pgdb) env.DATABASE_URL = pgdb.url;
  if (workers) env.ORIGO_WORKERS = workers;
  const child = spawn(process.execPath, [join(root, 'bin/origo.js'), 'serve'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { if (stderr.length < 20000) stderr += d; });
  const base = `http://127.0.0.1:${port}`;
  const call = async (method, path, body) => {
    const r = await fetch(base + path, { method, headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
    return { status: r.status, body: await r.json() };
  };
  try {
    for (let i = 0; ; i++) {
      try { if ((await fetch(`${base}/health`)).ok) break; } catch { /* starting */ }
      if (i > 300) throw new Error(`server did not start:\n${stderr}`);
      await sleep(100);
    }
    const asg = await call('POST', '/api/v1/assignments', { name: `${kind} ${n}`, settings: { check_peers: true } });
    if (asg.status !== 201) throw new Error(JSON.stringify(asg.body));
    const r = rng(1000 + n);
    const texts = Array.from({ length: n }, () => {
      const t = essay(chain, r, chars);
      return kind === 'shared' ? withParagraph(t, prompt, r) : t;
    });
    const cpu0 = cpuSeconds(child.pid);
    const t0 = Date.now();
    let next = 0;
    const ids = [];
    await Promise.all(Array.from({ length: 8 }, async () => {
      while (next < n) {
        const i = next++;
        const res = await call('POST', `/api/v1/assignments/${asg.body.id}/documents`, { title: `Essay ${i}`, author: `Student ${i}`, text: texts[i] });
        if (res.status !== 201) throw new Error(JSON.stringify(res.body));
        ids[i] = res.body.id;
      }
    }));
    const uploadSeconds = (Date.now() - t0) / 1000;
    for (;;) {
      const h = (await (await fetch(`${base}/health`)).json()).jobs ?? {};
      if (!h.queued && !h.running) {
        const list = await call('GET', `/api/v1/assignments/${asg.body.id}/documents?limit=1000`);
        const states = list.body.items.map((d) => d.status);
        if (states.every((s) => s === 'done' || s === 'failed')) break;
      }
      await sleep(250);
    }
    const seconds = (Date.now() - t0) / 1000;
    const cpu = cpuSeconds(child.pid) - cpu0;
    const q = `SELECT count(*) AS analyses, max(v) AS max_versions, sum(bytes) AS json_bytes FROM
      (SELECT document_id, count(*) AS v, sum(length(result)) AS bytes FROM analyses GROUP BY document_id) x`;
    const [row] = pgdb ? await pgdb.query(q.replace('count(*) AS analyses', 'sum(v)::int AS analyses').replace('max(v)', 'max(v)::int').replace('sum(bytes)', 'sum(bytes)::bigint'))
      : await sqliteQuery(join(dir, 'origo.sqlite'), q.replace('count(*) AS analyses', 'sum(v) AS analyses'));
    const failed = (await call('GET', `/api/v1/assignments/${asg.body.id}/documents?limit=1000`)).body.items.filter((d) => d.status === 'failed').length;
    const sims = [];
    for (const id of ids.slice(0, 5)) sims.push((await call('GET', `/api/v1/documents/${id}/report`)).body.similarity);
    return {
      kind, documents: n, seconds: Number(seconds.toFixed(1)), upload_seconds: Number(uploadSeconds.toFixed(1)),
      server_cpu_seconds: cpu === null ? null : Number(cpu.toFixed(1)), docs_per_second: Number((n / seconds).toFixed(2)),
      analyses: Number(row.analyses), max_versions: Number(row.max_versions), analysis_json_mb: Number((Number(row.json_bytes) / 1e6).toFixed(2)),
      failed, similarity_first5: sims,
    };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
    await pgdb?.drop();
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
