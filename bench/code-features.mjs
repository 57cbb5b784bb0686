#!/usr/bin/env node
// bench/code-features.mjs: per-pair evidence of Origo's code engine on every labelled set of
// ../shared/data/code-dev (override with ORIGO_CODE_DEV), one comparison per task folder as
// bench/code-quality.mjs runs it, written as JSON lines for experiments with scoring rules
// outside the engine (a learned mix, left one set out). Only the pairs a set's protocol scores
// are written. Per pair: set, task, a, b, label, kind; the engine's default similarity (`sim`);
// structure alone (`s`, literal and names channels and surface discount off); both coverages; longest
// fragment; literal Dice (`lit`, null when neither side has a literal) and the literal bags'
// weight; library-names Dice (`names`, null when neither side has one); tokens of the shorter and longer side; surface distance; order-free channels
// (rarity-weighted Dice of token n-gram counts, n = 4 and 8); the class's median structure
// (classS: q50 as the engine's classStructure, and n submissions).
// Usage: node bench/code-features.mjs OUT.jsonl
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { SET_KINDS, count, pairsOf, rarity, repo, surfaceDistance, tasksOf, tokenGrams, weightedDice } from './code-experiment-sets.mjs';

const { tokenizeSubmission } = await import(join(repo, 'dist/code-tokens/index.js'));
const { planPrepared, prepareForComparison, matchPlan, normaliseStatementOrder, CODE_DEFAULTS, pairIndex, contentOrder } = await import(join(repo, 'dist/engine/code/index.js'));
const { literalDice } = await import(join(repo, 'dist/engine/code/literals.js'));
const { classStructure } = await import(join(repo, 'dist/engine/code/literal-weight.js'));

const out = process.argv[2];
if (!out) throw new Error('usage: node bench/code-features.mjs OUT.jsonl');
const lines = [];
for (const [set, kinds] of Object.entries(SET_KINDS)) {
  const labelled = new Map();
  for (const p of pairsOf(set)) if (!kinds || new RegExp(kinds).test(p.kind)) labelled.set(`${p.task}|${p.a}|${p.b}`, p);
  for (const { task, subs } of tasksOf(set)) {
    const given = [];
    for (const s of subs) given.push(await tokenizeSubmission(s));
    // In the order the engine matches them, so that the plans' tables line up with `tokenized`.
    const tokenized = Array.from(contentOrder(given.map((t) => prepareForComparison(t, {}))), (x) => given[x]);
    const dice = (n) => {
      const grams = tokenized.map((t) => tokenGrams(t, n, normaliseStatementOrder));
      const w = rarity(grams, CODE_DEFAULTS.literalPrior);
      return (i, j) => {
        const d = weightedDice(grams[i], grams[j], w);
        return d.m > 0 ? (2 * d.c) / d.m : 0;
      };
    };
    const g4 = dice(4), g8 = dice(8);
    const run = (options) => {
      const plan = planPrepared(tokenized.map((t) => prepareForComparison(t, options)), options);
      if (plan.inputOf !== null) throw new Error('the plan reordered the submissions: its tables would not line up with tokenized');
      return { plan, m: matchPlan(plan) };
    };
    const full = run({ withFragments: false });
    const bare = run({ withFragments: false, literalWeight: 0, surfaceWeight: 0, namesWeight: 0 });
    const { plan } = full;
    const n = plan.ids.length;
    const tokens = Uint32Array.from(bare.plan.subs, (s) => s.total);
    // How alike the class's programs are in structure, as the engine takes it (classStructure).
    const classS = { q50: classStructure(bare.plan), n };
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const key = labelled.get(`${task}|${plan.ids[i]}|${plan.ids[j]}`) ?? labelled.get(`${task}|${plan.ids[j]}|${plan.ids[i]}`);
        if (!key) continue;
        const p = pairIndex(i, j, n);
        const lit = literalDice(plan.bags[i], plan.bags[j]);
        const ov = bare.m.overlap[p];
        lines.push(JSON.stringify({
          set, task, a: plan.ids[i], b: plan.ids[j], label: +key.label, kind: key.kind,
          sim: full.m.similarity[p], s: bare.m.similarity[p],
          covMin: Math.min(ov / Math.max(1, tokens[i]), ov / Math.max(1, tokens[j])),
          covMax: Math.max(ov / Math.max(1, tokens[i]), ov / Math.max(1, tokens[j])),
          longest: bare.m.longestFragment[p],
          lit: Number.isNaN(lit) ? null : lit,
          names: ((d) => (Number.isNaN(d) ? null : d))(literalDice(plan.nameBags[i], plan.nameBags[j])),
          litSize: plan.bags[i].size + plan.bags[j].size,
          t: Math.min(plan.subs[i].total, plan.subs[j].total), T: Math.max(plan.subs[i].total, plan.subs[j].total),
          sd: surfaceDistance(plan.surface, i, j),
          g4: g4(i, j), g8: g8(i, j),
          classS,
        }));
      }
    }
  }
}
writeFileSync(out, lines.join('\n') + '\n');
console.log(JSON.stringify({ pairs: lines.length, out }));
