import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { openApiDocument } from './openapi.js';
import type { Services } from '../services/services.js';
import { AppError } from '../services/errors.js';
import { sendError } from './error-reply.js';
import { authenticate } from './request-auth.js';
import { healthRoutes } from './routes/health-routes.js';
import { identityRoutes } from './routes/identity-routes.js';
import { assignmentRoutes } from './routes/assignment-routes.js';
import { documentRoutes } from './routes/document-routes.js';
import { reportRoutes } from './routes/report-routes.js';
import { repositoryRoutes } from './routes/repository-routes.js';
import { webhookRoutes } from './routes/webhook-routes.js';
import { openApiRoutes } from './routes/openapi-routes.js';
import { metricsRoutes } from './routes/metrics-routes.js';
import type { Metrics } from '../metrics/index.js';
import { installRetryAfter } from './retry-after.js';
import { installSecurityHeaders } from './security-headers.js';
import { rememberTrust, trustFunction } from './trusted-proxies.js';

declare module 'fastify' {
  interface FastifyInstance {
    origoRoutes: { method: string; url: string }[];
  }
}

export interface AppOptions {
  maxUploadBytes: number;
  /** A pino logger instance to log requests with; none in tests. */
  logger?: object;
  /** Plug-ins mounted beside the native API (vendor adapters, the web UI), each under its prefix. */
  plugins?: { prefix: string; plugin: FastifyPluginAsync }[];
  /** Serve the native API and its docs (false for a vendor served alone at the root of a second port). */
  native?: boolean;
  /** Prometheus metrics: every request is counted; GET /metrics needs ORIGO_METRICS_TOKEN (docs/operations.md). */
  metrics?: { metrics: Metrics; token: string | null };
  /** ORIGO_TRUSTED_PROXIES: peers whose X-Forwarded-For/-Proto/-Host are honoured; none: the socket's peer is the client. */
  trustedProxies?: string | null;
}

/**
 * Absolute-form request targets (`GET http://host/v3/ping HTTP/1.1`, sent by some vendor
 * clients) are routed by their path.
 */
export function routableUrl(url: string | undefined): string {
  if (!url) return '/';
  if (/^https?:\/\//i.test(url)) {
    try {
      const u = new URL(url);
      return `${u.pathname}${u.search}`;
    } catch {
      return url;
    }
  }
  return url;
}

/** Builds the HTTP application; only main/serve listens on a port. */
export async function buildApp(services: Services, options: AppOptions): Promise<FastifyInstance> {
  const trust = options.trustedProxies ? trustFunction(options.trustedProxies) : null;
  const app = Fastify({
    ...(trust ? { trustProxy: trust } : {}),
    ...(options.logger ? { loggerInstance: options.logger as FastifyBaseLogger } : { logger: false }),
    bodyLimit: options.maxUploadBytes + 1024 * 1024,
    rewriteUrl: (req) => routableUrl(req.url),
    frameworkErrors: (err, req, reply) => {
      sendError(req, reply, err);
    },
    return503OnClosing: true,
    forceCloseConnections: true,
    // Viewer links carry a signed token (a JWT of ~300 characters) as a path parameter; long ids get
    // a 404 from the handler, not the router's bare 414.
    routerOptions: { maxParamLength: 2048 },
    requestTimeout: 300_000,
  });
  rememberTrust(app, trust);
  app.decorateRequest('principal', null);
  await installSecurityHeaders(app);
  const metrics = options.metrics?.metrics;
  if (metrics) app.addHook('onResponse', async (req, reply) => metrics.observeRequest(req.method, req.routeOptions.url ?? null, reply.statusCode, reply.elapsedTime / 1000));
  installRetryAfter(app);
  // Every route registered, for the test that checks the OpenAPI document describes them all.
  const routes: { method: string; url: string }[] = [];
  app.decorate('origoRoutes', routes);
  app.addHook('onRoute', (r) => {
    for (const m of [r.method].flat()) routes.push({ method: String(m), url: r.url });
  });
  await app.register(multipart, { limits: { fileSize: options.maxUploadBytes, files: 60, fields: 200, fieldSize: 10 * 1024 * 1024, parts: 300 } });

  if (options.native !== false) {
    // The docs page renders the same document GET /openapi.json serves.
    await app.register(swagger, { mode: 'static', specification: { document: openApiDocument as never } });
    await app.register(swaggerUi, { routePrefix: '/docs' });
  }

  app.setErrorHandler((err, req, reply) => sendError(req, reply, err));
  app.setNotFoundHandler((req, reply) => sendError(req, reply, new AppError('route_not_found', `No endpoint ${req.method} ${req.url.split('?')[0]}.`)));

  if (options.native !== false) await app.register(async (native) => {
    native.addHook('onRequest', async (req) => {
      const cfg = req.routeOptions.config as { public?: boolean } | undefined;
      if (req.url.startsWith('/api/v1/') && !cfg?.public) await authenticate(services, req);
    });
    healthRoutes(native, services);
    if (options.metrics) metricsRoutes(native, { ...options.metrics, openWithoutToken: false });
    openApiRoutes(native);
    identityRoutes(native, services);
    assignmentRoutes(native, services);
    documentRoutes(native, services);
    reportRoutes(native, services);
    repositoryRoutes(native, services);
    webhookRoutes(native, services);
  });

  for (const p of options.plugins ?? []) await app.register(p.plugin, { prefix: p.prefix });
  return app as unknown as FastifyInstance;
}
