import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Metrics } from '../../metrics/index.js';
import { AppError } from '../../services/errors.js';
import { sendError } from '../error-reply.js';

export interface MetricsAccess {
  metrics: Metrics;
  /** ORIGO_METRICS_TOKEN: when set, a scrape must send `Authorization: Bearer <token>`. */
  token: string | null;
  /**
   * Without a token: true serves /metrics to anyone who reaches this listener (the separate
   * metrics port, bound to loopback by default); false answers 404, as the main port does.
   */
  openWithoutToken: boolean;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** GET /metrics in Prometheus text format, guarded as MetricsAccess says. */
export function metricsRoutes(app: FastifyInstance, access: MetricsAccess): void {
  const expected = access.token ? digest(access.token) : null;
  app.get('/metrics', { config: { public: true } }, async (req, reply) => {
    if (expected) {
      const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
      if (!m || !timingSafeEqual(digest(m[1]), expected)) {
        reply.header('www-authenticate', 'Bearer realm="origo-metrics"');
        return sendError(req, reply, new AppError('unauthorized', 'Send the metrics token (ORIGO_METRICS_TOKEN) as a Bearer token.'));
      }
    } else if (!access.openWithoutToken) {
      return sendError(req, reply, new AppError('route_not_found', 'Metrics are not served on this port: set ORIGO_METRICS_TOKEN, or ORIGO_METRICS_PORT for a listener of their own.'));
    }
    const { contentType, body } = await access.metrics.render();
    return reply.type(contentType).header('cache-control', 'no-store').send(body);
  });
}
