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
 * user and changed inside a store transaction.
 */
export class CheckQuotaService {
  constructor(private readonly ctx: ServiceContext) {}

  async get(userId: number): Promise<CheckQuota> {
    const user = await this.ctx.store.users.byId(userId);
    if (!user) throw notFound('User');
    return quotaOf(user);
  }

  /** Sets (or with null removes) a user's quota. */
  async set(userId: number, quota: CheckQuota): Promise<void> {
    if (quota !== null && (!Number.isInteger(quota) || quota < 0)) throw new RangeError('a check quota is a whole number of at least 0');
    await this.ctx.store.transaction(async (tx) => {
      const user = await tx.users.byId(userId);
      if (!user) throw notFound('User');
      const extra = extraOf(user);
      if (quota === null) delete extra[KEY];
      else extra[KEY] = quota;
      await tx.users.update(userId, { extra: JSON.stringify(extra), updated_at: nowIso() });
    });
  }

  /** Uses one check: true when allowed (and counted), false when the user has none left. */
  async consume(userId: number): Promise<boolean> {
    return this.ctx.store.transaction(async (tx) => {
      const user = await tx.users.byId(userId);
      if (!user) throw notFound('User');
      const quota = quotaOf(user);
      if (quota === null) return true;
      if (quota <= 0) return false;
      await tx.users.update(userId, { extra: JSON.stringify({ ...extraOf(user), [KEY]: quota - 1 }), updated_at: nowIso() });
      return true;
    });
  }

  /** Gives back a check that was counted but could not start (the upload failed). */
  async refund(userId: number): Promise<void> {
    await this.ctx.store.transaction(async (tx) => {
      const user = await tx.users.byId(userId);
      if (!user) return;
      const quota = quotaOf(user);
      if (quota === null) return;
      await tx.users.update(userId, { extra: JSON.stringify({ ...extraOf(user), [KEY]: quota + 1 }), updated_at: nowIso() });
    });
  }
}
