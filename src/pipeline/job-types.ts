import type { Store, JobRow } from '../store/index.js';

/** A claimed job as a handler sees it. */
export interface JobContext {
  job: JobRow;
  payload: Record<string, unknown>;
  /**
   * Runs the step's final writes in one transaction together with completing the job. If this
   * worker lost the job (its lease ran out and another worker took it), nothing is written.
   */
  finish: (fn: (tx: Store) => Promise<void>) => Promise<void>;
  /** Aborted when the worker shuts down; long steps should give up and let the job be retried. */
  signal: AbortSignal;
}

/** A handler either finishes the job (through `finish`) or throws; `RetryLater` reschedules it. */
export type JobHandler = (ctx: JobContext) => Promise<void>;

export class RetryLater extends Error {
  constructor(readonly delayMs: number, message: string) {
    super(message);
  }
}

export class LeaseLost extends Error {
  constructor(jobId: number) {
    super(`job ${jobId} was taken over by another worker`);
  }
}
