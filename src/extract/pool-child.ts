import { extractDocument } from './extract.js';
import { onConverterProcess } from './formats/external-program.js';
import type { ExtractionLimits } from './limits.js';
import type { ExtractionHint } from './types.js';

/**
 * A long-lived extraction process of the pool (pool.ts): takes one job at a time from its parent,
 * answers with the outcome and how much heap it holds after the job, and waits for the next.
 * The parent kills it when a job passes its time limit; a job that exhausts the heap limit ends it.
 */
interface PoolJob { id: number; bytes: Uint8Array; hint: ExtractionHint; limits: Partial<ExtractionLimits>; tempDir: string }

let current = 0;
onConverterProcess((event) => process.send!({ id: current, converter: event }));
process.on('message', (message) => {
  const job = message as PoolJob;
  current = job.id;
  void extractDocument(job.bytes, job.hint, { limits: job.limits, tempDir: job.tempDir }).then((outcome) => {
    process.send!({ id: job.id, outcome, heapUsed: process.memoryUsage().heapUsed });
  });
});
process.on('disconnect', () => process.exit(0));
