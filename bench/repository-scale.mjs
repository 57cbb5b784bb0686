#!/usr/bin/env node
// Candidate retrieval at repository scale. Fills an organisation's repository with the 547 src/
// documents of the PAN dev corpus plus synthetic documents (bench/synthetic-text.mjs: a word
// Markov chain learnt from those sources, so word-pair frequencies are realistic; lengths drawn
// from 300 to 3,000 words, median ~900), and at each size checks documents against it exactly as
// the service does (composeText: inverted-index lookup of the winnowed fingerprints, the top 50
// candidates by shared fingerprints, passage alignment, scoring; AI scoring off, nothing stored).
// Each check document is a PAN suspicious document whose source is in the repository, padded
// with synthetic text to 5,000 words. Prints ONE JSON line: per size, fill time, check time
// (median, p95, max), the index lookup alone, candidates, true source found, the load average
// and CPU-loop time at the checks, and the size of the index and tables against the number of
// documents.
//
// usage: node bench/repository-scale.mjs [--sizes 1000,10000,100000] [--checks 20] [--pg] [--keep]
//                                        [--db origo_repo_bench] [--threads N]
//   --pg     PostgreSQL (ORIGO_TEST_PG_URL or postgres://postgres@127.0.0.1:5432/postgres): the
//            database --db is created; --keep leaves it for another run, which then continues
//            filling from where it stopped (a size already reached is only checked). The fill
//            is a bulk load into the service's own tables: --threads worker threads (default:
//            one per core; bench/repository-fill-worker.mjs) generate the documents and their
//            fingerprints (bench/synthetic-fill.mjs: the same text as synthetic-text.mjs, the
//            same fingerprints as the service, checked on every 50th document), this thread
//            loads them with COPY, one transaction per 1,000 documents; the fingerprints
//            table's indexes and foreign key are dropped for the load and rebuilt from their
//            catalogue definitions after it, then VACUUM ANALYZE. Without --pg: SQLite in a
//            temp folder, through the store.
//   Run it niced; 1,000,000 documents on PostgreSQL take ~30 GB (check `df -h` first) and, on
//   2 shared cores, about half an hour (docs/benchmarks.md).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { essayOfWords, loadChain, PAN_DEV, rng } from './synthetic-text.mjs';
import { machineSpeedMs } from './machine-speed.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
// Old positional form: [maxDocs] [checks].
const positional = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !(i > 0 && all[i - 1].startsWith('--') && !['--pg', '--keep'].includes(all[i - 1])));
const sizes = arg('sizes', null)?.split(',').map(Number) ?? [1_000, 10_000, 100_000].filter((s) => s <= Number(positional[0] ?? 100_000));
const checks = Number(arg('checks', positional[1] ?? 20));
const usePg = process.argv.includes('--pg');
const keep = process.argv.includes('--keep');
const PG = process.env.ORIGO_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB_NAME = arg('db', 'origo_repo_bench');
if (!/^[a-z_][a-z0-9_]*$/.test(DB_NAME)) throw new Error(`--db ${DB_NAME}: a plain lower-case name`);

const { nowIso } = await import(join(root, 'dist/store/index.js'));
const { loadStemmers, prepareText, textFingerprints } = await import(join(root, 'dist/engine/index.js'));
const { composeText } = await import(join(root, 'dist/pipeline/analysis/text-analysis.js'));
const { DEFAULT_SETTINGS } = await import(join(root, 'dist/services/settings.js'));
await loadStemmers();
const speedBefore = machineSpeedMs();

let store;
let dir = null;
let pgPool = null;
if (usePg) {
  const pg = (await import('pg')).default;
  const admin = new pg.Client({ connectionString: PG });
  await admin.connect();
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DB_NAME])).rowCount > 0;
  if (!exists) await admin.query(`CREATE DATABASE ${DB_NAME}`);
  await admin.end();
  const url = new URL(PG);
  url.pathname = `/${DB_NAME}`;
  const { openPostgresStore } = await import(join(root, 'dist/store/postgres.js'));
  store = await openPostgresStore(url.toString(), 4);
  pgPool = new pg.Pool({ connectionString: url.toString(), max: 2 });
} else {
  dir = mkdtempSync(join(tmpdir(), 'origo-repo-bench-'));
  const { openSqliteStore } = await import(join(root, 'dist/store/sqlite.js'));
  store = await openSqliteStore(join(dir, 'bench.sqlite'));
}
const now = nowIso();
const org = (await store.organisations.byPublicId('org_bench')) ?? (await store.organisations.create({ public_id: 'org_bench', name: 'Bench', settings: '{}', created_at: now, updated_at: now }));
const repo = (await store.repositories.defaultOf(org.id)) ?? (await store.repositories.create({ public_id: 'repo_bench', organisation_id: org.id, name: 'R', is_default: 1, created_at: now }));

const corpusNames = readFileSync(join(PAN_DEV, 'MANIFEST.tsv'), 'utf8').split('\n').filter((l) => l.startsWith('src/')).map((l) => l.split('\t')[0].slice(4)).sort();
let count = Number((await store.repositories.list(org.id)).find((r) => r.id === repo.id)?.documents ?? 0);
const rand = rng(42 + count);
const words = () => Math.round(Math.min(3000, Math.max(300, 900 * Math.exp((rand() + rand() + rand() - 1.5) * 1.2))));

/** Adds documents: through the store on SQLite, with bulk inserts (unnest) on PostgreSQL. */
async function addDocuments(texts, names) {
  const t = nowIso();
  const docs = texts.map((text, i) => ({ text, title: names?.[i] ?? `filler ${count + i}`, fps: textFingerprints(prepareText(text)) }));
  if (!pgPool) {
    await store.transaction(async (tx) => {
      for (const d of docs) {
        const doc = await tx.documents.create({
          public_id: `d${count}`, organisation_id: org.id, assignment_id: null, owner_user_id: null, title: d.title, author: null,
          filename: null, mime: 'text/plain', size: d.text.length, md5: String(count), blob_key: null, status: 'done', reason: null, language: 'en',
          char_count: d.text.length, word_count: null, page_count: 1, similarity: 0, options: '{}', created_at: t, updated_at: t,
        });
        await tx.documents.putText(doc.id, d.text, '{}');
        await tx.fingerprints.replace(doc.id, org.id, d.fps);
        await tx.repositories.addDocument(repo.id, doc.id, t);
        count++;
      }
    });
    return;
  }
  const c = await pgPool.connect();
  try {
    await c.query('BEGIN');
    const ids = (await c.query(
      `INSERT INTO documents (public_id, organisation_id, title, mime, size, md5, status, language, char_count, page_count, similarity, options, created_at, updated_at)
       SELECT 'd' || n, $1, title, 'text/plain', size, n::text, 'done', 'en', size, 1, 0, '{}', $2, $2 FROM unnest($3::int[], $4::text[], $5::int[]) AS x(n, title, size) RETURNING id`,
      [org.id, t, docs.map((_, i) => count + i), docs.map((d) => d.title), docs.map((d) => d.text.length)],
    )).rows.map((r) => r.id);
    await c.query('INSERT INTO document_texts (document_id, text, extraction) SELECT id, text, $3 FROM unnest($1::int[], $2::text[]) AS x(id, text)', [ids, docs.map((d) => d.text), '{}']);
    const fd = [];
    const fh = [];
    docs.forEach((d, i) => { for (const h of d.fps) { fd.push(ids[i]); fh.push(h); } });
    await c.query('INSERT INTO fingerprints (document_id, organisation_id, hash) SELECT d, $3, h FROM unnest($1::int[], $2::bigint[]) AS x(d, h)', [fd, fh, org.id]);
    await c.query('INSERT INTO repository_documents (repository_id, document_id, added_at) SELECT $1, d, $3 FROM unnest($2::int[]) AS x(d)', [repo.id, ids, t]);
    await c.query('COMMIT');
    count += docs.length;
  } catch (err) {
    await c.query('ROLLBACK');
    throw err;
  } finally {
    c.release();
  }
}

// The corpus sources first (on a fresh repository), so the checks have their true sources in it.
const sourceIds = new Map();
// (NUL characters, which a few corpus files hold and PostgreSQL text cannot, are dropped as extraction drops them.)
if (count === 0) await addDocuments(corpusNames.map((n) => readFileSync(join(PAN_DEV, 'src', n), 'utf8').replace(/\u0000/g, '')), corpusNames);
for (const d of (await store.documents.list(org.id, {}, { limit: 1000, offset: 0 })).items) if (d.title.startsWith('source-document')) sourceIds.set(d.title, d.id);

// Check documents: PAN suspicious documents (verbatim and random obfuscation) with their source in the repository, padded to 5,000 words.
const pairs = [];
for (const sub of ['02-no-obfuscation', '03-random-obfuscation']) {
  for (const line of readFileSync(join(PAN_DEV, sub, 'pairs'), 'utf8').trim().split('\n')) pairs.push(line.split(' '));
}
const probe = pairs.filter((_, i) => i % Math.max(1, Math.floor(pairs.length / checks)) === 0).slice(0, checks);
// Filler is generated from the corpus minus the checked documents' sources: it shares everyday word
// pairs with them, as other people's texts do, but not their particular ones.
const chain = loadChain(PAN_DEV, new Set(pairs.map((p) => p[1])));
const padRand = rng(7);
const probeTexts = probe.map(([susp]) => {
  const text = readFileSync(join(PAN_DEV, 'susp', susp), 'utf8');
  const have = text.split(/\s+/).length;
  return have >= 5000 ? text : `${text}\n\n${essayOfWords(chain, padRand, 5000 - have)}`;
});

// PostgreSQL bulk load. The fingerprints table's indexes and foreign key (as the migrations made
// them: their definitions are read from the catalogue and kept in repository_bench_dropped until
// they are rebuilt, so a stopped fill can be resumed) are dropped for the load and rebuilt after
// it; each batch of documents goes in with COPY, in one transaction, into the service's tables.
const FILL_BATCH = 1000;
const FILL_THREADS = Math.max(1, Number(arg('threads', cpus().length)));
const MAX_DISK_USE = 0.85;

async function bulkLoadBegin() {
  const c = await pgPool.connect();
  try {
    await c.query('BEGIN');
    await c.query('CREATE TABLE IF NOT EXISTS repository_bench_dropped (name text PRIMARY KEY, kind text NOT NULL, definition text NOT NULL)');
    const indexes = (await c.query(`SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'fingerprints'`)).rows;
    const keys = (await c.query(`SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conrelid = 'fingerprints'::regclass AND contype = 'f'`)).rows;
    for (const k of keys) {
      await c.query('INSERT INTO repository_bench_dropped VALUES ($1, $2, $3)', [k.name, 'foreign key', k.definition]);
      await c.query(`ALTER TABLE fingerprints DROP CONSTRAINT "${k.name}"`);
    }
    for (const i of indexes) {
      await c.query('INSERT INTO repository_bench_dropped VALUES ($1, $2, $3)', [i.name, 'index', i.definition]);
      await c.query(`DROP INDEX "${i.name}"`);
    }
    await c.query('COMMIT');
  } catch (err) {
    await c.query('ROLLBACK');
    throw err;
  } finally {
    c.release();
  }
}

/** Rebuilds what bulkLoadBegin dropped, then VACUUM ANALYZE; returns the seconds each took. */
async function bulkLoadEnd() {
  const c = await pgPool.connect();
  const out = {};
  try {
    await c.query('CREATE TABLE IF NOT EXISTS repository_bench_dropped (name text PRIMARY KEY, kind text NOT NULL, definition text NOT NULL)');
    const dropped = (await c.query('SELECT name, kind, definition FROM repository_bench_dropped ORDER BY kind DESC, name')).rows;
    const v0 = Date.now();
    // Vacuum before the indexes exist: it sets the visibility map (index-only scans) and reads no index.
    await c.query('VACUUM (ANALYZE) fingerprints');
    await c.query('VACUUM (ANALYZE) documents, document_texts, repository_documents');
    out.vacuum_seconds = (Date.now() - v0) / 1000;
    await c.query(`SET maintenance_work_mem = '1GB'`);
    for (const d of dropped) {
      const s0 = Date.now();
      if (d.kind === 'index') await c.query(d.definition);
      else await c.query(`ALTER TABLE fingerprints ADD CONSTRAINT "${d.name}" ${d.definition}`);
      await c.query('DELETE FROM repository_bench_dropped WHERE name = $1', [d.name]);
      out[`${d.kind === 'index' ? 'index' : 'constraint'}_seconds_${d.name}`] = (Date.now() - s0) / 1000;
    }
    await c.query('ANALYZE fingerprints');
  } finally {
    c.release();
  }
  return out;
}

/** Fills the repository to `size` documents: worker threads generate, this thread COPYs, in batch order. */
async function copyFill(size) {
  const { Worker } = await import('node:worker_threads');
  const { Readable } = await import('node:stream');
  const { pipeline } = await import('node:stream/promises');
  const { statfsSync } = await import('node:fs');
  const copyFrom = (await import('pg-copy-streams')).default.from;
  const exclude = [...new Set(pairs.map((p) => p[1]))];
  const workers = await Promise.all(Array.from({ length: FILL_THREADS }, () => new Promise((res, rej) => {
    const w = new Worker(new URL('./repository-fill-worker.mjs', import.meta.url), { workerData: { corpus: PAN_DEV, exclude, organisationId: org.id, repositoryId: repo.id } });
    w.once('message', () => res(w));
    w.once('error', rej);
  })));
  const plan = [];
  for (let first = count; first < size; first += FILL_BATCH) plan.push({ first, n: Math.min(FILL_BATCH, size - first) });
  const free = [...workers];
  const inflight = new Map();
  let dispatched = 0;
  let done = 0;
  const job = async (w, i) => {
    const { first, n } = plan[i];
    const ids = (await pgPool.query(`SELECT nextval('documents_id_seq')::int AS id FROM generate_series(1, $1)`, [n])).rows.map((r) => r.id);
    return new Promise((res, rej) => {
      const onError = (err) => rej(err);
      w.once('error', onError);
      w.once('message', (m) => { w.off('error', onError); res(m); });
      w.postMessage({ batch: i, first, ids, now: nowIso() });
    });
  };
  const pump = () => {
    while (free.length && dispatched < plan.length && dispatched < done + 2 * FILL_THREADS) {
      const w = free.pop();
      const i = dispatched++;
      inflight.set(i, job(w, i).then((r) => { free.push(w); pump(); return r; }));
    }
  };
  const c = await pgPool.connect();
  const copy = (table, payload) => pipeline(Readable.from([payload]), c.query(copyFrom(`COPY ${table} FROM STDIN`)));
  const start = Date.now();
  let fingerprints = 0;
  let verified = 0;
  let copyMs = 0;
  try {
    await c.query('SET synchronous_commit = off');
    pump();
    for (let i = 0; i < plan.length; i++) {
      const r = await inflight.get(i);
      inflight.delete(i);
      const c0 = Date.now();
      await c.query('BEGIN');
      await copy('documents (id, public_id, organisation_id, title, mime, size, md5, status, language, char_count, page_count, similarity, options, created_at, updated_at)', r.documents);
      await copy('document_texts (document_id, text, extraction)', r.texts);
      await copy('fingerprints (document_id, organisation_id, hash)', r.fingerprints);
      await copy('repository_documents (repository_id, document_id, added_at)', r.repository);
      await c.query('COMMIT');
      copyMs += Date.now() - c0;
      count += plan[i].n;
      fingerprints += r.fingerprintCount;
      verified += r.verified;
      done = i + 1;
      pump();
      if (count % 20_000 < FILL_BATCH || i === plan.length - 1) {
        const fs = statfsSync('/var/lib/postgresql');
        const used = 1 - fs.bavail / (fs.blocks - (fs.bfree - fs.bavail));
        const s = (Date.now() - start) / 1000;
        process.stderr.write(`${count} documents, ${s.toFixed(0)} s, ${((count - plan[0].first) / s).toFixed(0)} documents/s, COPY ${(copyMs / 1000).toFixed(0)} s, disk ${(used * 100).toFixed(1)}% used, load ${loadavg().map((x) => x.toFixed(1)).join(' ')}\n`);
        if (used > MAX_DISK_USE) throw new Error(`disk ${(used * 100).toFixed(1)}% used: fill stopped at ${count} documents`);
      }
    }
  } finally {
    c.release();
    await Promise.all(workers.map((w) => w.terminate()));
  }
  const seconds = (Date.now() - start) / 1000;
  return { load_seconds: seconds, copy_seconds: copyMs / 1000, documents_per_second: Math.round((size - plan[0].first) / seconds), fingerprints_added: fingerprints, fingerprints_verified_documents: verified };
}

const t0 = Date.now();
const results = [];
for (const size of sizes) {
  const fillStart = Date.now();
  const startCount = count;
  let fill = null;
  if (pgPool) {
    if (count < size) {
      await bulkLoadBegin();
      fill = await copyFill(size);
    }
    // After the bulk load (or a run stopped during one): the indexes and constraint back, then statistics and the visibility map.
    fill = { ...(fill ?? {}), ...(await bulkLoadEnd()) };
  }
  while (!pgPool && count < size) {
    const batch = Math.min(1000, size - count);
    await addDocuments(Array.from({ length: batch }, () => essayOfWords(chain, rand, words())));
  }
  const fillSeconds = (Date.now() - fillStart) / 1000;
  // The machine at the checks (other sessions share it): load average and the CPU loop's time.
  const loadBefore = loadavg().map((x) => Number(x.toFixed(2)));
  const speedAtChecks = machineSpeedMs();
  const times = [];
  const lookups = [];
  let found = 0;
  let candidates = 0;
  // One warm-up check, then the measured ones.
  for (let k = -1; k < probe.length; k++) {
    const text = probeTexts[Math.max(0, k)];
    const doc = { id: -1, public_id: 'check', organisation_id: org.id, assignment_id: null, language: 'en', options: '{}' };
    const start = process.hrtime.bigint();
    const { analysis } = await composeText(store, doc, text, { ...DEFAULT_SETTINGS, ai_detection: false }, { peers: false, repository: true }, 'bench');
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const fps = textFingerprints(prepareText(text));
    const l0 = process.hrtime.bigint();
    await store.fingerprints.candidates({ organisationId: org.id, excludeDocumentId: -1, repositories: true }, fps, 50);
    const lookupMs = Number(process.hrtime.bigint() - l0) / 1e6;
    if (k < 0) continue;
    times.push(ms);
    lookups.push(lookupMs);
    candidates += analysis.candidates_considered;
    if (analysis.sources.some((s) => s.document_id === sourceIds.get(probe[k][1]))) found++;
  }
  times.sort((a, b) => a - b);
  lookups.sort((a, b) => a - b);
  const pct = (xs, p) => Number(xs[Math.min(xs.length - 1, Math.floor(p * xs.length))].toFixed(1));
  const sizesOnDisk = pgPool ? (await pgPool.query(`SELECT pg_relation_size('fingerprints') AS heap, pg_relation_size('fingerprints_lookup') AS lookup,
      pg_relation_size('fingerprints_document') AS by_document, (SELECT count(*) FROM fingerprints) AS rows, pg_database_size(current_database()) AS database`)).rows[0] : null;
  results.push({
    documents: count,
    added: count - startCount,
    fill_seconds: Number(fillSeconds.toFixed(1)),
    ...(fill ? { fill } : {}),
    check_ms: { median: pct(times, 0.5), p95: pct(times, 0.95), max: pct(times, 1) },
    lookup_ms: { median: pct(lookups, 0.5), p95: pct(lookups, 0.95), max: pct(lookups, 1) },
    mean_candidates: Number((candidates / probe.length).toFixed(1)),
    true_source_found: `${found}/${probe.length}`,
    load_at_checks: { before: loadBefore, after: loadavg().map((x) => Number(x.toFixed(2))) },
    machine_speed_ms_at_checks: speedAtChecks,
    ...(sizesOnDisk ? {
      fingerprints: Number(sizesOnDisk.rows),
      index_mb: { lookup: Math.round(sizesOnDisk.lookup / 1e6), by_document: Math.round(sizesOnDisk.by_document / 1e6), heap: Math.round(sizesOnDisk.heap / 1e6), database: Math.round(sizesOnDisk.database / 1e6) },
      index_bytes_per_document: Math.round((Number(sizesOnDisk.lookup) + Number(sizesOnDisk.by_document) + Number(sizesOnDisk.heap)) / count),
    } : {}),
  });
  // Each size as soon as it is measured (a long fill may be stopped before the end).
  process.stderr.write(`${JSON.stringify(results[results.length - 1])}\n`);
}
await store.close();
if (pgPool) {
  await pgPool.end();
  if (!keep) {
    const pg = (await import('pg')).default;
    const admin = new pg.Client({ connectionString: PG });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
    await admin.end();
  }
}
if (dir) rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify({
  benchmark: 'repository-scale', database: usePg ? 'postgres' : 'sqlite', check_words: 5000, checks: probe.length, sizes: results,
  total_seconds: Math.round((Date.now() - t0) / 1000), machineSpeedMs: { before: speedBefore, after: machineSpeedMs() },
  machine: { cpus: cpus().length, model: cpus()[0]?.model, load: loadavg()[0] }, date: new Date().toISOString(),
}));
