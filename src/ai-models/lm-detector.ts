/**
 * The optional language-model AI-text detector. When ORIGO_AI_MODEL_DIR names a folder of ONNX
 * causal language models in the Hugging Face layout, it is loaded offline with onnxruntime-node:
 *   <dir>/onnx/model.onnx (or <dir>/model.onnx) + tokenizer.json + tokenizer_config.json
 *       -> one model: Fast-DetectGPT curvature;
 *   <dir>/observer/... and <dir>/performer/... (same tokenizer) -> Binoculars ratio.
 * An optional <dir>/origo-ai.json {"threshold": number, "inconclusiveThreshold"?: number} holds the
 * thresholds the operator measured (flag; start of the inconclusive zone, default = threshold);
 * without it the verdict says calibrated: false. Origo claims no accuracy for these detectors:
 * none was measured with a real model on this project's data.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { Tokenizer } from '@huggingface/tokenizers';
import {
  assembleAiVerdict,
  binocularsScore,
  fastDetectCurvature,
  planAiSegments,
  sigmoid,
  type AiOptions,
  type AiVerdict,
  type LogitRows,
} from '../engine/index.js';

interface LoadedLm {
  session: ort.InferenceSession;
  dir: string;
}

export interface LmDetector {
  kind: 'fast-detectgpt' | 'binoculars';
  dir: string;
  /** A threshold the operator measured, on the 0..1 score; null when uncalibrated. */
  threshold: number | null;
  /** Scores a text; the same statuses as the built-in detector. */
  detect(text: string, options?: AiOptions): Promise<AiVerdict & { calibrated?: boolean }>;
  close(): Promise<void>;
}

/** Longest token run given to the model per segment. */
const MAX_TOKENS = 512;

function modelFile(dir: string): string | null {
  for (const f of [join(dir, 'onnx', 'model.onnx'), join(dir, 'model.onnx')]) if (existsSync(f)) return f;
  return null;
}

async function loadLm(dir: string): Promise<LoadedLm> {
  const file = modelFile(dir);
  if (!file) throw new Error(`no ONNX model in ${dir} (expected onnx/model.onnx or model.onnx)`);
  const session = await ort.InferenceSession.create(file, { executionProviders: ['cpu'], graphOptimizationLevel: 'all' });
  if (!session.inputNames.includes('input_ids') || !session.outputNames.includes('logits')) {
    throw new Error(`${file}: a causal LM needs an input_ids input and a logits output`);
  }
  return { session, dir };
}

function loadTokenizer(dir: string): Tokenizer {
  const json = JSON.parse(readFileSync(join(dir, 'tokenizer.json'), 'utf8'));
  const cfgFile = join(dir, 'tokenizer_config.json');
  const config = existsSync(cfgFile) ? JSON.parse(readFileSync(cfgFile, 'utf8')) : {};
  return new Tokenizer(json, config);
}

async function logits(lm: LoadedLm, ids: number[]): Promise<LogitRows> {
  const shape = [1, ids.length];
  const feeds: Record<string, ort.Tensor> = {
    input_ids: new ort.Tensor('int64', BigInt64Array.from(ids, BigInt), shape),
  };
  if (lm.session.inputNames.includes('attention_mask')) feeds.attention_mask = new ort.Tensor('int64', new BigInt64Array(ids.length).fill(1n), shape);
  if (lm.session.inputNames.includes('position_ids')) feeds.position_ids = new ort.Tensor('int64', BigInt64Array.from(ids, (_, i) => BigInt(i)), shape);
  const missing = lm.session.inputNames.filter((n) => !(n in feeds));
  if (missing.length) throw new Error(`${lm.dir}: model inputs not supported (export without past key values): ${missing.join(', ')}`);
  const out = (await lm.session.run(feeds)).logits;
  const dims = out.dims;
  return { data: out.data as Float32Array, rows: dims[1], vocab: dims[2] };
}

/** Loads the detector named by ORIGO_AI_MODEL_DIR (or `dir`); null when none is configured. */
export async function loadLmDetector(dir = process.env.ORIGO_AI_MODEL_DIR): Promise<LmDetector | null> {
  if (!dir) return null;
  const binoculars = existsSync(join(dir, 'observer')) && existsSync(join(dir, 'performer'));
  const calibration = join(dir, 'origo-ai.json');
  const measured = existsSync(calibration) ? (JSON.parse(readFileSync(calibration, 'utf8')) as { threshold?: unknown; inconclusiveThreshold?: unknown }) : null;
  const threshold: number | null = measured ? Number(measured.threshold) : null;
  const inconclusive = measured && typeof measured.inconclusiveThreshold === 'number' ? Math.min(measured.inconclusiveThreshold, threshold ?? 1.01) : threshold;
  const models = binoculars ? [await loadLm(join(dir, 'observer')), await loadLm(join(dir, 'performer'))] : [await loadLm(dir)];
  const tokenizer = loadTokenizer(binoculars ? join(dir, 'observer') : dir);
  const kind = binoculars ? 'binoculars' : 'fast-detectgpt';

  // The statistic of one passage, mapped to 0..1 with higher = more likely machine-written.
  // The maps are monotone and fixed (no fitting): sigmoid(curvature) for Fast-DetectGPT and
  // sigmoid(10 * (1 - ratio)) for Binoculars. They order texts; they are not probabilities.
  async function passageScore(passage: string): Promise<{ statistic: number; score: number }> {
    const ids = tokenizer.encode(passage).ids.slice(0, MAX_TOKENS);
    if (binoculars) {
      const [o, p] = [await logits(models[0], ids), await logits(models[1], ids)];
      const statistic = binocularsScore(ids, o, p);
      return { statistic, score: sigmoid(10 * (1 - statistic)) };
    }
    const statistic = fastDetectCurvature(ids, await logits(models[0], ids));
    return { statistic, score: sigmoid(statistic) };
  }

  return {
    kind,
    dir,
    threshold,
    async detect(text, options = {}) {
      const plan = planAiSegments(text, ['en'], options.language, options.minWords);
      if (plan.status !== 'ok') return plan;
      const parts = [];
      for (const s of plan.segments) parts.push(await passageScore(text.slice(s.offset, s.offset + s.length)));
      // The document's score: the word-weighted mean of its segments' scores.
      const score = parts.reduce((a, p, i) => a + p.score * plan.segments[i].words, 0) / plan.segments.reduce((a, s) => a + s.words, 0);
      const verdict = assembleAiVerdict(kind, plan.words, plan.segments, parts.map((p) => p.score), score, { flagged: threshold ?? 1.01, inconclusive: inconclusive ?? 1.01 });
      return { ...verdict, calibrated: threshold !== null };
    },
    async close() {
      for (const m of models) await m.session.release();
    },
  };
}
