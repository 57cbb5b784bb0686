import type { DeliveryPlanner, DocumentEvent } from '../../services/events.js';
import type { StoredAnalysis } from '../../services/analysis-model.js';
import { KIND } from './records.js';
import { STATUS, STATUS_MESSAGES, scoresOf } from './status-view.js';

/** Organisation settings (native `PATCH /api/v1/organisations/{id}`) that hold the institution's webhook receiver. */
export const WEBHOOK_URL_SETTING = 'inspera_webhook_url';
export const WEBHOOK_SECRET_SETTING = 'inspera_webhook_secret';

const CODES: Partial<Record<DocumentEvent, number>> = {
  'document.received': STATUS.queued,
  'document.processing': STATUS.processing,
  'document.done': STATUS.processed,
  'document.changed': STATUS.changed,
  'document.failed': STATUS.failed,
};

/**
 * Inspera's webhooks: a JSON POST to the institution's webhook URL for each step of a document
 * made through the Inspera API — upload (0), processing (-1), processed (1), changed (3: a new
 * report version, after an educator's edit or a later peer's match), failed (2).
 */
export const insperaPlanner: DeliveryPlanner = async ({ store, event, document, version }) => {
  const code = CODES[event];
  if (code === undefined) return [];
  const records = await store.vendorRecords.byInternal('inspera', KIND.document, document.id);
  const record = records.find((r) => r.organisation_id === document.organisation_id);
  if (!record) return [];
  const org = await store.organisations.byId(document.organisation_id);
  if (!org) return [];
  const settings = JSON.parse(org.settings) as Record<string, unknown>;
  const url = settings[WEBHOOK_URL_SETTING];
  if (typeof url !== 'string' || !/^https?:\/\//i.test(url)) return [];
  const body: Record<string, unknown> = { message: STATUS_MESSAGES[code], status: code };
  if (code === STATUS.processed || code === STATUS.changed) {
    const row = version !== null ? await store.analyses.byVersion(document.id, version) : await store.analyses.latest(document.id);
    if (!row) return [];
    const s = scoresOf(JSON.parse(row.result) as StoredAnalysis);
    Object.assign(body, { similarity: s.similarity, translation_similarity: s.translation_similarity, AI_index: s.AI_index });
    Object.assign(body, { institutionId: org.public_id, documentId: record.external_id, timestamp: new Date().toISOString(), originality: s.originality });
  } else {
    Object.assign(body, { institutionId: org.public_id, documentId: record.external_id, timestamp: new Date().toISOString() });
  }
  const secret = settings[WEBHOOK_SECRET_SETTING];
  return [
    {
      url,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signWith: typeof secret === 'string' && secret ? secret : null,
      dedupeKey: `inspera:${document.id}:${event}:${version ?? 0}`,
    },
  ];
};
