import type { ApiKeyRow, UserRow } from '../store/index.js';
import { nowIso } from '../store/index.js';
import type { ServiceContext } from './context.js';
import { AppError } from './errors.js';
import type { Principal, Role } from './principal.js';
import { hashApiKey, verifyPassword } from './secrets.js';
import { looksLikeJwt } from './tokens.js';

const LOGIN_AUDIENCE = 'origo:login';

/** Turns credentials into a Principal: API keys (hashed lookups), user logins and their JWTs. */
export class AuthService {
  private firstOrgId: number | null = null;

  constructor(private readonly ctx: ServiceContext) {}

  private async isSystemOrg(organisationId: number): Promise<boolean> {
    if (this.firstOrgId === null) this.firstOrgId = (await this.ctx.store.organisations.first())?.id ?? null;
    return organisationId === this.firstOrgId;
  }

  private async principal(organisationId: number, user: UserRow | null, via: Principal['via'], key: ApiKeyRow | null): Promise<Principal | null> {
    const org = await this.ctx.store.organisations.byId(organisationId);
    if (!org) return null;
    if (user && (!user.active || user.organisation_id !== organisationId)) return null;
    // A client-level key acts for its organisation with administrator rights.
    const role: Role = user ? (user.role as Role) : 'admin';
    return {
      organisationId,
      organisationPublicId: org.public_id,
      userId: user?.id ?? null,
      role,
      systemAdmin: role === 'admin' && (await this.isSystemOrg(organisationId)),
      via,
      apiKeyId: key?.id ?? null,
    };
  }

  /** The key row for a plain API key, or null. */
  async findApiKey(plain: string): Promise<ApiKeyRow | null> {
    if (!plain || plain.length > 512) return null;
    return (await this.ctx.store.apiKeys.byHash(hashApiKey(plain))) ?? null;
  }

  async fromApiKey(plain: string, vendor?: string): Promise<Principal | null> {
    const key = await this.findApiKey(plain);
    if (!key) return null;
    if (key.vendor && vendor && key.vendor !== vendor) return null;
    const user = key.user_id ? ((await this.ctx.store.users.byId(key.user_id)) ?? null) : null;
    if (key.user_id && !user) return null;
    const touched = key.last_used_at ? Date.parse(key.last_used_at) : 0;
    if (Date.now() - touched > 60_000) await this.ctx.store.apiKeys.update(key.id, { last_used_at: nowIso() });
    return this.principal(key.organisation_id, user, 'api_key', key);
  }

  /** The principal of an API key row that is still valid (vendor tokens that were issued for a key). */
  async fromApiKeyRow(key: ApiKeyRow, vendor?: string): Promise<Principal | null> {
    if (key.revoked_at) return null;
    if (key.vendor && vendor && key.vendor !== vendor) return null;
    const user = key.user_id ? ((await this.ctx.store.users.byId(key.user_id)) ?? null) : null;
    if (key.user_id && !user) return null;
    return this.principal(key.organisation_id, user, 'api_key', key);
  }

  /** The API key row of an organisation by its public id (revoked keys included), or null. */
  async apiKeyByPublicId(organisationId: number, publicId: string): Promise<ApiKeyRow | null> {
    return (await this.ctx.store.apiKeys.byPublicId(organisationId, publicId)) ?? null;
  }

  /** The principal acting as a given user (vendor adapters that log users in their own way). */
  async asUser(user: UserRow, via: Principal['via'] = 'jwt'): Promise<Principal | null> {
    return this.principal(user.organisation_id, user, via, null);
  }

  /** Checks an email and password; the user, or null. */
  async checkPassword(email: string, password: string): Promise<UserRow | null> {
    if (typeof email !== 'string' || typeof password !== 'string') return null;
    const user = await this.ctx.store.users.byEmail(email.trim());
    if (!user || !user.password_hash || !user.active) return null;
    return (await verifyPassword(user.password_hash, password)) ? user : null;
  }

  async login(email: unknown, password: unknown): Promise<{ token: string; expiresAt: number; user: UserRow }> {
    const user = await this.checkPassword(String(email ?? ''), String(password ?? ''));
    if (!user) throw new AppError('unauthorized', 'Wrong email or password.');
    return { ...(await this.session(user)), user };
  }

  /** A login token (JWT) for a user who has proved who they are (a password, a first-start link). */
  async session(user: UserRow): Promise<{ token: string; expiresAt: number }> {
    return this.ctx.tokens.sign({ org: user.organisation_id }, { audience: LOGIN_AUDIENCE, subject: String(user.id), ttlSeconds: this.ctx.jwtTtlSeconds });
  }

  /** Authenticates an `Authorization: Bearer` value: a login JWT or an API key. */
  async fromBearer(credential: string): Promise<Principal | null> {
    if (looksLikeJwt(credential)) {
      const claims = await this.ctx.tokens.verify(credential, LOGIN_AUDIENCE);
      if (!claims || claims === 'expired') return null;
      const user = await this.ctx.store.users.byId(Number(claims.sub));
      if (!user) return null;
      return this.principal(user.organisation_id, user, 'jwt', null);
    }
    return this.fromApiKey(credential);
  }
}
