import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../services/services.js';
import type { Principal } from '../../services/principal.js';
import type { UserRow } from '../../store/index.js';
import { looksLikeJwt } from '../../services/tokens.js';
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

/** Email and password of a user of an organisation → that user; 401 "Bad credentials" otherwise. */
async function checkLogin(services: Services, req: FastifyRequest): Promise<UserRow> {
  const c = credentials(req);
  if (!c.username || !c.password) throw new DrillbitError(401, 'Bad credentials');
  const user = await services.auth.checkPassword(c.username, c.password);
  if (!user) throw new DrillbitError(401, 'Bad credentials');
  // The Moodle plugin also sends its configured API key: when given, it must be one of the user's organisation.
  if (c.apiKey && c.apiKey.trim()) {
    const keyed = await services.auth.fromApiKey(c.apiKey.trim(), 'drillbit');
    if (!keyed || keyed.organisationId !== user.organisation_id) throw new DrillbitError(401, 'Invalid API key');
  }
  return user;
}

async function issueToken(services: Services, user: UserRow): Promise<string> {
  const { token } = await services.tokens.sign({ username: user.email, user_id: user.id }, { audience: DRILLBIT_AUDIENCE, subject: String(user.id), ttlSeconds: services.ctx.jwtTtlSeconds });
  return token;
}

/** The principal a DrillBit token or a DrillBit (or unrestricted) API key stands for, or null. */
export async function principalFromCredential(services: Services, credential: string): Promise<Principal | null> {
  if (looksLikeJwt(credential)) {
    const claims = await services.tokens.verify(credential, DRILLBIT_AUDIENCE);
    if (!claims || claims === 'expired') return null;
    const user = await services.users.byId(Number(claims.sub));
    return user ? services.auth.asUser(user, 'jwt') : null;
  }
  return services.auth.fromApiKey(credential, 'drillbit');
}

function bearerOf(req: FastifyRequest): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(String(req.headers.authorization ?? ''));
  return m ? m[1] : null;
}

/** Authenticates a request of the DrillBit scope (routes marked `public` skip it). */
export async function requireDrillbitAuth(services: Services, req: FastifyRequest): Promise<Principal> {
  const credential = bearerOf(req);
  if (!credential) throw new DrillbitError(401, 'Full authentication is required to access this resource');
  const p = await principalFromCredential(services, credential);
  if (!p) throw new DrillbitError(401, 'The token is invalid or has expired.');
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
