#!/usr/bin/env node
// How much of an `origo pan` run is warm-up: aligns every pair of a PAN corpus several times in
// ONE process (the engine's own per-document preparation each time; nothing is cached between
// passes but what V8 and the lexicon keep) and prints ONE JSON line with the wall and CPU time of
// each pass. The first pass is what a run pays; the later ones show the same work once V8 has
// compiled the code and the lexicon knows the words. CPU is the whole process (all threads).
// usage: node bench/pan-warmup.mjs [corpus-dir] [passes]
//   corpus default: ../shared/data/pan-dev or ORIGO_PAN_DEV; passes default 3
import { resolve, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpus, loadavg } from 'node:os';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = resolve(process.argv[2] ?? process.env.ORIGO_PAN_DEV ?? join(root, '../shared/data/pan-dev'));
const passes = Number(process.argv[3] ?? 3);
const startedMs = performance.now();
const { readPanPairs } = await import(join(root, 'dist/pan/corpus.js'));
const { alignPairs } = await import(join(root, 'dist/pan/align-pairs.js'));
const jobs = readPanPairs(corpus, { truth: false }).map((p) => ({ susp: p.susp, src: p.src }));
const loadedMs = performance.now();
const runs = [];
let passages = 0;
for (let pass = 0; pass < passes; pass++) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const out = await alignPairs(corpus, jobs);
  const c = process.cpuUsage(c0);
  runs.push({ wallMs: Math.round(performance.now() - t0), cpuMs: Math.round((c.user + c.system) / 1000) });
  passages = out.reduce((n, ps) => n + ps.length, 0);
}
console.log(JSON.stringify({
  bench: 'pan-warmup', corpus, pairs: jobs.length, passages, cpus: cpus().length, loadAverage1m: Number(loadavg()[0].toFixed(2)),
  // Process start to this script's first line, and loading the engine's modules.
  startMs: Math.round(startedMs), loadMs: Math.round(loadedMs - startedMs), passes: runs,
}));
