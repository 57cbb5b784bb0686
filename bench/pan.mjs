#!/usr/bin/env node
// PAN text-alignment benchmark: runs `node bin/origo.js pan <corpus> --out <tmp>` (the whole
// process, start included) several times and prints ONE JSON line: wall seconds of each run,
// the median, pairs per second at the median, CPU seconds of each run, and the measures of
// the last run.
// usage: node bench/pan.mjs [corpus-dir] [runs] [workers] [--engine native|js] [--remove-each]
//   corpus default: ../shared/data/pan-dev or ORIGO_PAN_DEV; workers and engine default: the CLI's
//   The output folders are removed after the last run, not between runs: ext4 makes creating
//   files slower for ~30 s after many files were deleted (it skips recently freed inodes), so a
//   run right after the previous run's 593 files were removed paid for the benchmark's own
//   clean-up (docs/benchmarks.md, "Issue 21's speed bar with the compiled kernel"). `--remove-each`
//   removes each run's folder right after it, as the benchmark used to.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, loadavg, cpus } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { machineSpeedMs } from './machine-speed.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const engineAt = args.indexOf('--engine');
const engine = engineAt >= 0 ? args.splice(engineAt, 2)[1] : undefined;
const removeAt = args.indexOf('--remove-each');
const removeEach = removeAt >= 0 && args.splice(removeAt, 1).length === 1;
const corpus = resolve(args[0] ?? process.env.ORIGO_PAN_DEV ?? join(root, '../shared/data/pan-dev'));
const runs = Number(args[1] ?? 5);
const workers = args[2];
const load = loadavg()[0];
// CPU time of waited-for children (Linux /proc/self/stat: cutime + cstime, in clock ticks of
// 1/100 s): a figure the other processes on a shared machine disturb much less than wall time.
const childTicks = () => {
  try {
    const f = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return Number(f[13]) + Number(f[14]);
  } catch { return NaN; }
};
const speedBefore = machineSpeedMs();
const seconds = [];
const cpuSeconds = [];
let last;
const outs = [];
for (let i = 0; i < runs; i++) {
  const out = mkdtempSync(join(tmpdir(), 'origo-pan-bench-'));
  outs.push(out);
  const c0 = childTicks();
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [join(root, 'bin/origo.js'), 'pan', corpus, '--out', out, ...(workers ? ['--workers', workers] : []), ...(engine ? ['--engine', engine] : [])], { encoding: 'utf8' });
  const dt = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) { console.error(r.stderr); for (const o of outs) rmSync(o, { recursive: true, force: true }); process.exit(1); }
  if (removeEach) rmSync(out, { recursive: true, force: true });
  seconds.push(Number(dt.toFixed(3)));
  cpuSeconds.push(Number(((childTicks() - c0) / 100).toFixed(2)));
  last = JSON.parse(r.stdout.trim().split('\n').pop());
}
for (const o of outs) rmSync(o, { recursive: true, force: true });
const sorted = [...seconds].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)];
const measures = Object.fromEntries(Object.entries(last.measures ?? {}).map(([k, v]) =>
  [k, { plagdet: v.plagdet, precision: v.precision, recall: v.recall, granularity: v.granularity, detections: v.detections }]));
console.log(JSON.stringify({
  bench: 'pan', corpus, pairs: last.pairs, runs, engine: last.engine, workers: last.workers, removeEach, cpus: cpus().length, loadAverage1mBefore: Number(load.toFixed(2)),
  // bench/machine-speed.mjs before and after the runs: compare figures at similar values only.
  machineSpeedMs: [speedBefore, machineSpeedMs()], wallSeconds: seconds, medianSeconds: median, cpuSeconds,
  pairsPerSecond: Number((last.pairs / median).toFixed(1)), measures,
}));
