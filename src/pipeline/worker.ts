import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Store } from '../store/index.js';
import { nowIso } from '../store/index.js';
import type { Logger } from '../services/logger.js';
import { LeaseLost, RetryLater, type JobHandler } from './job-types.js';

export interface WorkerOptions {
  /** Jobs run at the same time by this worker. */
  concurrency: number;
  leaseMs: number;
  /** Sleep between polls when the queue is empty. */
  idleMs?: number;
  /** Called when a job has failed for good (after its last attempt). */
  onGiveUp?: (kind: string, payload: Record<string, unknown>, error: string) => Promise<void>;
}

/**
 * Claims jobs from the durable queue and runs their handlers. Each running job's lease is renewed
 * by a heartbeat; if the process dies, the lease runs out and another worker claims the job again.
 */
export class Worker {
  readonly id = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private running = new Map<number, Promise<void>>();
  private stopping = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private readonly abort = new AbortController();

  constructor(
    private readonly store: Store,
    private readonly handlers: Record<string, JobHandler>,
    private readonly log: Logger,
    private readonly options: WorkerOptions,
  ) {}

  start(): void {
    if (this.loop) return;
    this.log.info({ worker: this.id, concurrency: this.options.concurrency }, 'worker started');
    this.loop = this.run();
  }

  /** Wakes an idle worker now (a job was just enqueued in this process). */
  poke(): void {
    this.wake?.();
  }

  private async run(): Promise<void> {
    const idleMs = this.options.idleMs ?? 200;
    while (!this.stopping) {
      if (this.running.size >= this.options.concurrency) {
        // Full: wait for a job to end, or for stop() to wake us.
        await Promise.race([...this.running.values(), new Promise<void>((resolve) => (this.wake = resolve))]);
        this.wake = null;
        continue;
      }
      let claimed = false;
      try {
        const job = await this.store.jobs.claim(this.id, this.options.leaseMs, Object.keys(this.handlers));
        if (job) {
          claimed = true;
          const p = this.execute(job.id, job.kind, job.payload, job.attempts, job.max_attempts).finally(() => this.running.delete(job.id));
          this.running.set(job.id, p);
        }
      } catch (err) {
        this.log.error({ err: String(err) }, 'claiming a job failed');
      }
      if (!claimed && !this.stopping) {
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, idleMs);
          this.wake = () => {
            clearTimeout(t);
            resolve();
          };
        });
        this.wake = null;
      }
    }
  }

  private async execute(jobId: number, kind: string, rawPayload: string, attempts: number, maxAttempts: number): Promise<void> {
    const log = this.log.child({ job: jobId, kind, attempt: attempts });
    const handler = this.handlers[kind];
    const payload = JSON.parse(rawPayload) as Record<string, unknown>;
    const beat = setInterval(() => {
      this.store.jobs.heartbeat(jobId, this.id, this.options.leaseMs).catch((err) => log.warn({ err: String(err) }, 'heartbeat failed'));
    }, Math.max(100, Math.floor(this.options.leaseMs / 3)));
    let finished = false;
    const started = Date.now();
    try {
      log.debug('job started');
      await handler({
        job: { id: jobId, kind, payload: rawPayload, attempts, max_attempts: maxAttempts } as never,
        payload,
        signal: this.abort.signal,
        finish: async (fn) => {
          await this.store.transaction(async (tx) => {
            await fn(tx);
            if (!(await tx.jobs.complete(jobId, this.id))) throw new LeaseLost(jobId);
          });
          finished = true;
        },
      });
      if (!finished) await this.store.jobs.complete(jobId, this.id);
      log.info({ ms: Date.now() - started }, 'job done');
    } catch (err) {
      if (err instanceof LeaseLost) {
        log.warn('lease lost; another worker owns the job now');
        return;
      }
      const message = err instanceof Error ? err.message : String(err);
      if (this.stopping && this.abort.signal.aborted) {
        await this.store.jobs.release(jobId, this.id, 'worker shut down', nowIso()).catch(() => {});
        log.info('job requeued at shutdown');
        return;
      }
      if (attempts < maxAttempts) {
        const delay = err instanceof RetryLater ? err.delayMs : Math.min(1000 * 2 ** attempts, 60_000);
        await this.store.jobs.release(jobId, this.id, message, nowIso(delay)).catch(() => {});
        log.warn({ err: message, retryInMs: delay }, 'job will be retried');
        return;
      }
      await this.store.jobs.release(jobId, this.id, message, null).catch(() => {});
      log.error({ err: message, stack: err instanceof Error ? err.stack : undefined }, 'job failed for good');
      await this.options.onGiveUp?.(kind, payload, message).catch((e) => log.error({ err: String(e) }, 'give-up handler failed'));
    } finally {
      clearInterval(beat);
    }
  }

  /**
   * Stops claiming, lets running jobs finish for up to `graceMs`, then aborts the rest, which
   * are put back in the queue for another worker.
   */
  async stop(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
    const all = Promise.allSettled(this.running.values());
    const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), graceMs).unref());
    if ((await Promise.race([all, timeout])) === 'timeout') {
      this.abort.abort();
      const settle = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 2000).unref());
      if ((await Promise.race([all, settle])) === 'timeout') {
        // Handlers that ignore the abort: give their jobs back; their late writes will not land.
        for (const jobId of this.running.keys()) await this.store.jobs.release(jobId, this.id, 'worker shut down', nowIso()).catch(() => {});
      }
    }
    this.log.info({ worker: this.id }, 'worker stopped');
  }
}
