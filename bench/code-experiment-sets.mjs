// The labelled code sets of ../shared/data/code-dev (override with ORIGO_CODE_DEV) as the code
// benches read them: one comparison per task folder, scored with ../shared/tools/code_eval.mjs
// (override with ORIGO_CODE_EVAL). Shared by bench/code-quality.mjs and the experiment benches
// (code-channels, code-literal-evidence, code-structure-bounds).
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const dataDir = process.env.ORIGO_CODE_DEV ?? resolve(repo, '../shared/data/code-dev');
export const { readCsv, evaluate } = await import(process.env.ORIGO_CODE_EVAL ?? resolve(repo, '../shared/tools/code_eval.mjs'));

/** Each set's protocol: the pair kinds scored (`--kinds`), or undefined for every labelled pair. */
export const SET_KINDS = { irplag: '^orig-', 'gcj-gpt4o': '^orig-', conplag: undefined, 'cf-synth-c': '^orig-' };

/** Dolos's language name by file extension. */
export const DOLOS_LANGUAGE = { '.java': 'java', '.c': 'c', '.h': 'c', '.cpp': 'cpp', '.cc': 'cpp', '.py': 'python' };

/** Submissions of a set grouped by task: [{task, subs: [{id, files: [{path, text, abs}]}]}]. */
export function tasksOf(set) {
  const root = join(dataDir, set);
  const byTask = new Map();
  for (const s of readCsv(join(root, 'submissions.csv'))) {
    const files = s.files.split(';').map((f) => ({ path: f.split('/').pop(), abs: join(root, f), text: readFileSync(join(root, f), 'utf8') }));
    if (!byTask.has(s.task)) byTask.set(s.task, []);
    byTask.get(s.task).push({ id: s.id, files });
  }
  return [...byTask].map(([task, subs]) => ({ task, subs }));
}

/** The labelled pairs of a set. */
export function pairsOf(set) {
  return readCsv(join(dataDir, set, 'pairs.csv'));
}

/** Pooled AUC (4 decimals) of `score` over per-pair rows ({a, b, task, ...}) under the set's protocol. */
export function aucOf(pairs, rows, kinds, score) {
  return +evaluate(pairs, rows.map((r) => ({ a: r.a, b: r.b, task: r.task, score: score(r) })), { kinds }).auc.toFixed(4);
}

/** A multiset as value → count. */
export function count(values) {
  const m = new Map();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
}

/** L1 distance of two submissions' surface-mark counts over their sum (the engine's surface discount), 0 without surface marks. */
export function surfaceDistance(surface, i, j) {
  if (!surface) return 0;
  let diff = 0;
  for (let d = 0; d < surface.dims; d++) diff += Math.abs(surface.counts[i * surface.dims + d] - surface.counts[j * surface.dims + d]);
  const sum = surface.sums[i] + surface.sums[j];
  return sum > 0 ? diff / sum : 0;
}

/** Counts of a tokenised submission's token n-grams (kinds joined by spaces), in canonical statement order, file by file. */
export function tokenGrams(tokenized, n, normaliseStatementOrder) {
  const g = new Map();
  for (const f of tokenized.files) {
    const kinds = normaliseStatementOrder(f.tokens, true).map((x) => x.kind);
    for (let i = 0; i + n <= kinds.length; i++) {
      const key = kinds.slice(i, i + n).join(' ');
      g.set(key, (g.get(key) ?? 0) + 1);
    }
  }
  return g;
}

/** Rarity weight of a value in a class of n bags (the engine's literal weighting, literals.ts). */
export function rarity(bags, prior) {
  const n = bags.length, df = new Map();
  for (const b of bags) for (const g of b.keys()) df.set(g, (df.get(g) ?? 0) + 1);
  const a = n / (n + prior), ln = Math.log(n);
  return (g) => (n < 2 ? 1 : 1 - a + (a * Math.log(n / df.get(g))) / ln);
}

/** Weighted multiset overlap: c = Σ min(count) · w over shared values, m = Σ count · w over both (Dice = 2c / m). */
export function weightedDice(A, B, w) {
  let c = 0, sa = 0, sb = 0;
  for (const [g, x] of A) {
    const k = w(g);
    sa += x * k;
    const y = B.get(g);
    if (y) c += Math.min(x, y) * k;
  }
  for (const [g, y] of B) sb += y * w(g);
  return { c, m: sa + sb };
}
