import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';

/**
 * Signed, expiring tokens (JWT, HS256): user logins, vendor tokens, viewer links. Each use has its
 * own audience so a token made for one purpose opens nothing else.
 */
export class TokenSigner {
  private readonly key: Uint8Array;
  constructor(secret: string) {
    this.key = new TextEncoder().encode(secret);
  }

  async sign(claims: Record<string, unknown>, options: { audience: string; subject: string; ttlSeconds: number }): Promise<{ token: string; expiresAt: number }> {
    const now = Math.floor(Date.now() / 1000);
    const expiresAt = now + options.ttlSeconds;
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer('origo')
      .setAudience(options.audience)
      .setSubject(options.subject)
      .setIssuedAt(now)
      .setExpirationTime(expiresAt)
      .sign(this.key);
    return { token, expiresAt };
  }

  /** The claims of a valid token, `expired` for a well-signed token past its time, or null. */
  async verify(token: string, audience: string): Promise<Record<string, unknown> | 'expired' | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: 'origo', audience });
      return payload as Record<string, unknown>;
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired) return 'expired';
      return null;
    }
  }

  /**
   * Like verify, but a well-signed expired token still gives its claims (to send the holder where
   * the token says to go once it has expired). Null for a token that is not ours.
   */
  async inspect(token: string, audience: string): Promise<{ claims: Record<string, unknown>; expired: boolean } | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: 'origo', audience });
      return { claims: payload as Record<string, unknown>, expired: false };
    } catch (err) {
      // jose checks the signature before the claims, so an expired token here is one we signed.
      if (err instanceof joseErrors.JWTExpired && err.payload.aud === audience && err.payload.iss === 'origo') return { claims: err.payload as Record<string, unknown>, expired: true };
      return null;
    }
  }
}

export function looksLikeJwt(token: string): boolean {
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(token);
}
