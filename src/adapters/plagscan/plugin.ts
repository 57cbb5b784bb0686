import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Services } from '../../services/services.js';
import { acceptAnyBody } from '../shared/index.js';
import { authorise, tokenRoute } from './access.js';
import { MESSAGES, PlagScanError, sendPlagScanError } from './wire-errors.js';
import { documentRoutes } from './document-routes.js';
import { userRoutes } from './user-routes.js';
import { submissionRoutes } from './submission-routes.js';
import { organisationRoutes } from './organisation-routes.js';
import { plagscanPlanner } from './callbacks.js';

/** Paths that need no access token. */
const PUBLIC = new Set(['/v3/ping', '/v3/token']);

/**
 * PlagScan API v3. Mounted with the prefix `/plagscan` (so clients use the base URL
 * `http://host:port/plagscan/v3`), or at the root of its own port (`/v3/...`, the path of the
 * original service) with ORIGO_COMPAT_ROOT_PLAGSCAN_PORT.
 */
export function plagscanPlugin(services: Services, options: { bodyLimit: number }): FastifyPluginAsync {
  services.events.subscribe('plagscan', plagscanPlanner);
  return async (outer) => {
    // Everything lives under /v3, in a scope of its own, so its not-found handler never clashes
    // with the application's (the prefix is /plagscan/v3, or /v3 at the root of a second port).
    await outer.register(
      async (app) => {
        acceptAnyBody(app, options.bodyLimit);
        app.decorateRequest('plagscanPrincipal', null);
        app.setErrorHandler((err, req, reply) => sendPlagScanError(req, reply, err));
        app.setNotFoundHandler((req, reply) => sendPlagScanError(req, reply, new PlagScanError(404, MESSAGES.notFound)));
        const needsToken = (req: FastifyRequest) => {
          const path = req.routeOptions.url ?? '';
          return path !== '' && ![...PUBLIC].some((p) => path.endsWith(p));
        };
        // A token in the request's head is checked before the body is read (onRequest); only a
        // request whose head has none waits for its body, where form clients put the token.
        app.addHook('onRequest', async (req) => {
          if (needsToken(req)) req.plagscanPrincipal = await authorise(services, req, true);
        });
        app.addHook('preHandler', async (req) => {
          if (needsToken(req) && !req.plagscanPrincipal) req.plagscanPrincipal = await authorise(services, req, false);
        });

        app.get('/ping', async () => ({ data: { status: 'ok' } }));
        tokenRoute(app, services);
        documentRoutes(app, services);
        userRoutes(app, services);
        submissionRoutes(app, services);
        organisationRoutes(app, services);
      },
      { prefix: '/v3' },
    );
  };
}
