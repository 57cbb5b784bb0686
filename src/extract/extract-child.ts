import { extractDocument } from './extract.js';
import type { ExtractionLimits } from './limits.js';
import type { ExtractionHint } from './types.js';

/** Runs one extraction inside the child process started by `extractDocumentIsolated`, then exits. */
process.once('message', (message) => {
  const { bytes, hint, limits } = message as { bytes: Uint8Array; hint: ExtractionHint; limits: Partial<ExtractionLimits> };
  void extractDocument(bytes, hint, { limits }).then((outcome) => {
    process.send!(outcome, () => process.exit(0));
  });
});
