import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { Services } from '../../services/services.js';
import { acceptAnyBody } from '../shared/index.js';
import { CqError, cqErrorReply } from './errors.js';
import { isRefusal, type Refusal } from '../../services/policy.js';
import { setRetryAfter } from '../../api/retry-after.js';
import { CodequiryChecks } from './checks.js';
import { registerAccountRoutes } from './account-routes.js';
import { registerCheckRoutes } from './check-routes.js';
import { registerResultRoutes } from './result-routes.js';

/** 50 ZIPs of up to 10 MB each, plus the multipart framing. */
export const CODEQUIRY_BODY_LIMIT = 50 * 10 * 1024 * 1024 + 1024 * 1024;


/**
 * The Codequiry API v1 (`/api/v1/...` under the adapter's prefix): `apikey` header auth with the
 * organisation's API key, checks as code assignments, submissions as held ZIP documents.
 */
export function codequiryPlugin(services: Services): FastifyPluginAsync {
  // Everything lives under /api/v1 inside the adapter's prefix; that inner scope owns the not-found
  // handler (a scope mounted at the root of a second port cannot replace the root one).
  return async (outer) => {
    await outer.register(async (scope) => api(scope, services), { prefix: '/api/v1' });
  };
}

async function api(scope: FastifyInstance, services: Services): Promise<void> {
  {
    acceptAnyBody(scope, CODEQUIRY_BODY_LIMIT);
    scope.decorateRequest('cqPrincipal', null);
    scope.setErrorHandler((err, req, reply) => cqErrorReply(err, req, reply));
    scope.setNotFoundHandler((_req, reply) => reply.code(404).send({ error: 'Route not found' }));
    // The key is checked as soon as the request's head has arrived (onRequest), before its body is
    // read: a caller without a valid key must not make the server buffer up to 501 MB first.
    scope.addHook('onRequest', async (req) => {
      // /version answers without a key.
      if ((req.routeOptions.url ?? '').endsWith('/api/v1/version')) return;
      const raw = req.headers.apikey;
      const key = (Array.isArray(raw) ? raw[0] : raw)?.trim();
      const p = key ? await services.auth.fromApiKey(key, { surface: 'codequiry', ip: req.ip }) : ({ reason: 'invalid' } as Refusal);
      if (isRefusal(p)) {
        if (p.reason === 'rate_limited') {
          setRetryAfter(req, p.retryAfter);
          throw new CqError(429, 'Too many failed attempts. Try again later.');
        }
        if (p.reason === 'ip_not_allowed') throw new CqError(403, 'Requests with this API key are not allowed from your IP address');
        throw new CqError(401, 'Invalid API key');
      }
      req.cqPrincipal = p;
    });
    const checks = new CodequiryChecks(services);
    registerAccountRoutes(scope, services, checks);
    registerCheckRoutes(scope, services, checks);
    registerResultRoutes(scope, services, checks);
  }
}
