import { Worker } from 'node:worker_threads';
import type { ExtractOptions } from './extract.js';
import type { ExtractionHint, ExtractionOutcome } from './types.js';

export interface IsolationOptions extends ExtractOptions {
  /** Wall-clock limit; the worker is terminated when it passes. Default 60 s. */
  timeoutMs?: number;
  /** V8 heap limit of the worker (old generation). Default 1024 MiB. */
  maxMemoryMb?: number;
}

const WORKER_URL = new URL('./extract-worker.js', import.meta.url);

/**
 * Extracts in a worker thread with V8 resource limits and a time limit, so a hostile file can
 * neither hang nor exhaust the process: on expiry the worker is terminated and the outcome is
 * `{ ok: false, code: 'timeout' }`; a worker that runs out of memory gives `out_of_memory`.
 * This is the entry point the pipeline calls.
 */
export function extractDocumentIsolated(bytes: Uint8Array, hint: ExtractionHint = {}, options: IsolationOptions = {}): Promise<ExtractionOutcome> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const maxMemoryMb = options.maxMemoryMb ?? 1024;
  return new Promise((resolve) => {
    let settled = false;
    const worker = new Worker(WORKER_URL, {
      workerData: { bytes, hint: { filename: hint.filename ?? null, mime: hint.mime ?? null }, limits: options.limits ?? {} },
      resourceLimits: { maxOldGenerationSizeMb: maxMemoryMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(8, maxMemoryMb / 8)), stackSizeMb: 8 },
      stdout: true,
      stderr: true,
    });
    const settle = (outcome: ExtractionOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
      void worker.terminate();
    };
    const timer = setTimeout(() => settle({ ok: false, code: 'timeout', reason: `timeout: extraction took longer than ${timeoutMs} ms` }), timeoutMs);
    worker.once('message', (outcome: ExtractionOutcome) => settle(outcome));
    worker.once('error', (err: Error & { code?: string }) => {
      settle(err.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? { ok: false, code: 'out_of_memory', reason: `too large: extraction needed more than ${maxMemoryMb} MiB` }
        : { ok: false, code: 'corrupt_file', reason: `corrupt: extraction failed (${err.message})` });
    });
    worker.once('exit', (code) => settle({ ok: false, code: 'corrupt_file', reason: `corrupt: extraction worker stopped (exit code ${code})` }));
  });
}
