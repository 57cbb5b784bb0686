#!/usr/bin/env node
// Cross-language benchmark (issue 21): runs `node bin/origo.js pan <corpus> --out <tmp>` (the whole
// process, start and dictionary loading included) on the cross-language corpus (German, Spanish,
// Polish, French suspicious documents against English sources), checks its detections with the
// shared PAN evaluator when it is there, times loading the four FreeDict dictionaries alone in
// another process, and prints ONE JSON line: plagdet, precision, recall and granularity per
// sub-corpus (and entire), detections on negative pairs, wall and CPU seconds, pairs per second.
// usage: node bench/cross-lang.mjs [corpus-dir] [runs=1]   (npm run build first; the FreeDict
//   packages must be installed: apt-get install dict-freedict-{deu,pol,spa,fra}-eng)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, loadavg, cpus } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = resolve(process.argv[2] ?? process.env.ORIGO_CROSS_LANG ?? join(root, '../shared/data/cross-lang/pan'));
const runs = Number(process.argv[3] ?? 1);
const evaluator = process.env.ORIGO_PAN_EVAL ?? join(root, '../shared/tools/pan_eval.mjs');
const load = loadavg()[0];
const childTicks = () => {
  try {
    const f = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return Number(f[13]) + Number(f[14]);
  } catch { return NaN; }
};

const { availableDictionaries } = await import(join(root, 'dist/dictionaries/freedict.js'));
const dictionaries = availableDictionaries();
const seconds = [];
const cpuSeconds = [];
let last;
let checked = null;
let negativeDetections = {};
for (let i = 0; i < runs; i++) {
  const out = mkdtempSync(join(tmpdir(), 'origo-cross-lang-bench-'));
  const c0 = childTicks();
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [join(root, 'bin/origo.js'), 'pan', corpus, '--out', out], { encoding: 'utf8' });
  const dt = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) { console.error(r.stderr); process.exit(1); }
  seconds.push(Number(dt.toFixed(3)));
  cpuSeconds.push(Number(((childTicks() - c0) / 100).toFixed(2)));
  last = JSON.parse(r.stdout.trim().split('\n').pop());
  if (i === runs - 1) {
    // The shared evaluator's figures for the same detections (they must agree with ours).
    if (existsSync(evaluator)) {
      const e = spawnSync(process.execPath, [evaluator, corpus, out, '--json'], { encoding: 'utf8' });
      if (e.status === 0) checked = Object.fromEntries(Object.entries(JSON.parse(e.stdout)).map(([k, v]) => [k, Number(v.plagdet.toFixed(4))]));
    }
    // Negative pairs (empty truth): how many detections the run made on them.
    negativeDetections = {};
    for (const sub of readdirSync(corpus).filter((d) => /^\d\d-/.test(d)).sort()) {
      let n = 0;
      for (const f of readdirSync(join(corpus, sub)).filter((f) => f.endsWith('.xml'))) {
        if (/<feature/.test(readFileSync(join(corpus, sub, f), 'utf8'))) continue;
        const det = join(out, f);
        if (existsSync(det)) n += (readFileSync(det, 'utf8').match(/<feature/g) ?? []).length;
      }
      negativeDetections[sub] = n;
    }
  }
  rmSync(out, { recursive: true, force: true });
}
// Loading the dictionaries alone (the German one is most of it).
const d0 = process.hrtime.bigint();
const d = spawnSync(process.execPath, ['--input-type=module', '-e', `const m = await import(${JSON.stringify(join(root, 'dist/dictionaries/freedict.js'))}); for (const l of m.availableDictionaries()) m.freedictLexicon(l);`], { encoding: 'utf8' });
const dictionarySeconds = d.status === 0 ? Number((Number(process.hrtime.bigint() - d0) / 1e9).toFixed(3)) : null;

const sorted = [...seconds].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)];
const measures = Object.fromEntries(Object.entries(last.measures ?? {}).map(([k, v]) =>
  [k, { plagdet: v.plagdet, precision: v.precision, recall: v.recall, granularity: v.granularity, cases: v.cases, detections: v.detections }]));
console.log(JSON.stringify({
  bench: 'cross-lang', corpus, dictionaries, pairs: last.pairs, runs, cpus: cpus().length, loadAverage1mBefore: Number(load.toFixed(2)),
  wallSeconds: seconds, medianSeconds: median, cpuSeconds, pairsPerSecond: Number((last.pairs / median).toFixed(1)),
  dictionarySeconds, measures, evaluatorPlagdet: checked, negativeDetections,
}));
