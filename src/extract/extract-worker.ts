import { parentPort, workerData } from 'node:worker_threads';
import { extractDocument } from './extract.js';
import { onConverterProcess } from './formats/external-program.js';
import type { ExtractionLimits } from './limits.js';
import type { ExtractionHint } from './types.js';

/** Runs one extraction inside the worker started by `extractDocumentIsolated`. */
const { bytes, hint, limits, tempDir } = workerData as { bytes: Uint8Array; hint: ExtractionHint; limits: Partial<ExtractionLimits>; tempDir: string };
onConverterProcess((event) => parentPort!.postMessage({ converter: event }));
const outcome = await extractDocument(bytes, hint, { limits, tempDir });
parentPort!.postMessage(outcome);
