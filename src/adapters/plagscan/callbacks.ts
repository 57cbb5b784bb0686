import type { DeliveryPlanner, PlannedDelivery } from '../../services/events.js';
import { parseOptions } from '../../services/document-options.js';
import { STATE } from './document-state.js';
import { VENDOR } from './records.js';

/** Where an organisation's PlagScan callback URL is kept: its settings (PATCH /api/v1/organisations/{id}). */
export const CALLBACK_SETTING = 'plagscan_callback_url';

export function callbackUrlOf(settings: Record<string, unknown>): string | null {
  const url = settings[CALLBACK_SETTING];
  if (typeof url !== 'string' || !/^https?:\/\//i.test(url)) return null;
  return url;
}

/** Appends a query string the way PlagScan did: `url?query`, or `url&query` when the URL has one. */
export function withQuery(url: string, query: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}${query}`;
}

/**
 * The organisation's callback URL is called with GET:
 *   after conversion  `?docID=8046327&status=0&mode=0&words=100` (mode = the document state;
 *                     254 and words 0 when no text could be extracted)
 *   after the check   `?8046327` (the Moodle plugin reads a bare number as "check finished"; a
 *                     docID parameter would make it read a conversion callback instead)
 * Only documents submitted through the PlagScan API are announced.
 */
export const plagscanPlanner: DeliveryPlanner = async ({ store, event, document: doc, version }) => {
  if (event !== 'document.converted' && event !== 'document.failed' && event !== 'document.done' && event !== 'document.changed') return [];
  if (!(await store.vendorRecords.get(VENDOR, 'document', doc.organisation_id, String(doc.id)))) return [];
  const org = await store.organisations.byId(doc.organisation_id);
  const url = org ? callbackUrlOf(JSON.parse(org.settings) as Record<string, unknown>) : null;
  if (!url) return [];
  const get = (query: string, dedupeKey: string): PlannedDelivery => ({ url: withQuery(url, query), method: 'GET', headers: { 'user-agent': 'PlagScan callback (Origo)' }, body: '', dedupeKey });
  if (event === 'document.converted') {
    const mode = parseOptions(doc.options).hold ? STATE.notStarted : STATE.checking;
    return [get(`docID=${doc.id}&status=${mode}&mode=${mode}&words=${doc.word_count ?? 0}`, `plagscan:converted:${doc.id}`)];
  }
  if (event === 'document.failed') {
    return [get(`docID=${doc.id}&status=${STATE.failed}&mode=${STATE.failed}&words=0`, `plagscan:failed:${doc.id}`)];
  }
  return [get(String(doc.id), `plagscan:checked:${doc.id}:v${version ?? 0}`)];
};
