import type { FastifyRequest } from 'fastify';
import type { Services } from '../../services/services.js';
import type { Principal } from '../../services/principal.js';
import { InsperaError, MESSAGES } from './wire-errors.js';

/** Audience of Inspera access tokens: they open the Inspera API and nothing else. */
const AUDIENCE = 'origo:vendor:inspera';
/** The documented lifetime of a generateToken token. */
export const DAY_SECONDS = 24 * 60 * 60;

declare module 'fastify' {
  interface FastifyRequest {
    insperaPrincipal: Principal | null;
  }
}

export interface IssuedToken {
  token: string;
  /** Epoch milliseconds, as the Moodle plugin reads it. */
  expirationTime: number;
}

/**
 * clientid/clientId = an organisation API key (any, or one issued for the vendor "inspera");
 * institutionid/institutionId = that organisation's public id. The token is a signed JWT naming
 * the key, so every later call checks that the key still exists and is not revoked.
 */
export async function issueForKey(services: Services, clientId: string, institutionId: string, ttlSeconds: number): Promise<IssuedToken | null> {
  const p = await services.auth.fromApiKey(clientId, 'inspera');
  if (!p || p.apiKeyId === null || p.organisationPublicId !== institutionId) return null;
  const key = (await services.users.listApiKeys(adminOf(p))).find((k) => k.id === p.apiKeyId);
  if (!key) return null;
  const { token, expiresAt } = await services.tokens.sign({ org: p.organisationId, inst: p.organisationPublicId, kid: key.public_id }, { audience: AUDIENCE, subject: key.public_id, ttlSeconds });
  return { token, expirationTime: expiresAt * 1000 };
}

/** The token of a user who logged in with email and password (the CRUD generation's POST /token). */
export async function issueForUser(services: Services, userId: number, p: Principal, ttlSeconds: number): Promise<IssuedToken> {
  const { token, expiresAt } = await services.tokens.sign({ org: p.organisationId, inst: p.organisationPublicId, usr: userId }, { audience: AUDIENCE, subject: `user:${userId}`, ttlSeconds });
  return { token, expirationTime: expiresAt * 1000 };
}

/** The organisation acting as its own administrator (what a client-level key is). */
export function adminOf(p: Pick<Principal, 'organisationId' | 'organisationPublicId'>): Principal {
  return { organisationId: p.organisationId, organisationPublicId: p.organisationPublicId, userId: null, role: 'admin', systemAdmin: false, via: 'jwt', apiKeyId: null };
}

/** The caller of an Inspera endpoint, from `Authorization: Bearer <token>`; 401 in Inspera's words otherwise. */
export async function authorise(services: Services, req: FastifyRequest): Promise<Principal> {
  const header = String(req.headers.authorization ?? '');
  const m = /^\s*Bearer\s+(\S+)\s*$/i.exec(header);
  const raw = m ? m[1] : header.trim();
  if (!raw) throw new InsperaError(401, MESSAGES.unauthorized);
  const claims = await services.tokens.verify(raw, AUDIENCE);
  if (claims === 'expired') throw new InsperaError(401, MESSAGES.tokenExpired);
  if (!claims || typeof claims.org !== 'number' || typeof claims.inst !== 'string') throw new InsperaError(401, MESSAGES.unauthorized);
  const org = adminOf({ organisationId: claims.org, organisationPublicId: claims.inst });
  if (typeof claims.usr === 'number') {
    const user = await services.users.byId(claims.usr);
    const p = user && user.organisation_id === claims.org ? await services.auth.asUser(user, 'jwt') : null;
    if (!p) throw new InsperaError(401, MESSAGES.unauthorized);
    return p;
  }
  if (typeof claims.kid !== 'string') throw new InsperaError(401, MESSAGES.unauthorized);
  // The key the token was made from must still exist and not be revoked (getApiKey refuses revoked keys).
  const key = await services.users.getApiKey(org, claims.kid).catch(() => null);
  if (!key || (key.vendor && key.vendor !== 'inspera')) throw new InsperaError(401, MESSAGES.unauthorized);
  if (key.user_id !== null) {
    const user = await services.users.byId(key.user_id);
    const p = user ? await services.auth.asUser(user, 'api_key') : null;
    if (!p) throw new InsperaError(401, MESSAGES.unauthorized);
    return { ...p, apiKeyId: key.id };
  }
  return { ...org, via: 'api_key', apiKeyId: key.id };
}
