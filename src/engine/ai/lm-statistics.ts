/**
 * Zero-shot statistics over a causal language model's logits (plain arrays; running the model is
 * done outside the engine). `logits` holds one row of `vocab` numbers per token position; row t
 * predicts token t + 1.
 * - Fast-DetectGPT (Bao et al., ICLR 2024), analytic sampling discrepancy with one model as both
 *   sampler and scorer: (sum of log p(x_t) - sum of E[log p]) / sqrt(sum of Var[log p]).
 *   Higher = more likely machine-written.
 * - Binoculars (Hans et al., ICML 2024): log-perplexity of the text under the performer model
 *   divided by the log cross-perplexity: the cross-entropy of the observer's next-token
 *   distribution against the performer's log-probabilities, averaged over positions.
 *   Lower = more likely machine-written.
 */

export interface LogitRows {
  data: ArrayLike<number>;
  /** Token positions. */
  rows: number;
  vocab: number;
}

function logSoftmaxRow(l: LogitRows, t: number, out: Float64Array): void {
  const base = t * l.vocab;
  let max = -Infinity;
  for (let v = 0; v < l.vocab; v++) max = Math.max(max, l.data[base + v]);
  let sum = 0;
  for (let v = 0; v < l.vocab; v++) sum += Math.exp(l.data[base + v] - max);
  const lse = max + Math.log(sum);
  for (let v = 0; v < l.vocab; v++) out[v] = l.data[base + v] - lse;
}

/** Fast-DetectGPT's analytic criterion; NaN when fewer than two tokens. */
export function fastDetectCurvature(ids: readonly number[], logits: LogitRows): number {
  const lp = new Float64Array(logits.vocab);
  let ll = 0;
  let mean = 0;
  let variance = 0;
  for (let t = 0; t + 1 < ids.length; t++) {
    logSoftmaxRow(logits, t, lp);
    ll += lp[ids[t + 1]];
    let mu = 0;
    let m2 = 0;
    for (let v = 0; v < logits.vocab; v++) {
      const p = Math.exp(lp[v]);
      mu += p * lp[v];
      m2 += p * lp[v] * lp[v];
    }
    mean += mu;
    variance += m2 - mu * mu;
  }
  return ids.length < 2 ? NaN : (ll - mean) / Math.sqrt(Math.max(variance, 1e-12));
}

/** The Binoculars score; NaN when fewer than two tokens. Both models must share the vocabulary. */
export function binocularsScore(ids: readonly number[], observer: LogitRows, performer: LogitRows): number {
  if (observer.vocab !== performer.vocab) throw new Error('Binoculars needs two models with one vocabulary');
  const lo = new Float64Array(observer.vocab);
  const lpf = new Float64Array(performer.vocab);
  let nll = 0;
  let xent = 0;
  const n = ids.length - 1;
  for (let t = 0; t < n; t++) {
    logSoftmaxRow(observer, t, lo);
    logSoftmaxRow(performer, t, lpf);
    nll -= lpf[ids[t + 1]];
    for (let v = 0; v < observer.vocab; v++) xent -= Math.exp(lo[v]) * lpf[v];
  }
  return n < 1 ? NaN : nll / n / (xent / n);
}
