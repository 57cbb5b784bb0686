import type { FastifyInstance } from 'fastify';
import { openSqliteStore } from '../store/sqlite.js';
import { LocalBlobStore } from '../blob/index.js';
import { createServices, type Services } from '../services/services.js';
import { bootstrap } from '../services/bootstrap.js';
import { buildApp } from '../api/app.js';
import { createPipelineWorker, type Worker } from '../pipeline/index.js';
import type { Logger } from '../services/logger.js';
import { tempDir } from './server-process.js';
import { webPlugin } from '../web/index.js';
import type { ThrottleLimits } from '../services/throttle.js';

/** A logger that keeps quiet (tests read state, not logs). */
export const silentLog: Logger = {
  info() {}, warn() {}, error() {}, debug() {},
  child() {
    return silentLog;
  },
};

export interface AppFixture {
  app: FastifyInstance;
  services: Services;
  adminKey: string;
  worker: Worker | null;
  close: () => Promise<void>;
  /** inject() with the admin key (or another credential) and JSON handling. */
  call: (method: string, url: string, body?: unknown, key?: string | null) => Promise<{ status: number; body: any; headers: Record<string, unknown> }>;
}

/** An in-process app on an in-memory SQLite store, optionally with a worker: no port, no server. */
export async function appFixture(options: { worker?: boolean; maxUploadBytes?: number; web?: boolean; outboundAllow?: string; throttle?: Partial<ThrottleLimits> } = {}): Promise<AppFixture> {
  const dir = tempDir();
  const store = await openSqliteStore(':memory:');
  const blobs = new LocalBlobStore(`${dir.path}/blobs`);
  const maxUploadBytes = options.maxUploadBytes ?? 1024 * 1024;
  const services = await createServices({ store, blobs, log: silentLog, maxUploadBytes, jwtSecret: null, jwtTtlSeconds: 3600, publicUrl: null, outboundAllow: options.outboundAllow ?? null, throttle: options.throttle });
  const adminKey = 'fixture-admin-key-0123456789';
  await bootstrap(services, { adminKey, adminEmail: 'admin@example.org', adminPassword: 'correct horse battery' });
  // The web plug-in (report viewer, UI) is mounted as src/main/plugins.ts mounts it.
  const plugins = options.web ? [{ prefix: '', plugin: webPlugin(services) }] : [];
  const app = await buildApp(services, { maxUploadBytes, plugins });
  let worker: Worker | null = null;
  if (options.worker) {
    worker = createPipelineWorker({ store, blobs, events: services.ctx.events, log: silentLog, stepDelay: null, outbound: services.ctx.outbound }, { concurrency: 1, leaseMs: 10_000, webhookBackoffBaseMs: 50 });
    worker.start();
  }
  const call: AppFixture['call'] = async (method, url, body, key = adminKey) => {
    const headers: Record<string, string> = {};
    if (key) headers.authorization = `Bearer ${key}`;
    let payload: string | undefined;
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = typeof body === 'string' ? body : JSON.stringify(body);
    }
    const res = await app.inject({ method: method as 'GET', url, headers, payload });
    let parsed: unknown = null;
    try {
      parsed = res.body ? JSON.parse(res.body) : null;
    } catch {
      parsed = res.body;
    }
    return { status: res.statusCode, body: parsed, headers: res.headers };
  };
  return {
    app,
    services,
    adminKey,
    worker,
    call,
    close: async () => {
      await app.close();
      if (worker) await worker.stop(1000);
      await store.close();
      dir.remove();
    },
  };
}
