import type { Store, WebhookDeliveryRow, WebhookEndpointRow } from '../store/index.js';
import { nowIso } from '../store/index.js';
import type { ServiceContext } from './context.js';
import { invalid, notFound } from './errors.js';
import { publicId } from './ids.js';
import type { Principal } from './principal.js';
import { require as requireAction } from './policy.js';
import { randomSecret } from './secrets.js';
import type { EventContext, PlannedDelivery } from './events.js';
import { percent } from './report-service.js';
import { signBody } from '../webhook/index.js';

/** The longest webhook secret a caller may choose (characters). */
export const MAX_SECRET = 512;

const EVENTS = ['*', 'document.received', 'document.processing', 'document.converted', 'document.done', 'document.failed', 'document.changed'];

function validUrl(url: unknown): string {
  if (typeof url !== 'string') throw invalid('url is required', { fields: { url: 'is required' } });
  if (url.length > 2048) throw invalid('url must be at most 2048 characters', { fields: { url: 'must be at most 2048 characters' } });
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error();
    return u.toString();
  } catch {
    throw invalid('url must be an http(s) URL', { fields: { url: 'must be an http(s) URL' } });
  }
}

/** Native webhooks: endpoints per organisation or per document, and the deliveries made to them. */
export class WebhookService {
  constructor(private readonly ctx: ServiceContext) {}

  async create(p: Principal, input: { url?: unknown; events?: unknown; document_id?: unknown; secret?: unknown }): Promise<WebhookEndpointRow> {
    requireAction(p, 'webhooks.manage');
    const url = await this.checkedUrl(validUrl(input.url), 'url');
    const events = input.events ?? ['*'];
    if (!Array.isArray(events) || events.length === 0 || !events.every((e) => EVENTS.includes(e as string))) {
      throw invalid(`events must be a list of: ${EVENTS.join(', ')}`, { fields: { events: 'unknown event' } });
    }
    let documentId: number | null = null;
    if (input.document_id !== undefined && input.document_id !== null) {
      const doc = await this.ctx.store.documents.byPublicId(p.organisationId, String(input.document_id));
      if (!doc) throw notFound('Document');
      documentId = doc.id;
    }
    if (input.secret !== undefined && (typeof input.secret !== 'string' || input.secret.length < 16)) throw invalid('secret must be at least 16 characters');
    // An HMAC key gains nothing past its hash's block size; the cap keeps a stored secret small.
    if (typeof input.secret === 'string' && input.secret.length > MAX_SECRET) throw invalid(`secret must be at most ${MAX_SECRET} characters`);
    return this.ctx.store.webhooks.createEndpoint({
      public_id: publicId('whk'),
      organisation_id: p.organisationId,
      document_id: documentId,
      url,
      secret: (input.secret as string | undefined) ?? randomSecret(),
      events: JSON.stringify(events),
      active: 1,
      created_at: nowIso(),
    });
  }

  /**
   * The outbound policy's verdict on a URL a client sets (webhooks, vendor callback URLs): null
   * when Origo may call it, else why not (internal addresses are refused; ORIGO_OUTBOUND_ALLOW
   * admits chosen receivers). Deliveries are checked again when they connect.
   */
  async targetProblem(url: string): Promise<string | null> {
    return this.ctx.outbound.checkUrl(url);
  }

  /** The URL when the policy allows it; 422 naming `field` otherwise. */
  async checkedUrl(url: string, field: string): Promise<string> {
    const problem = await this.targetProblem(url);
    if (problem) throw invalid(`${field}: ${problem}`, { fields: { [field]: problem } });
    return url;
  }

  async list(p: Principal): Promise<WebhookEndpointRow[]> {
    requireAction(p, 'webhooks.manage');
    return this.ctx.store.webhooks.endpoints(p.organisationId);
  }

  async delete(p: Principal, id: string): Promise<void> {
    requireAction(p, 'webhooks.manage');
    const e = await this.ctx.store.webhooks.endpointByPublicId(p.organisationId, id);
    if (!e) throw notFound('Webhook');
    await this.ctx.store.webhooks.deleteEndpoint(e.id);
  }

  async deliveries(p: Principal, limit = 100): Promise<WebhookDeliveryRow[]> {
    requireAction(p, 'webhooks.manage');
    return this.ctx.store.webhooks.deliveries(p.organisationId, Math.min(Math.max(limit, 1), 500));
  }

  /** The native planner: a signed JSON POST to every subscribed endpoint. */
  readonly plan = async (ev: EventContext): Promise<PlannedDelivery[]> => {
    const endpoints = await ev.store.webhooks.endpointsFor(ev.document.organisation_id, ev.document.id);
    const chosen = endpoints.filter((e) => {
      const events = JSON.parse(e.events) as string[];
      return events.includes('*') || events.includes(ev.event);
    });
    if (chosen.length === 0) return [];
    const doc = ev.document;
    const payload = {
      event: ev.event,
      document: {
        id: doc.public_id,
        status: doc.status,
        reason: doc.reason,
        similarity: doc.similarity === null ? null : percent(doc.similarity),
        report_version: ev.version,
      },
      occurred_at: nowIso(),
    };
    const body = JSON.stringify(payload);
    return chosen.map((e) => ({
      url: e.url,
      method: 'POST' as const,
      headers: { 'content-type': 'application/json', 'x-origo-event': ev.event },
      body,
      signWith: e.secret,
      endpointId: e.id,
      dedupeKey: `native:${e.id}:${doc.id}:${ev.event}:${ev.version ?? 0}`,
    }));
  };

  /**
   * Records and queues deliveries that are not about a document (a vendor's "test your callback"
   * request): delivered and retried like every other delivery.
   */
  async sendUnrelated(organisationId: number, event: string, planned: PlannedDelivery[]): Promise<void> {
    await this.ctx.store.transaction((tx) => WebhookService.record(tx, organisationId, event, planned));
  }

  /** Records planned deliveries and queues them (inside the notify step's transaction). */
  static async record(tx: Store, organisationId: number, event: string, planned: PlannedDelivery[]): Promise<void> {
    for (const d of planned) {
      const pid = publicId('dlv');
      const headers: Record<string, string> = { 'user-agent': 'Origo-Webhooks/1', ...(d.headers ?? {}), 'x-origo-delivery': pid };
      if (d.signWith) headers['x-origo-signature'] = signBody(d.signWith, d.body);
      const row = await tx.webhooks.addDelivery({
        public_id: pid,
        organisation_id: organisationId,
        endpoint_id: d.endpointId ?? null,
        event,
        method: d.method,
        url: d.url,
        headers: JSON.stringify(headers),
        body: d.body,
        status: 'pending',
        attempts: 0,
        last_status_code: null,
        last_error: null,
        dedupe_key: d.dedupeKey,
        created_at: nowIso(),
        delivered_at: null,
      });
      if (row) await tx.jobs.enqueue('deliver', { deliveryId: row.id }, { dedupeKey: `deliver:${row.id}`, maxAttempts: 8 });
    }
  }
}
