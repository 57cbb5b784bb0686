import { nowIso } from '../../store/index.js';
import { backoffMs, sendRequest } from '../../webhook/index.js';
import { RetryLater, type JobHandler } from '../job-types.js';
import type { PipelineDeps } from '../deps.js';

/** deliver: one attempt to send a recorded delivery; failures are retried with growing delays. */
export function deliverStep(deps: PipelineDeps, options: { backoffBaseMs: number }): JobHandler {
  return async ({ payload, job }) => {
    const delivery = await deps.store.webhooks.delivery(Number(payload.deliveryId));
    if (!delivery || delivery.status === 'delivered') return;
    const result = await sendRequest({ url: delivery.url, method: delivery.method, headers: JSON.parse(delivery.headers) as Record<string, string>, body: delivery.body }, { policy: deps.outbound });
    const attempts = delivery.attempts + 1;
    const lastAttempt = job.attempts >= job.max_attempts;
    await deps.store.webhooks.updateDelivery(delivery.id, {
      attempts,
      last_status_code: result.status,
      last_error: result.error,
      status: result.ok ? 'delivered' : lastAttempt ? 'failed' : 'retrying',
      delivered_at: result.ok ? nowIso() : null,
    });
    deps.log.info({ delivery: delivery.public_id, url: delivery.url, status: result.status, ok: result.ok, attempts }, 'webhook delivery attempt');
    if (!result.ok) throw new RetryLater(backoffMs(attempts, options.backoffBaseMs), `delivery to ${delivery.url} failed: ${result.error}`);
  };
}
