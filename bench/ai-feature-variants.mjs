#!/usr/bin/env node
// Separation experiments for the built-in AI-text detector (issue 20): candidate feature blocks and
// training choices beside the shipped v1 recipe, each trained on ai-text TRAIN only and measured by
// the reference evaluator (../shared/tools/ai_eval.mjs). Nothing here is shipped; the candidate
// features live in this file so that the engine keeps only what the shipped model uses.
//
// Which data does what (see docs/ai-detection.md):
//   TRAIN                 weights, and the n-gram model of the predictability block (human texts only,
//                         cross-fitted in 5 folds so that no TRAIN text is scored by a model that saw it);
//   DEV (OUTFOX)          selection;
//   ai-text-extra DEV split   selection, secondary (never weights: its README);
//   ai-text-extra TRAIN split unseen: reported only;
//   ai-text EVAL          not read at all.
// Human-only sets (LOCNESS, ELLIPSE) are paired with the DEV machine-written essays for an AUROC.
// "devAiFlagged" is the share of DEV AI essays above the highest human score of the calibration
// texts read here (DEV and the ai-text-extra DEV split): what the strict calibration would leave.
//
// Prints ONE JSON line. Run after `npm run build`; ~10 minutes on 2 cores.
//   nice -n 5 node bench/ai-feature-variants.mjs > /tmp/ai-variants.json
import { writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { trainRows, devRows, extraRows } from '../scripts/ai-data.mjs';
import { aiDocumentFeatures, sigmoid, predictLinear } from '../dist/engine/index.js';
import { tokenize, sentences } from '../dist/engine/ai/tokens.js';
import { flattenWhitespace } from '../dist/engine/ai/segments.js';
import { isFunctionWord, FUNCTION_WORDS } from '../dist/engine/ai/function-words.js';
import { STYLE_FEATURES } from '../dist/engine/ai/features.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const evaluator = process.env.ORIGO_AI_EVAL ?? join(root, '..', 'shared', 'tools', 'ai_eval.mjs');
const outDir = process.env.ORIGO_AI_BENCH_OUT ?? '/tmp/origo-ai-bench';
mkdirSync(outDir, { recursive: true });

const FEATURES = { hashBits: 11, maxN: 3, mask: 'suffix' };
const HASH = 1 << FEATURES.hashBits;
const wordCount = (t) => t.split(/\s+/).filter(Boolean).length;
const mean = (a) => (a.length ? a.reduce((x, y) => x + y, 0) / a.length : 0);
const sd = (a) => { const m = mean(a); return a.length > 1 ? Math.sqrt(a.reduce((x, y) => x + (y - m) ** 2, 0) / (a.length - 1)) : 0; };
const domainOf = (r) => r.set.split('/')[r.set.startsWith('outfox') ? 0 : 1].replace('-train', '');
const foldOf = (r) => (r.prompt !== undefined ? r.prompt % 5 : Number(/\/[ha](\d+)(#crop\d+)?$/.exec(r.id)[1]) % 5);

// ---- augmentation: one window of 150-250 words, cut at sentence ends (a genre-neutral change) ----
function crop(r) {
  const flat = flattenWhitespace(r.text);
  const toks = tokenize(flat);
  const sents = sentences(flat, toks);
  let h = 0;
  for (const ch of r.id + '0') h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  const target = 150 + (h % 101);
  const start = sents.length > 4 ? (h >>> 8) % Math.max(1, Math.floor(sents.length / 2)) : 0;
  let end = start, w = 0;
  while (end < sents.length && w < target) { w += wordCount(flat.slice(sents[end].start, sents[end].end)); end++; }
  if (w < 150 || end - start === sents.length) return null;
  return { ...r, id: r.id + '#crop0', text: flat.slice(sents[start].start, sents[end - 1].end) };
}

// ---- predictability: word bigram model (interpolated Kneser-Ney, D = 0.75) of TRAIN human texts ----
class Bigram {
  constructor() { this.uni = new Map(); this.bi = new Map(); this.ctx = new Map(); this.follow = new Map(); this.cont = new Map(); this.total = 0; this.types = 0; }
  add(seq) {
    let prev = '<s>';
    for (const w of seq) {
      this.uni.set(w, (this.uni.get(w) ?? 0) + 1);
      this.total++;
      const k = prev + '\u0001' + w;
      const c = this.bi.get(k) ?? 0;
      if (c === 0) { this.follow.set(prev, (this.follow.get(prev) ?? 0) + 1); this.cont.set(w, (this.cont.get(w) ?? 0) + 1); this.types++; }
      this.bi.set(k, c + 1);
      this.ctx.set(prev, (this.ctx.get(prev) ?? 0) + 1);
      prev = w;
    }
  }
  pUni(w) { return ((this.uni.get(w) ?? 0) + 0.5) / (this.total + 0.5 * (this.uni.size + 1)); }
  pCont(w) { return ((this.cont.get(w) ?? 0) + 0.5) / (this.types + 0.5 * (this.uni.size + 1)); }
  pBi(prev, w) {
    const cp = this.ctx.get(prev) ?? 0;
    if (!cp) return this.pCont(w);
    const c = this.bi.get(prev + '\u0001' + w) ?? 0;
    return Math.max(c - 0.75, 0) / cp + ((0.75 * (this.follow.get(prev) ?? 0)) / cp) * this.pCont(w);
  }
}
const PRED = ['uni_surprisal', 'bi_surprisal', 'context_gain', 'tok_surprisal_sd', 'sent_surprisal_sd', 'sent_surprisal_cv', 'sent_gain_sd', 'oov_rate', 'predictable_share'];
function predictability(sw, lm) {
  const sU = [], sB = [], sentB = [], sentGain = [];
  let oov = 0, low = 0;
  for (const s of sw) {
    let prev = '<s>';
    const sb = [], su = [];
    for (const w of s) {
      const u = -Math.log2(lm.pUni(w));
      const b = -Math.log2(lm.pBi(prev, w));
      if (!lm.uni.has(w)) oov++;
      if (b < 4) low++;
      sU.push(u); sB.push(b); sb.push(b); su.push(u);
      prev = w;
    }
    sentB.push(mean(sb));
    sentGain.push(mean(su) - mean(sb));
  }
  const n = Math.max(1, sU.length), mU = mean(sU), mB = mean(sB);
  return [mU / 10, mB / 10, (mU - mB) / 5, sd(sB) / 5, sd(sentB) / 3, mB ? sd(sentB) / mB : 0, sd(sentGain) / 3, oov / n, low / n];
}

// ---- consistency and instruction-tuned habits ----
const CONS = ['sent_wordlen_sd', 'sent_fw_sd', 'sent_longword_sd', 'sent_comma_cv', 'first2_repeat', 'initial_connective', 'stock_phrases', 'mtld'];
const CONNECTIVES = new Set(['however', 'additionally', 'furthermore', 'moreover', 'overall', 'firstly', 'secondly', 'thirdly', 'lastly', 'finally', 'ultimately', 'consequently', 'therefore', 'thus', 'similarly', 'nonetheless', 'nevertheless', 'instead', 'meanwhile', 'also', 'in', 'for', 'on', 'as', 'while', 'although', 'this', 'these', 'it']);
const STOCK = [/\bit is (important|essential|crucial|worth|clear|evident|necessary) (to|that)\b/g, /\bplays? an? (crucial|vital|key|significant|important|major) role\b/g, /\bnot only\b/g, /\bin conclusion\b/g, /\bin summary\b/g, /\bon the other hand\b/g, /\ba (wide )?(variety|range|number) of\b/g, /\bcan (help|lead|be)\b/g, /\bsuch as\b/g, /\boverall,/g, /\bin addition\b/g, /\bas well as\b/g, /\bhelps? to\b/g, /\bthis (is|can|means|allows|helps)\b/g, /\bthere are (several|many|a few)\b/g];
function consistency(flat, toks, sents) {
  const per = sents.map((s) => toks.slice(s.first, s.last).filter((t) => t.kind === 'word'));
  const ok = per.map((s, i) => [s, i]).filter(([s]) => s.length >= 3);
  const wl = ok.map(([s]) => mean(s.map((t) => t.text.length)));
  const fw = ok.map(([s]) => s.filter((t) => isFunctionWord(t.lower)).length / s.length);
  const lw = ok.map(([s]) => s.filter((t) => t.text.length >= 7).length / s.length);
  const commas = ok.map(([, i]) => toks.slice(sents[i].first, sents[i].last).filter((t) => t.text === ',').length);
  const first2 = ok.map(([s]) => s.slice(0, 2).map((t) => t.lower).join(' '));
  const c2 = new Map();
  for (const f of first2) c2.set(f, (c2.get(f) ?? 0) + 1);
  let connective = 0;
  for (const s of sents) {
    const t = toks.slice(s.first, s.last);
    const comma = t.findIndex((x) => x.text === ',');
    if (comma > 0 && comma <= 4 && t[0].kind === 'word' && CONNECTIVES.has(t[0].lower)) connective++;
  }
  const low = flat.toLowerCase();
  const words = toks.filter((t) => t.kind === 'word').map((t) => t.lower);
  let stock = 0;
  for (const re of STOCK) stock += (low.match(re) ?? []).length;
  let factors = 0, seen = new Set(), cnt = 0; // MTLD, forward, TTR 0.72
  for (const w of words) { seen.add(w); cnt++; if (seen.size / cnt <= 0.72) { factors++; seen = new Set(); cnt = 0; } }
  if (cnt) factors += (1 - seen.size / cnt) / (1 - 0.72);
  return [sd(wl) / 2, sd(fw) * 5, sd(lw) * 5, mean(commas) ? sd(commas) / (mean(commas) + 0.5) : 0,
    ok.length ? first2.filter((f) => c2.get(f) > 1).length / ok.length : 0, sents.length ? connective / sents.length : 0,
    (stock / Math.max(1, words.length)) * 20, (factors ? words.length / factors : words.length) / 100];
}
const NAMES = [...STYLE_FEATURES, ...FUNCTION_WORDS.map((w) => 'fw:' + w), ...PRED, ...CONS];
const NB = STYLE_FEATURES.length + FUNCTION_WORDS.length;

// ---- rows ----
const train = trainRows();
const rows = [
  ...train.map((r) => ({ ...r, role: 'train' })),
  ...train.map(crop).filter(Boolean).map((r) => ({ ...r, role: 'train', crop: true })),
  ...devRows().map((r) => ({ ...r, role: 'dev' })),
  ...extraRows().map((r) => ({ ...r, role: 'extra' })),
];
for (const r of rows) {
  const flat = flattenWhitespace(r.text);
  const toks = tokenize(flat);
  const sents = sentences(flat, toks);
  r.base = aiDocumentFeatures(r.text, { features: FEATURES });
  r.sw = sents.map((s) => toks.slice(s.first, s.last).filter((t) => t.kind !== 'punct').map((t) => (t.kind === 'number' ? '#' : t.lower))).filter((s) => s.length);
  r.cons = consistency(flat, toks, sents);
  r.words = wordCount(r.text);
}
const lmAll = new Bigram();
const lmFold = [0, 1, 2, 3, 4].map(() => new Bigram());
for (const r of rows) {
  if (r.role !== 'train' || r.crop || r.label !== 'human') continue;
  for (const s of r.sw) lmAll.add(s);
  for (let k = 0; k < 5; k++) if (k !== foldOf(r)) for (const s of r.sw) lmFold[k].add(s);
}
for (const r of rows) r.pred = predictability(r.sw, r.role === 'train' ? lmFold[foldOf(r)] : lmAll);
const named = (r) => [...r.base.subarray(0, NB), ...r.pred, ...r.cons];

// ---- logistic regression as scripts/train-ai.mjs trains it, with an optional per-feature scale ----
// A feature divided by sqrt(c) after standardising costs c times the L2 penalty of the others.
function train1(xs, ys, rw, { l2 = 3, iterations = 400, learningRate = 0.05, penalty = null }) {
  const n = xs.length, d = xs[0].length;
  const sparse = xs.map((x) => { const idx = [], val = []; for (let j = 0; j < d; j++) if (x[j] !== 0) { idx.push(j); val.push(x[j]); } return { idx: Int32Array.from(idx), val: Float64Array.from(val) }; });
  const mu = new Float64Array(d), sg = new Float64Array(d);
  for (const x of xs) for (let j = 0; j < d; j++) mu[j] += x[j] / n;
  for (const x of xs) for (let j = 0; j < d; j++) sg[j] += (x[j] - mu[j]) ** 2 / n;
  for (let j = 0; j < d; j++) sg[j] = (Math.sqrt(sg[j]) || 1) * (penalty ? Math.sqrt(penalty[j]) : 1);
  const tw = rw.reduce((a, b) => a + b, 0);
  const w = new Float64Array(d), sc = new Float64Array(d), m = new Float64Array(d + 1), v = new Float64Array(d + 1), g = new Float64Array(d + 1);
  let b = 0;
  const margin = (i, off) => { const { idx, val } = sparse[i]; let s = b - off; for (let k = 0; k < idx.length; k++) s += sc[idx[k]] * val[k]; return s; };
  const offset = () => { let off = 0; for (let j = 0; j < d; j++) { sc[j] = w[j] / sg[j]; off += sc[j] * mu[j]; } return off; };
  for (let it = 1; it <= iterations; it++) {
    const off = offset();
    g.fill(0);
    let es = 0;
    for (let i = 0; i < n; i++) {
      const e = ((sigmoid(margin(i, off)) - ys[i]) * rw[i]) / tw;
      es += e;
      const { idx, val } = sparse[i];
      for (let k = 0; k < idx.length; k++) g[idx[k]] += e * val[k];
    }
    for (let j = 0; j < d; j++) g[j] = (g[j] - mu[j] * es) / sg[j] + l2 * w[j];
    g[d] = es;
    for (let j = 0; j <= d; j++) {
      m[j] = 0.9 * m[j] + 0.1 * g[j];
      v[j] = 0.999 * v[j] + 0.001 * g[j] * g[j];
      const step = (learningRate * (m[j] / (1 - 0.9 ** it))) / (Math.sqrt(v[j] / (1 - 0.999 ** it)) + 1e-8);
      if (j < d) w[j] -= step; else b -= step;
    }
  }
  const off = offset();
  let loss = 0, reg = 0;
  for (let i = 0; i < n; i++) { const p = Math.min(1 - 1e-12, Math.max(1e-12, sigmoid(margin(i, off)))); loss -= ((ys[i] ? Math.log(p) : Math.log(1 - p)) * rw[i]) / tw; }
  for (let j = 0; j < d; j++) reg += 0.5 * l2 * w[j] * w[j];
  const weights = new Array(d);
  let bias = b;
  for (let j = 0; j < d; j++) { weights[j] = w[j] / sg[j]; bias -= (w[j] * mu[j]) / sg[j]; }
  return { bias, weights, objective: Number((loss + reg).toFixed(5)) };
}
function cellWeights(rs) {
  const key = (r) => `${domainOf(r)}/${r.label}`;
  const c = new Map();
  for (const r of rs) c.set(key(r), (c.get(key(r)) ?? 0) + 1);
  return rs.map((r) => 1 / (c.size * c.get(key(r))));
}
/** Between-genre spread of each feature over the TRAIN human texts (outfox, xsum, writing), in SDs. */
function genreSpread(xs, rs) {
  const d = xs[0].length, n = xs.length, doms = ['outfox', 'xsum', 'writing'];
  const mu = new Float64Array(d), vr = new Float64Array(d);
  for (const x of xs) for (let j = 0; j < d; j++) mu[j] += x[j] / n;
  for (const x of xs) for (let j = 0; j < d; j++) vr[j] += (x[j] - mu[j]) ** 2 / n;
  const sums = doms.map(() => new Float64Array(d)), counts = doms.map(() => 0);
  rs.forEach((r, i) => { if (r.label !== 'human') return; const k = doms.indexOf(domainOf(r)); counts[k]++; for (let j = 0; j < d; j++) sums[k][j] += xs[i][j]; });
  return Float64Array.from({ length: d }, (_, j) => { const s = Math.sqrt(vr[j]) || 1; const ms = doms.map((_, k) => sums[k][j] / counts[k] / s); const mm = mean(ms); return mean(ms.map((x) => (x - mm) ** 2)); });
}
/** AUROC of one feature, AI vs human, within one row subset (for the TRAIN-consistency rule). */
function auroc1(h, a) {
  const all = [...h.map((s) => [s, 0]), ...a.map((s) => [s, 1])].sort((x, y) => x[0] - y[0]);
  let i = 0, sumA = 0;
  while (i < all.length) { let j = i; while (j < all.length && all[j][0] === all[i][0]) j++; const avg = (i + j + 1) / 2; for (let k = i; k < j; k++) if (all[k][1]) sumA += avg; i = j; }
  return (sumA - (a.length * (a.length + 1)) / 2) / (a.length * h.length);
}
// Features whose AI-vs-human direction is the same, by a margin of 0.1 AUROC, in each TRAIN genre.
const trainOrig = rows.filter((r) => r.role === 'train' && !r.crop && r.words >= 150);
const consistent = NAMES.filter((_, j) => {
  const a = ['outfox', 'xsum', 'writing'].map((dom) => { const rs = trainOrig.filter((r) => domainOf(r) === dom); return auroc1(rs.filter((r) => r.label === 'human').map((r) => named(r)[j]), rs.filter((r) => r.label === 'ai').map((r) => named(r)[j])); });
  return a.every((x) => x > 0.6) || a.every((x) => x < 0.4);
});
const HABITS = ['sentence_len_cv', 'stock_phrases', 'initial_connective', 'marker_word_rate', 'sent_comma_cv', 'sent_fw_sd'];

function vector(r, blocks) {
  const parts = [];
  if (blocks.names) return Float64Array.from(blocks.names.map((nm) => named(r)[NAMES.indexOf(nm)]));
  parts.push(blocks.noHash ? r.base.subarray(0, NB) : r.base);
  if (blocks.pred) parts.push(Float64Array.from(r.pred));
  if (blocks.cons) parts.push(Float64Array.from(r.cons));
  const x = new Float64Array(parts.reduce((a, p) => a + p.length, 0));
  let o = 0;
  for (const p of parts) { x.set(p, o); o += p.length; }
  return x;
}
function fit(v) {
  const tr = rows.filter((r) => r.role === 'train' && (v.crops || !r.crop));
  const xs = tr.map((r) => vector(r, v));
  let penalty = null;
  if (v.genrePenalty) penalty = genreSpread(xs, tr).map((s) => 1 + v.genrePenalty * s);
  if (v.hashPenalty) { penalty = new Float64Array(xs[0].length).fill(1); for (let j = NB; j < NB + HASH; j++) penalty[j] = v.hashPenalty; }
  const model = train1(xs, tr.map((r) => (r.label === 'ai' ? 1 : 0)), cellWeights(tr), { ...v.training, penalty });
  return { model, score: (r) => predictLinear(model, vector(r, v)) };
}

const VARIANTS = [
  { name: 'v1 (shipped recipe)' },
  { name: 'v1 + predictability (bigram model of TRAIN human texts)', pred: true },
  { name: 'v1 + consistency and habits', cons: true },
  { name: 'v1 + predictability + consistency and habits', pred: true, cons: true },
  { name: 'v1, genre-spread penalty k=1, 400 iterations (not converged)', genrePenalty: 1 },
  { name: 'v1, genre-spread penalty k=1, converged (lr 0.01, 1500 iterations)', genrePenalty: 1, training: { learningRate: 0.01, iterations: 1500 } },
  { name: 'v1, genre-spread penalty k=10', genrePenalty: 10 },
  { name: 'v1, masked n-grams penalised 5x', hashPenalty: 5 },
  { name: 'v1 without masked n-grams', noHash: true },
  { name: 'v1 + TRAIN crops of 150-250 words', crops: true },
  { name: 'TRAIN-genre-consistent features only (+ stock phrases, connectives)', names: [...new Set([...consistent, 'stock_phrases', 'initial_connective'])] },
  { name: 'habit features only', names: HABITS },
  { name: 'v1 + habit model (sum of logits)', ensemble: [{}, { names: HABITS }] },
];

const jsonl = (rs) => rs.map((r) => JSON.stringify(r)).join('\n') + '\n';
const evalRowsFor = () => {
  const out = [];
  const devAi = rows.filter((r) => r.role === 'dev' && r.label === 'ai');
  for (const r of rows) {
    if (r.role === 'dev') out.push({ r, set: 'DEV (OUTFOX)' });
    if (r.role === 'dev' && (r.label === 'human' || r.set.includes('flan'))) out.push({ r, set: 'DEV flan-t5 only' });
    if (r.role !== 'extra') continue;
    const tag = `[${r.split}]`;
    if (r.set === 'extra/ibrahim') out.push({ r, set: `coursework ${tag}` });
    if (r.set.startsWith('extra/m4/')) out.push({ r, set: `M4 pooled ${tag}` });
    if (r.set === 'extra/locness' || r.set === 'extra/ellipse') out.push({ r, set: `${r.set.slice(6)} ${tag} vs DEV AI` });
  }
  for (const tag of ['[DEV]', '[TRAIN]']) for (const s of ['locness', 'ellipse']) for (const a of devAi) out.push({ r: a, set: `${s} ${tag} vs DEV AI`, pair: true });
  return out;
};
// Each candidate feature alone (and the style measures it is compared with): AUROC, AI vs human.
const SINGLE_SETS = {
  'TRAIN': (r) => r.role === 'train' && !r.crop,
  'DEV': (r) => r.role === 'dev',
  'coursework [DEV]': (r) => r.role === 'extra' && r.split === 'DEV' && r.set === 'extra/ibrahim',
  'coursework [TRAIN]': (r) => r.role === 'extra' && r.split === 'TRAIN' && r.set === 'extra/ibrahim',
  'M4 (both halves)': (r) => r.role === 'extra' && r.set.startsWith('extra/m4/'),
};
const singleFeatureAuroc = {};
for (const nm of [...PRED, ...CONS, 'sentence_len_cv', 'word_len_mean', 'mattr_50', 'marker_word_rate']) {
  const j = NAMES.indexOf(nm);
  singleFeatureAuroc[nm] = Object.fromEntries(Object.entries(SINGLE_SETS).map(([k, f]) => {
    const rs = rows.filter((r) => r.words >= 150 && f(r));
    return [k, Number(auroc1(rs.filter((r) => r.label === 'human').map((r) => named(r)[j]), rs.filter((r) => r.label === 'ai').map((r) => named(r)[j])).toFixed(3))];
  }));
}
const result = { bench: 'ai-feature-variants', trainConsistentFeatures: consistent, singleFeatureAuroc, variants: {} };
const ev = evalRowsFor();
for (const v of VARIANTS) {
  const t0 = process.cpuUsage();
  let score, objective;
  if (v.ensemble) {
    const fs = v.ensemble.map(fit);
    const logit = (p) => Math.log(p / (1 - p));
    score = (r) => sigmoid(fs.reduce((a, f) => a + logit(f.score(r)), 0));
  } else ({ score, model: { objective } } = fit(v));
  const cache = new Map();
  const s = (r) => { if (!cache.has(r.id)) cache.set(r.id, score(r)); return cache.get(r.id); };
  const truth = ev.map((e, i) => ({ id: `${i}`, set: e.set, label: e.r.label, text: e.r.text }));
  const scores = ev.map((e, i) => ({ id: `${i}`, score: s(e.r) }));
  const name = 'variant-' + VARIANTS.indexOf(v);
  writeFileSync(join(outDir, `${name}.truth.jsonl`), jsonl(truth));
  writeFileSync(join(outDir, `${name}.scores.jsonl`), jsonl(scores));
  const out = spawnSync(process.execPath, [evaluator, join(outDir, `${name}.truth.jsonl`), join(outDir, `${name}.scores.jsonl`), '--json', '--by', 'set'], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(out.stderr);
  const sets = JSON.parse(out.stdout).sets;
  const auc = Object.fromEntries(Object.entries(sets).map(([k, g]) => [k, Number(g.auroc.toFixed(3))]));
  const ok = (r) => r.words >= 150;
  const calib = rows.filter((r) => ok(r) && r.label === 'human' && (r.role === 'dev' || (r.role === 'extra' && r.split === 'DEV'))).map(s);
  const t = Math.max(...calib);
  const devAi = rows.filter((r) => ok(r) && r.role === 'dev' && r.label === 'ai').map(s);
  const heldHuman = rows.filter((r) => ok(r) && r.role === 'extra' && r.split === 'TRAIN' && r.label === 'human').map(s);
  const cpu = process.cpuUsage(t0);
  result.variants[v.name] = {
    auroc: auc, objective,
    calibratedThreshold: Number(t.toFixed(3)),
    devAiFlagged: Number((devAi.filter((x) => x >= t).length / devAi.length).toFixed(3)),
    extraTrainHumanFlagged: Number((heldHuman.filter((x) => x >= t).length / heldHuman.length).toFixed(4)),
    cpuSeconds: Math.round((cpu.user + cpu.system) / 1e6),
  };
  console.error(v.name, JSON.stringify(result.variants[v.name]));
}
console.log(JSON.stringify(result));
