#!/usr/bin/env node
// Candidate retrieval at repository scale. Fills an organisation's repository (SQLite store) with
// every src/ document of the PAN dev corpus plus generated filler, and at each size checks
// suspicious documents against it exactly as the service does (inverted index of winnowed
// fingerprints → top candidates → passage alignment). Prints ONE JSON line: per size, the median
// check time, the candidates considered and whether the true source was found.
// usage: node bench/repository-scale.mjs [maxDocs=100000] [checks=20]   (needs `npm run build`)
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = resolve(process.env.ORIGO_PAN_DEV ?? join(root, '../shared/data/pan-dev'));
const maxDocs = Number(process.argv[2] ?? 100_000);
const checks = Number(process.argv[3] ?? 20);
const { openSqliteStore } = await import(join(root, 'dist/store/sqlite.js'));
const { nowIso } = await import(join(root, 'dist/store/index.js'));
const { loadStemmers, prepareText, textFingerprints } = await import(join(root, 'dist/engine/index.js'));
const { analyseText } = await import(join(root, 'dist/pipeline/analysis/text-analysis.js'));
const { DEFAULT_SETTINGS } = await import(join(root, 'dist/services/settings.js'));
await loadStemmers();

const dir = mkdtempSync(join(tmpdir(), 'origo-repo-bench-'));
const store = await openSqliteStore(join(dir, 'bench.sqlite'));
const now = nowIso();
const org = await store.organisations.create({ public_id: 'org_bench', name: 'Bench', settings: '{}', created_at: now, updated_at: now });
const repo = await store.repositories.create({ public_id: 'repo_bench', organisation_id: org.id, name: 'R', is_default: 1, created_at: now });

// A deterministic word source for filler documents: the vocabulary of the PAN sources.
let seed = 42;
const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
const srcNames = readdirSync(join(corpus, 'src')).sort();
const srcTexts = srcNames.map((n) => readFileSync(join(corpus, 'src', n), 'utf8'));
const vocab = [...new Set(srcTexts.join(' ').toLowerCase().match(/\p{L}+/gu))];
const filler = () => {
  const words = [];
  const n = 250 + Math.floor(rand() * 250);
  for (let i = 0; i < n; i++) words.push(vocab[Math.floor(rand() * vocab.length)]);
  return words.join(' ') + '.';
};

let count = 0;
const idOfSource = new Map();
async function addDocuments(texts, names) {
  await store.transaction(async (tx) => {
    for (let i = 0; i < texts.length; i++) {
      const t = nowIso();
      const doc = await tx.documents.create({
        public_id: `d${count}`, organisation_id: org.id, assignment_id: null, owner_user_id: null, title: names?.[i] ?? `filler ${count}`, author: null,
        filename: null, mime: 'text/plain', size: texts[i].length, md5: String(count), blob_key: null, status: 'done', reason: null, language: 'en',
        char_count: texts[i].length, word_count: null, page_count: 1, similarity: 0, options: '{}', created_at: t, updated_at: t,
      });
      if (names) idOfSource.set(names[i], doc.id);
      await tx.documents.putText(doc.id, texts[i], '{}');
      await tx.fingerprints.replace(doc.id, org.id, textFingerprints(prepareText(texts[i])));
      await tx.repositories.addDocument(repo.id, doc.id, t);
      count++;
    }
  });
}

// Suspicious documents with a known source in the corpus (02-no-obfuscation and 03-random-obfuscation).
const pairs = [];
for (const sub of ['02-no-obfuscation', '03-random-obfuscation']) {
  for (const line of readFileSync(join(corpus, sub, 'pairs'), 'utf8').trim().split('\n')) pairs.push(line.split(' '));
}
const probe = pairs.filter((_, i) => i % Math.max(1, Math.floor(pairs.length / checks)) === 0).slice(0, checks);

const t0 = Date.now();
await addDocuments(srcTexts, srcNames);
const sizes = [1_000, 10_000, 100_000].filter((s) => s <= maxDocs);
const results = [];
for (const size of sizes) {
  const fillStart = Date.now();
  while (count < size) {
    const batch = Math.min(1000, size - count);
    await addDocuments(Array.from({ length: batch }, filler));
  }
  const fillSeconds = (Date.now() - fillStart) / 1000;
  const times = [];
  let found = 0;
  let candidates = 0;
  for (const [susp, src] of probe) {
    const text = readFileSync(join(corpus, 'susp', susp), 'utf8');
    const doc = { id: -1, organisation_id: org.id, assignment_id: null, language: 'en' };
    const start = process.hrtime.bigint();
    const a = await analyseText(store, doc, text, { ...DEFAULT_SETTINGS, ai_detection: false }, { peers: false, repository: true }, 'bench');
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    candidates += a.candidates_considered;
    if (a.sources.some((s) => s.document_id === idOfSource.get(src))) found++;
  }
  times.sort((a, b) => a - b);
  results.push({
    documents: count,
    fill_seconds: Number(fillSeconds.toFixed(1)),
    check_ms_median: Number(times[Math.floor(times.length / 2)].toFixed(1)),
    check_ms_max: Number(times[times.length - 1].toFixed(1)),
    mean_candidates: Number((candidates / probe.length).toFixed(1)),
    true_source_found: `${found}/${probe.length}`,
  });
}
await store.close();
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify({
  benchmark: 'repository-scale', checks: probe.length, sizes: results, total_seconds: Math.round((Date.now() - t0) / 1000),
  machine: { cpus: cpus().length, model: cpus()[0]?.model, load: loadavg()[0] }, date: new Date().toISOString(),
}));
