#!/usr/bin/env node
// bench/code-quality-service.mjs: code-similarity quality the way a teacher gets it from the
// service: a started `origo serve` (its own data folder, SQLite, default settings), one code
// assignment per task folder, every submission uploaded as a file through the native REST API
// (multipart; a submission of several files as one ZIP), and each pair's score read back from the
// documents' reports (`sources[].similarity`, a percentage with two decimals). Beside it, the same
// tasks through the engine in-process as bench/code-quality.mjs runs them, and how far the two
// disagree pair by pair. Scored with ../shared/tools/code_eval.mjs under each set's protocol.
// Prints ONE JSON line.
// Usage: node bench/code-quality-service.mjs [--sets irplag,gcj-gpt4o,conplag,cf-synth-c] [--out DIR]
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { zipSync, strToU8 } from 'fflate';

import { SET_KINDS, dataDir, evaluate, pairsOf, tasksOf } from './code-experiment-sets.mjs';
import { origoTask, summary } from './code-quality.mjs';
import { KEY, startServer } from './server-harness.mjs';

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

/** Uploads one submission into an assignment; returns the document's public id. */
async function upload(server, assignment, sub) {
  const form = new FormData();
  if (sub.files.length === 1) {
    form.append('file', new Blob([sub.files[0].text]), sub.files[0].path);
  } else {
    const zip = zipSync(Object.fromEntries(sub.files.map((f) => [f.path, strToU8(f.text)])));
    form.append('file', new Blob([zip], { type: 'application/zip' }), `${sub.id.replaceAll('/', '_')}.zip`);
  }
  form.append('title', sub.id);
  const r = await fetch(`${server.base}/api/v1/assignments/${assignment}/documents`, { method: 'POST', headers: { authorization: `Bearer ${KEY}` }, body: form });
  const body = await r.json();
  if (r.status !== 201) throw new Error(`upload ${sub.id}: ${r.status} ${JSON.stringify(body)}`);
  return body.id;
}

/** Every pair of a task with the score the reports give it (share 0..1), and how often the two sides disagree. */
async function reportScores(server, task, docs) {
  const byDoc = new Map();
  for (const [id, doc] of docs) {
    const r = await server.call('GET', `/api/v1/documents/${doc}/report`);
    if (r.status !== 200) throw new Error(`report of ${id}: ${r.status} ${JSON.stringify(r.body)}`);
    byDoc.set(id, new Map(r.body.sources.filter((s) => s.source_document_id).map((s) => [s.source_document_id, s.similarity / 100])));
  }
  const rows = [];
  let asymmetric = 0;
  const ids = [...docs.keys()];
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const ab = byDoc.get(ids[i]).get(docs.get(ids[j])) ?? 0;
      const ba = byDoc.get(ids[j]).get(docs.get(ids[i])) ?? 0;
      if (ab !== ba) asymmetric++;
      rows.push({ a: ids[i], b: ids[j], score: ab, task });
    }
  }
  return { rows, asymmetric };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = resolve(arg('out', join(tmpdir(), 'origo-bench-code-quality-service')));
  mkdirSync(out, { recursive: true });
  const sets = arg('sets', Object.keys(SET_KINDS).join(',')).split(',');
  const result = { date: new Date().toISOString(), dataDir, path: 'origo serve (SQLite, defaults) ← native REST API uploads; scores from GET /api/v1/documents/{id}/report', sets: {} };
  const server = await startServer();
  try {
    for (const set of sets) {
      if (!existsSync(join(dataDir, set, 'submissions.csv'))) {
        result.sets[set] = `skipped: ${join(dataDir, set)}/submissions.csv not found`;
        continue;
      }
      const tasks = tasksOf(set);
      const pairs = pairsOf(set);
      const t0 = performance.now();
      const service = [];
      let asymmetric = 0;
      for (const { task, subs } of tasks) {
        const asg = await server.call('POST', '/api/v1/assignments', { name: `${set} ${task}`, kind: 'code' });
        if (asg.status !== 201) throw new Error(JSON.stringify(asg.body));
        const docs = new Map();
        let next = 0;
        await Promise.all(Array.from({ length: 4 }, async () => {
          while (next < subs.length) {
            const sub = subs[next++];
            docs.set(sub.id, await upload(server, asg.body.id, sub));
          }
        }));
        await server.settled(200);
        const ordered = new Map(subs.map((s) => [s.id, docs.get(s.id)]));
        const r = await reportScores(server, task, ordered);
        service.push(...r.rows);
        asymmetric += r.asymmetric;
      }
      const ms = Math.round(performance.now() - t0);
      const engine = [];
      for (const { task, subs } of tasks) engine.push(...(await origoTask(task, subs, {})));
      const engineScore = new Map(engine.map((r) => [`${r.a}\t${r.b}`, r.score]));
      // The reports round to 0.01 %: a pair differs when the service's figure is not the engine's rounded.
      let differing = 0, largest = 0;
      for (const r of service) {
        const e = engineScore.get(`${r.a}\t${r.b}`) ?? engineScore.get(`${r.b}\t${r.a}`) ?? 0;
        const d = Math.abs(Math.round(e * 10000) / 10000 - r.score);
        if (d > 1e-9) differing++;
        largest = Math.max(largest, d);
      }
      const kinds = SET_KINDS[set];
      const file = join(out, `service-${set}-scores.csv`);
      writeFileSync(file, 'a,b,score,task\n' + service.map((r) => `${r.a},${r.b},${r.score},${r.task}`).join('\n') + '\n');
      result.sets[set] = {
        tasks: tasks.length,
        protocol: kinds ? `--kinds '${kinds}'` : 'all pairs',
        service: { ...summary(evaluate(pairs, service, { kinds })), ms, scores: file },
        engine: summary(evaluate(pairs, engine, { kinds })),
        pairs: service.length,
        pairsDiffering: differing,
        largestDifference: +largest.toFixed(6),
        asymmetricPairs: asymmetric,
      };
    }
  } finally {
    await server.stop();
  }
  console.log(JSON.stringify(result));
}
