import type { FastifyRequest } from 'fastify';
import type { Principal, Role } from '../services/principal.js';
import { hasRole } from '../services/principal.js';
import { AppError } from '../services/errors.js';
import type { Services } from '../services/services.js';
import { isRefusal, type Refusal } from '../services/policy.js';
import { rateLimited } from '../services/auth-service.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

/** The Bearer credential of a request, or null. */
export function bearer(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  if (!h) return null;
  const m = /^Bearer\s+(.+)$/i.exec(h.trim());
  return m ? m[1].trim() : null;
}

/** The native API's answer to a refused credential (docs/security.md lists them). */
export function refusalError(r: Refusal): AppError {
  switch (r.reason) {
    case 'wrong_api':
      return new AppError('forbidden', 'This API key is confined to one vendor API and cannot be used on the native API.');
    case 'ip_not_allowed':
      return new AppError('forbidden', 'This API key is not allowed from your address.');
    case 'rate_limited':
      return rateLimited(r);
    default:
      return new AppError('unauthorized', 'The API key or token is invalid or expired.');
  }
}

/** Authenticates the request (API key or login JWT) on the native API; 401, 403 or 429 when it cannot. */
export async function authenticate(services: Services, req: FastifyRequest): Promise<Principal> {
  const credential = bearer(req);
  if (!credential) throw new AppError('unauthorized', 'Send "Authorization: Bearer <api key or token>".');
  const principal = await services.auth.fromBearer(credential, { surface: 'native', ip: req.ip });
  if (isRefusal(principal)) throw refusalError(principal);
  req.principal = principal;
  return principal;
}

/**
 * The authenticated caller. `role` is a first, coarse gate kept for routes that name one; what a
 * caller may do is decided by the services through the policy (src/services/policy.ts).
 */
export function principalOf(req: FastifyRequest, role: Role = 'student'): Principal {
  const p = req.principal;
  if (!p) throw new AppError('unauthorized');
  if (!hasRole(p, role)) throw new AppError('forbidden', `This action needs the ${role} role.`);
  return p;
}
