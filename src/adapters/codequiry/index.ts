import type { FastifyPluginAsync } from 'fastify';
import type { Services } from '../../services/services.js';
import { acceptAnyBody } from '../shared/index.js';
import { CqError, cqErrorReply } from './errors.js';
import { CodequiryChecks } from './checks.js';
import { registerAccountRoutes } from './account-routes.js';
import { registerCheckRoutes } from './check-routes.js';
import { registerResultRoutes } from './result-routes.js';

/** 50 ZIPs of up to 10 MB each, plus the multipart framing. */
export const CODEQUIRY_BODY_LIMIT = 50 * 10 * 1024 * 1024 + 1024 * 1024;

/** Routes that answer without an API key. */
const OPEN = new Set(['/api/v1/version']);

/**
 * The Codequiry API v1 (`/api/v1/...` under the adapter's prefix): `apikey` header auth with the
 * organisation's API key, checks as code assignments, submissions as held ZIP documents.
 */
export function codequiryPlugin(services: Services): FastifyPluginAsync {
  return async (scope) => {
    acceptAnyBody(scope, CODEQUIRY_BODY_LIMIT);
    scope.decorateRequest('cqPrincipal', null);
    scope.setErrorHandler((err, req, reply) => cqErrorReply(err, req, reply));
    scope.setNotFoundHandler((_req, reply) => reply.code(404).send({ error: 'Route not found' }));
    scope.addHook('preHandler', async (req) => {
      const path = (req.routeOptions.url ?? '').replace(/^.*?(\/api\/v1\/)/, '$1');
      if (OPEN.has(path)) return;
      const raw = req.headers.apikey;
      const key = (Array.isArray(raw) ? raw[0] : raw)?.trim();
      const p = key ? await services.auth.fromApiKey(key, 'codequiry') : null;
      if (!p) throw new CqError(401, 'Invalid API key');
      req.cqPrincipal = p;
    });
    const checks = new CodequiryChecks(services);
    registerAccountRoutes(scope, services, checks);
    registerCheckRoutes(scope, services, checks);
    registerResultRoutes(scope, services, checks);
  };
}
