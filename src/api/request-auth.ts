import type { FastifyRequest } from 'fastify';
import type { Principal, Role } from '../services/principal.js';
import { hasRole } from '../services/principal.js';
import { AppError } from '../services/errors.js';
import type { Services } from '../services/services.js';

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

/** Authenticates the request (API key or login JWT); 401 when it cannot. */
export async function authenticate(services: Services, req: FastifyRequest): Promise<Principal> {
  const credential = bearer(req);
  if (!credential) throw new AppError('unauthorized', 'Send "Authorization: Bearer <api key or token>".');
  const principal = await services.auth.fromBearer(credential);
  if (!principal) throw new AppError('unauthorized', 'The API key or token is invalid or expired.');
  req.principal = principal;
  return principal;
}

export function principalOf(req: FastifyRequest, role: Role = 'student'): Principal {
  const p = req.principal;
  if (!p) throw new AppError('unauthorized');
  if (!hasRole(p, role)) throw new AppError('forbidden', `This action needs the ${role} role.`);
  return p;
}
