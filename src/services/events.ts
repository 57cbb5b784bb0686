import type { DocumentRow, Store } from '../store/index.js';

/** Things that happen to a document, announced to webhooks and vendor callbacks. */
export type DocumentEvent = 'document.received' | 'document.processing' | 'document.converted' | 'document.done' | 'document.failed' | 'document.changed';

/** A request to be delivered (durably, with retries) to some receiver. */
export interface PlannedDelivery {
  url: string;
  method: 'POST' | 'PUT' | 'GET';
  headers?: Record<string, string>;
  /** Body text; empty for GET. */
  body: string;
  /** Secret for an HMAC-SHA256 signature header, when the receiver verifies one. */
  signWith?: string | null;
  /** Key that makes the delivery unique, so a replayed step never sends it twice. */
  dedupeKey: string;
  endpointId?: number | null;
}

export interface EventContext {
  store: Store;
  event: DocumentEvent;
  document: DocumentRow;
  /** The analysis version the event is about, when there is one. */
  version: number | null;
}

/** Something that turns document events into deliveries: native webhooks and each vendor adapter. */
export type DeliveryPlanner = (ctx: EventContext) => Promise<PlannedDelivery[]>;

/**
 * Adapters and the native API subscribe here at start-up; the pipeline's notify step asks every
 * planner what to send. This keeps the pipeline ignorant of vendor wire formats.
 */
export class EventBus {
  private readonly planners: { name: string; plan: DeliveryPlanner }[] = [];

  subscribe(name: string, plan: DeliveryPlanner): void {
    this.planners.push({ name, plan });
  }

  async plan(ctx: EventContext): Promise<PlannedDelivery[]> {
    const out: PlannedDelivery[] = [];
    for (const p of this.planners) out.push(...(await p.plan(ctx)));
    return out;
  }
}
