import { sql } from 'kysely';
import type { JobRow } from '../rows.js';
import { nowIso } from '../clock.js';
import { parseCount, type SqlContext } from './context.js';

export interface EnqueueOptions {
  runAt?: string;
  /** At most one job with this key ever exists; a second enqueue is a no-op. */
  dedupeKey?: string;
  maxAttempts?: number;
}

/**
 * The durable job queue. A claimed job carries a lease (`locked_until`); a worker that dies stops
 * renewing it and the job is claimed again once the lease runs out. On PostgreSQL the claim uses
 * `FOR UPDATE SKIP LOCKED`, so concurrent workers never take the same job.
 */
export class JobRepo {
  constructor(private readonly c: SqlContext) {}

  async enqueue(kind: string, payload: unknown, options: EnqueueOptions = {}): Promise<number | null> {
    const now = nowIso();
    const row = {
      kind,
      payload: JSON.stringify(payload),
      status: 'queued',
      attempts: 0,
      max_attempts: options.maxAttempts ?? 5,
      run_at: options.runAt ?? now,
      dedupe_key: options.dedupeKey ?? null,
      created_at: now,
      updated_at: now,
    };
    const inserted = await this.c.db
      .insertInto('jobs')
      .values(row)
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    return inserted?.id ?? null;
  }

  async claim(workerId: string, leaseMs: number, kinds?: string[]): Promise<JobRow | undefined> {
    const now = nowIso();
    const until = nowIso(leaseMs);
    const kindFilter = kinds && kinds.length ? sql`AND kind IN (${sql.join(kinds)})` : sql``;
    // SQLite: the first ready job of each kind of readiness, each read in order from the
    // (status, run_at) index, then the earlier of the two: with the two conditions OR-ed in one
    // query, SQLite sorted every queued job on each claim, a cost that grew with the queue.
    // PostgreSQL: one query, skipping jobs other workers hold locked.
    const next = this.c.dialect === 'sqlite'
      ? sql`SELECT id FROM (
          SELECT * FROM (SELECT id, run_at FROM jobs WHERE status = 'queued' AND run_at <= ${now} ${kindFilter} ORDER BY run_at, id LIMIT 1)
          UNION ALL
          SELECT * FROM (SELECT id, run_at FROM jobs WHERE status = 'running' AND locked_until < ${now} ${kindFilter} ORDER BY run_at, id LIMIT 1))
        ORDER BY run_at, id LIMIT 1`
      : sql`SELECT id FROM jobs
        WHERE ((status = 'queued' AND run_at <= ${now}) OR (status = 'running' AND locked_until < ${now})) ${kindFilter}
        ORDER BY run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`;
    const result = await sql<JobRow>`
      UPDATE jobs SET status = 'running', locked_by = ${workerId}, locked_until = ${until},
        attempts = attempts + 1, updated_at = ${now}
      WHERE id = (${next})
      RETURNING *`.execute(this.c.db);
    return result.rows[0];
  }

  /** Extends the lease of a job this worker still holds; false when the lease was lost. */
  async heartbeat(jobId: number, workerId: string, leaseMs: number): Promise<boolean> {
    const r = await this.c.db
      .updateTable('jobs')
      .set({ locked_until: nowIso(leaseMs) })
      .where('id', '=', jobId)
      .where('locked_by', '=', workerId)
      .where('status', '=', 'running')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  /** Marks a held job done; false when this worker no longer holds it (its effects must roll back). */
  async complete(jobId: number, workerId: string): Promise<boolean> {
    const r = await this.c.db
      .updateTable('jobs')
      .set({ status: 'done', locked_by: null, locked_until: null, updated_at: nowIso() })
      .where('id', '=', jobId)
      .where('locked_by', '=', workerId)
      .where('status', '=', 'running')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  /** Gives a held job back: queued again at `retryAt`, or failed for good when `retryAt` is null. */
  async release(jobId: number, workerId: string, error: string | null, retryAt: string | null): Promise<boolean> {
    const r = await this.c.db
      .updateTable('jobs')
      .set({
        status: retryAt ? 'queued' : 'failed',
        run_at: retryAt ?? nowIso(),
        locked_by: null,
        locked_until: null,
        last_error: error,
        updated_at: nowIso(),
      })
      .where('id', '=', jobId)
      .where('locked_by', '=', workerId)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  /** Frees a job's dedupe key, so the same key can queue a new job (for "run again after this one" work). */
  async clearDedupe(jobId: number): Promise<void> {
    await this.c.db.updateTable('jobs').set({ dedupe_key: null }).where('id', '=', jobId).execute();
  }

  async byId(id: number): Promise<JobRow | undefined> {
    return this.c.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async list(filter: { kind?: string; status?: string; dedupePrefix?: string } = {}): Promise<JobRow[]> {
    let q = this.c.db.selectFrom('jobs').selectAll();
    if (filter.kind) q = q.where('kind', '=', filter.kind);
    if (filter.status) q = q.where('status', '=', filter.status);
    if (filter.dedupePrefix) q = q.where('dedupe_key', 'like', `${filter.dedupePrefix}%`);
    return q.orderBy('id').execute();
  }

  async countByStatus(): Promise<Record<string, number>> {
    const rows = await this.c.db.selectFrom('jobs').select(['status', (eb) => eb.fn.countAll().as('n')]).groupBy('status').execute();
    return Object.fromEntries(rows.map((r) => [r.status, parseCount(r.n)]));
  }

  /**
   * Jobs not done, by kind and state, for the metrics: `queued` is ready now, `scheduled` waits for
   * its run_at (retries, backoff). Done jobs are left out (there are many, and the index on status
   * skips them).
   */
  async countOpen(): Promise<{ kind: string; state: 'queued' | 'scheduled' | 'running' | 'failed'; count: number; oldestRunAt: string | null }[]> {
    const now = nowIso();
    const result = await sql<{ kind: string; status: string; waiting: number | string; n: number | string; oldest: string | null }>`
      SELECT kind, status, CASE WHEN status = 'queued' AND run_at > ${now} THEN 1 ELSE 0 END AS waiting,
        COUNT(*) AS n, MIN(run_at) AS oldest
      FROM jobs WHERE status IN ('queued', 'running', 'failed')
      GROUP BY 1, 2, 3`.execute(this.c.db);
    return result.rows.map((r) => ({
      kind: r.kind,
      state: r.status === 'queued' ? (Number(r.waiting) ? 'scheduled' : 'queued') : (r.status as 'running' | 'failed'),
      count: parseCount(r.n),
      oldestRunAt: r.oldest,
    }));
  }

  /** The earliest time a queued job becomes ready, to let idle workers sleep until then. */
  async nextRunAt(): Promise<string | undefined> {
    const r = await this.c.db.selectFrom('jobs').select((eb) => eb.fn.min('run_at').as('t')).where('status', '=', 'queued').executeTakeFirst();
    return (r?.t as string | null) ?? undefined;
  }
}
