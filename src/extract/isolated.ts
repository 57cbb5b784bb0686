import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ExtractOptions } from './extract.js';
import type { ExtractionHint, ExtractionOutcome } from './types.js';
import { ExtractionPool, memoryOutcome, timeoutOutcome } from './pool.js';

export interface IsolationOptions extends ExtractOptions {
  /** Wall-clock limit; the worker or child process is killed when it passes. Default 60 s. */
  timeoutMs?: number;
  /** V8 heap limit (old generation) of the worker or child process. Default 1024 MiB. */
  maxMemoryMb?: number;
  /**
   * `process` (default): a Node process of the extraction pool (pool.ts, long-lived, one job at a
   * time) with --max-old-space-size; an out-of-memory abort kills only that process. `worker`: a worker thread with resourceLimits; cheaper, but V8 can
   * still abort the whole process when a worker passes its heap limit inside some native paths
   * (seen with a regular expression over a 49 MB string and a 32 MiB limit; docs/extraction.md).
   */
  isolation?: 'process' | 'worker';
}

const WORKER_URL = new URL('./extract-worker.js', import.meta.url);
const DEFAULT_MEMORY_MB = 1024;

/** Processes of each pool: as many as the machine has cores, at most 4 (jobs beyond wait their turn). */
export const POOL_SIZE = Math.max(1, Math.min(4, availableParallelism()));
/** One pool per heap limit asked for (the service uses one; tests ask for small limits). */
const pools = new Map<number, ExtractionPool>();

function poolFor(maxMemoryMb: number): ExtractionPool {
  let pool = pools.get(maxMemoryMb);
  if (!pool) pools.set(maxMemoryMb, (pool = new ExtractionPool({ size: POOL_SIZE, maxMemoryMb })));
  return pool;
}

/** Starts the service's extraction processes ahead of the first document (default heap limit). */
export function warmExtractionPool(maxMemoryMb = DEFAULT_MEMORY_MB): void {
  poolFor(maxMemoryMb).warm();
  void removeStaleExtractionFolders();
}

const FOLDER_PREFIX = 'origo-extract-';

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // alive, another user's
  }
}

/**
 * Removes the extraction folders (`origo-extract-<pid>-…`) of processes that no longer run: a
 * process killed with SIGKILL during a conversion leaves the copy of the uploaded file and the
 * converter's output behind. Folders of live processes, and names without a pid, are kept.
 */
export async function removeStaleExtractionFolders(dir = tmpdir()): Promise<string[]> {
  const removed: string[] = [];
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const m = /^origo-extract-(\d+)-/.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid === process.pid || processAlive(pid)) continue;
    try {
      await rm(join(dir, name), { recursive: true, force: true });
      removed.push(name);
    } catch { /* another process removed it, or it is not ours to remove */ }
  }
  return removed;
}

/** Ends the extraction processes (at shutdown). */
export async function closeExtractionPools(): Promise<void> {
  const all = [...pools.values()];
  pools.clear();
  await Promise.all(all.map((p) => p.close()));
}

/**
 * Extracts in a separate child process (or worker thread) with a heap limit and a time limit, so a
 * hostile file can neither hang nor exhaust the service: on expiry the extraction is killed and the
 * outcome is `{ ok: false, code: 'timeout' }`; running out of memory gives `out_of_memory`.
 * Never rejects. This is the entry point the pipeline calls.
 */
export async function extractDocumentIsolated(bytes: Uint8Array, hint: ExtractionHint = {}, options: IsolationOptions = {}): Promise<ExtractionOutcome> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const maxMemoryMb = options.maxMemoryMb ?? DEFAULT_MEMORY_MB;
  // Converters work in a folder of this extraction's own, removed here even when the extraction is killed.
  // Named with this process's pid, so a later start can tell a dead process's folder (removeStaleExtractionFolders).
  const tempDir = await mkdtemp(join(options.tempDir ?? tmpdir(), `${FOLDER_PREFIX}${process.pid}-`));
  const job: Job = { bytes, hint: { filename: hint.filename ?? null, mime: hint.mime ?? null }, limits: options.limits ?? {}, tempDir };
  const converters = new Set<number>();
  try {
    return await (options.isolation === 'worker'
      ? inWorker(job, timeoutMs, maxMemoryMb, converters)
      : poolFor(maxMemoryMb).run({ ...job, limits: job.limits ?? {}, timeoutMs, converters }));
  } finally {
    if (converters.size > 0) {
      // A killed extraction leaves its converters (LibreOffice, Ghostscript) running in their own process groups.
      for (const pid of converters) try { process.kill(-pid, 'SIGKILL'); } catch { /* already gone */ }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await rm(tempDir, { recursive: true, force: true });
  }
}

type Job = { bytes: Uint8Array; hint: ExtractionHint; limits: ExtractOptions['limits']; tempDir: string };

/** A message from the child or worker: the outcome, or a converter process that started or ended. */
function handleMessage(message: unknown, converters: Set<number>, settle: (outcome: ExtractionOutcome) => void): void {
  const event = (message as { converter?: { started?: number; ended?: number } }).converter;
  if (!event) return settle(message as ExtractionOutcome);
  if (event.started) converters.add(event.started);
  if (event.ended) converters.delete(event.ended);
}

function inWorker(job: Job, timeoutMs: number, maxMemoryMb: number, converters: Set<number>): Promise<ExtractionOutcome> {
  return new Promise((resolve) => {
    let settled = false;
    const worker = new Worker(WORKER_URL, {
      workerData: job,
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
    const timer = setTimeout(() => settle(timeoutOutcome(timeoutMs)), timeoutMs);
    worker.on('message', (message: unknown) => handleMessage(message, converters, settle));
    worker.once('error', (err: Error & { code?: string }) => {
      settle(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? memoryOutcome(maxMemoryMb) : { ok: false, code: 'corrupt_file', reason: `corrupt: extraction failed (${err.message})` });
    });
    worker.once('exit', (code) => settle({ ok: false, code: 'corrupt_file', reason: `corrupt: extraction worker stopped (exit code ${code})` }));
  });
}
