import { parentPort, workerData } from 'node:worker_threads';
import { extractDocument } from './extract.js';
import type { ExtractionLimits } from './limits.js';
import type { ExtractionHint } from './types.js';

/** Runs one extraction inside the worker started by `extractDocumentIsolated`. */
const { bytes, hint, limits } = workerData as { bytes: Uint8Array; hint: ExtractionHint; limits: Partial<ExtractionLimits> };
const outcome = await extractDocument(bytes, hint, { limits });
parentPort!.postMessage(outcome);
