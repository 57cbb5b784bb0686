#!/usr/bin/env node
// bench/code.mjs: Origo's code similarity against Dolos (@dodona/dolos-lib 3.5.1, defaults,
// language set to Java) on the same input, in one run. Prints ONE JSON line:
//  - quality on IR-Plag (../shared/data/code-dev, override with ORIGO_CODE_DEV): ROC AUC and best
//    F1 pooled and per task, protocol --kinds '^orig-' (original vs every other submission of its
//    task), scored with ../shared/tools/code_eval.mjs; the score files are left in the output
//    folder so `node ../shared/tools/code_eval.mjs --pairs ... --scores ...` can re-check them;
//  - speed as a user gets it, on N generated variants of the IR-Plag files (N from 50 to 5,000,
//    Dolos up to --dolos-max): each tool's command run on the folder in its own process, writing
//    every pair's CSV row (left,right,similarity,longest_fragment,total_overlap,left_covered,
//    right_covered) to a file: `origo compare <dir> --format csv` and bench/dolos/compare-csv.mjs;
//    wall time, CPU time and peak memory of that process (GNU time, /usr/bin/time).
// Usage: nice -n 5 node bench/code.mjs [--sizes 50,200,1000,3000,5000] [--dolos-max 3000]
//          [--repeats 3] [--repeat-max 1000] [--out DIR] [--skip-quality]
// Timing figures are medians of --repeats runs (sizes up to --repeat-max), tools alternating;
// minWallMs is each tool's fastest run, and speedup.fastestWall their ratio.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { machineSpeedMs } from './machine-speed.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..');
const dataDir = process.env.ORIGO_CODE_DEV ?? resolve(repo, '../shared/data/code-dev');
const evalTool = process.env.ORIGO_CODE_EVAL ?? resolve(repo, '../shared/tools/code_eval.mjs');

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

/** Quality: runs one tool in this process over IR-Plag and returns one `a,b,score` line per pair. */

async function runTool(tool, files) {
  const lines = [];
  if (tool === 'origo') {
    const { compareCodeSources } = await import(join(repo, 'dist/code-tokens/index.js'));
    const subs = files.map((f) => ({ id: f.id, files: [{ path: f.path, text: readFileSync(f.path, 'utf8') }] }));
    const res = await compareCodeSources(subs, { language: 'java', withFragments: false });
    let p = 0;
    for (let i = 0; i < res.ids.length; i++) for (let j = i + 1; j < res.ids.length; j++, p++) lines.push(`${res.ids[i]},${res.ids[j]},${res.similarity[p]}`);
    return lines;
  }
  const { Dolos } = await (await import('./dolos/load.mjs')).loadDolos();
  const idOf = new Map(files.map((f) => [f.path, f.id]));
  const report = await new Dolos({ language: 'java' }).analyzePaths(files.map((f) => f.path));
  for (const p of report.allPairs()) lines.push(`${idOf.get(p.leftFile.path)},${idOf.get(p.rightFile.path)},${p.similarity}`);
  return lines;
}

const { readCsv, evaluate } = await import(evalTool);
const out = resolve(arg('out', join(tmpdir(), 'origo-bench-code')));
mkdirSync(out, { recursive: true });
const result = { date: new Date().toISOString(), dataDir, machineSpeedMs: [machineSpeedMs()], quality: null, scaling: [] };

// Quality on IR-Plag.
const root = join(dataDir, 'irplag');
if (process.argv.includes('--skip-quality')) result.quality = 'skipped (--skip-quality)';
else if (existsSync(join(root, 'submissions.csv'))) {
  const subs = readCsv(join(root, 'submissions.csv'));
  const files = subs.map((s) => ({ id: s.id, path: join(root, s.files.split(';')[0]) }));
  const pairs = readCsv(join(root, 'pairs.csv'));
  result.quality = {};
  for (const tool of ['origo', 'dolos']) {
    const t0 = performance.now();
    const lines = await runTool(tool, files);
    const ms = performance.now() - t0;
    const csv = join(out, `${tool}-irplag-scores.csv`);
    writeFileSync(csv, 'a,b,score\n' + lines.join('\n') + '\n');
    const r = evaluate(pairs, readCsv(csv), { kinds: '^orig-' });
    result.quality[tool] = {
      auc: +r.auc.toFixed(4),
      bestF1: +r.bestF1.f1.toFixed(4),
      macroTaskAuc: +r.macroTaskAuc.toFixed(4),
      perTask: Object.fromEntries(Object.entries(r.perTask).map(([t, v]) => [t, { auc: +v.auc.toFixed(4), bestF1: +v.bestF1.toFixed(4) }])),
      perKind: Object.fromEntries(Object.entries(r.perKind).map(([k, v]) => [k, +v.aucVsOpposite.toFixed(4)])),
      ms: Math.round(ms),
      scores: csv,
    };
  }
} else {
  result.quality = `skipped: ${root}/submissions.csv not found`;
}

// Scaling on generated variants: each is an IR-Plag file with identifiers renamed and one to
// three dead statements, a comment and a blank line inserted after statement ends, chosen and
// varied by a seeded generator (the same files for both tools; no two variants tokenise alike
// by construction, so nothing can be reused between them).
function mulberry32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const JAVA_WORDS = new Set('abstract boolean break byte case catch char class continue default do double else extends final finally float for if implements import instanceof int interface long new package private protected public return short static super switch this throw throws try void while String System Scanner Math out in print println printf main args length java util nextInt nextDouble nextLine'.split(' '));
function variant(text, rnd, n) {
  const lines = text.split('\n').map((l) => l.replace(/\b[a-z][A-Za-z0-9_]*\b/g, (w) => (JAVA_WORDS.has(w) ? w : `${w}${n % 7}`)));
  const ends = lines.map((l, i) => (/[;{]\s*$/.test(l) ? i : -1)).filter((i) => i >= 0);
  const inserts = 1 + Math.floor(rnd() * 3);
  for (let x = 0; x < inserts && ends.length; x++) {
    const at = ends[Math.floor(rnd() * ends.length)] + 1;
    const dead = [`int unused${x} = ${n};`, `String note${x} = "v${n}";`, `double scale${x} = ${n} * 0.5;`][Math.floor(rnd() * 3)];
    lines.splice(at, 0, dead);
    for (let e = 0; e < ends.length; e++) if (ends[e] >= at) ends[e]++;
  }
  lines.splice(Math.floor(rnd() * lines.length), 0, `// variant ${n}`, '');
  return lines.join('\n');
}
/**
 * One run of a tool as a user runs it, in its own process: Origo's CLI, `origo compare <dir>
 * --format csv`, and Dolos (bench/dolos/compare-csv.mjs: dolos-lib on the folder, the same CSV
 * columns), each writing every pair's row to a file. GNU time measures the process: wall time,
 * CPU (user + system, all threads) and peak memory (max RSS). The first run of each size checks
 * that the CSV has one row per pair.
 */
function timeTool(tool, subsDir, dir, check) {
  const csv = join(dir, `${tool}.csv`);
  const times = join(dir, `${tool}.time`);
  const args = tool === 'origo' ? [join(repo, 'bin/origo.js'), 'compare', subsDir, '--format', 'csv'] : [join(here, 'dolos/compare-csv.mjs'), subsDir, 'java'];
  const fd = openSync(csv, 'w');
  const t0 = performance.now();
  const child = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', '-o', times, process.execPath, ...args], { stdio: ['ignore', fd, 'pipe'], maxBuffer: 1 << 26 });
  const wall = Math.round(performance.now() - t0);
  closeSync(fd);
  const stderr = child.stderr.toString();
  if (child.status !== 0) return { error: `exit ${child.status ?? child.signal}: ${stderr.split('\n').filter((l) => l.trim() && !/^\s+at /.test(l)).slice(-6).join(' | ')}` };
  const [, user, sys, rssKB] = readFileSync(times, 'utf8').trim().split('\n').pop().split(' ').map(Number);
  const bytes = statSync(csv).size;
  let rows;
  if (check) {
    rows = -1; // header
    const buf = Buffer.alloc(1 << 20);
    const rfd = openSync(csv, 'r');
    for (let got; (got = readSync(rfd, buf, 0, buf.length, null)) > 0; ) for (let x = 0; x < got; x++) if (buf[x] === 10) rows++;
    closeSync(rfd);
  }
  rmSync(csv);
  return { wallMs: wall, cpuMs: Math.round((user + sys) * 1000), maxRssMB: Math.round(rssKB / 1024), rows, csvMB: +(bytes / 1e6).toFixed(1) };
}

const sizes = arg('sizes', '50,200,1000,3000,5000').split(',').map(Number);
const dolosMax = Number(arg('dolos-max', '3000'));
const repeatMax = Number(arg('repeat-max', '1000'));
if (existsSync(join(root, 'submissions.csv'))) {
  const sources = readCsv(join(root, 'submissions.csv')).map((s) => readFileSync(join(root, s.files.split(';')[0]), 'utf8'));
  for (const n of sizes) {
    const dir = join(out, `variants-${n}`);
    const subsDir = join(dir, 'submissions');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(subsDir, { recursive: true });
    const rnd = mulberry32(n);
    for (let i = 0; i < n; i++) writeFileSync(join(subsDir, `s${String(i).padStart(5, '0')}.java`), variant(sources[Math.floor(rnd() * sources.length)], rnd, i));
    const row = { n };
    // Runs alternate between the tools; each figure is the median of `repeats` runs.
    const runs = { origo: [], dolos: [] };
    const repeats = n <= repeatMax ? Number(arg('repeats', '3')) : 1;
    for (let rep = 0; rep < repeats; rep++) {
      for (const tool of ['origo', 'dolos']) {
        if (tool === 'dolos' && n > dolosMax) continue;
        runs[tool].push(timeTool(tool, subsDir, dir, rep === 0));
      }
    }
    for (const tool of ['origo', 'dolos']) {
      const ok = runs[tool].filter((r) => !r.error);
      if (!runs[tool].length) continue;
      if (!ok.length) {
        row[tool] = runs[tool][0];
        continue;
      }
      const median = (key) => ok.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(ok.length / 2)];
      // The fastest run too: on a machine whose speed drifts with its host, the least disturbed one.
      row[tool] = { runs: ok.length, wallMs: median('wallMs'), minWallMs: Math.min(...ok.map((r) => r.wallMs)), cpuMs: median('cpuMs'), minCpuMs: Math.min(...ok.map((r) => r.cpuMs)), maxRssMB: median('maxRssMB'), rows: ok[0].rows, csvMB: ok[0].csvMB };
    }
    if (row.origo?.wallMs && row.dolos?.wallMs) row.speedup = { wall: +(row.dolos.wallMs / row.origo.wallMs).toFixed(2), fastestWall: +(row.dolos.minWallMs / row.origo.minWallMs).toFixed(2), cpu: +(row.dolos.cpuMs / row.origo.cpuMs).toFixed(2), memory: +(row.dolos.maxRssMB / row.origo.maxRssMB).toFixed(2) };
    result.scaling.push(row);
    if (!process.env.ORIGO_BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
  }
}
result.machineSpeedMs.push(machineSpeedMs());
console.log(JSON.stringify(result));
