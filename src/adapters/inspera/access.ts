import type { FastifyRequest } from 'fastify';
import type { Services } from '../../services/services.js';
import type { Principal } from '../../services/principal.js';
import { InsperaError, MESSAGES } from './wire-errors.js';
import type { UserRow } from '../../store/index.js';
import { isRefusal, type Refusal } from '../../services/policy.js';
import { passwordStamp } from '../../services/auth-service.js';

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
export async function issueForKey(services: Services, clientId: string, institutionId: string, ttlSeconds: number, ip: string): Promise<IssuedToken | Refusal> {
  const p = await services.auth.fromApiKey(clientId, { surface: 'inspera', ip });
  if (isRefusal(p)) return p;
  if (p.apiKeyId === null || p.organisationPublicId !== institutionId) return { reason: 'invalid' };
  const key = (await services.users.listApiKeys(adminOf(p))).find((k) => k.id === p.apiKeyId);
  if (!key) return { reason: 'invalid' };
  const { token, expiresAt } = await services.tokens.sign({ org: p.organisationId, inst: p.organisationPublicId, kid: key.public_id }, { audience: AUDIENCE, subject: key.public_id, ttlSeconds });
  return { token, expirationTime: expiresAt * 1000 };
}

/** The token of a user who logged in with email and password (the CRUD generation's POST /token). */
export async function issueForUser(services: Services, user: UserRow, p: Principal, ttlSeconds: number): Promise<IssuedToken> {
  // The password stamp makes the token die when the user's password changes.
  const { token, expiresAt } = await services.tokens.sign({ org: p.organisationId, inst: p.organisationPublicId, usr: user.id, pws: passwordStamp(user) }, { audience: AUDIENCE, subject: `user:${user.id}`, ttlSeconds });
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
    const user = await services.auth.userOfLoginClaims(claims, claims.usr);
    const p = user && user.organisation_id === claims.org ? await services.auth.asUser(user, 'jwt') : null;
    if (!p) throw new InsperaError(401, MESSAGES.unauthorized);
    return p;
  }
  if (typeof claims.kid !== 'string') throw new InsperaError(401, MESSAGES.unauthorized);
  // The key the token was made from must still exist, not be revoked, and be allowed here and from
  // this address (the policy's key check, as on every API).
  const key = await services.auth.apiKeyByPublicId(org.organisationId, claims.kid);
  const p = key ? await services.auth.fromApiKeyRow(key, { surface: 'inspera', ip: req.ip }) : ({ reason: 'invalid' } as Refusal);
  if (isRefusal(p)) throw new InsperaError(p.reason === 'ip_not_allowed' ? 403 : 401, p.reason === 'ip_not_allowed' ? MESSAGES.ipNotAllowed : MESSAGES.unauthorized);
  return p;
}
