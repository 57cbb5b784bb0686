// Shared by the AI-text experiment benches (bench/ai-separation-r3.mjs, bench/ai-brown.mjs,
// bench/ai-compression-r5.mjs): the AUROC they report and the sets they report it on. Rows are the
// benches' featurised rows (`role` train | dev | extra, `label`, `set`, `split`, `words`).

/** AUROC as Mann-Whitney U / (nH · nA), ties counting one half (as ../shared/tools/ai_eval.mjs). */
export function auroc(h, a) {
  const all = [...h.map((s) => [s, 0]), ...a.map((s) => [s, 1])].sort((x, y) => x[0] - y[0]);
  let i = 0, sumA = 0;
  while (i < all.length) { let j = i; while (j < all.length && all[j][0] === all[i][0]) j++; const avg = (i + j + 1) / 2; for (let k = i; k < j; k++) if (all[k][1]) sumA += avg; i = j; }
  return (sumA - (a.length * (a.length + 1)) / 2) / (a.length * h.length);
}

/** A text long enough for a verdict (the detector's 150-word minimum). */
export const hasVerdict = (r) => r.words >= 150;

/**
 * The experiment sets: DEV, DEV against Flan-T5 only, and each ai-text-extra file's DEV and TRAIN
 * halves (LOCNESS, human only, paired with DEV's machine-written essays). Also returns those
 * DEV machine-written essays (`devAi`).
 */
export function experimentSets(rows) {
  const devAi = rows.filter((r) => hasVerdict(r) && r.role === 'dev' && r.label === 'ai');
  const sets = {
    DEV: (r) => r.role === 'dev',
    'DEV flan': (r) => r.role === 'dev' && (r.label === 'human' || r.set.includes('flan')),
    'coursework [DEV]': (r) => r.role === 'extra' && r.split === 'DEV' && r.set === 'extra/ibrahim',
    'coursework [TRAIN]': (r) => r.role === 'extra' && r.split === 'TRAIN' && r.set === 'extra/ibrahim',
    'M4 [DEV]': (r) => r.role === 'extra' && r.split === 'DEV' && r.set.startsWith('extra/m4/'),
    'M4 [TRAIN]': (r) => r.role === 'extra' && r.split === 'TRAIN' && r.set.startsWith('extra/m4/'),
    'LOCNESS [DEV] vs DEV AI': (r) => (r.role === 'extra' && r.split === 'DEV' && r.set === 'extra/locness') || devAi.includes(r),
    'LOCNESS [TRAIN] vs DEV AI': (r) => (r.role === 'extra' && r.split === 'TRAIN' && r.set === 'extra/locness') || devAi.includes(r),
  };
  return { devAi, sets };
}

/**
 * AUROC per EVAL source (liang sets by their corpus, others by their first two path parts) and
 * pooled, for scoring function `score` on EVAL rows `ev`.
 */
export function evalAurocs(ev, score) {
  const group = (r) => (r.set.startsWith('liang/') ? r.set.slice(6).split('_')[0] : r.set.split('/').slice(0, 2).join('/'));
  const res = {};
  for (const g of [...new Set(ev.map(group))]) {
    const rs = ev.filter((r) => group(r) === g);
    const h = rs.filter((r) => r.label === 'human').map(score), a = rs.filter((r) => r.label === 'ai').map(score);
    if (h.length && a.length) res[g] = { human: h.length, ai: a.length, auroc: Number(auroc(h, a).toFixed(4)) };
  }
  res.pooled = Number(auroc(ev.filter((r) => r.label === 'human').map(score), ev.filter((r) => r.label === 'ai').map(score)).toFixed(4));
  return res;
}
