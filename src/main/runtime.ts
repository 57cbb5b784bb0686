import { join } from 'node:path';
import pino from 'pino';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/config.js';
import { openStore, type Store } from '../store/index.js';
import { DatabaseBlobStore, LocalBlobStore, TieredBlobStore, type BlobStore } from '../blob/index.js';
import { createServices, type Services } from '../services/services.js';
import { bootstrap } from '../services/bootstrap.js';
import { buildApp } from '../api/app.js';
import { requestLogSerializers } from '../api/request-log.js';
import { createPipelineWorker, type Worker } from '../pipeline/index.js';
import type { Logger } from '../services/logger.js';
import { mountedPlugins } from './plugins.js';
import { Metrics } from '../metrics/index.js';
import { startMetricsServer } from './metrics-server.js';
import { announceFirstStart, linkBase } from './first-start.js';
import { closeExtractionPools, warmExtractionPool } from '../extract/index.js';

export interface Runtime {
  config: Config;
  store: Store;
  services: Services;
  app: FastifyInstance | null;
  worker: Worker | null;
  metrics: Metrics;
  /** Address the HTTP server listens on, e.g. http://127.0.0.1:8080. */
  url: string | null;
  stop: () => Promise<void>;
}

/**
 * Starts one Origo process: the store (SQLite or PostgreSQL), blobs, services, the HTTP API
 * (unless disabled) and in-process workers (unless 0). Every process of an installation runs
 * this; API-only and worker-only processes are the same code with other settings.
 */
export async function startRuntime(config: Config, options: { log?: Logger } = {}): Promise<Runtime> {
  const log: Logger = options.log ?? (pino({ level: config.logLevel, base: { pid: process.pid }, serializers: requestLogSerializers }) as unknown as Logger);
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const folder = new LocalBlobStore(join(config.dataDir, 'blobs'));
  // In the database, every process reads every upload without a shared folder (files kept in the
  // folder before stay readable there).
  const blobs: BlobStore = config.blobStore === 'database' ? new TieredBlobStore(new DatabaseBlobStore(store.blobs), folder, (k) => k.startsWith('db/')) : folder;
  const services = await createServices({
    store,
    blobs,
    log,
    maxUploadBytes: config.maxUploadBytes,
    jwtSecret: config.jwtSecret,
    jwtTtlSeconds: config.jwtTtlSeconds,
    publicUrl: config.publicUrl,
    outboundAllow: config.outboundAllow,
    throttle: config.throttle,
  });
  // Only a process that serves HTTP creates the default organisation: a worker (ORIGO_API=0) has no
  // address for the one-time link, and a key it generated would lie in its own machine's folder.
  const boot = config.api ? await bootstrap(services, config) : null;

  const metrics = new Metrics(() => store.jobs.countOpen());
  const metricsAccess = { metrics, token: config.metricsToken };
  const plugins = await mountedPlugins(services, config);
  let app: FastifyInstance | null = null;
  let url: string | null = null;
  const rootApps: FastifyInstance[] = [];
  if (config.api) {
    app = await buildApp(services, { maxUploadBytes: config.maxUploadBytes, logger: log as never, plugins, metrics: metricsAccess, trustedProxies: config.trustedProxies });
    url = await app.listen({ port: config.port, host: config.host });
    log.info({ url, database: store.dialect, dataDir: config.dataDir }, 'Origo is listening');
    if (!config.publicUrl) log.warn('ORIGO_PUBLIC_URL is not set: links handed out use the address each client connected to (or what a trusted proxy names); set it in production');
    // Clients with hard-coded paths: one vendor API alone at the root of a second port.
    for (const [vendor, port] of Object.entries(config.compatRootPorts)) {
      const mounted = plugins.find((p) => p.vendor === vendor);
      if (!mounted) throw new Error(`ORIGO_COMPAT_ROOT_${vendor.toUpperCase()}_PORT is set, but the ${vendor} API is not available`);
      const rootApp = await buildApp(services, { maxUploadBytes: config.maxUploadBytes, logger: log as never, native: false, plugins: [{ prefix: '', plugin: mounted.plugin }], metrics: metricsAccess, trustedProxies: config.trustedProxies });
      const rootUrl = await rootApp.listen({ port, host: config.host });
      rootApps.push(rootApp);
      log.info({ vendor, url: rootUrl }, 'vendor API served at the root of its own port');
    }
  }
  if (boot?.created) {
    // First start: the key goes to a 0600 file, the one-time link into the web UI is printed.
    const port = app ? (app.server.address() as { port: number }).port : config.port;
    await announceFirstStart(services, { dataDir: config.dataDir, baseUrl: linkBase(config.publicUrl, config.host, port), generatedKey: boot.generatedKey });
  }

  // /metrics on a listener of its own: the way to scrape worker-only processes.
  const metricsServer = config.metricsPort !== null ? await startMetricsServer(metricsAccess, config.metricsHost, config.metricsPort) : null;
  if (metricsServer) log.info({ url: metricsServer.url }, 'metrics served on their own port');

  let worker: Worker | null = null;
  if (config.workers > 0) {
    worker = createPipelineWorker(
      { store, blobs, events: services.ctx.events, log, stepDelay: config.stepDelay, metrics, outbound: services.ctx.outbound },
      { concurrency: config.workers, leaseMs: config.jobLeaseMs, webhookBackoffBaseMs: config.webhookBackoffMs },
    );
    worker.start();
    warmExtractionPool();
  }

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    log.info('shutting down');
    if (app) await app.close();
    for (const a of rootApps) await a.close();
    if (metricsServer) await metricsServer.close();
    if (worker) await worker.stop();
    await closeExtractionPools();
    await store.close();
    log.info('stopped');
  };
  return { config, store, services, app, worker, metrics, url, stop };
}
