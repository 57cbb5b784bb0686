import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../services/services.js';
import type { Principal } from '../../services/principal.js';
import { looseInt, looseString } from '../shared/index.js';
import { MESSAGES, PlagScanError } from './wire-errors.js';
import { setRetryAfter } from '../../api/retry-after.js';

/** PlagScan tokens live an hour (`expires_in` 3600 in the documents). */
export const TOKEN_TTL_SECONDS = 3600;

declare module 'fastify' {
  interface FastifyRequest {
    plagscanPrincipal: Principal | null;
  }
}

/**
 * POST /v3/token: `client_id` (the organisation's public id, as GET /api/v1/me shows it) and
 * `client_secret` (an API key of the organisation), as multipart, JSON or form fields, with an
 * optional `user` (a PlagScan user id) for a token that acts as that user. Asking again with the
 * same credentials refreshes (any `grant_type` is accepted).
 */
export function tokenRoute(app: FastifyInstance, services: Services): void {
  app.post('/token', async (req) => {
    const p = req.wire!.params;
    const clientId = looseString(p.client_id)?.trim() ?? '';
    const secret = looseString(p.client_secret)?.trim() ?? '';
    if (!clientId || !secret) throw new PlagScanError(400, 'The parameters client_id and client_secret are required');
    const user = p.user === undefined || p.user === '' ? null : looseInt(p.user);
    if (user === undefined) throw new PlagScanError(422, 'Validation failed for the field user');
    const issued = await services.vendorTokens.issue('plagscan', { organisationPublicId: clientId, apiKey: secret, clientIp: req.ip, userId: user, ttlSeconds: TOKEN_TTL_SECONDS });
    if (typeof issued === 'object' && 'rateLimited' in issued) {
      setRetryAfter(req, issued.rateLimited);
      throw new PlagScanError(429, MESSAGES.tooManyAttempts);
    }
    if (issued === 'ip_not_allowed') throw new PlagScanError(403, MESSAGES.ipNotAllowed);
    if (issued === 'unknown_user') throw new PlagScanError(404, MESSAGES.userMissing);
    if (typeof issued === 'string') throw new PlagScanError(401, MESSAGES.badCredentials);
    return { access_token: issued.token, expires_in: TOKEN_TTL_SECONDS, token_type: 'Bearer', scope: null };
  });
}

/** The access token a request carries in its head: `access_token` in the query string, or (leniently) a Bearer header. */
export function tokenInHead(req: FastifyRequest): string | undefined {
  const fromQuery = looseString((req.query as Record<string, unknown> | undefined)?.access_token);
  return fromQuery ?? /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
}

/**
 * Every other call: `access_token` in the query string (the usual place) or, leniently, a Bearer
 * header is checked from the request's head, before its body is read (`early`), so a caller with
 * a bad token never makes the server buffer an upload. Clients that send the token only in a form
 * body (deseretdigital, dangchuong) are checked once the body is read. When the head has a token,
 * that token is the credential (a token in the body as well is not consulted).
 */
export async function authorise(services: Services, req: FastifyRequest, early: boolean): Promise<Principal | null> {
  const token = tokenInHead(req) ?? (early ? undefined : looseString(req.wire!.params.access_token));
  if (!token) {
    if (early) return null;
    throw new PlagScanError(401, MESSAGES.tokenMissing);
  }
  const r = await services.vendorTokens.verify('plagscan', token, req.ip);
  if (r === 'ip_not_allowed') throw new PlagScanError(403, MESSAGES.ipNotAllowed);
  if (typeof r === 'string') throw new PlagScanError(401, MESSAGES.tokenInvalid);
  return r.principal;
}

export function principal(req: FastifyRequest): Principal {
  if (!req.plagscanPrincipal) throw new PlagScanError(401, MESSAGES.tokenMissing);
  return req.plagscanPrincipal;
}
