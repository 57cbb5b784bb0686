import type { UserRow } from '../store/index.js';
import { nowIso } from '../store/index.js';
import type { ServiceContext } from './context.js';
import { notFound } from './errors.js';

/** What a user may still start: a number of checks, or null for no limit. */
export type CheckQuota = number | null;

const KEY = 'check_quota';

function extraOf(user: UserRow): Record<string, unknown> {
  try {
    const v = JSON.parse(user.extra) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The quota stored for a user (null when none is set: unlimited). */
export function quotaOf(user: UserRow): CheckQuota {
  const v = extraOf(user)[KEY];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/**
 * A per-user allowance of checks (Plagiat.pl's `testCount`): each check a user starts uses one, and
 * a user at 0 cannot start another. Users without a quota are unlimited. The count is kept with the
 * user and changed by compare-and-set, so concurrent uploads on any database never spend a check twice.
 */
export class CheckQuotaService {
  constructor(private readonly ctx: ServiceContext) {}

  async get(userId: number): Promise<CheckQuota> {
    const user = await this.ctx.store.users.byId(userId);
    if (!user) throw notFound('User');
    return quotaOf(user);
  }

  /**
   * Applies `change` to the user's quota until it lands without a concurrent write in between.
   * `change` returns the new quota, or undefined to write nothing; the result is what it returned last.
   */
  private async modify<T>(userId: number, change: (quota: CheckQuota) => { next?: CheckQuota; result: T }): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const user = await this.ctx.store.users.byId(userId);
      if (!user) throw notFound('User');
      const { next, result } = change(quotaOf(user));
      if (next === undefined) return result;
      const extra = extraOf(user);
      if (next === null) delete extra[KEY];
      else extra[KEY] = next;
      if (await this.ctx.store.users.swapExtra(userId, user.extra, JSON.stringify(extra), nowIso())) return result;
      if (attempt >= 50) throw new Error(`the check quota of user ${userId} keeps changing under us`);
    }
  }

  /** Sets (or with null removes) a user's quota. */
  async set(userId: number, quota: CheckQuota): Promise<void> {
    if (quota !== null && (!Number.isInteger(quota) || quota < 0)) throw new RangeError('a check quota is a whole number of at least 0');
    await this.modify(userId, () => ({ next: quota, result: undefined }));
  }

  /** Uses one check: true when allowed (and counted), false when the user has none left. */
  async consume(userId: number): Promise<boolean> {
    return this.modify(userId, (q) => (q === null ? { result: true } : q <= 0 ? { result: false } : { next: q - 1, result: true }));
  }

  /** Gives back a check that was counted but could not start (the upload failed). */
  async refund(userId: number): Promise<void> {
    await this.modify(userId, (q) => (q === null ? { result: undefined } : { next: q + 1, result: undefined }));
  }
}
