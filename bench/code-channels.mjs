#!/usr/bin/env node
// bench/code-channels.mjs: how Origo's evidence channels combine, on every labelled set of
// ../shared/data/code-dev (override with ORIGO_CODE_DEV), one comparison per task folder as
// bench/code-quality.mjs runs it. Each task is compared once with the literal channel and the
// surface discount off; per pair it keeps the structural similarity, the literal Dice (rarity
// weights as the engine's), the shorter side's tokens, the surface distance, and computes an
// order-free channel (rarity-weighted Dice of token 8-gram counts) and literal bags under other
// weightings. Scoring rules are then evaluated on those figures without re-matching; the
// `defaults` rule reproduces the engine's defaults exactly (compare with bench/code-quality.mjs).
// Scored with ../shared/tools/code_eval.mjs (pooled AUC; protocols as bench/code-quality.mjs).
// Prints ONE JSON line. Usage: node bench/code-channels.mjs
import { join } from 'node:path';

import { SET_KINDS as SETS, aucOf, count, dataDir, pairsOf, repo, rarity, surfaceDistance, tasksOf, tokenGrams, weightedDice } from './code-experiment-sets.mjs';
const { tokenizeSubmission } = await import(join(repo, 'dist/code-tokens/index.js'));
const { planPrepared, contentOrder, prepareForComparison, matchPlan, normaliseStatementOrder, CODE_DEFAULTS } = await import(join(repo, 'dist/engine/code/index.js'));
const { literalDice } = await import(join(repo, 'dist/engine/code/literals.js'));

const N = 8; // order-free channel: token 8-grams

const content = (v) => v.replace(/^["'`]|["'`]$/g, '');
const isNumber = (v) => /^-?[0-9.]+[a-zA-Z]*$/.test(v);

/** Per-pair figures of one set. */
async function figures(set) {
  const rows = [];
  for (const { task, subs } of tasksOf(set)) {
    const options = { withFragments: false, literalWeight: 0, surfaceWeight: CODE_DEFAULTS.surfaceWeight };
    const prepared = [], grams = [];
    for (const s of subs) {
      const t = await tokenizeSubmission(s);
      grams.push(tokenGrams(t, N, normaliseStatementOrder));
      prepared.push(prepareForComparison(t, options));
    }
    // In the order the engine matches them, so that the plan's tables line up with `prepared` and `grams`.
    const order = contentOrder(prepared);
    for (const list of [prepared, grams]) list.splice(0, list.length, ...Array.from(order, (x) => list[x]));
    const plan = planPrepared(prepared, options);
    if (plan.inputOf !== null) throw new Error('the plan reordered the submissions: its tables would not line up with prepared');
    const surface = plan.surface;
    plan.settings.surfaceWeight = 0; // structure alone; the discount is applied by the rules below
    const m = matchPlan(plan);
    const gramWeight = rarity(grams, CODE_DEFAULTS.literalPrior);
    const lits = prepared.map((p) => count(p.literals));
    const litWeight = {
      stopShort: ((w) => (v) => (!isNumber(v) && content(v).length <= 1 ? 0 : w(v)))(rarity(lits, CODE_DEFAULTS.literalPrior)),
      stopShortNumbers: ((w) => (v) => (content(v).length <= 1 ? 0 : w(v)))(rarity(lits, CODE_DEFAULTS.literalPrior)),
      length: (v) => Math.min(1, (1 + content(v).length) / 8),
    };
    const n = plan.ids.length;
    let p = 0;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++, p++) {
        const sd = surfaceDistance(surface, i, j);
        const g = weightedDice(grams[i], grams[j], gramWeight);
        const extra = Object.fromEntries(Object.entries(litWeight).map(([k, w]) => [k, weightedDice(lits[i], lits[j], w)]));
        rows.push({
          task, a: plan.ids[i], b: plan.ids[j],
          s: m.similarity[p],
          lit: literalDice(plan.bags[i], plan.bags[j]),
          mass: plan.bags[i].size + plan.bags[j].size,
          t: Math.min(plan.subs[i].total, plan.subs[j].total),
          sd, gram: g.m > 0 ? (2 * g.c) / g.m : 0, extra,
        });
      }
    }
  }
  return rows;
}

/** The engine's mix: λ by length, then the surface discount. */
function mix(r, { s = r.s, lit = r.lit, lambda, sw = CODE_DEFAULTS.surfaceWeight } = {}) {
  const l = lambda ?? CODE_DEFAULTS.literalWeight / (1 + r.t / CODE_DEFAULTS.literalHalfTokens);
  let sim = Number.isNaN(lit) ? s : (1 - l) * s + l * lit;
  if (sim > 0) sim *= 1 - sw * r.sd;
  return sim;
}
const RULES = {
  defaults: (r) => mix(r),
  'surfaceWeight 0': (r) => mix(r, { sw: 0 }),
  'surfaceWeight 0.05': (r) => mix(r, { sw: 0.05 }),
  'surfaceWeight 0.2': (r) => mix(r, { sw: 0.2 }),
  'surfaceWeight 0.3': (r) => mix(r, { sw: 0.3 }),
  'structure only': (r) => r.s,
  'order-free 8-grams only': (r) => r.gram,
  'structure x order-free (geometric mean)': (r) => Math.sqrt(r.s * r.gram),
  'structure x order-free, mixed with literals as the defaults': (r) => mix(r, { s: Math.sqrt(r.s * r.gram) }),
  'literal Dice shrunk towards structure, 1 unit of weight': (r) => mix(r, { lit: Number.isNaN(r.lit) ? NaN : (r.lit * r.mass + r.s) / (r.mass + 1) }),
  'literal Dice shrunk towards structure, 2 units': (r) => mix(r, { lit: Number.isNaN(r.lit) ? NaN : (r.lit * r.mass + 2 * r.s) / (r.mass + 2) }),
  'λ scaled by the literals\' length-information, m 0.5': (r) => {
    const info = r.extra.length.m;
    return mix(r, { lambda: (info / (info + 0.5)) / (1 + r.t / CODE_DEFAULTS.literalHalfTokens) });
  },
  'the same, λ steeper (1 / (1 + (t/100)^3))': (r) => {
    const info = r.extra.length.m;
    return mix(r, { lambda: (info / (info + 0.5)) / (1 + (r.t / 100) ** 3) });
  },
  'strings of at most one character dropped from the literals': (r) => mix(r, { lit: r.extra.stopShort.m > 0 ? (2 * r.extra.stopShort.c) / r.extra.stopShort.m : NaN }),
  'the same, one-digit numbers too': (r) => mix(r, { lit: r.extra.stopShortNumbers.m > 0 ? (2 * r.extra.stopShortNumbers.c) / r.extra.stopShortNumbers.m : NaN }),
};

const result = { date: new Date().toISOString(), dataDir, rules: {}, surfaceDistanceMedian: {} };
const rowsOf = {};
for (const rule of Object.keys(RULES)) result.rules[rule] = {};
for (const [set, kinds] of Object.entries(SETS)) {
  const rows = await figures(set);
  rowsOf[set] = rows;
  const pairs = pairsOf(set);
  for (const [rule, f] of Object.entries(RULES)) {
    result.rules[rule][set] = aucOf(pairs, rows, kinds, f);
  }
  const label = new Map(pairs.filter((x) => !kinds || new RegExp(kinds).test(x.kind)).map((x) => [`${x.task}|${x.a}|${x.b}`, x.label]));
  const median = (xs) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  const sd = { '1': [], '0': [] };
  for (const r of rows) {
    const l = label.get(`${r.task}|${r.a}|${r.b}`) ?? label.get(`${r.task}|${r.b}|${r.a}`);
    if (l !== undefined) sd[l].push(r.sd);
  }
  result.surfaceDistanceMedian[set] = { copies: +median(sd['1']).toFixed(3), independent: +median(sd['0']).toFixed(3) };
}
// The family "λ scaled by the literals' information by length, falling with length at a given
// steepness" over a grid, and left one set out: the setting with the best mean AUC on the other
// three sets, scored on the fourth (against the defaults).
const GRID = [];
for (const m of [0, 0.25, 0.5, 1]) for (const h of [80, 100, 120, 150, 200]) for (const p of [1, 2, 3, 4]) for (const sw of [0.1, 0.3]) GRID.push({ m, h, p, sw });
const gridAuc = GRID.map(() => ({}));
for (const [set, kinds] of Object.entries(SETS)) {
  const rows = rowsOf[set];
  const pairs = pairsOf(set);
  GRID.forEach(({ m, h, p, sw }, g) => {
    const score = (r) => {
      const info = r.extra.length.m;
      const confidence = m > 0 ? info / (info + m) : 1;
      return mix(r, { lambda: confidence / (1 + (r.t / h) ** p), sw });
    };
    gridAuc[g][set] = aucOf(pairs, rows, kinds, score);
  });
}
const sets = Object.keys(SETS);
const meanOf = (auc, of) => of.reduce((t, s) => t + auc[s], 0) / of.length;
const constrained = GRID.map((c, g) => ({ ...c, ...gridAuc[g] })).filter((x) => x.irplag >= 0.85 && x['cf-synth-c'] >= 0.9804);
result.grid = {
  settings: GRID.length,
  bestGcjWithIrplagAndCfsynthcBars: constrained.sort((a, b) => b['gcj-gpt4o'] - a['gcj-gpt4o'])[0],
  bestMeanWithIrplagBar: GRID.map((c, g) => ({ ...c, ...gridAuc[g] })).filter((x) => x.irplag >= 0.85).sort((a, b) => meanOf(b, sets) - meanOf(a, sets))[0],
  leaveOneOut: Object.fromEntries(
    sets.map((held) => {
      const others = sets.filter((x) => x !== held);
      let best = 0;
      GRID.forEach((_, g) => {
        if (meanOf(gridAuc[g], others) > meanOf(gridAuc[best], others) + 1e-9) best = g;
      });
      return [held, { chosen: GRID[best], heldOutAuc: gridAuc[best][held], defaults: result.rules.defaults[held] }];
    }),
  ),
};
// Leave one set out: the surface weight with the best mean AUC on the other three, scored on the fourth.
const grid = { 0: 'surfaceWeight 0', 0.05: 'surfaceWeight 0.05', 0.1: 'defaults', 0.2: 'surfaceWeight 0.2', 0.3: 'surfaceWeight 0.3' };
result.surfaceWeightLeaveOneOut = {};
for (const held of Object.keys(SETS)) {
  const others = Object.keys(SETS).filter((s) => s !== held);
  let best;
  for (const [w, rule] of Object.entries(grid)) {
    const mean = others.reduce((t, s) => t + result.rules[rule][s], 0) / others.length;
    if (!best || mean > best.mean + 1e-9) best = { w: +w, mean, heldOutAuc: result.rules[rule][held] };
  }
  result.surfaceWeightLeaveOneOut[held] = { chosen: best.w, meanOfOthers: +best.mean.toFixed(4), heldOutAuc: best.heldOutAuc };
}
console.log(JSON.stringify(result));
