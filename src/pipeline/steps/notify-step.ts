import { WebhookService } from '../../services/webhook-service.js';
import type { DocumentEvent } from '../../services/events.js';
import type { JobHandler } from '../job-types.js';
import type { PipelineDeps } from '../deps.js';

/** notify: asks every subscriber (native webhooks, vendor adapters) what to send, and queues it. */
export function notifyStep(deps: PipelineDeps): JobHandler {
  return async ({ payload, finish }) => {
    const doc = await deps.store.documents.byId(Number(payload.documentId));
    if (!doc) return;
    const event = String(payload.event) as DocumentEvent;
    const version = payload.version === null || payload.version === undefined ? null : Number(payload.version);
    const planned = await deps.events.plan({ store: deps.store, event, document: doc, version });
    if (planned.length === 0) return;
    await finish(async (tx) => {
      await WebhookService.record(tx, doc.organisation_id, event, planned);
    });
  };
}
