import { extractDocument } from './extract.js';
import { onConverterProcess } from './formats/external-program.js';
import type { ExtractionLimits } from './limits.js';
import type { ExtractionHint } from './types.js';

/** Runs one extraction inside the child process started by `extractDocumentIsolated`, then exits. */
onConverterProcess((event) => process.send!({ converter: event }));
process.once('message', (message) => {
  const { bytes, hint, limits, tempDir } = message as { bytes: Uint8Array; hint: ExtractionHint; limits: Partial<ExtractionLimits>; tempDir: string };
  void extractDocument(bytes, hint, { limits, tempDir }).then((outcome) => {
    process.send!(outcome, () => process.exit(0));
  });
});
