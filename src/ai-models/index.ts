/**
 * AI-text detectors with their IO: the built-in model file and the optional ONNX language models.
 * The service calls `detectAiTextBuiltin` for the score it reports; `loadLmDetector` is an extra,
 * uncalibrated opinion unless the operator supplied a measured threshold.
 */
import { detectAiText, type AiOptions, type AiVerdict } from '../engine/index.js';
import { loadBuiltinAiModel } from './builtin.js';

export { loadBuiltinAiModel, BUILTIN_MODEL_PATH } from './builtin.js';
export { loadLmDetector, type LmDetector } from './lm-detector.js';

/** The built-in detector on a text (model loaded once per process). */
export function detectAiTextBuiltin(text: string, options: AiOptions = {}): AiVerdict {
  return detectAiText(text, loadBuiltinAiModel(), options);
}
