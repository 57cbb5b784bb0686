/**
 * The built-in AI-text detector: a logistic regression over topic-independent style features
 * (features.ts), applied to the whole document for its score and to each segment for the AI
 * share. Also assembles verdicts for detectors that score segments elsewhere (language models).
 */
import { extractFeatures, featureLength } from './features.js';
import { predict } from './linear-model.js';
import { flattenWhitespace, planAiSegments, type PlannedSegment } from './segments.js';
import { sentences, tokenize } from './tokens.js';
import type { AiOptions, AiSegment, AiVerdict, BuiltinAiModel } from './types.js';

export const BUILTIN_DETECTOR = 'builtin-linear-v1';

export function checkBuiltinModel(model: BuiltinAiModel): void {
  if (model.format !== 'origo-ai-linear' || model.version !== 1) throw new Error('not an origo-ai-linear v1 model');
  const d = featureLength(model.features);
  if (model.weights.length !== d) throw new Error(`model has ${model.weights.length} weights, its features need ${d}`);
}

/** Judges a text with the built-in model. */
export function detectAiText(text: string, model: BuiltinAiModel, options: AiOptions = {}): AiVerdict {
  const plan = planAiSegments(text, model.languages, options.language, options.minWords);
  if (plan.status !== 'ok') return plan;
  const score = predict(model, extractFeatures(plan.text, plan.tokens, plan.sentences, model.features));
  const probabilities = plan.segments.map((s) =>
    predict(model, extractFeatures(plan.text, plan.tokens.slice(s.first, s.last), rebase(s), model.features)),
  );
  return assembleAiVerdict(BUILTIN_DETECTOR, plan.words, plan.segments, probabilities, score, model.threshold);
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
  threshold: number,
): AiVerdict {
  const segments: AiSegment[] = planned.map((s, i) => ({
    offset: s.offset,
    length: s.length,
    words: s.words,
    probability: probabilities[i],
    ai: probabilities[i] >= threshold,
  }));
  const segmentWords = segments.reduce((a, s) => a + s.words, 0);
  const aiWords = segments.filter((s) => s.ai).reduce((a, s) => a + s.words, 0);
  return {
    status: 'ok',
    detector,
    score,
    threshold,
    flagged: score >= threshold,
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
