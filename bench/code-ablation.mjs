#!/usr/bin/env node
// bench/code-ablation.mjs: what each normalisation and scoring choice of the code engine is worth
// on IR-Plag (../shared/data/code-dev or $ORIGO_CODE_DEV), protocol --kinds '^orig-', scored
// with ../shared/tools/code_eval.mjs. One run per variant, each switching off or changing one
// option of the defaults. Prints ONE JSON line.
// Usage: node bench/code-ablation.mjs
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const root = join(process.env.ORIGO_CODE_DEV ?? resolve(repo, '../shared/data/code-dev'), 'irplag');
const { readCsv, evaluate } = await import(process.env.ORIGO_CODE_EVAL ?? resolve(repo, '../shared/tools/code_eval.mjs'));
const { tokenizeSubmission } = await import(join(repo, 'dist/code-tokens/index.js'));
const { compareTokenizedSubmissions } = await import(join(repo, 'dist/engine/index.js'));

if (!existsSync(join(root, 'submissions.csv'))) {
  console.log(JSON.stringify({ skipped: `${root}/submissions.csv not found` }));
  process.exit(0);
}
const subs = [];
for (const s of readCsv(join(root, 'submissions.csv'))) {
  subs.push(await tokenizeSubmission({ id: s.id, files: s.files.split(';').map((f) => ({ path: f, text: readFileSync(join(root, f), 'utf8') })) }, 'java'));
}
const pairs = readCsv(join(root, 'pairs.csv'));
const variants = {
  defaults: {},
  'no canonical statement order': { canonicalOrder: false },
  'no match merging (mergeGap 0)': { mergeGap: 0 },
  'no literal channel (structure only)': { literalWeight: 0 },
  'structure only, no canonical order, no merging': { literalWeight: 0, canonicalOrder: false, mergeGap: 0 },
  'no common-code suppression': { suppressShare: 1 },
  'k = 12': { kgramLength: 12 },
  'k = 7': { kgramLength: 7 },
  'w = 8': { windowLength: 8 },
};
const out = {};
for (const [name, options] of Object.entries(variants)) {
  const c = compareTokenizedSubmissions(subs, { withFragments: false, ...options });
  const scores = [];
  let p = 0;
  for (let i = 0; i < c.ids.length; i++) for (let j = i + 1; j < c.ids.length; j++, p++) scores.push({ a: c.ids[i], b: c.ids[j], score: String(c.similarity[p]) });
  const r = evaluate(pairs, scores, { kinds: '^orig-' });
  out[name] = { auc: +r.auc.toFixed(4), bestF1: +r.bestF1.f1.toFixed(4), perKind: Object.fromEntries(Object.entries(r.perKind).map(([k, v]) => [k.replace('orig-plag-', ''), +v.aucVsOpposite.toFixed(3)])) };
}
console.log(JSON.stringify(out));
