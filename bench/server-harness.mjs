// A started Origo server for the service benchmarks (class-scale, ingest): its own data folder,
// optionally its own PostgreSQL database, a JSON client, its CPU seconds and direct SQL reads.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const PG = process.env.ORIGO_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const KEY = 'bench-admin-key-0123456789abcdef';
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const freePort = () => new Promise((res) => {
  const s = createServer();
  s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => res(port)); });
});

/** CPU seconds of a process and its children (live ones read directly, ended ones through cutime). */
export function cpuSeconds(pid) {
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
  return total / 100; // USER_HZ
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
    drop: async () => {
      const c = new pg.Client({ connectionString: PG });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * Starts `origo serve` and waits for /health. `env` adds settings (ORIGO_WORKERS, ...).
 * ORIGO_BENCH_SERVER_ARGS adds Node options to the server only (e.g. `--cpu-prof --cpu-prof-dir=/tmp/p`).
 */
export async function startServer({ pg = false, env = {}, logFile = null } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'origo-bench-'));
  const pgdb = pg ? await createPgDatabase() : null;
  const port = await freePort();
  const childEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGO_DATA_DIR: dir, ORIGO_ADMIN_KEY: KEY, ORIGO_LOG_LEVEL: 'warn', ...env };
  if (pgdb) childEnv.DATABASE_URL = pgdb.url;
  const { openSync } = await import('node:fs');
  const out = logFile ? openSync(logFile, 'w') : 'ignore';
  const child = spawn(process.execPath, [...(process.env.ORIGO_BENCH_SERVER_ARGS ?? '').split(' ').filter(Boolean), join(root, 'bin/origo.js'), 'serve'], { env: childEnv, stdio: ['ignore', out, 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { if (stderr.length < 20000) stderr += d; });
  const base = `http://127.0.0.1:${port}`;
  const call = async (method, path, body) => {
    for (let attempt = 0; ; attempt++) {
      try {
        const r = await fetch(base + path, { method, headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
        return { status: r.status, body: await r.json() };
      } catch (err) {
        // A kept-alive connection the server closed: reads are retried; a failed upload is reported.
        if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${stderr}`);
        if (method !== 'GET' || attempt >= 3) throw new Error(`${method} ${path}: ${err.cause?.code ?? err.message}\n${stderr}`);
        await sleep(100);
      }
    }
  };
  for (let i = 0; ; i++) {
    try { if ((await fetch(`${base}/health`)).ok) break; } catch { /* starting */ }
    if (i > 600) throw new Error(`server did not start:\n${stderr}`);
    await sleep(100);
  }
  /** Rows of a SQL query against the server's database (read-only use). */
  const query = async (q) => {
    if (pgdb) {
      const pgm = (await import('pg')).default;
      const c = new pgm.Client({ connectionString: pgdb.url });
      await c.connect();
      try { return (await c.query(q)).rows; } finally { await c.end(); }
    }
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(join(dir, 'origo.sqlite'), { readonly: true });
    try { return db.prepare(q).all(); } finally { db.close(); }
  };
  const jobs = async () => (await call('GET', '/health')).body.jobs ?? {};
  /** Waits until no job is queued or running and every document is checked (done or failed), polling every `ms`. */
  const settled = async (ms = 250) => {
    for (;;) {
      const h = await jobs();
      if (!h.queued && !h.running) {
        const [row] = await query("SELECT count(*) AS n FROM documents WHERE status NOT IN ('done', 'failed')");
        if (Number(row.n) === 0) return;
      }
      await sleep(ms);
    }
  };
  return {
    base, call, query, jobs, settled, pid: child.pid, database: pg ? 'postgres' : 'sqlite',
    stderr: () => stderr,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
      await pgdb?.drop();
    },
  };
}
