import type { ApiKeyRow, UserRow } from '../store/index.js';
import type { AuthService } from './auth-service.js';
import type { TokenSigner } from './tokens.js';
import type { Principal } from './principal.js';
import type { Vendor } from './vendor-record-service.js';
import { isRefusal } from './policy.js';

/** Why a vendor token could not be issued or used. */
export type VendorTokenRefusal = 'bad_client' | 'bad_secret' | 'ip_not_allowed' | 'unknown_user' | 'expired' | 'invalid' | 'rate_limited';

export interface IssuedVendorToken {
  token: string;
  expiresIn: number;
  principal: Principal;
}

/**
 * Short-lived access tokens for vendor APIs that trade an organisation id and an API key for a
 * token (PlagScan's client_id/client_secret, Inspera's clientid/institutionid). A token is a
 * signed JWT naming the key it was made from (and the user it acts for, if any); every use checks
 * again that the key is not revoked and that the caller's address is one the key allows.
 */
export class VendorTokenService {
  constructor(
    private readonly auth: AuthService,
    private readonly tokens: TokenSigner,
    private readonly users: { byId(id: number): Promise<UserRow | undefined> },
  ) {}

  private audience(vendor: Vendor): string {
    return `origo:vendor:${vendor}`;
  }

  /**
   * Issues a token for `apiKey`, which must belong to the organisation `organisationPublicId`.
   * With `userId`, the token acts for that user of the organisation.
   */
  async issue(
    vendor: Vendor,
    input: { organisationPublicId: string; apiKey: string; clientIp: string; userId?: number | null; ttlSeconds: number },
  ): Promise<IssuedVendorToken | VendorTokenRefusal | { rateLimited: number }> {
    // Through the one key check (policy and throttle): a key of another vendor is no secret here.
    const keyPrincipal = await this.auth.fromApiKey(input.apiKey, { surface: vendor, ip: input.clientIp });
    if (isRefusal(keyPrincipal)) {
      if (keyPrincipal.reason === 'rate_limited') return { rateLimited: keyPrincipal.retryAfter ?? 60 };
      return keyPrincipal.reason === 'ip_not_allowed' ? 'ip_not_allowed' : 'bad_secret';
    }
    const key = await this.auth.findApiKey(input.apiKey);
    if (!key) return 'bad_secret';
    if (keyPrincipal.organisationPublicId !== input.organisationPublicId) return 'bad_client';
    let principal = keyPrincipal;
    if (input.userId !== undefined && input.userId !== null) {
      const user = await this.users.byId(input.userId);
      if (!user || user.organisation_id !== key.organisation_id) return 'unknown_user';
      const p = await this.auth.asUser(user, 'api_key');
      if (!p) return 'unknown_user';
      principal = { ...p, apiKeyId: key.id, keyVendor: key.vendor };
    }
    const { token, expiresAt } = await this.tokens.sign(
      { org: key.organisation_id, kid: key.public_id, ...(principal.userId !== keyPrincipal.userId ? { usr: principal.userId } : {}) },
      { audience: this.audience(vendor), subject: key.public_id, ttlSeconds: input.ttlSeconds },
    );
    return { token, expiresIn: expiresAt - Math.floor(Date.now() / 1000), principal };
  }

  /** The principal a token stands for, checked against the key's current state and address list. */
  async verify(vendor: Vendor, token: string, clientIp: string): Promise<{ principal: Principal; key: ApiKeyRow } | VendorTokenRefusal> {
    if (!token || token.length > 4096) return 'invalid';
    const claims = await this.tokens.verify(token, this.audience(vendor));
    if (claims === 'expired') return 'expired';
    if (!claims || typeof claims.kid !== 'string' || typeof claims.org !== 'number') return 'invalid';
    const key = await this.auth.apiKeyByPublicId(claims.org, claims.kid);
    if (!key) return 'invalid';
    const keyPrincipal = await this.auth.fromApiKeyRow(key, { surface: vendor, ip: clientIp });
    if (isRefusal(keyPrincipal)) return keyPrincipal.reason === 'ip_not_allowed' ? 'ip_not_allowed' : 'invalid';
    if (typeof claims.usr === 'number') {
      const user = await this.users.byId(claims.usr);
      if (!user || user.organisation_id !== key.organisation_id) return 'invalid';
      const p = await this.auth.asUser(user, 'api_key');
      if (!p) return 'invalid';
      return { principal: { ...p, apiKeyId: key.id, keyVendor: key.vendor }, key };
    }
    return { principal: keyPrincipal, key };
  }
}
