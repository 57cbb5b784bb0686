import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../services/errors.js';
import type { Principal } from '../../services/principal.js';

/** An error answered in Codequiry's own shape: `{"error": "..."}` plus optional extra fields. */
export class CqError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** Laravel-style 422 with `validation_errors`, as Codequiry answers failed validation. */
export function validationError(fields: Record<string, string>, message?: string): CqError {
  const validation_errors = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, [v]]));
  return new CqError(422, message ?? Object.values(fields)[0] ?? 'The given data was invalid.', { validation_errors });
}

export const invalidCheck = () => new CqError(422, 'Invalid check_id provided.');
export const demoReadOnly = () => new CqError(403, 'Demo assignments are read-only.');

export function cqErrorReply(err: unknown, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (err instanceof CqError) return reply.code(err.status).send({ error: err.message, ...err.extra });
  if (err instanceof AppError) {
    const status = err.code === 'payload_too_large' ? 422 : err.status;
    return reply.code(status).send({ error: err.message });
  }
  const e = err as { statusCode?: number; code?: string; message?: string };
  if (e.statusCode === 413 || e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return reply.code(413).send({ error: 'The request is too large' });
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) return reply.code(e.statusCode).send({ error: e.message ?? 'Bad request' });
  req.log.error({ err }, 'codequiry adapter failed');
  return reply.code(500).send({ error: 'Internal server error' });
}

declare module 'fastify' {
  interface FastifyRequest {
    cqPrincipal: Principal | null;
  }
}

export function principalOf(req: FastifyRequest): Principal {
  if (!req.cqPrincipal) throw new CqError(401, 'Invalid API key');
  return req.cqPrincipal;
}
