import type { FastifyPluginAsync } from 'fastify';
import type { Services } from '../../services/services.js';
import { acceptAnyBody } from '../shared/index.js';
import { authorise } from './access.js';
import { InsperaError, MESSAGES, sendInsperaError } from './wire-errors.js';
import { tokenRoutes } from './token-routes.js';
import { submissionRoutes } from './submission-routes.js';
import { documentRoutes } from './document-routes.js';
import { userRoutes } from './user-routes.js';
import { institutionRoutes } from './institution-routes.js';
import { insperaPlanner } from './webhook-planner.js';

/** Routes that need no bearer token: the two token endpoints and the presigned upload URL. */
const PUBLIC = /\/(generateToken|token|upload\/:token|\*)$/;

/**
 * Inspera Originality, both API generations, mounted with the prefix `/inspera` (clients use the
 * base URL `http://host:port/inspera`), or at the root of its own port with
 * ORIGO_COMPAT_ROOT_INSPERA_PORT.
 */
export function insperaPlugin(services: Services, options: { bodyLimit: number }): FastifyPluginAsync {
  services.events.subscribe('inspera', insperaPlanner);
  return async (app) => {
    acceptAnyBody(app, options.bodyLimit);
    app.decorateRequest('insperaPrincipal', null);
    app.setErrorHandler((err, req, reply) => sendInsperaError(req, reply, err));
    // A catch-all route rather than a not-found handler: at the root of a second port the app's own
    // not-found handler already owns the prefix.
    app.all('/*', async () => {
      throw new InsperaError(404, MESSAGES.notFound);
    });
    // The bearer token is checked as soon as the request's head has arrived (onRequest), before
    // the body is read: a caller without a valid token must not make the server buffer an upload
    // (up to the upload limit) before its 401. The token endpoints take their credentials in the
    // body and check them in their handlers.
    app.addHook('onRequest', async (req) => {
      const route = req.routeOptions.url ?? '';
      if (route && !PUBLIC.test(route)) req.insperaPrincipal = await authorise(services, req);
    });
    tokenRoutes(app, services);
    submissionRoutes(app, services);
    documentRoutes(app, services);
    userRoutes(app, services);
    institutionRoutes(app, services);
  };
}
