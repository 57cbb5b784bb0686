#!/usr/bin/env node
// Cross-generator validation of the built-in AI-text detector's features and training: for each
// generator of ai-text TRAIN, a model is trained (the shipped recipe, scripts/ai-recipe.mjs) with every text of that generator left out
// (human texts, the Brown Corpus and the other generators kept), and scores the DEV essays of the held-out generator
// against the DEV human essays (AUROC by the reference evaluator). GPT-4 has no DEV essays: its
// held-out texts are scored against the TRAIN human texts of the same two domains, which that
// model did see (an optimistic figure, marked so). Prints one JSON line. Run after `npm run build`.
import { writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { devRows } from '../scripts/ai-data.mjs';
import { aiDocumentFeatures, predictLinear } from '../dist/engine/index.js';
import { fitAiModel, cellWeights, domainOf, recipeTrainRows } from '../scripts/ai-recipe.mjs';
import { loadBuiltinAiModel } from '../dist/ai-models/builtin.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const evaluator = process.env.ORIGO_AI_EVAL ?? join(root, '..', 'shared', 'tools', 'ai_eval.mjs');
const outDir = process.env.ORIGO_AI_BENCH_OUT ?? '/tmp/origo-ai-bench';
mkdirSync(outDir, { recursive: true });
const shipped = loadBuiltinAiModel();
const features = shipped.features;
const TRAINING = shipped.provenance?.training ?? { l2: 3, iterations: 400, learningRate: 0.05 };

const generatorOf = (r) => {
  if (r.label === 'human') return 'human';
  const s = r.set.toLowerCase();
  if (s.includes('flan')) return 'flan-t5-xxl';
  if (s.includes('davinci')) return 'text-davinci-003';
  if (s.includes('gpt-4')) return 'gpt-4';
  return 'gpt-3.5-turbo (with its OUTFOX and DIPPER attacks)';
};
const train = recipeTrainRows(); // ai-text TRAIN and (v4) the Brown Corpus's human texts
const xs = train.map((r) => aiDocumentFeatures(r.text, { features }));
const dev = devRows();
const dxs = dev.map((r) => aiDocumentFeatures(r.text, { features }));
const jsonl = (rows) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
const result = { bench: 'ai-cross-generator', features, training: TRAINING, heldOut: {} };
for (const g of [...new Set(train.map(generatorOf))].filter((g) => g !== 'human')) {
  const keep = train.map((r) => generatorOf(r) !== g);
  const sub = (a) => a.filter((_, i) => keep[i]);
  const m = fitAiModel(sub(xs), sub(train).map((r) => (r.label === 'ai' ? 1 : 0)), cellWeights(sub(train)), features, TRAINING);
  let truth, scores, note;
  const devAi = dev.map((r, i) => [r, i]).filter(([r]) => generatorOf(r) === g);
  if (devAi.length) {
    const rows = dev.map((r, i) => [r, i]).filter(([r]) => r.label === 'human' || generatorOf(r) === g);
    truth = rows.map(([r]) => ({ id: r.id, set: 'dev', label: r.label, text: r.text }));
    scores = rows.map(([r, i]) => ({ id: r.id, score: predictLinear(m, dxs[i]) }));
    note = 'DEV essays of the held-out generator vs DEV human essays';
  } else {
    const doms = new Set(train.filter((r) => generatorOf(r) === g).map(domainOf));
    const rows = train.map((r, i) => [r, i]).filter(([r]) => doms.has(domainOf(r)) && (r.label === 'human' || generatorOf(r) === g));
    truth = rows.map(([r]) => ({ id: r.id, set: 'train-domains', label: r.label, text: r.text }));
    scores = rows.map(([r, i]) => ({ id: r.id, score: predictLinear(m, xs[i]) }));
    note = 'held-out generator texts vs the TRAIN human texts of its domains (seen in training: optimistic)';
  }
  const name = g.replace(/[^a-z0-9.-]+/gi, '_');
  writeFileSync(join(outDir, `xgen-${name}.truth.jsonl`), jsonl(truth));
  writeFileSync(join(outDir, `xgen-${name}.scores.jsonl`), jsonl(scores));
  const r = spawnSync(process.execPath, [evaluator, join(outDir, `xgen-${name}.truth.jsonl`), join(outDir, `xgen-${name}.scores.jsonl`), '--json', '--by', 'set'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  const o = JSON.parse(r.stdout).overall;
  result.heldOut[g] = { note, human: o.n_human, ai: o.n_ai, auroc: Number(o.auroc.toFixed(4)), tprAt1pctFpr: Number(o.tpr_at_1pct_fpr.toFixed(4)), tprAt5pctFpr: Number(o.tpr_at_5pct_fpr.toFixed(4)) };
}
console.log(JSON.stringify(result));
