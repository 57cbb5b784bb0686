import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../services/errors.js';
import { toAppError } from '../../api/error-reply.js';
import { timeStamp } from './wire-format.js';

/** HTTP status → DrillBit's `description` (Spring's HttpStatus names). */
const DESCRIPTIONS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE_ENTITY',
  429: 'TOO_MANY_REQUESTS',
  500: 'INTERNAL_SERVER_ERROR',
  503: 'SERVICE_UNAVAILABLE',
};

/** An error in DrillBit's own wire form, with its status and message. */
export class DrillbitError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const REPORT_NOT_READY = (what: string) => new DrillbitError(400, `The ${what} report is either not yet ready or not available.`);

/** DrillBit's error body: `{status, description, timestamp, message, debugMessage, subErrors, path}`. */
export function errorBody(status: number, message: string, path: string) {
  return { status, description: DESCRIPTIONS[status] ?? 'ERROR', timestamp: timeStamp(), message, debugMessage: message, subErrors: null, path };
}

function toDrillbit(err: unknown): DrillbitError {
  if (err instanceof DrillbitError) return err;
  const app = err instanceof AppError ? err : toAppError(err);
  // Origo's "not finished" is 409; DrillBit answers 400 for anything not ready.
  if (app.code === 'not_ready') return new DrillbitError(400, app.message);
  if (app.code === 'invalid_json' || app.code === 'validation_failed') return new DrillbitError(app.code === 'invalid_json' ? 400 : 422, app.message);
  return new DrillbitError(app.status, app.message);
}

/** Every error and unknown path inside the DrillBit scope answers in DrillBit's shape. */
export function installErrorHandlers(scope: FastifyInstance, prefix: string): void {
  const path = (req: FastifyRequest) => req.url.split('?')[0].slice(prefix.length) || '/';
  scope.setErrorHandler((err, req, reply) => sendDrillbitError(req, reply, err, path(req)));
  // A catch-all route rather than a not-found handler: at the root of a second port the app's own
  // not-found handler already owns the prefix.
  scope.all('/*', async (req) => {
    throw new DrillbitError(404, `No endpoint ${req.method} ${path(req)}.`);
  });
}

/** `path` is the request path as DrillBit would see it (without Origo's mount prefix). */
export function sendDrillbitError(req: FastifyRequest, reply: FastifyReply, err: unknown, path: string): FastifyReply {
  const e = toDrillbit(err);
  if (e.status >= 500) req.log.error({ err }, 'drillbit adapter error');
  return reply.code(e.status).type('application/json; charset=utf-8').send(errorBody(e.status, e.message, path));
}
