import type { FastifyRequest } from 'fastify';
import type { Services } from '../../services/services.js';
import type { Principal } from '../../services/principal.js';
import { looseString } from '../shared/index.js';
import { PlagiatError, forbidden } from './wire.js';
import { isRefusal, type Refusal } from '../../services/policy.js';
import { setRetryAfter } from '../../api/retry-after.js';

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

export async function authenticate(services: Services, req: FastifyRequest): Promise<Principal> {
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
