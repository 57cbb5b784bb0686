import type { DeliveryPlanner, PlannedDelivery } from '../../services/events.js';
import { PAPER, type PaperState } from './vendor-state.js';
import { reportKeyOf } from './paper-mapping.js';
import { PENDING, percentText } from './wire-format.js';
import type { CallbackWire } from './wire-types.js';

/**
 * Where an organisation registers its DrillBit callback: the `drillbit_callback_url` key of its
 * settings (PATCH /api/v1/organisations/{id} `{"settings": {"drillbit_callback_url": "https://…"}}`).
 * DrillBit itself registers callback URLs by e-mail to support; there is no endpoint for it.
 */
export const CALLBACK_SETTING = 'drillbit_callback_url';

/**
 * The PUT callback `{paper_id, similarity: "23%", download_url, flag}` for papers that came in
 * through the DrillBit API: when the analysis completes (flag 0), when a later re-check changes
 * it (flag 0), and when the paper fails (flag 1, similarity `--`).
 */
export const drillbitCallbackPlanner: DeliveryPlanner = async ({ store, event, document: doc, version }) => {
  if (event !== 'document.done' && event !== 'document.changed' && event !== 'document.failed') return [];
  const rec = (await store.vendorRecords.byInternal('drillbit', PAPER, doc.id)).find((r) => r.organisation_id === doc.organisation_id);
  if (!rec) return [];
  const org = await store.organisations.byId(doc.organisation_id);
  let url: unknown;
  try {
    url = org ? (JSON.parse(org.settings) as Record<string, unknown>)[CALLBACK_SETTING] : undefined;
  } catch {
    url = undefined;
  }
  if (typeof url !== 'string' || !/^https?:\/\//i.test(url)) return [];
  const state = JSON.parse(rec.data) as PaperState;
  const failed = event === 'document.failed';
  const body: CallbackWire = {
    paper_id: doc.id,
    similarity: !failed && doc.similarity !== null ? `${percentText(doc.similarity)}%` : PENDING,
    download_url: `${state.base_url}/analysis-gateway/api/download2/${doc.id}/${reportKeyOf(doc)}`,
    flag: failed ? 1 : 0,
  };
  const delivery: PlannedDelivery = {
    url,
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    dedupeKey: `drillbit:callback:${doc.id}:${event}:${version ?? 0}`,
  };
  return [delivery];
};
