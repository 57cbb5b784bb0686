#!/usr/bin/env node
// Separation experiments, fifth round (issue 20): compression measures, after ZipPy (Thinkst's
// compression detector) and compression-distance classification. A text x is deflated alone (C(x))
// and after a preset dictionary (node:zlib, the last 32 KB of the window) of machine-written reference
// text (C(x|A)) and of human reference text (C(x|H)); the measures are
//   cz_diff  = (C(x|H) - C(x|A)) / C(x)   (higher: the text shares more with machine text)
//   cz_ai    = C(x|A) / C(x)              (ZipPy's single machine reference; lower: machine-like)
//   cz_human = C(x|H) / C(x)
//   cz_self  = C(x) / bytes(x)            (compressibility of the text itself)
// on two forms of the text: `raw` (whitespace flattened, lower-cased) and `masked` (the features'
// topic mask: function words and punctuation kept, content words as shape and last two letters).
// References come only from rows that may train weights (ai-text TRAIN and the Brown Corpus; Brown
// is human only) and never from the rows they score: a TRAIN row is measured against references built
// from the other four of five folds (folds by OUTFOX prompt, by fast-detect-gpt article pair, by
// Brown file); leave-one-genre-out builds them without the held-out genre; DEV, ai-text-extra (and
// EVAL with --eval) use references built from all of TRAIN.
// Which data does what:
//   TRAIN + Brown              references and weights; leave-one-genre-out AUROC;
//   DEV (OUTFOX)               selection;
//   ai-text-extra DEV split    selection, secondary (never weights, never references);
//   ai-text-extra TRAIN split  reported only (single-measure AUROCs are not printed for it).
// Prints ONE JSON line.   nice -n 5 node bench/ai-compression-r5.mjs > /tmp/ai-r5.json
// Environment: CZ_DICTS (dictionaries per class, default 2), CZ_BYTES (bytes per dictionary, default
// 32768), CZ_SNIP (characters taken from each reference text, default 1200), CZ_COLS (JSON list of
// measure names added to the model, default all eight), CZ_PLACE (JSON list among "habit" (columns
// appended to the habit regression), "third" (a third regression, logits added), default both),
// CZ_VARIANTS (JSON list of [place, cols, alpha]; place also "alone": the third regression only; alpha
// multiplies the third regression's logit), overriding CZ_PLACE and CZ_COLS.
// Flags: --single (single-measure AUROCs and timing only), --eval (see the end).
import { deflateRawSync, constants } from 'node:zlib';
import { devRows, extraRows } from '../scripts/ai-data.mjs';
import { aiDocumentFeatures, predictLinear, trainLogistic, aiFeatureLength } from '../dist/engine/index.js';
import { tokenize } from '../dist/engine/ai/tokens.js';
import { flattenWhitespace } from '../dist/engine/ai/segments.js';
import { isFunctionWord } from '../dist/engine/ai/function-words.js';
import { STYLE_FEATURES, HABIT_FEATURES } from '../dist/engine/ai/features.js';
import { fnv1a } from '../dist/engine/text/hash.js';
import { cellWeights, domainOf, recipeTrainRows } from '../scripts/ai-recipe.mjs';
import { auroc, evalAurocs, experimentSets, hasVerdict } from './ai-experiment-sets.mjs';

const FEATURES = { hashBits: 11, maxN: 3, mask: 'suffix', habits: true };
const TRAINING = { l2: 3, iterations: 1500, learningRate: 0.01 }; // v4
const D = aiFeatureLength(FEATURES);
const D1 = D - HABIT_FEATURES.length;
const HABIT_INDEX = [STYLE_FEATURES.indexOf('sentence_len_cv'), STYLE_FEATURES.indexOf('marker_word_rate'), ...HABIT_FEATURES.map((_, k) => D1 + k)];
const NDICT = Number(process.env.CZ_DICTS ?? 2);
const DBYTES = Number(process.env.CZ_BYTES ?? 32768);
const SNIP = Number(process.env.CZ_SNIP ?? 1200);
const FOLDS = 5;
const FORMS = ['raw', 'masked'];
const MEASURES = FORMS.flatMap((f) => ['diff', 'ai', 'human', 'self'].map((m) => `cz_${m}_${f}`));
const COLS = JSON.parse(process.env.CZ_COLS ?? JSON.stringify(MEASURES));
const PLACES = JSON.parse(process.env.CZ_PLACE ?? '["habit","third"]');
const wordCount = (t) => t.split(/\s+/).filter(Boolean).length;
const mean = (a) => (a.length ? a.reduce((x, y) => x + y, 0) / a.length : 0);
const r3 = (v) => Number(v.toFixed(3));
const t0 = process.cpuUsage();

// ---- the two forms of a text ----
function maskedKey(t) {
  if (t.kind === 'number') return '#';
  if (t.kind === 'punct') return t.text;
  if (isFunctionWord(t.lower)) return t.lower;
  const size = t.text.length <= 3 ? 's' : t.text.length <= 7 ? 'm' : 'l';
  const shape = (/^\p{Lu}/u.test(t.text) ? 'C' : 'w') + size;
  return t.text.length > 4 ? shape + '-' + t.lower.slice(-2) : shape;
}
function forms(text) {
  const flat = flattenWhitespace(text);
  return { raw: Buffer.from(flat.toLowerCase()), masked: Buffer.from(tokenize(flat).map(maskedKey).join(' ')) };
}

// ---- rows ----
const featurise = (r) => { r.x = aiDocumentFeatures(r.text, { features: FEATURES }); r.words = wordCount(r.text); r.f = forms(r.text); return r; };
/** Fold groups: OUTFOX prompt, fast-detect-gpt article pair (domain, generator, index), Brown file. */
function groupKey(r) {
  if (r.set.startsWith('brown/')) return r.file;
  if (r.set.startsWith('outfox')) return `outfox/${r.prompt}`;
  const m = /^fdg\/(\w+)\/([\w.-]+)\/[ha](\d+)$/.exec(r.id);
  return `${m[1]}/${m[2]}/${m[3]}`;
}
const rows = [
  ...recipeTrainRows().map((r) => featurise({ ...r, role: 'train', dom: domainOf(r) })),
  ...devRows().map((r) => featurise({ ...r, role: 'dev' })),
  ...extraRows().map((r) => featurise({ ...r, role: 'extra' })),
];
const train = rows.filter((r) => r.role === 'train');
for (const r of train) r.fold = fnv1a(groupKey(r)) % FOLDS;
const { devAi, sets: SETS } = experimentSets(rows);

// ---- references: NDICT dictionaries per class, each DBYTES of SNIP-character snippets ----
/**
 * Dictionaries of one class and form from the TRAIN rows `pool`: rows ordered by a hash of their id,
 * genres taken in turn (so each dictionary mixes every genre of the class), the first SNIP bytes
 * of each text (cut at a space) appended until a dictionary is full.
 */
function buildDicts(pool, form) {
  const byDom = new Map();
  for (const r of [...pool].sort((a, b) => fnv1a(a.id) - fnv1a(b.id) || (a.id < b.id ? -1 : 1))) {
    if (!byDom.has(r.dom)) byDom.set(r.dom, []);
    byDom.get(r.dom).push(r);
  }
  const queues = [...byDom.keys()].sort().map((k) => byDom.get(k));
  const dicts = [];
  let cur = [], size = 0, qi = 0;
  const pos = queues.map(() => 0);
  while (dicts.length < NDICT && queues.some((q, i) => pos[i] < q.length)) {
    const q = queues[qi % queues.length], i = qi % queues.length;
    qi++;
    if (pos[i] >= q.length) continue;
    let b = q[pos[i]++].f[form];
    if (b.length > SNIP) { const cut = b.lastIndexOf(32, SNIP); b = b.subarray(0, cut > 0 ? cut : SNIP); }
    const room = DBYTES - size;
    cur.push(b.length > room ? b.subarray(0, room) : b);
    size += Math.min(b.length, room);
    if (size >= DBYTES) { dicts.push(Buffer.concat(cur)); cur = []; size = 0; }
  }
  if (dicts.length < NDICT && size > 0) dicts.push(Buffer.concat(cur));
  return dicts;
}
const refCache = new Map();
/** References of both classes and forms from the TRAIN rows kept by `keep` (cached under `key`). */
function refs(key, keep) {
  if (!refCache.has(key)) {
    const pool = train.filter(keep);
    const out = {};
    for (const form of FORMS) out[form] = { ai: buildDicts(pool.filter((r) => r.label === 'ai'), form), human: buildDicts(pool.filter((r) => r.label === 'human'), form) };
    refCache.set(key, out);
  }
  return refCache.get(key);
}
const Z = { level: 9, memLevel: 9, strategy: constants.Z_DEFAULT_STRATEGY };
const csize = (b, dict) => deflateRawSync(b, dict ? { ...Z, dictionary: dict } : Z).length;
let czCalls = 0, czNs = 0n;
/** The eight measures of row r against references R. */
function measures(r, R) {
  const t = process.hrtime.bigint();
  const out = {};
  for (const form of FORMS) {
    const b = r.f[form];
    const c = Math.max(1, csize(b));
    const cA = mean(R[form].ai.map((d) => csize(b, d)));
    const cH = mean(R[form].human.map((d) => csize(b, d)));
    out[`cz_diff_${form}`] = (cH - cA) / c;
    out[`cz_ai_${form}`] = cA / c;
    out[`cz_human_${form}`] = cH / c;
    out[`cz_self_${form}`] = c / Math.max(1, b.length);
  }
  czNs += process.hrtime.bigint() - t;
  czCalls++;
  return out;
}
/**
 * Measures of every row under one setting: `exclude` (a TRAIN genre left out of references and
 * weights, or null). TRAIN rows: out-of-fold references (also without `exclude`); other rows and the
 * excluded genre's rows: references from all kept TRAIN rows.
 */
const mCache = new Map();
function measureAll(exclude) {
  const key = exclude ?? 'all';
  if (mCache.has(key)) return mCache.get(key);
  const kept = (r) => r.dom !== exclude;
  const full = refs(`${key}/full`, kept);
  const m = new Map();
  for (const r of exclude ? train : rows) {
    if (r.role === 'train' && kept(r)) m.set(r, measures(r, refs(`${key}/fold${r.fold}`, (q) => kept(q) && q.fold !== r.fold)));
    else m.set(r, measures(r, full));
  }
  mCache.set(key, m);
  return m;
}

// ---- single-measure AUROCs ----
function single() {
  const all = measureAll(null);
  const res = {};
  for (const nm of MEASURES) {
    const s = {};
    for (const [k, f] of Object.entries(SETS)) {
      if (k.includes('[TRAIN]')) continue;
      const rs = rows.filter((r) => hasVerdict(r) && f(r));
      s[k] = r3(auroc(rs.filter((r) => r.label === 'human').map((r) => all.get(r)[nm]), rs.filter((r) => r.label === 'ai').map((r) => all.get(r)[nm])));
    }
    const tr = train.filter((r) => hasVerdict(r) && r.dom !== 'brown');
    s['TRAIN (cross-fitted)'] = r3(auroc(tr.filter((r) => r.label === 'human').map((r) => all.get(r)[nm]), tr.filter((r) => r.label === 'ai').map((r) => all.get(r)[nm])));
    for (const g of ['outfox', 'xsum', 'writing']) {
      const mg = measureAll(g);
      const rs = train.filter((r) => r.dom === g && hasVerdict(r));
      s[`LOGO ${g}`] = r3(auroc(rs.filter((r) => r.label === 'human').map((r) => mg.get(r)[nm]), rs.filter((r) => r.label === 'ai').map((r) => mg.get(r)[nm])));
    }
    // Brown (human only) against TRAIN machine text, cross-fitted: do 1961 formal prose and machine text share material?
    const br = train.filter((r) => r.dom === 'brown');
    s['Brown vs TRAIN AI'] = r3(auroc(br.map((r) => all.get(r)[nm]), train.filter((r) => r.label === 'ai' && hasVerdict(r)).map((r) => all.get(r)[nm])));
    res[nm] = s;
  }
  return res;
}

// ---- models: v4's two regressions, plus the compression columns ----
const logit = (p) => Math.log(p / (1 - p));
const mainCache = new Map();
/** v4's main regression on `tr` (cached: it does not depend on the compression columns). */
function mainModel(key, tr) {
  if (!mainCache.has(key)) {
    const ys = tr.map((r) => (r.label === 'ai' ? 1 : 0));
    mainCache.set(key, trainLogistic(tr.map((r) => r.x.subarray(0, D1)), ys, cellWeights(tr), TRAINING));
  }
  return mainCache.get(key);
}
/**
 * Score function of a variant: place null (v4), 'habit' (columns appended to the habit regression),
 * 'third' (a third regression over the columns, its logit times alpha added) or 'alone' (that third
 * regression only); cols = compression measures.
 */
function fit(key, tr, m, place, cols, alpha = 1) {
  const ys = tr.map((r) => (r.label === 'ai' ? 1 : 0));
  const cw = cellWeights(tr);
  const main = place === 'alone' ? null : mainModel(key, tr);
  const hv = (r) => Float64Array.from(HABIT_INDEX, (j) => r.x[j]);
  const cv = (r) => Float64Array.from(cols, (c) => m.get(r)[c]);
  const hvx = place === 'habit' ? (r) => Float64Array.from([...hv(r), ...cv(r)]) : hv;
  const third = place === 'third' || place === 'alone' ? trainLogistic(tr.map(cv), ys, cw, TRAINING) : null;
  if (place === 'alone') return (r) => logit(predictLinear(third, cv(r)));
  const hab = trainLogistic(tr.map(hvx), ys, cw, TRAINING);
  return (r) => logit(predictLinear(main, r.x.subarray(0, D1))) + logit(predictLinear(hab, hvx(r))) + (third ? alpha * logit(predictLinear(third, cv(r))) : 0);
}
function evaluate(place, cols, alpha = 1) {
  const m = measureAll(null);
  const score = fit('all', train, m, place, cols, alpha);
  const res = { auroc: {} };
  for (const [k, f] of Object.entries(SETS)) {
    const rs = rows.filter((r) => hasVerdict(r) && f(r));
    res.auroc[k] = r3(auroc(rs.filter((r) => r.label === 'human').map(score), rs.filter((r) => r.label === 'ai').map(score)));
  }
  res.leaveOneGenreOut = {};
  for (const g of ['outfox', 'xsum', 'writing']) {
    const mg = measureAll(g);
    const s = fit(`logo-${g}`, train.filter((r) => r.dom !== g), mg, place, cols, alpha);
    const rs = train.filter((r) => r.dom === g && hasVerdict(r));
    res.leaveOneGenreOut[g] = r3(auroc(rs.filter((r) => r.label === 'human').map(s), rs.filter((r) => r.label === 'ai').map(s)));
  }
  res.leaveOneGenreOut.mean = r3(mean(Object.values(res.leaveOneGenreOut)));
  const t = Math.max(...rows.filter((r) => hasVerdict(r) && r.label === 'human' && (r.role === 'dev' || (r.role === 'extra' && r.split === 'DEV'))).map(score));
  res.devAiAboveThr = r3(devAi.filter((r) => score(r) >= t).length / devAi.length);
  console.error(`${place ?? 'v4'} ${JSON.stringify(cols)} alpha=${alpha}`, JSON.stringify(res));
  return { res, score };
}

const timing = () => ({ textsMeasured: czCalls, msPerText: Number((Number(czNs) / 1e6 / Math.max(1, czCalls)).toFixed(3)), comparesPerText: FORMS.length * (1 + 2 * NDICT) });
const setting = { dicts: NDICT, bytes: DBYTES, snip: SNIP, folds: FOLDS };

if (process.argv.includes('--single')) {
  const res = single();
  const cpu = process.cpuUsage(t0);
  console.log(JSON.stringify({ bench: 'ai-compression-r5 --single', setting, single: res, timing: timing(), cpuSeconds: Math.round((cpu.user + cpu.system) / 1e6) }));
  process.exit(0);
}

if (process.argv.includes('--eval')) {
  // ai-text EVAL AUROC of v4 and of the FIRST place named by CZ_PLACE with CZ_COLS; run once, for a
  // candidate and a rule written down before (commit message).
  const { evalRows } = await import('../scripts/ai-data.mjs');
  const ev = evalRows().filter((r) => !r.edited && wordCount(r.text) >= 150).map(featurise);
  const m = measureAll(null);
  const full = refs('all/full', () => true);
  for (const r of ev) m.set(r, measures(r, full));
  const out = {
    v4: evalAurocs(ev, fit('all', train, m, null, [])),
    candidate: evalAurocs(ev, fit('all', train, m, ...(process.env.CZ_VARIANTS ? JSON.parse(process.env.CZ_VARIANTS)[0] : [PLACES[0], COLS, 1]))),
  };
  console.log(JSON.stringify({ bench: 'ai-compression-r5 --eval', setting, candidate: process.env.CZ_VARIANTS ? JSON.parse(process.env.CZ_VARIANTS)[0] : [PLACES[0], COLS, 1], eval: out }));
  process.exit(0);
}

const result = { bench: 'ai-compression-r5', setting, variants: { v4: evaluate(null, []).res } };
// CZ_VARIANTS: JSON list of [place, cols, alpha]; default every CZ_PLACE with CZ_COLS, alpha 1.
const VARIANTS = JSON.parse(process.env.CZ_VARIANTS ?? JSON.stringify(PLACES.map((p) => [p, COLS, 1])));
for (const [place, cols, alpha] of VARIANTS) result.variants[`${place} ${cols.join('+')} x${alpha}`] = evaluate(place, cols, alpha).res;
result.timing = timing();
const cpu = process.cpuUsage(t0);
result.cpuSeconds = Math.round((cpu.user + cpu.system) / 1e6);
console.log(JSON.stringify(result));
