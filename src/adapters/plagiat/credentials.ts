import type { FastifyRequest } from 'fastify';
import type { Services } from '../../services/services.js';
import type { Principal } from '../../services/principal.js';
import { looseString } from '../shared/index.js';
import { forbidden } from './wire.js';

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
  const principal = await services.auth.fromApiKey(key, 'plagiat');
  if (!principal) throw forbidden('Invalid APIKEY');
  return principal;
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
