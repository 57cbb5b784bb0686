import { createHash } from 'node:crypto';
import type { UserRow } from '../store/index.js';
import type { ServiceContext } from './context.js';
import type { AuthService } from './auth-service.js';
import { AppError } from './errors.js';
import { randomSecret, safeEqual } from './secrets.js';

/** Where the one open first-start link is kept (installation-wide: there is one at a time). */
const SETTING = 'first_start_link';
/** How long a first-start link works. */
export const FIRST_START_LINK_TTL_SECONDS = 24 * 3600;

interface StoredLink {
  /** SHA-256 of the token: the link itself is never stored. */
  hash: string;
  user_id: number;
  expires_at: string;
}

const hashToken = (token: string) => createHash('sha256').update(`origo-first-start:${token}`).digest('hex');

const GONE = 'This first-start link does not work (any more): it was used already, or a newer one replaced it. Sign in with your email and password, or run `npx origo first-start-link` on the server for a new link.';

/**
 * The first-start link: a new installation's way into the web UI. It opens `/app/` signed in as
 * the first organisation's administrator, who then chooses a password. One link at a time,
 * single use (redeeming deletes it in the same statement that checks it), expiring, and stored
 * hashed. `origo first-start-link` issues a new one (the old one stops working).
 */
export class FirstStartLinkService {
  constructor(private readonly ctx: ServiceContext, private readonly auth: AuthService) {}

  /** The installation's first administrator (the one bootstrap made), if any. */
  async firstAdministrator(): Promise<UserRow | undefined> {
    const org = await this.ctx.store.organisations.first();
    if (!org) return undefined;
    const admins = await this.ctx.store.users.list(org.id, { role: 'admin' }, { limit: 1, offset: 0 });
    return admins.items[0];
  }

  /** Issues a link token for `user` (replacing any open one); the plain token is returned once. */
  async issue(user: UserRow, ttlSeconds = FIRST_START_LINK_TTL_SECONDS): Promise<{ token: string; expiresAt: Date }> {
    if (user.role !== 'admin' || !user.active) throw new AppError('conflict', 'A first-start link opens an active administrator only.');
    const token = randomSecret(32);
    const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
    const stored: StoredLink = { hash: hashToken(token), user_id: user.id, expires_at: expiresAt.toISOString() };
    await this.ctx.store.settings.set(SETTING, JSON.stringify(stored));
    return { token, expiresAt };
  }

  /** The address of the link: the UI page that redeems it (the token rides in the fragment, which browsers never send). */
  url(baseUrl: string, token: string): string {
    return `${baseUrl.replace(/\/+$/, '')}/app/#/first-start/${token}`;
  }

  /** Redeems a link once: a login session for its administrator, who is asked to choose a password next. */
  async redeem(token: unknown): Promise<{ token: string; expiresAt: number; user: UserRow }> {
    if (typeof token !== 'string' || !token || token.length > 200) throw new AppError('unauthorized', GONE);
    const raw = await this.ctx.store.settings.get(SETTING);
    let stored: StoredLink | null = null;
    try {
      stored = raw ? (JSON.parse(raw) as StoredLink) : null;
    } catch {
      stored = null;
    }
    if (!raw || !stored || !safeEqual(stored.hash, hashToken(token))) throw new AppError('unauthorized', GONE);
    if (Date.parse(stored.expires_at) <= Date.now()) {
      await this.ctx.store.settings.deleteIf(SETTING, raw);
      throw new AppError('unauthorized', 'This first-start link has expired. Run `npx origo first-start-link` on the server for a new one.');
    }
    // Single use: of two requests with the same link, only the one that deletes it goes on.
    if (!(await this.ctx.store.settings.deleteIf(SETTING, raw))) throw new AppError('unauthorized', GONE);
    const user = await this.ctx.store.users.byId(stored.user_id);
    if (!user || !user.active || user.role !== 'admin') throw new AppError('unauthorized', GONE);
    return { ...(await this.auth.session(user)), user };
  }
}
