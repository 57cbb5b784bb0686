import Fastify from 'fastify';
import { installSecurityHeaders } from '../api/security-headers.js';
import { metricsRoutes, type MetricsAccess } from '../api/routes/metrics-routes.js';

/**
 * ORIGO_METRICS_PORT: GET /metrics alone on its own listener (ORIGO_METRICS_HOST, loopback by
 * default), in API and worker processes alike. Open without a token: who can reach the port may
 * scrape; with ORIGO_METRICS_TOKEN set, the token is required here too.
 */
export async function startMetricsServer(access: Omit<MetricsAccess, 'openWithoutToken'>, host: string, port: number): Promise<{ url: string; close: () => Promise<void> }> {
  const app = Fastify({ logger: false, forceCloseConnections: true });
  await installSecurityHeaders(app);
  metricsRoutes(app, { ...access, openWithoutToken: true });
  const url = await app.listen({ host, port });
  return { url, close: () => app.close() };
}
