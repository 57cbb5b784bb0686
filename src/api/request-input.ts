import type { FastifyRequest } from 'fastify';
import { AppError } from '../services/errors.js';
import { page } from '../services/context.js';

/** The JSON object body of a request; anything else is a 400 or 422 with a clear message. */
export function objectBody(req: FastifyRequest): Record<string, unknown> {
  const body = req.body;
  if (body === undefined || body === null || body === '') return {};
  if (typeof body !== 'object' || Array.isArray(body) || Buffer.isBuffer(body)) {
    throw new AppError('validation_failed', 'The request body must be a JSON object.');
  }
  return body as Record<string, unknown>;
}

export function query(req: FastifyRequest): Record<string, string | undefined> {
  return (req.query ?? {}) as Record<string, string | undefined>;
}

/** `?limit=&offset=` paging, bounded. */
export function paging(req: FastifyRequest): { limit: number; offset: number } {
  const q = query(req);
  const parse = (v: string | undefined, name: string) => {
    if (v === undefined || v === '') return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new AppError('validation_failed', `${name} must be a non-negative integer`);
    return n;
  };
  const limit = parse(q.limit, 'limit');
  // A page of nothing is no request anyone means (it used to be served as 50 items).
  if (limit === 0) throw new AppError('validation_failed', 'limit must be at least 1 (at most 500 items are served)', { fields: { limit: 'must be at least 1' } });
  return page({ limit, offset: parse(q.offset, 'offset') });
}

export function param(req: FastifyRequest, name: string): string {
  return String((req.params as Record<string, string>)[name] ?? '');
}
