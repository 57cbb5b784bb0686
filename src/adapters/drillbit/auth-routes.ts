import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../services/services.js';
import type { Principal } from '../../services/principal.js';
import type { UserRow } from '../../store/index.js';
import { looksLikeJwt } from '../../services/tokens.js';
import { isRefusal, type Refusal } from '../../services/policy.js';
import { passwordStamp } from '../../services/auth-service.js';
import { setRetryAfter } from '../../api/retry-after.js';
import { looseString } from '../shared/index.js';
import { DrillbitError } from './wire-errors.js';
import type { LoginReply } from './wire-types.js';

/** Audience of DrillBit tokens: they open the DrillBit API and nothing else. */
export const DRILLBIT_AUDIENCE = 'origo:drillbit';

declare module 'fastify' {
  interface FastifyRequest {
    drillbit: Principal | null;
  }
  interface FastifyContextConfig {
    /** A DrillBit route that needs no Bearer token (logins, browser report links). */
    drillbitPublic?: boolean;
  }
}

const ROLE_NAMES: Record<string, string> = { admin: 'admin', instructor: 'teacher', student: 'student' };

/** Login parameters: a JSON object, or (Moodle's curl) a JSON document posted as a JSON string. */
function credentials(req: FastifyRequest): { username?: string; password?: string; apiKey?: string } {
  let params = req.wire?.params ?? {};
  const json = req.wire?.json;
  if (typeof json === 'string') {
    try {
      const inner = JSON.parse(json) as unknown;
      if (inner && typeof inner === 'object') params = { ...params, ...(inner as Record<string, unknown>) };
    } catch {
      /* a plain string: no credentials in it */
    }
  }
  return { username: looseString(params.username ?? params.email), password: looseString(params.password), apiKey: looseString(params.api_key) };
}

function tooMany(req: FastifyRequest, r: Refusal): DrillbitError {
  setRetryAfter(req, r.retryAfter);
  return new DrillbitError(429, 'Too many failed attempts. Try again later.');
}

/** Email and password of a user of an organisation → that user; 401 "Bad credentials" otherwise. */
async function checkLogin(services: Services, req: FastifyRequest): Promise<UserRow> {
  const c = credentials(req);
  if (!c.username || !c.password) throw new DrillbitError(401, 'Bad credentials');
  // The Moodle plugin also sends its configured API key: when given, it must be one of the user's organisation.
  let keyed: Principal | null = null;
  if (c.apiKey && c.apiKey.trim()) {
    const k = await services.auth.fromApiKey(c.apiKey.trim(), { surface: 'drillbit', ip: req.ip });
    if (isRefusal(k)) {
      if (k.reason === 'rate_limited') throw tooMany(req, k);
      throw new DrillbitError(k.reason === 'ip_not_allowed' ? 403 : 401, k.reason === 'ip_not_allowed' ? 'Requests with this API key are not allowed from your IP address' : 'Invalid API key');
    }
    keyed = k;
  }
  const user = await services.auth.checkPassword(c.username, c.password, { ip: req.ip, preferOrganisation: keyed?.organisationId ?? null });
  if (isRefusal(user)) throw tooMany(req, user);
  if (!user) throw new DrillbitError(401, 'Bad credentials');
  if (keyed && keyed.organisationId !== user.organisation_id) throw new DrillbitError(401, 'Invalid API key');
  return user;
}

async function issueToken(services: Services, user: UserRow): Promise<string> {
  // The password stamp makes the token die when the user's password changes.
  const { token } = await services.tokens.sign({ username: user.email, user_id: user.id, pws: passwordStamp(user) }, { audience: DRILLBIT_AUDIENCE, subject: String(user.id), ttlSeconds: services.ctx.jwtTtlSeconds });
  return token;
}

/** The principal a DrillBit token or a DrillBit (or unrestricted) API key stands for, or why not. */
export async function principalFromCredential(services: Services, credential: string, ip: string): Promise<Principal | Refusal> {
  if (looksLikeJwt(credential)) {
    const claims = await services.tokens.verify(credential, DRILLBIT_AUDIENCE);
    if (!claims || claims === 'expired') return { reason: 'invalid' };
    const user = await services.auth.userOfLoginClaims(claims, claims.sub);
    return (user ? await services.auth.asUser(user, 'jwt') : null) ?? { reason: 'invalid' };
  }
  return services.auth.fromApiKey(credential, { surface: 'drillbit', ip });
}

function bearerOf(req: FastifyRequest): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(String(req.headers.authorization ?? ''));
  return m ? m[1] : null;
}

/** Authenticates a request of the DrillBit scope (routes marked `public` skip it). */
export async function requireDrillbitAuth(services: Services, req: FastifyRequest): Promise<Principal> {
  const credential = bearerOf(req);
  if (!credential) throw new DrillbitError(401, 'Full authentication is required to access this resource');
  const p = await principalFromCredential(services, credential, req.ip);
  if (isRefusal(p)) {
    if (p.reason === 'rate_limited') throw tooMany(req, p);
    if (p.reason === 'ip_not_allowed') throw new DrillbitError(403, 'Requests with this API key are not allowed from your IP address');
    throw new DrillbitError(401, 'The token is invalid or has expired.');
  }
  req.drillbit = p;
  return p;
}

export function principalOf(req: FastifyRequest): Principal {
  if (!req.drillbit) throw new DrillbitError(401, 'Full authentication is required to access this resource');
  return req.drillbit;
}

/** POST /authentication/authenticate[/moodle] and the legacy /drillbit_new/api/authenticate[/moodle]. */
export function authRoutes(scope: FastifyInstance, services: Services): void {
  const pub = { config: { drillbitPublic: true } };
  const classroom = async (req: FastifyRequest): Promise<LoginReply> => {
    const user = await checkLogin(services, req);
    return {
      token: await issueToken(services, user),
      role: ROLE_NAMES[user.role] ?? user.role,
      username: user.email ?? '',
      name: user.name,
      in_flag: false,
      // The built-in AI-text detector scores every text analysis (when the assignment's ai_detection is on).
      ai_flag: true,
      mfa: false,
      id: user.id,
      con_type: null,
    };
  };
  scope.post('/authentication/authenticate', pub, classroom);
  scope.post('/authentication/authenticate/moodle', pub, classroom);
  const legacy = async (req: FastifyRequest) => {
    const user = await checkLogin(services, req);
    const token = await issueToken(services, user);
    return { jwt: token, token };
  };
  scope.post('/drillbit_new/api/authenticate', pub, legacy);
  scope.post('/drillbit_new/api/authenticate/moodle', pub, legacy);
}
