#!/usr/bin/env node
// bench/code-quality.mjs: code-similarity quality as a teacher runs it, one comparison per task
// folder (one assignment) with default settings, for Origo and Dolos (@dodona/dolos-lib 3.5.1,
// defaults, language from the files' extension) in one run, on every labelled set of
// ../shared/data/code-dev (override with ORIGO_CODE_DEV). Scored with
// ../shared/tools/code_eval.mjs's `evaluate`; the score files (a,b,score,task) are left in the
// output folder so `node ../shared/tools/code_eval.mjs --pairs <set>/pairs.csv --scores <file>
// [--kinds RE]` re-checks every figure. Prints ONE JSON line.
// Usage: node bench/code-quality.mjs [--sets irplag,gcj-gpt4o,conplag,cf-synth-c] [--tools origo,dolos]
//          [--origo-options '{"suppressShare":1}'] [--out DIR]
// Dolos comes from the benchmark's own install: npm ci --prefix bench/dolos (bench/dolos/load.mjs).
// Protocols: irplag, gcj-gpt4o and cf-synth-c `--kinds '^orig-'` (their READMEs' primary protocol);
// conplag all labelled pairs.
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';

import { DOLOS_LANGUAGE, dataDir, evaluate, readCsv, repo, tasksOf } from './code-experiment-sets.mjs';

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

export const SETS = {
  irplag: { kinds: '^orig-' },
  'gcj-gpt4o': { kinds: '^orig-' },
  conplag: {},
  'cf-synth-c': { kinds: '^orig-' },
};

/** One `a,b,score,task` row per pair of one task (Origo, one comparison, given options). */
export async function origoTask(task, subs, options) {
  const { compareCodeSources } = await import(join(repo, 'dist/code-tokens/index.js'));
  const c = await compareCodeSources(subs, { withFragments: false, ...options });
  const rows = [];
  let p = 0;
  for (let i = 0; i < c.ids.length; i++) for (let j = i + 1; j < c.ids.length; j++, p++) rows.push({ a: c.ids[i], b: c.ids[j], score: c.similarity[p], task });
  return rows;
}

async function dolosTask(task, subs) {
  const { Dolos } = await (await import('./dolos/load.mjs')).loadDolos();
  const language = DOLOS_LANGUAGE[extname(subs[0].files[0].abs)];
  // Dolos compares files, so a multi-file submission would need merging; every set here has one file per submission.
  const idOf = new Map(subs.map((s) => [s.files[0].abs, s.id]));
  const report = await new Dolos({ language }).analyzePaths(subs.map((s) => s.files[0].abs));
  return report.allPairs().map((p) => ({ a: idOf.get(p.leftFile.path), b: idOf.get(p.rightFile.path), score: p.similarity, task }));
}

export function summary(r) {
  return {
    auc: +r.auc.toFixed(4),
    bestF1: +r.bestF1.f1.toFixed(4),
    macroTaskAuc: +r.macroTaskAuc.toFixed(4),
    perKind: Object.fromEntries(Object.entries(r.perKind).map(([k, v]) => [k, +v.aucVsOpposite.toFixed(4)])),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = resolve(arg('out', join(tmpdir(), 'origo-bench-code-quality')));
  mkdirSync(out, { recursive: true });
  const sets = arg('sets', Object.keys(SETS).join(',')).split(',');
  const tools = arg('tools', 'origo,dolos').split(',');
  const origoOptions = JSON.parse(arg('origo-options', '{}'));
  const result = { date: new Date().toISOString(), dataDir, origoOptions, sets: {} };
  for (const set of sets) {
    if (!existsSync(join(dataDir, set, 'submissions.csv'))) {
      result.sets[set] = `skipped: ${join(dataDir, set)}/submissions.csv not found`;
      continue;
    }
    const tasks = tasksOf(set);
    const pairs = readCsv(join(dataDir, set, 'pairs.csv'));
    result.sets[set] = { tasks: tasks.length, protocol: SETS[set].kinds ? `--kinds '${SETS[set].kinds}'` : 'all pairs' };
    for (const tool of tools) {
      const rows = [];
      const t0 = performance.now();
      for (const { task, subs } of tasks) rows.push(...(tool === 'origo' ? await origoTask(task, subs, origoOptions) : await dolosTask(task, subs)));
      const ms = Math.round(performance.now() - t0);
      const file = join(out, `${tool}-${set}-scores.csv`);
      writeFileSync(file, 'a,b,score,task\n' + rows.map((r) => `${r.a},${r.b},${r.score},${r.task}`).join('\n') + '\n');
      result.sets[set][tool] = { ...summary(evaluate(pairs, rows, { kinds: SETS[set].kinds })), ms, scores: file };
    }
  }
  console.log(JSON.stringify(result));
}
