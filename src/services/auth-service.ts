import { createHash } from 'node:crypto';
import type { ApiKeyRow, UserRow } from '../store/index.js';
import { nowIso } from '../store/index.js';
import type { ServiceContext } from './context.js';
import { AppError } from './errors.js';
import type { Principal, Role } from './principal.js';
import { admitKey, isRefusal, type Access, type Refusal } from './policy.js';
import { hashApiKey, hashPassword, randomSecret, verifyPassword } from './secrets.js';
import { looksLikeJwt } from './tokens.js';
import type { Throttle } from './throttle.js';

const LOGIN_AUDIENCE = 'origo:login';

/**
 * A short fingerprint of a user's password hash, carried in every token a password login issues:
 * a new password (a new salted hash) changes it, so tokens issued before the change stop working.
 */
export function passwordStamp(user: Pick<UserRow, 'password_hash'>): string {
  return createHash('sha256').update(`origo-password-stamp:${user.password_hash ?? ''}`).digest('base64url').slice(0, 16);
}

/** Turns credentials into a Principal: API keys (hashed lookups), user logins and their JWTs. */
export class AuthService {
  private firstOrgId: number | null = null;
  /** An argon2 hash of nothing anyone knows: unknown e-mails are verified against it, so they take as long as known ones. */
  private dummyHash: Promise<string> | null = null;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly throttle: Throttle,
  ) {}

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
      keyVendor: key?.vendor ?? null,
    };
  }

  /** The key row for a plain API key, or null. */
  async findApiKey(plain: string): Promise<ApiKeyRow | null> {
    if (!plain || plain.length > 512) return null;
    return (await this.ctx.store.apiKeys.byHash(hashApiKey(plain))) ?? null;
  }

  /**
   * An API key presented on an API (`at`): the principal it stands for, or why it is refused.
   * Every API authenticates keys here, so the policy's `admitKey` (vendor confinement, the key's
   * allowed addresses) and the per-address throttle of failed attempts hold everywhere.
   */
  async fromApiKey(plain: string, at: Access): Promise<Principal | Refusal> {
    const blocked = await this.throttle.blocked([this.throttle.addressKey(at.ip)]);
    if (blocked) return { reason: 'rate_limited', retryAfter: blocked };
    const key = await this.findApiKey(plain);
    if (!key) {
      const retryAfter = await this.throttle.failed([this.throttle.addressKey(at.ip)]);
      return retryAfter ? { reason: 'rate_limited', retryAfter } : { reason: 'invalid' };
    }
    const r = await this.fromApiKeyRow(key, at);
    if (isRefusal(r)) return r;
    const touched = key.last_used_at ? Date.parse(key.last_used_at) : 0;
    if (Date.now() - touched > 60_000) await this.ctx.store.apiKeys.update(key.id, { last_used_at: nowIso() });
    return r;
  }

  /** The principal of an API key row (vendor tokens name the key they were made from), checked against the policy. */
  async fromApiKeyRow(key: ApiKeyRow, at: Access): Promise<Principal | Refusal> {
    const refused = admitKey(key, at);
    if (refused) return refused;
    const user = key.user_id ? ((await this.ctx.store.users.byId(key.user_id)) ?? null) : null;
    if (key.user_id && !user) return { reason: 'invalid' };
    return (await this.principal(key.organisation_id, user, 'api_key', key)) ?? { reason: 'invalid' };
  }

  /** The API key row of an organisation by its public id (revoked keys included), or null. */
  async apiKeyByPublicId(organisationId: number, publicId: string): Promise<ApiKeyRow | null> {
    return (await this.ctx.store.apiKeys.byPublicId(organisationId, publicId)) ?? null;
  }

  /** The principal acting as a given user (vendor adapters that log users in their own way). */
  async asUser(user: UserRow, via: Principal['via'] = 'jwt'): Promise<Principal | null> {
    return this.principal(user.organisation_id, user, via, null);
  }

  /**
   * Checks an e-mail and password: the user, null, or a refusal when the address or the account
   * has failed too often (429 with Retry-After on every login route). An unknown e-mail costs one
   * argon2 verification like a known one, so the answer's time does not tell who has an account.
   * One address may have accounts in several organisations: the password picks the account
   * (`preferOrganisation` first, when the caller names one).
   */
  async checkPassword(email: string, password: string, at: { ip: string; preferOrganisation?: number | null }): Promise<UserRow | null | Refusal> {
    if (typeof email !== 'string' || typeof password !== 'string') return null;
    const address = email.trim().toLowerCase();
    const keys = [this.throttle.addressKey(at.ip), this.throttle.accountKey(address)];
    const blocked = await this.throttle.blocked(keys);
    if (blocked) return { reason: 'rate_limited', retryAfter: blocked };
    const candidates = address && address.length <= 320 && password.length <= 1024 ? (await this.ctx.store.users.byEmail(address)).filter((u) => u.active && u.password_hash) : [];
    let found: UserRow | null = null;
    if (candidates.length === 0) {
      await verifyPassword(await this.dummy(), password.slice(0, 1024));
    } else {
      candidates.sort((a, b) => Number(b.organisation_id === at.preferOrganisation) - Number(a.organisation_id === at.preferOrganisation));
      for (const u of candidates) {
        if (await verifyPassword(u.password_hash!, password)) {
          found = u;
          break;
        }
      }
    }
    if (!found) {
      const retryAfter = await this.throttle.failed(keys);
      return retryAfter ? { reason: 'rate_limited', retryAfter } : null;
    }
    await this.throttle.succeeded(this.throttle.accountKey(address));
    return found;
  }

  private dummy(): Promise<string> {
    return (this.dummyHash ??= hashPassword(randomSecret(24)));
  }

  async login(email: unknown, password: unknown, at: { ip: string }): Promise<{ token: string; expiresAt: number; user: UserRow }> {
    const user = await this.checkPassword(String(email ?? ''), String(password ?? ''), at);
    if (isRefusal(user)) throw rateLimited(user);
    if (!user) throw new AppError('unauthorized', 'Wrong email or password.');
    return { ...(await this.session(user)), user };
  }

  /**
   * A login token (JWT) for a user who has proved who they are (a password, a first-start link).
   * It carries the password stamp, so it dies when the user's password changes.
   */
  async session(user: UserRow): Promise<{ token: string; expiresAt: number }> {
    return this.ctx.tokens.sign({ org: user.organisation_id, pws: passwordStamp(user) }, { audience: LOGIN_AUDIENCE, subject: String(user.id), ttlSeconds: this.ctx.jwtTtlSeconds });
  }

  /**
   * The user a password-login token names, if the token's password stamp still matches (a token
   * dies when its user's password changes), or null.
   */
  async userOfLoginClaims(claims: Record<string, unknown>, userId: unknown): Promise<UserRow | null> {
    const user = await this.ctx.store.users.byId(Number(userId));
    if (!user || claims.pws !== passwordStamp(user)) return null;
    return user;
  }

  /** Authenticates an `Authorization: Bearer` value on the native API: a login JWT or an API key. */
  async fromBearer(credential: string, at: Access): Promise<Principal | Refusal> {
    if (looksLikeJwt(credential)) {
      const claims = await this.ctx.tokens.verify(credential, LOGIN_AUDIENCE);
      if (!claims || claims === 'expired') return { reason: 'invalid' };
      const user = await this.userOfLoginClaims(claims, claims.sub);
      if (!user) return { reason: 'invalid' };
      return (await this.principal(user.organisation_id, user, 'jwt', null)) ?? { reason: 'invalid' };
    }
    return this.fromApiKey(credential, at);
  }
}

/** The catalogue's 429 for a refusal of the throttle (the native API sends Retry-After from details). */
export function rateLimited(r: Refusal): AppError {
  return new AppError('rate_limited', `Too many failed attempts; try again in ${r.retryAfter ?? 60} seconds.`, { retry_after: r.retryAfter ?? 60 });
}
