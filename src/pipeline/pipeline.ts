import { nowIso } from '../store/index.js';
import { enqueueNotify } from '../services/document-service.js';
import { parseOptions } from '../services/document-options.js';
import { Worker } from './worker.js';
import { LeaseLost, type JobHandler } from './job-types.js';
import type { Metrics } from '../metrics/index.js';
import type { PipelineDeps } from './deps.js';
import { extractStep } from './steps/extract-step.js';
import { analyseStep } from './steps/analyse-step.js';
import { indexStep } from './steps/index-step.js';
import { notifyStep } from './steps/notify-step.js';
import { deliverStep } from './steps/deliver-step.js';
import { codeCheckStep } from './steps/code-check-step.js';

export interface PipelineOptions {
  concurrency: number;
  leaseMs: number;
  webhookBackoffBaseMs?: number;
}

/**
 * The durable pipeline: ingest (in the API) → extract → analyse (report version) → index →
 * notify → deliver, each a job in the store's queue, run by a Worker.
 */
export function createPipelineWorker(deps: PipelineDeps, options: PipelineOptions): Worker {
  const handlers = {
    extract: extractStep(deps),
    analyse: analyseStep(deps),
    'code-check': codeCheckStep(deps),
    index: indexStep(deps),
    notify: notifyStep(deps),
    deliver: deliverStep(deps, { backoffBaseMs: options.webhookBackoffBaseMs ?? 5000 }),
  };
  return new Worker(deps.store, deps.metrics ? timedHandlers(handlers, deps.metrics) : handlers, deps.log, {
    concurrency: options.concurrency,
    leaseMs: options.leaseMs,
    onGiveUp: async (kind, payload, error) => {
      // A document whose step kept crashing is failed with the reason, never left hanging.
      if (kind === 'code-check') {
        // A group check: every submission it was checking (or that waited for it) fails with the reason.
        const waiting = (await deps.store.documents.inAssignment(Number(payload.assignmentId))).filter((d) => d.status === 'checking' || (d.status === 'converted' && !parseOptions(d.options).hold));
        await deps.store.transaction(async (tx) => {
          for (const doc of waiting) {
            await tx.documents.update(doc.id, { status: 'failed', reason: `internal error during code-check: ${error}`, updated_at: nowIso() });
            await enqueueNotify(tx, doc.id, 'document.failed', kind);
          }
        });
        return;
      }
      if (kind !== 'extract' && kind !== 'analyse') return;
      const doc = await deps.store.documents.byId(Number(payload.documentId));
      if (!doc || doc.status === 'done' || doc.status === 'deleted' || doc.status === 'failed') return;
      await deps.store.transaction(async (tx) => {
        await tx.documents.update(doc.id, { status: 'failed', reason: `internal error during ${kind}: ${error}`, updated_at: nowIso() });
        await enqueueNotify(tx, doc.id, 'document.failed', kind);
      });
    },
  });
}

/** Each handler's run time goes into origo_job_duration_seconds by kind and outcome. */
function timedHandlers(handlers: Record<string, JobHandler>, metrics: Metrics): Record<string, JobHandler> {
  return Object.fromEntries(Object.entries(handlers).map(([kind, handler]) => [kind, async (ctx) => {
    const started = performance.now();
    let outcome: 'done' | 'error' | 'lease_lost' = 'error';
    try {
      await handler(ctx);
      outcome = 'done';
    } catch (err) {
      if (err instanceof LeaseLost) outcome = 'lease_lost';
      throw err;
    } finally {
      metrics.observeJob(kind, outcome, (performance.now() - started) / 1000);
    }
  }]));
}
