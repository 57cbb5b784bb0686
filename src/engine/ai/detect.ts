/**
 * The built-in AI-text detector: a logistic regression over topic-independent style features
 * (features.ts), applied to the whole document for its score and to each segment for the AI
 * share. Also assembles verdicts for detectors that score segments elsewhere (language models).
 */
import { extractFeatures, featureLength } from './features.js';
import { predict } from './linear-model.js';
import { flattenWhitespace, planAiSegments, type PlannedSegment } from './segments.js';
import { sentences, tokenize } from './tokens.js';
import type { AiOptions, AiSegment, AiVerdict, AiVerdictLevel, BuiltinAiModel } from './types.js';

export const BUILTIN_DETECTOR = 'builtin-linear-v1';

export function checkBuiltinModel(model: BuiltinAiModel): void {
  if (model.format !== 'origo-ai-linear' || model.version !== 1) throw new Error('not an origo-ai-linear v1 model');
  const d = featureLength(model.features);
  if (model.weights.length !== d) throw new Error(`model has ${model.weights.length} weights, its features need ${d}`);
  const low = model.inconclusiveThreshold ?? model.threshold;
  if (!(low <= model.threshold)) throw new Error('the inconclusive threshold must not exceed the flag threshold');
}

/** Thresholds of a verdict: scores >= flagged are flagged, >= inconclusive (and below flagged) inconclusive. */
export interface AiThresholds {
  flagged: number;
  inconclusive: number;
}

export function verdictLevel(score: number, t: AiThresholds): AiVerdictLevel {
  return score >= t.flagged ? 'flagged' : score >= t.inconclusive ? 'inconclusive' : 'not_flagged';
}

/** Judges a text with the built-in model. */
export function detectAiText(text: string, model: BuiltinAiModel, options: AiOptions = {}): AiVerdict {
  const plan = planAiSegments(text, model.languages, options.language, options.minWords);
  if (plan.status !== 'ok') return plan;
  const score = predict(model, extractFeatures(plan.text, plan.tokens, plan.sentences, model.features));
  const probabilities = plan.segments.map((s) =>
    predict(model, extractFeatures(plan.text, plan.tokens.slice(s.first, s.last), rebase(s), model.features)),
  );
  const thresholds = { flagged: model.threshold, inconclusive: model.inconclusiveThreshold ?? model.threshold };
  return assembleAiVerdict(BUILTIN_DETECTOR, plan.words, plan.segments, probabilities, score, thresholds);
}

/** Sentences of a segment with token indexes relative to the segment's first token. */
function rebase(s: PlannedSegment) {
  return s.sentences.map((x) => ({ ...x, first: x.first - s.first, last: x.last - s.first }));
}

export function assembleAiVerdict(
  detector: string,
  words: number,
  planned: readonly PlannedSegment[],
  probabilities: readonly number[],
  score: number,
  thresholds: AiThresholds,
): AiVerdict {
  const verdict = verdictLevel(score, thresholds);
  // Segments are only evidence for a verdict that needs explaining: a document that is not
  // flagged has no highlighted passage, whatever its segments score on their own.
  let driving = new Set<number>();
  if (verdict !== 'not_flagged' && planned.length) {
    driving = new Set(probabilities.map((p, i) => (p >= thresholds.inconclusive ? i : -1)).filter((i) => i >= 0));
    if (!driving.size) driving.add(probabilities.indexOf(Math.max(...probabilities)));
  }
  const segments: AiSegment[] = planned.map((s, i) => ({
    offset: s.offset,
    length: s.length,
    words: s.words,
    probability: probabilities[i],
    ai: driving.has(i),
  }));
  const segmentWords = segments.reduce((a, s) => a + s.words, 0);
  const aiWords = segments.filter((s) => s.ai).reduce((a, s) => a + s.words, 0);
  return {
    status: 'ok',
    detector,
    score,
    threshold: thresholds.flagged,
    inconclusiveThreshold: thresholds.inconclusive,
    verdict,
    flagged: verdict === 'flagged',
    aiShare: segmentWords ? aiWords / segmentWords : 0,
    words,
    segments,
  };
}

/** The feature vector of a whole text, as detectAiText scores it (used to train the model). */
export function aiDocumentFeatures(text: string, model: Pick<BuiltinAiModel, 'features'>): Float64Array {
  const flat = flattenWhitespace(text);
  const tokens = tokenize(flat);
  return extractFeatures(flat, tokens, sentences(flat, tokens), model.features);
}
