/**
 * Logistic regression over standardised features: training (full-batch Adam with L2, so the same
 * data gives the same weights on every run) and prediction. The trained model folds the
 * standardisation into its weights, so scoring is one dot product.
 */

export interface LinearModel {
  bias: number;
  weights: number[];
}

export interface TrainOptions {
  /** L2 penalty on the standardised weights. */
  l2: number;
  iterations: number;
  learningRate: number;
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

export function predict(model: LinearModel, x: ArrayLike<number>): number {
  let z = model.bias;
  const w = model.weights;
  for (let i = 0; i < w.length; i++) if (x[i] !== 0) z += w[i] * x[i];
  return sigmoid(z);
}

/**
 * Trains on rows `xs` with labels `ys` (1 = AI) and per-row weights (for class balance).
 * Returns the model in raw feature space (standardisation folded in).
 */
export function trainLogistic(
  xs: readonly Float64Array[],
  ys: readonly number[],
  rowWeights: readonly number[],
  opts: TrainOptions,
): LinearModel {
  const n = xs.length;
  const d = xs[0].length;
  // The hashed n-gram features are mostly zero: keep each row's non-zero entries only, and
  // standardise implicitly (w·z = Σ (w_j/σ_j)·x_j − Σ w_j·μ_j/σ_j), which is the same model as
  // standardising every entry and ~4x less work.
  const rows = xs.map((x) => {
    const idx: number[] = [];
    const val: number[] = [];
    for (let j = 0; j < d; j++) if (x[j] !== 0) { idx.push(j); val.push(x[j]); }
    return { idx: Int32Array.from(idx), val: Float64Array.from(val) };
  });
  const mu = new Float64Array(d);
  const sigma = new Float64Array(d);
  for (const x of xs) for (let j = 0; j < d; j++) mu[j] += x[j] / n;
  for (const x of xs) for (let j = 0; j < d; j++) sigma[j] += (x[j] - mu[j]) ** 2 / n;
  for (let j = 0; j < d; j++) sigma[j] = Math.sqrt(sigma[j]) || 1;
  const totalWeight = rowWeights.reduce((a, b) => a + b, 0);

  const w = new Float64Array(d);
  const scaled = new Float64Array(d);
  let b = 0;
  const m = new Float64Array(d + 1);
  const v = new Float64Array(d + 1);
  const beta1 = 0.9;
  const beta2 = 0.999;
  const g = new Float64Array(d + 1);
  for (let it = 1; it <= opts.iterations; it++) {
    let offset = 0;
    for (let j = 0; j < d; j++) {
      scaled[j] = w[j] / sigma[j];
      offset += scaled[j] * mu[j];
    }
    g.fill(0);
    let errSum = 0;
    for (let i = 0; i < n; i++) {
      const { idx, val } = rows[i];
      let s = b - offset;
      for (let k = 0; k < idx.length; k++) s += scaled[idx[k]] * val[k];
      const err = (sigmoid(s) - ys[i]) * rowWeights[i] / totalWeight;
      errSum += err;
      for (let k = 0; k < idx.length; k++) g[idx[k]] += err * val[k];
    }
    for (let j = 0; j < d; j++) g[j] = (g[j] - mu[j] * errSum) / sigma[j] + opts.l2 * w[j];
    g[d] = errSum;
    for (let j = 0; j <= d; j++) {
      m[j] = beta1 * m[j] + (1 - beta1) * g[j];
      v[j] = beta2 * v[j] + (1 - beta2) * g[j] * g[j];
      const step = (opts.learningRate * (m[j] / (1 - beta1 ** it))) / (Math.sqrt(v[j] / (1 - beta2 ** it)) + 1e-8);
      if (j < d) w[j] -= step;
      else b -= step;
    }
  }
  const weights = new Array<number>(d);
  let bias = b;
  for (let j = 0; j < d; j++) {
    weights[j] = w[j] / sigma[j];
    bias -= (w[j] * mu[j]) / sigma[j];
  }
  return { bias, weights };
}
