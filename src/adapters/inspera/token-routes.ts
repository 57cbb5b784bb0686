import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isRefusal } from '../../services/policy.js';
import { setRetryAfter } from '../../api/retry-after.js';
import type { Services } from '../../services/services.js';
import { looseInt, looseString } from '../shared/index.js';
import { DAY_SECONDS, issueForKey, issueForUser } from './access.js';
import { InsperaError, MESSAGES, EMAIL_FORMAT } from './wire-errors.js';


/**
 * The requested `expirationTime` (milliseconds): an epoch time in milliseconds, or a lifetime in
 * milliseconds; never longer than the documented 24 hours, never shorter than a minute.
 */
export function requestedTtlSeconds(expirationTime: unknown, nowMs: number): number {
  const ms = looseInt(expirationTime);
  if (ms === undefined || ms <= 0) return DAY_SECONDS;
  const lifetimeMs = ms > 1e12 ? ms - nowMs : ms;
  return Math.min(DAY_SECONDS, Math.max(60, Math.floor(lifetimeMs / 1000)));
}

/** POST /generateToken (older generation) and POST /token (Moodle plugin; also the CRUD login by email). */
export function tokenRoutes(app: FastifyInstance, services: Services): void {
  const tooMany = (req: FastifyRequest, retryAfter: number | undefined) => {
    setRetryAfter(req, retryAfter);
    return new InsperaError(429, MESSAGES.tooManyAttempts);
  };
  const byKey = async (req: FastifyRequest, params: Record<string, unknown>, ttl: number) => {
    const clientId = looseString(params.clientid ?? params.clientId ?? params.client_id);
    const institutionId = looseString(params.institutionid ?? params.institutionId ?? params.institution_id);
    if (!clientId || !institutionId) throw new InsperaError(404, MESSAGES.requiredFields);
    const issued = await issueForKey(services, clientId.trim(), institutionId.trim(), ttl, req.ip);
    if (isRefusal(issued)) {
      if (issued.reason === 'rate_limited') throw tooMany(req, issued.retryAfter);
      if (issued.reason === 'ip_not_allowed') throw new InsperaError(403, MESSAGES.ipNotAllowed);
      throw new InsperaError(401, MESSAGES.invalidClient);
    }
    return issued;
  };

  app.post('/generateToken', async (req) => byKey(req, req.wire!.params, DAY_SECONDS));

  app.post('/token', async (req) => {
    const params = req.wire!.params;
    const hasClient = ['clientid', 'clientId', 'client_id', 'institutionid', 'institutionId'].some((k) => params[k] !== undefined);
    if (hasClient || params.email === undefined) return byKey(req, params, requestedTtlSeconds(params.expirationTime, Date.now()));
    // The CRUD generation's login: a user's email and password.
    const email = looseString(params.email)?.trim() ?? '';
    if (!EMAIL_FORMAT.test(email)) throw new InsperaError(409, MESSAGES.invalidEmail);
    const password = looseString(params.password) ?? '';
    const user = await services.auth.checkPassword(email, password, { ip: req.ip });
    if (isRefusal(user)) throw tooMany(req, user.retryAfter);
    // An unknown email and a wrong password get the same answer, so the endpoint does not reveal who has an account.
    if (!user) throw new InsperaError(422, MESSAGES.invalidCredentials);
    const p = await services.auth.asUser(user, 'jwt');
    if (!p) throw new InsperaError(422, MESSAGES.invalidCredentials);
    return issueForUser(services, user, p, DAY_SECONDS);
  });
}
