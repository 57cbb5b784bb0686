/**
 * Loads the built-in AI-text model committed at models/ai-builtin.json (made by
 * `npm run train:ai`) and hands it to the engine as plain data.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkBuiltinModel, type BuiltinAiModel } from '../engine/index.js';

/** models/ai-builtin.json at the package root, from src/ai-models or dist/ai-models alike. */
export const BUILTIN_MODEL_PATH = fileURLToPath(new URL('../../models/ai-builtin.json', import.meta.url));

let cached: BuiltinAiModel | undefined;

export function loadBuiltinAiModel(path = BUILTIN_MODEL_PATH): BuiltinAiModel {
  if (path === BUILTIN_MODEL_PATH && cached) return cached;
  const model = JSON.parse(readFileSync(path, 'utf8')) as BuiltinAiModel;
  checkBuiltinModel(model);
  if (path === BUILTIN_MODEL_PATH) cached = model;
  return model;
}
