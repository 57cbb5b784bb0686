#!/usr/bin/env node
// bench/code-structure-bounds.mjs: why does Dolos score GPT-4o's heavy rewrites higher than
// Origo's structure channel, and can any structural change bring gcj-gpt4o to Dolos while the
// literal channel stays as it is? (issue 19, session 7.) On every labelled set of
// ../shared/data/code-dev (override with ORIGO_CODE_DEV), one comparison per task folder as
// bench/code-quality.mjs runs it. Per pair it keeps Origo's structural similarity (literal channel
// and surface discount off), the engine's literal Dice, the shorter side's tokens and the surface
// distance (so the engine's mix is recomputed exactly: the `defaults` row must equal
// bench/code-quality.mjs's Origo figure), Dolos's score (@dodona/dolos-lib 3.5.1, defaults, as
// in bench/code-quality.mjs), and a Dolos-style measure on Origo's own tokens: the share of both
// sides' k-grams (every k-gram, with multiplicity, k = 12) whose hash occurs anywhere on the other
// side (`bag`: Dolos's formula, many-to-many, no minimum run, no one-to-one tiling), and the same
// with every k-gram weighted by its rarity in the task, ln((n+1)/df)/ln(n+1) (`bagIdf`).
//
// Rows (pooled AUC, protocols as bench/code-quality.mjs):
//   structure, defaults, dolos        the three channels as they are
//   bag, bagIdf                       alone, and in the engine's mix in place of structure (`+lit`)
//   dolosAsStructure+lit              Dolos's own score in the engine's mix in place of structure
//   bound: independent S=0            every independent pair's structure 0, literals unchanged
//   bound: copies S=max(S,Dolos)      every copy's structure raised to Dolos's score where higher
//   bound: copies S+d(1-S)            every copy's structure moved a share d towards 1
// and, for gcj-gpt4o, every copy whose structure is below 0.45: its figures and how many of the
// 9,800 independent pairs score above it by each measure.
// Prints ONE JSON line. Usage: npm run build && nice -n 5 node bench/code-structure-bounds.mjs [--sets a,b] [--no-dolos]
import { join } from 'node:path';

import { DOLOS_LANGUAGE, SET_KINDS as SETS, aucOf, dataDir, pairsOf, repo, surfaceDistance, tasksOf } from './code-experiment-sets.mjs';
const { tokenizeSubmission } = await import(join(repo, 'dist/code-tokens/index.js'));
const { planPrepared, contentOrder, prepareForComparison, matchPlan, normaliseStatementOrder, CODE_DEFAULTS } = await import(join(repo, 'dist/engine/code/index.js'));
const { literalDice } = await import(join(repo, 'dist/engine/code/literals.js'));
const { kindNumber, kgramHashes } = await import(join(repo, 'dist/engine/code/kgrams.js'));

const K = 12;
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const withDolos = !process.argv.includes('--no-dolos');
const Dolos = withDolos ? (await (await import('./dolos/load.mjs')).loadDolos()).Dolos : null;

/** Dolos's formula on two k-gram lists: occurrences whose hash the other side holds, over all occurrences. */
function bagScore(a, b, setA, setB, weight) {
  let c = 0, d = 0;
  for (let x = 0; x < a.length; x++) {
    const w = weight(a[x]);
    d += w;
    if (setB.has(a[x])) c += w;
  }
  for (let x = 0; x < b.length; x++) {
    const w = weight(b[x]);
    d += w;
    if (setA.has(b[x])) c += w;
  }
  return d > 0 ? c / d : 0;
}

async function figures(set) {
  const rows = [];
  for (const { task, subs } of tasksOf(set)) {
    const options = { withFragments: false, literalWeight: 0 };
    const prepared = [], grams = [];
    for (const s of subs) {
      const t = await tokenizeSubmission(s);
      const ids = Int32Array.from(t.files.flatMap((f) => normaliseStatementOrder(f.tokens, true)), (x) => kindNumber(x.kind));
      grams.push(kgramHashes(ids, K));
      prepared.push(prepareForComparison(t, options));
    }
    // In the order the engine matches them, so that the plan's tables line up with `prepared` and `grams`.
    const order = contentOrder(prepared);
    for (const list of [prepared, grams]) list.splice(0, list.length, ...Array.from(order, (x) => list[x]));
    const sets = grams.map((g) => new Set(g));
    const df = new Map();
    for (const g of sets) for (const h of g) df.set(h, (df.get(h) ?? 0) + 1);
    const n = subs.length;
    const idf = (h) => Math.log((n + 1) / df.get(h)) / Math.log(n + 1);
    const one = () => 1;
    const plan = planPrepared(prepared, options);
    if (plan.inputOf !== null) throw new Error('the plan reordered the submissions: its tables would not line up with prepared');
    const surface = plan.surface;
    plan.settings.surfaceWeight = 0;
    const m = matchPlan(plan);
    const dolos = new Map();
    if (Dolos) {
      const idOf = new Map(subs.map((s) => [s.files[0].abs, s.id]));
      const language = DOLOS_LANGUAGE[subs[0].files[0].abs.slice(subs[0].files[0].abs.lastIndexOf('.'))];
      const report = await new Dolos({ language }).analyzePaths(subs.map((s) => s.files[0].abs));
      for (const p of report.allPairs()) dolos.set([idOf.get(p.leftFile.path), idOf.get(p.rightFile.path)].sort().join('|'), p.similarity);
    }
    for (let i = 0, p = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++, p++) {
        const sd = surfaceDistance(surface, i, j);
        rows.push({
          task, a: plan.ids[i], b: plan.ids[j],
          s: m.similarity[p],
          lit: literalDice(plan.bags[i], plan.bags[j]),
          t: Math.min(plan.subs[i].total, plan.subs[j].total),
          sd,
          bag: bagScore(grams[i], grams[j], sets[i], sets[j], one),
          bagIdf: bagScore(grams[i], grams[j], sets[i], sets[j], idf),
          dolos: dolos.get([plan.ids[i], plan.ids[j]].sort().join('|')) ?? NaN,
        });
      }
    }
  }
  return rows;
}

/** The engine's mix (compare.ts): λ by the shorter side's length, then the surface discount. */
function mix(r, s) {
  const l = CODE_DEFAULTS.literalWeight / (1 + r.t / CODE_DEFAULTS.literalHalfTokens);
  let sim = Number.isNaN(r.lit) ? s : (1 - l) * s + l * r.lit;
  if (sim > 0) sim *= 1 - CODE_DEFAULTS.surfaceWeight * r.sd;
  return sim;
}

const result = { date: new Date().toISOString(), dataDir, k: K, sets: {} };
for (const set of arg('sets', Object.keys(SETS).join(',')).split(',')) {
  const rows = await figures(set);
  const pairs = pairsOf(set);
  const label = new Map(pairs.map((p) => [[p.a, p.b].sort().join('|'), p]));
  const isCopy = (r) => label.get([r.a, r.b].sort().join('|'))?.label === '1';
  const auc = (score) => aucOf(pairs, rows, SETS[set], score);
  const out = {
    structure: auc((r) => r.s),
    defaults: auc((r) => mix(r, r.s)),
    bag: auc((r) => r.bag),
    'bag+lit': auc((r) => mix(r, r.bag)),
    bagIdf: auc((r) => r.bagIdf),
    'bagIdf+lit': auc((r) => mix(r, r.bagIdf)),
    'bound: independent S=0': auc((r) => mix(r, isCopy(r) ? r.s : 0)),
  };
  for (const d of [0.1, 0.2, 0.3]) out[`bound: copies S+${d}(1-S)`] = auc((r) => mix(r, isCopy(r) ? r.s + d * (1 - r.s) : r.s));
  if (withDolos) {
    out.dolos = auc((r) => r.dolos);
    out['dolosAsStructure+lit'] = auc((r) => mix(r, r.dolos));
    out['bound: copies S=max(S,Dolos)'] = auc((r) => mix(r, isCopy(r) ? Math.max(r.s, r.dolos) : r.s));
  }
  if (set === 'gcj-gpt4o') {
    // Heavily rewritten copies: how many independent (orig-orig) pairs score above each, by each measure.
    const negatives = rows.filter((r) => label.get([r.a, r.b].sort().join('|'))?.kind === 'orig-orig');
    const above = (x, f) => negatives.filter((r) => f(r) > f(x)).length;
    const measures = { structure: (r) => r.s, bag: (r) => r.bag, defaults: (r) => mix(r, r.s), ...(withDolos ? { dolos: (r) => r.dolos } : {}) };
    out.heavyRewrites = rows
      .filter((r) => isCopy(r) && r.s < 0.45)
      .sort((x, y) => x.s - y.s)
      .map((r) => ({ copy: r.a.includes('gpt4o') ? r.a : r.b, t: r.t, lit: +r.lit.toFixed(3), ...Object.fromEntries(Object.entries(measures).map(([k, f]) => [k, [+f(r).toFixed(3), above(r, f)]])) }));
  }
  result.sets[set] = out;
}
console.log(JSON.stringify(result));
