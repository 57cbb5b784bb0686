import type { Store } from '../store/index.js';
import type { BlobStore } from '../blob/index.js';
import type { Logger } from '../services/logger.js';
import type { EventBus } from '../services/events.js';
import type { Metrics } from '../metrics/index.js';
import type { OutboundPolicy } from '../webhook/index.js';

/** What the pipeline's steps work with. */
export interface PipelineDeps {
  store: Store;
  blobs: BlobStore;
  events: EventBus;
  log: Logger;
  /** Debug aid: a pause inside one step, to make crash tests deterministic. */
  stepDelay: { step: string; ms: number } | null;
  /** Prometheus metrics (job durations, extraction failures); none in most tests. */
  metrics?: Metrics;
  /** Which receivers deliveries may call (ORIGO_OUTBOUND_ALLOW); public addresses only when absent. */
  outbound?: OutboundPolicy;
}

/** Sleeps unless aborted; used by the debug step delay. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(t);
      reject(new Error('aborted'));
    }, { once: true });
  });
}

export async function debugDelay(deps: PipelineDeps, step: string, signal: AbortSignal): Promise<void> {
  if (deps.stepDelay && deps.stepDelay.step === step) {
    deps.log.info({ step, ms: deps.stepDelay.ms }, 'debug step delay');
    await pause(deps.stepDelay.ms, signal);
  }
}
