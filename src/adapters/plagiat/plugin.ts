import type { FastifyError, FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services/services.js';
import { AppError } from '../../services/errors.js';
import { acceptAnyBody } from '../shared/index.js';
import { documentRoutes } from './document-routes.js';
import { reportRoutes } from './report-routes.js';
import { userRoutes } from './user-routes.js';
import { orgRoutes } from './org-routes.js';
import { PlagiatError, errorBody, type ErrorShape } from './wire.js';
import { authenticateHead } from './credentials.js';

const JSON_TYPE = 'application/json; charset=UTF-8';

function shapeOf(req: FastifyRequest): ErrorShape {
  const cfg = req.routeOptions?.config as { shape?: ErrorShape } | undefined;
  return cfg?.shape ?? 'message';
}

function sendError(req: FastifyRequest, reply: FastifyReply, err: unknown): FastifyReply {
  let status = 500;
  let message = 'Internal Server Error';
  if (err instanceof PlagiatError) {
    status = err.status;
    message = err.message;
  } else if (err instanceof AppError) {
    status = err.status === 401 || err.status === 403 ? 403 : err.status >= 500 ? 500 : 400;
    message = err.message;
  } else {
    const fe = err as FastifyError;
    if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
      status = 400;
      message = fe.statusCode === 413 ? 'The file is too large' : 'The request does not follow the specification';
    } else {
      req.log.error({ err }, 'plagiat adapter error');
    }
  }
  const path = (req.url.split('?')[0] ?? '').replace(/^\/plagiat\/report/, '').replace(/^\/report/, '');
  return reply.code(status).type(JSON_TYPE).send(errorBody(shapeOf(req), status, message, path || '/'));
}

/** The Plagiat.pl LMS API v2 and its report pages, in one encapsulated scope with the vendor's own errors. */
export function plagiatPlugin(services: Services): FastifyPluginAsync {
  return async (scope: FastifyInstance) => {
    acceptAnyBody(scope, services.ctx.limits.maxUploadBytes + 1024 * 1024);
    scope.setErrorHandler((err, req, reply) => sendError(req, reply, err));
    scope.decorateRequest('plagiatPrincipal', null);
    // Every /api/v2 route needs an APIKEY: one in the request's head is checked before the body is read.
    scope.addHook('onRequest', async (req) => {
      if (/\/api\/v2\//.test(req.routeOptions.url ?? '')) await authenticateHead(services, req);
    });
    // A catch-all route rather than setNotFoundHandler: mounted at the root of a second port, this
    // scope shares the prefix "/" with the app, which already has a not-found handler.
    scope.all('/*', async (req, reply) => reply.code(404).type(JSON_TYPE).send({ message: `No endpoint ${req.method} ${req.url.split('?')[0]}` }));
    documentRoutes(scope, services);
    reportRoutes(scope, services);
    userRoutes(scope, services);
    orgRoutes(scope, services);
  };
}
