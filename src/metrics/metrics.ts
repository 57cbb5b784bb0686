import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Jobs in the queue, counted in the database (so every process of an installation agrees). */
export interface JobCount {
  kind: string;
  /** queued (ready to run now), scheduled (waiting for run_at: retries, backoff), running, failed. */
  state: 'queued' | 'scheduled' | 'running' | 'failed';
  count: number;
  /** The oldest run_at among these jobs (ISO-8601), used for the age of the oldest ready job. */
  oldestRunAt: string | null;
}

export type JobOutcome = 'done' | 'error' | 'lease_lost';

/**
 * Origo's Prometheus metrics, in a registry of their own. Labels are bounded and carry no tenant
 * data: route patterns (`/api/v1/documents/:id`), methods, status codes, job kinds, failure codes.
 * Counters and histograms are per process; job counts and queue depth come from the database at
 * each scrape.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly httpRequests: Counter<'method' | 'route' | 'status'>;
  private readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  private readonly jobDuration: Histogram<'kind' | 'outcome'>;
  private readonly extractionFailures: Counter<'reason'>;

  constructor(countJobs: (() => Promise<JobCount[]>) | null) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.httpRequests = new Counter({ name: 'origo_http_requests_total', help: 'HTTP requests answered, by route pattern, method and status', labelNames: ['method', 'route', 'status'], registers });
    this.httpDuration = new Histogram({
      name: 'origo_http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by route pattern, method and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.jobDuration = new Histogram({
      name: 'origo_job_duration_seconds',
      help: 'Time a pipeline job ran in this process, by kind and outcome (done, error: retried or failed for good, lease_lost)',
      labelNames: ['kind', 'outcome'],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600],
      registers,
    });
    this.extractionFailures = new Counter({
      name: 'origo_extraction_failures_total',
      help: 'Documents whose text could not be extracted in this process, by reason code',
      labelNames: ['reason'],
      registers,
    });
    if (countJobs) this.registerJobGauges(countJobs, registers);
  }

  private registerJobGauges(countJobs: () => Promise<JobCount[]>, registers: Registry[]): void {
    // One database query per scrape feeds the job gauges; a database that does not answer gives
    // origo_database_up 0 and no job figures, and the process metrics are still served.
    let pending: Promise<JobCount[] | null> | null = null;
    const fetchCounts = () => (pending ??= countJobs().catch(() => null).finally(() => setTimeout(() => (pending = null), 0)));
    const counts = async () => (await fetchCounts()) ?? [];
    new Gauge({
      name: 'origo_database_up',
      help: '1 when the database answered the job count of this scrape, 0 when it did not',
      registers,
      async collect() {
        this.set((await fetchCounts()) ? 1 : 0);
      },
    });
    new Gauge({
      name: 'origo_jobs',
      help: 'Jobs in the database by kind and state (queued: ready now; scheduled: waiting to retry; running; failed for good). Done jobs are not counted here',
      labelNames: ['kind', 'state'],
      registers,
      async collect() {
        this.reset();
        for (const c of await counts()) this.inc({ kind: c.kind, state: c.state }, c.count);
      },
    });
    new Gauge({
      name: 'origo_queue_depth',
      help: 'Jobs ready to run now and not yet claimed, by kind',
      labelNames: ['kind'],
      registers,
      async collect() {
        this.reset();
        for (const c of await counts()) if (c.state === 'queued') this.inc({ kind: c.kind }, c.count);
      },
    });
    new Gauge({
      name: 'origo_queue_oldest_ready_seconds',
      help: 'How long the oldest ready job has waited to be claimed (0 when none waits)',
      registers,
      async collect() {
        const ready = (await counts()).filter((c) => c.state === 'queued' && c.oldestRunAt).map((c) => Date.parse(c.oldestRunAt!));
        this.set(ready.length ? Math.max(0, (Date.now() - Math.min(...ready)) / 1000) : 0);
      },
    });
  }

  /** One answered HTTP request; `route` is the matched pattern, or null when no route matched. */
  observeRequest(method: string, route: string | null, status: number, seconds: number): void {
    const labels = { method, route: route ?? 'unmatched', status: String(status) };
    this.httpRequests.inc(labels);
    this.httpDuration.observe(labels, seconds);
  }

  observeJob(kind: string, outcome: JobOutcome, seconds: number): void {
    this.jobDuration.observe({ kind, outcome }, seconds);
  }

  extractionFailed(reason: string): void {
    this.extractionFailures.inc({ reason });
  }

  /** The exposition text and its content type. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
