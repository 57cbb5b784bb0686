import type { Store } from '../store/index.js';
import type { BlobStore } from '../blob/index.js';
import type { TokenSigner } from './tokens.js';
import type { Logger } from './logger.js';
import type { EventBus } from './events.js';
import type { OutboundPolicy } from '../webhook/index.js';

/** What every service is built from. */
export interface ServiceContext {
  store: Store;
  blobs: BlobStore;
  tokens: TokenSigner;
  log: Logger;
  events: EventBus;
  limits: { maxUploadBytes: number };
  jwtTtlSeconds: number;
  /** Base URL for links handed to clients, when configured; otherwise taken from each request. */
  publicUrl: string | null;
  /** Which receivers webhooks and vendor callbacks may target (checked when a URL is set and at connect time). */
  outbound: OutboundPolicy;
}

export interface PageRequest {
  limit?: number;
  offset?: number;
}

export function page(req: PageRequest = {}): { limit: number; offset: number } {
  const limit = Math.min(Math.max(Math.trunc(req.limit ?? 50) || 50, 1), 500);
  const offset = Math.max(Math.trunc(req.offset ?? 0) || 0, 0);
  return { limit, offset };
}
