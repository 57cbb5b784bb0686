import type { FastifyRequest } from 'fastify';
import type { Services } from '../../services/services.js';
import type { Principal } from '../../services/principal.js';
import { looseString } from '../shared/index.js';
import { PlagiatError, forbidden } from './wire.js';
import { isRefusal, type Refusal } from '../../services/policy.js';
import { setRetryAfter } from '../../api/retry-after.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller of a /api/v2 route, when its key came in the request's head (checked before the body). */
    plagiatPrincipal: Principal | null;
  }
}

const KEY_NAMES = ['APIKEY', 'apiKey', 'apikey', 'api_key'] as const;

function keyOf(params: Record<string, unknown>): string | undefined {
  for (const name of KEY_NAMES) {
    const v = looseString(params[name])?.trim();
    if (params[name] !== undefined) return v || undefined;
  }
  return undefined;
}

/** The key a request carries in its head: the `APIKEY` query parameter (any spelling), else an `apikey` header. */
export function apiKeyInHead(req: FastifyRequest): string | undefined {
  const query = (req.query ?? {}) as Record<string, unknown>;
  if (KEY_NAMES.some((name) => query[name] !== undefined)) return keyOf(query);
  const header = req.headers.apikey;
  return (typeof header === 'string' ? header.trim() : '') || undefined;
}

/**
 * The `APIKEY` parameter (query for GET, form or multipart field for POST; Chamilo sends `apiKey`
 * in a JSON body) is an Origo API key: the organisation's own key, or a key an administrator issued
 * for the `plagiat` vendor.
 */
export function apiKeyParam(req: FastifyRequest): string | undefined {
  const p = req.wire!.params;
  const header = req.headers.apikey;
  return looseString(p.APIKEY ?? p.apiKey ?? p.apikey ?? p.api_key ?? (typeof header === 'string' ? header : undefined))?.trim() || undefined;
}

/**
 * A key in the request's head (query string or `apikey` header) is checked when the head has
 * arrived, before the body is read (an onRequest hook of the /api/v2 routes): a caller with a bad
 * key never makes the server buffer an upload first. That key is then the credential. A key sent
 * only in the body (the documented multipart `APIKEY` field) can only be checked once the body is
 * read, by `authenticate`.
 */
export async function authenticateHead(services: Services, req: FastifyRequest): Promise<void> {
  const key = apiKeyInHead(req);
  if (!key) return;
  req.plagiatPrincipal = principalOrError(req, await services.auth.fromApiKey(key, { surface: 'plagiat', ip: req.ip }));
}

export async function authenticate(services: Services, req: FastifyRequest): Promise<Principal> {
  if (req.plagiatPrincipal) return req.plagiatPrincipal;
  const key = apiKeyParam(req);
  if (!key) throw forbidden('Missing APIKEY');
  return principalOrError(req, await services.auth.fromApiKey(key, { surface: 'plagiat', ip: req.ip }));
}

/** A principal, or the refusal in Plagiat.pl's words (403 for a bad key or address, 429 when throttled). */
export function principalOrError(req: FastifyRequest, p: Principal | Refusal, invalidMessage = 'Invalid APIKEY'): Principal {
  if (!isRefusal(p)) return p;
  if (p.reason === 'rate_limited') {
    setRetryAfter(req, p.retryAfter);
    throw new PlagiatError(429, 'Too many failed attempts, try again later');
  }
  if (p.reason === 'ip_not_allowed') throw forbidden('This APIKEY is not allowed from your IP address');
  throw forbidden(invalidMessage);
}

/**
 * Client-level keys manage users and organisation units: a key without a user, or the key of an
 * organisation administrator. A user-level key is refused there.
 */
export function isClientLevel(p: Principal): boolean {
  return p.userId === null || p.role === 'admin';
}

export async function authenticateClient(services: Services, req: FastifyRequest): Promise<Principal> {
  const p = await authenticate(services, req);
  if (!isClientLevel(p)) throw forbidden('A client-level APIKEY is required');
  return p;
}
