import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectAiText, checkBuiltinModel, aiDocumentFeatures } from './detect.js';
import { featureLength, STYLE_FEATURES } from './features.js';
import { trainLogistic, predict } from './linear-model.js';
import type { BuiltinAiModel } from './types.js';

const features = { hashBits: 6, maxN: 2 };
function model(bias: number, weights?: number[]): BuiltinAiModel {
  return { format: 'origo-ai-linear', version: 1, languages: ['en'], features, threshold: 0.5, bias, weights: weights ?? new Array(featureLength(features)).fill(0) };
}
const text = 'The students in the old class wrote their essays about the river. '.repeat(40); // 480 words

test('a model that calls everything machine-written gives score 1-ish, every segment AI, share 1', () => {
  const v = detectAiText(text, model(5));
  assert.equal(v.status, 'ok');
  if (v.status !== 'ok') return;
  assert.ok(v.score > 0.99);
  assert.equal(v.flagged, true);
  assert.equal(v.aiShare, 1);
  assert.ok(v.segments.length >= 2);
  assert.ok(v.segments.every((s) => s.ai && s.probability > 0.99));
  assert.equal(v.segments.reduce((a, s) => a + s.words, 0), 480);
});

test('a model that calls nothing machine-written flags nothing', () => {
  const v = detectAiText(text, model(-5));
  assert.equal(v.status === 'ok' && v.aiShare, 0);
  assert.equal(v.status === 'ok' && v.flagged, false);
});

test('the AI share counts the words of the segments at or above the threshold', () => {
  // Weight on the comma rate: only the segment with commas scores high.
  const w = new Array(featureLength(features)).fill(0);
  w[STYLE_FEATURES.indexOf('comma_rate')] = 200;
  const plain = 'The students in the old class wrote their essays about the river. '.repeat(20);
  const commas = 'The students, in the old class, wrote their essays, about the river. '.repeat(20);
  const v = detectAiText(plain + commas, model(-10, w));
  assert.equal(v.status, 'ok');
  if (v.status !== 'ok') return;
  const ai = v.segments.filter((s) => s.ai);
  assert.ok(ai.length >= 1 && ai.length < v.segments.length);
  const aiWords = ai.reduce((a, s) => a + s.words, 0);
  assert.equal(v.aiShare, aiWords / 480);
  assert.ok(ai.every((s) => s.offset >= plain.length - 70), 'the AI segments are the comma half');
});

test('a model whose weights do not fit its features is refused', () => {
  assert.throws(() => checkBuiltinModel(model(0, [1, 2, 3])), /weights/);
  assert.doesNotThrow(() => checkBuiltinModel(model(0)));
});

test('logistic training separates what the features separate, the same way every run', () => {
  const a = 'I think, honestly, that the river is great, and I love it, you know. '.repeat(15);
  const b = 'The river provides numerous benefits to the surrounding communities. '.repeat(15);
  const xs = [a, b, a + ' Yes.', b + ' Indeed.'].map((t) => aiDocumentFeatures(t, { features }));
  const ys = [0, 1, 0, 1];
  const opts = { l2: 0.01, iterations: 100, learningRate: 0.05 };
  const m = trainLogistic(xs, ys, [1, 1, 1, 1], opts);
  assert.ok(predict(m, xs[1]) > 0.5 && predict(m, xs[0]) < 0.5);
  assert.deepEqual(trainLogistic(xs, ys, [1, 1, 1, 1], opts), m);
});

test('three verdicts: flagged at the flag threshold, inconclusive between the two, not flagged below', () => {
  const at = (bias: number) => {
    const m = { ...model(bias), threshold: 0.9, inconclusiveThreshold: 0.6 };
    const v = detectAiText(text, m);
    assert.equal(v.status, 'ok');
    return v.status === 'ok' ? v : null!;
  };
  const high = at(3); // score 0.95
  assert.equal(high.verdict, 'flagged');
  assert.equal(high.flagged, true);
  assert.equal(high.inconclusiveThreshold, 0.6);
  const mid = at(0.8); // score 0.69
  assert.equal(mid.verdict, 'inconclusive');
  assert.equal(mid.flagged, false);
  assert.ok(mid.segments.every((s) => s.ai), 'every segment reaches the inconclusive threshold: all highlighted');
  assert.equal(mid.aiShare, 1);
  const low = at(0); // score 0.5
  assert.equal(low.verdict, 'not_flagged');
  assert.ok(low.segments.every((s) => !s.ai));
  assert.equal(low.aiShare, 0);
});

test('a document that is not flagged highlights nothing, even where one of its segments scores high', () => {
  const w = new Array(featureLength(features)).fill(0);
  w[STYLE_FEATURES.indexOf('comma_rate')] = 200;
  const plain = 'The students in the old class wrote their essays about the river. '.repeat(30);
  const commas = 'The students, in the old class, wrote their essays, about the river. '.repeat(10);
  const m = { ...model(-10, w), threshold: 0.99, inconclusiveThreshold: 0.99 };
  const v = detectAiText(plain + commas, m);
  assert.equal(v.status, 'ok');
  if (v.status !== 'ok') return;
  assert.ok(v.segments.some((s) => s.probability >= 0.99), 'the comma segment scores high on its own');
  assert.equal(v.verdict, 'not_flagged');
  assert.ok(v.segments.every((s) => !s.ai));
  assert.equal(v.aiShare, 0);
});

test('an inconclusive threshold above the flag threshold is refused', () => {
  assert.throws(() => checkBuiltinModel({ ...model(0), threshold: 0.5, inconclusiveThreshold: 0.7 }), /inconclusive/);
});
