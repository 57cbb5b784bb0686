#!/usr/bin/env node
// Scores the DEV and EVAL parts of ../shared/data/ai-text (ORIGO_AI_DATA overrides) and every
// text of ../shared/data/ai-text-extra (ORIGO_AI_EXTRA_DATA) with the built-in detector, writes truth/score files for the reference evaluator
// (../shared/tools/ai_eval.mjs) into ORIGO_AI_BENCH_OUT (default /tmp/origo-ai-bench), runs it,
// and prints ONE JSON line: the figures per set, the commercial detectors' figures on the same
// texts, and the CPU cost per 1,000 words. Run after `npm run build`.
import { writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { devRows, evalRows, extraRows } from '../scripts/ai-data.mjs';
import { detectAiText } from '../dist/engine/index.js';
import { loadBuiltinAiModel } from '../dist/ai-models/builtin.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const evaluator = process.env.ORIGO_AI_EVAL ?? join(root, '..', 'shared', 'tools', 'ai_eval.mjs');
const outDir = process.env.ORIGO_AI_BENCH_OUT ?? '/tmp/origo-ai-bench';
mkdirSync(outDir, { recursive: true });
const model = loadBuiltinAiModel();
const threshold = model.threshold;
const inconclusive = model.inconclusiveThreshold ?? threshold;

const jsonl = (rows) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
function score(rows, minWords) {
  let words = 0;
  const t0 = process.cpuUsage();
  const verdicts = rows.map((r) => detectAiText(r.text, model, { language: 'en', minWords }));
  const cpu = process.cpuUsage(t0);
  const scores = verdicts.map((v, i) => {
    if (v.status === 'ok') words += v.words;
    return { id: rows[i].id, score: v.status === 'ok' ? v.score : null };
  });
  // The AI share per set: its mean, and how many documents have any segment judged AI.
  const share = {};
  verdicts.forEach((v, i) => {
    if (v.status !== 'ok') return;
    const s = (share[`${rows[i].set}:${rows[i].label}`] ??= { docs: 0, meanAiShare: 0, anySegmentAi: 0 });
    s.docs++;
    s.meanAiShare += v.aiShare;
    if (v.aiShare > 0) s.anySegmentAi++;
  });
  for (const s of Object.values(share)) {
    s.meanAiShare = Number((s.meanAiShare / s.docs).toFixed(4));
    s.anySegmentAi = Number((s.anySegmentAi / s.docs).toFixed(4));
  }
  return { scores, words, share, cpuMs: (cpu.user + cpu.system) / 1000 };
}
function evaluate(name, rows, scores, extra = []) {
  const truth = join(outDir, `${name}.truth.jsonl`);
  const sc = join(outDir, `${name}.scores.jsonl`);
  writeFileSync(truth, jsonl(rows.map((r) => ({ id: r.id, set: r.set, group: groupOf(r), label: r.label, text: r.text }))));
  writeFileSync(sc, jsonl(scores));
  const args = [evaluator, truth, sc, '--json', ...extra];
  if (!extra.includes('--by')) args.push('--by', 'set');
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}
const round = (v) => (typeof v === 'number' ? Number(v.toFixed(4)) : v);
function summarise(result) {
  const rows = {};
  const keep = ['n_human', 'n_ai', 'too_short', 'auroc', 'tpr_at_1pct_fpr', 'tpr_at_5pct_fpr', 'fpr_at_threshold', 'tpr_at_threshold'];
  const pick = (g) => Object.fromEntries(keep.filter((k) => g[k] !== null && g[k] !== undefined).map((k) => [k, round(g[k])]));
  for (const [k, g] of Object.entries(result.sets ?? {})) rows[k] = pick(g);
  if (result.overall) rows.ALL = pick(result.overall);
  return rows;
}

/** Sets that belong together for AUROC: a human set with the AI sets of its source. */
function groupOf(r) {
  if (r.set.startsWith('liang/')) return 'liang/' + r.set.slice(6).split('_')[0];
  if (r.set.startsWith('fast-detect-gpt/pubmed')) return 'fast-detect-gpt/pubmed';
  if (r.set.startsWith('extra/')) return r.set;
  return r.set.split('/')[0];
}

const dev = devRows();
const ev = evalRows();
const evMain = ev.filter((r) => !r.edited);
const evEdited = ev.filter((r) => r.edited);
const d = score(dev);
const e = score(evMain);
const x = score(evEdited);
const t = ['--threshold', String(threshold)];
const ex = extraRows();
const xx = score(ex);
const ti = ['--threshold', String(inconclusive)];
// Human-only essay sets have no AI texts of their own: each is paired with the DEV machine-written
// essays (OUTFOX prompts; ELLIPSE shares part of that prompt pool) for an AUROC.
const devAi = dev.filter((r) => r.label === 'ai');
const essayHumans = [...evMain.filter((r) => r.label === 'human' && /Hewlett|TOEFL|CollegeEssay/.test(r.set)), ...ex.filter((r) => r.label === 'human' && /ellipse|locness/.test(r.set))];
const pairRows = essayHumans.flatMap((h) => [{ ...h, set: `${h.set} vs DEV AI essays` }]);
const pairSets = [...new Set(pairRows.map((r) => r.set))];
const pairTruth = [...pairRows, ...pairSets.flatMap((set) => devAi.map((a) => ({ ...a, id: `${set}|${a.id}`, set })))];
const scoreOf = new Map([...d.scores, ...e.scores, ...xx.scores].map((r) => [r.id, r.score]));
const pairScores = pairTruth.map((r) => ({ id: r.id, score: scoreOf.get(r.id.includes('|') ? r.id.split('|')[1] : r.id) ?? null }));
const report = {
  bench: 'ai-builtin',
  threshold,
  inconclusiveThreshold: inconclusive,
  dev: summarise(evaluate('dev', dev, d.scores, t)),
  // Per source: each AI source of DEV against the same human essays.
  devBySource: summarise(evaluate('dev-by-source', dev.filter((r) => r.label === 'ai').flatMap((r) => [r])
    .concat([...new Set(dev.filter((r) => r.label === 'ai').map((r) => r.set))].flatMap((set) => dev.filter((r) => r.label === 'human').map((h) => ({ ...h, set })))), d.scores, t)),
  eval: summarise(evaluate('eval', evMain, e.scores, t)),
  evalBySource: summarise(evaluate('eval', evMain, e.scores, [...t, '--by', 'group'])),
  edited: summarise(evaluate('edited', evEdited, x.scores, t)),
  // Inconclusive or flagged: the same sets at the inconclusive threshold.
  evalAtInconclusive: summarise(evaluate('eval-inconclusive', evMain, e.scores, ti)),
  extra: summarise(evaluate('extra', ex, xx.scores, t)),
  extraBySource: summarise(evaluate('extra', ex, xx.scores, [...t, '--by', 'group'])),
  extraBySplit: summarise(evaluate('extra-split', ex.map((r) => ({ ...r, set: `${r.set} [${r.split}]` })), xx.scores, t)),
  extraAtInconclusive: summarise(evaluate('extra-inconclusive', ex, xx.scores, ti)),
  essayPairs: summarise(evaluate('essay-pairs', pairTruth, pairScores, t)),
  commercial: {},
  aiShare: { ...d.share, ...e.share, ...x.share, ...xx.share },
  cpuMsPer1000Words: round(((d.cpuMs + e.cpuMs + x.cpuMs + xx.cpuMs) / (d.words + e.words + x.words + xx.words)) * 1000),
  wordsScored: d.words + e.words + x.words + xx.words,
};
// The commercial detectors' 2023 scores that ship with the data, on the same texts and rules.
const names = [...new Set(ev.flatMap((r) => Object.keys(r.detectors ?? {})))].sort();
for (const name of names) {
  const rows = evMain.filter((r) => r.detectors && name in r.detectors);
  const s = rows.map((r) => ({ id: r.id, score: r.detectors[name] }));
  report.commercial[name] = summarise(evaluate(`commercial-${name}`, rows, s, ['--threshold', '0.5']));
  report.commercial[`${name} by source`] = summarise(evaluate(`commercial-${name}`, rows, s, ['--threshold', '0.5', '--by', 'group']));
  const er = evEdited.filter((r) => r.detectors && name in r.detectors);
  if (er.length) report.commercial[`${name} (edited, flag at 0.5)`] = summarise(evaluate(`commercial-${name}-edited`, er, er.map((r) => ({ id: r.id, score: r.detectors[name] })), ['--threshold', '0.5']));
}
// Supplementary, outside the shipped rule: texts of 50 to 149 words (all of TOEFL_real_91 is
// under 150 words, so the rule leaves it without a verdict). The product answers too_short here.
const SHORT = 50;
const s = score(evMain, SHORT);
const sx = score(evEdited, SHORT);
const ts = [...t, '--min-words', String(SHORT)];
const sxx = score(ex.filter((r) => r.set === 'extra/ellipse'), SHORT);
report.supplementaryMin50 = {
  eval: summarise(evaluate('eval-min50', evMain, s.scores, ts)),
  evalAtInconclusive: summarise(evaluate('eval-min50-inconclusive', evMain, s.scores, [...ti, '--min-words', String(SHORT)])),
  ellipse: summarise(evaluate('ellipse-min50', ex.filter((r) => r.set === 'extra/ellipse'), sxx.scores, ts)),
  evalBySource: summarise(evaluate('eval-min50', evMain, s.scores, [...ts, '--by', 'group'])),
  edited: summarise(evaluate('edited-min50', evEdited, sx.scores, ts)),
};
for (const name of ['GPTZero', 'ZeroGPT']) {
  const rows = evMain.filter((r) => r.detectors && name in r.detectors);
  report.supplementaryMin50[name] = summarise(evaluate(`commercial-${name}-min50`, rows, rows.map((r) => ({ id: r.id, score: r.detectors[name] })), ['--threshold', '0.5', '--min-words', String(SHORT)]));
}
console.log(JSON.stringify(report));
