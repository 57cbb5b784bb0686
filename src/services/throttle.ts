import { RateLimiterMemory, type RateLimiterRes } from 'rate-limiter-flexible';

export interface ThrottleLimits {
  /** Failed logins or credentials allowed from one client address per window (0: no limit). */
  addressFailures: number;
  addressWindowSeconds: number;
  /** Failed logins allowed for one account (e-mail address) per window, from any address (0: no limit). */
  accountFailures: number;
  accountWindowSeconds: number;
}

export const DEFAULT_THROTTLE: ThrottleLimits = { addressFailures: 30, addressWindowSeconds: 600, accountFailures: 10, accountWindowSeconds: 900 };

/**
 * Counts failed credentials (passwords, API keys, client secrets) per client address and per
 * account, with rate-limiter-flexible's in-memory counters. Once a counter is full, every attempt
 * on that address or account is refused until its window ends; the caller answers 429 with
 * Retry-After. Only failures count, so busy clients with good credentials are never slowed.
 * Counters live in each process: N API processes allow N times the attempts (docs/security.md).
 */
export class Throttle {
  private readonly address: RateLimiterMemory | null;
  private readonly account: RateLimiterMemory | null;

  constructor(limits: ThrottleLimits = DEFAULT_THROTTLE) {
    this.address = limits.addressFailures > 0 ? new RateLimiterMemory({ keyPrefix: 'address', points: limits.addressFailures, duration: limits.addressWindowSeconds }) : null;
    this.account = limits.accountFailures > 0 ? new RateLimiterMemory({ keyPrefix: 'account', points: limits.accountFailures, duration: limits.accountWindowSeconds }) : null;
  }

  addressKey(ip: string): string {
    return `a:${ip}`;
  }

  accountKey(account: string): string {
    return `u:${account.trim().toLowerCase()}`;
  }

  private limiter(key: string): RateLimiterMemory | null {
    return key.startsWith('a:') ? this.address : this.account;
  }

  /** Seconds until the first full counter among `keys` empties, or 0 when none is full. */
  async blocked(keys: string[]): Promise<number> {
    let wait = 0;
    for (const key of keys) {
      const l = this.limiter(key);
      const res = l ? await l.get(key) : null;
      if (l && res && res.consumedPoints >= l.points) wait = Math.max(wait, Math.ceil(res.msBeforeNext / 1000) || 1);
    }
    return wait;
  }

  /** Counts a failure on every key; the seconds to wait when that filled a counter past its limit, else 0. */
  async failed(keys: string[]): Promise<number> {
    let wait = 0;
    for (const key of keys) {
      const l = this.limiter(key);
      if (!l) continue;
      try {
        await l.consume(key);
      } catch (res) {
        wait = Math.max(wait, Math.ceil((res as RateLimiterRes).msBeforeNext / 1000) || 1);
      }
    }
    return wait;
  }

  /** A success forgets the account's failures (the address keeps its count). */
  async succeeded(key: string): Promise<void> {
    await this.limiter(key)?.delete(key);
  }
}
