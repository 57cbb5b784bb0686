import type { DeliveryPlanner, PlannedDelivery } from '../../services/events.js';
import { KIND, VENDOR, type DocumentRecord } from './records.js';
import type { CallbackBody } from './wire.js';

/**
 * When the report of a document uploaded with a `callbackUrl` is ready (or the document failed),
 * POST its id there as JSON, the shape the PHP client's CallbackWebhook and Chamilo parse:
 * `{"id", "documentId", "status": "completed" | "error", "message"}`. Later re-checks (a peer
 * uploaded after it) send nothing: the client was told once that the report is ready.
 */
export const plagiatCallbackPlanner: DeliveryPlanner = async ({ store, event, document }) => {
  if (event !== 'document.done' && event !== 'document.failed') return [];
  const rec = (await store.vendorRecords.byInternal(VENDOR, KIND.document, document.id))[0];
  if (!rec) return [];
  const data = JSON.parse(rec.data) as DocumentRecord;
  if (!data.callbackUrl) return [];
  if (event === 'document.done' && data.action !== 'check') return [];
  const body: CallbackBody =
    event === 'document.done'
      ? { id: rec.external_id, documentId: rec.external_id, status: 'completed', message: 'Report is ready' }
      : { id: rec.external_id, documentId: rec.external_id, status: 'error', message: document.reason ?? 'The document could not be checked' };
  const delivery: PlannedDelivery = {
    url: data.callbackUrl,
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=UTF-8' },
    body: JSON.stringify(body),
    dedupeKey: `plagiat:callback:${document.id}:${event}`,
  };
  return [delivery];
};
