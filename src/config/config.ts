import { resolve } from 'node:path';
import ipaddr from 'ipaddr.js';

/** Everything Origo reads from the environment, validated once at start. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  /** Base URL clients reach this server at (links in reports, callbacks). */
  publicUrl: string | null;
  adminKey: string | null;
  adminEmail: string | null;
  adminPassword: string | null;
  /** In-process workers; 0 makes an API-only process. */
  workers: number;
  /** Run the HTTP API in this process. */
  api: boolean;
  maxUploadBytes: number;
  jobLeaseMs: number;
  /** First retry delay of a failed webhook delivery; doubles each attempt. */
  webhookBackoffMs: number;
  jwtSecret: string | null;
  jwtTtlSeconds: number;
  logLevel: string;
  /** Debug aid: pause a pipeline step, e.g. "analyse:3000", to make crash tests deterministic. */
  stepDelay: { step: string; ms: number } | null;
  compatRootPorts: Record<string, number>;
  /** ORIGO_METRICS_TOKEN: the Bearer token GET /metrics requires; null serves no /metrics on the main port. */
  metricsToken: string | null;
  /** ORIGO_METRICS_PORT: a listener of its own for /metrics (workers too), on metricsHost. */
  metricsPort: number | null;
  metricsHost: string;
  /** ORIGO_OUTBOUND_ALLOW: internal receivers (hosts, host:port, addresses, CIDR ranges) webhooks and callbacks may call. */
  outboundAllow: string | null;
  /**
   * ORIGO_TRUSTED_PROXIES: addresses and CIDR ranges (or proxy-addr's names loopback, linklocal,
   * uniquelocal) whose X-Forwarded-For/-Proto/-Host are honoured; null: the socket's peer is the client.
   */
  trustedProxies: string | null;
  /** Failed credentials allowed per client address and per account before 429 (ORIGO_THROTTLE_*). */
  throttle: { addressFailures: number; accountFailures: number };
  /**
   * Where uploaded files go: `database` (the default with PostgreSQL: processes on several
   * machines need no shared folder) or `folder` (ORIGO_DATA_DIR/blobs, the default with SQLite).
   */
  blobStore: 'database' | 'folder';
}

export class ConfigError extends Error {}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    problems.push(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
    return fallback;
  }
  return n;
}

const VENDORS = ['CODEQUIRY', 'DRILLBIT', 'PLAGIAT', 'INSPERA', 'PLAGSCAN'];

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** ORIGO_TRUSTED_PROXIES as Fastify's trustProxy takes it (comma-separated), each entry checked. */
function parseTrustedProxies(raw: string | undefined, problems: string[]): string | null {
  const entries = (raw ?? '').split(',').map((e) => e.trim()).filter(Boolean);
  if (!entries.length) return null;
  for (const e of entries) {
    const ok = PROXY_NAMES.has(e) || (e.includes('/') ? (() => {
      try {
        ipaddr.parseCIDR(e);
        return true;
      } catch {
        return false;
      }
    })() : ipaddr.isValid(e));
    if (!ok) problems.push(`ORIGO_TRUSTED_PROXIES: "${e}" is not an address, a CIDR range or one of loopback, linklocal, uniquelocal`);
  }
  return entries.join(',');
}

/** Reads and validates the configuration; throws ConfigError listing every problem found. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^(postgres(ql)?:\/\/|sqlite:)/.test(databaseUrl)) {
    problems.push(`DATABASE_URL must start with postgres://, postgresql:// or sqlite:, got "${databaseUrl}"`);
  }
  const publicUrl = env.ORIGO_PUBLIC_URL?.trim() || null;
  if (publicUrl && !/^https?:\/\//.test(publicUrl)) problems.push(`ORIGO_PUBLIC_URL must be an http(s) URL, got "${publicUrl}"`);
  const adminKey = env.ORIGO_ADMIN_KEY?.trim() || null;
  if (adminKey !== null && adminKey.length < 16) problems.push('ORIGO_ADMIN_KEY must be at least 16 characters');
  const adminEmail = env.ORIGO_ADMIN_EMAIL?.trim() || null;
  if (adminEmail && !/^[^@\s]+@[^@\s]+$/.test(adminEmail)) problems.push(`ORIGO_ADMIN_EMAIL is not an email address: "${adminEmail}"`);
  const adminPassword = env.ORIGO_ADMIN_PASSWORD || null;
  if (adminPassword !== null && adminPassword.length < 8) problems.push('ORIGO_ADMIN_PASSWORD must be at least 8 characters');
  if ((adminEmail === null) !== (adminPassword === null)) problems.push('ORIGO_ADMIN_EMAIL and ORIGO_ADMIN_PASSWORD must be set together');
  const jwtSecret = env.ORIGO_JWT_SECRET || null;
  if (jwtSecret !== null && jwtSecret.length < 32) problems.push('ORIGO_JWT_SECRET must be at least 32 characters');
  const logLevel = env.ORIGO_LOG_LEVEL ?? env.LOG_LEVEL ?? 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) problems.push(`ORIGO_LOG_LEVEL "${logLevel}" is not a log level`);
  let stepDelay: Config['stepDelay'] = null;
  if (env.ORIGO_DEBUG_STEP_DELAY) {
    const m = /^([a-z]+):(\d+)$/.exec(env.ORIGO_DEBUG_STEP_DELAY);
    if (m) stepDelay = { step: m[1], ms: Number(m[2]) };
    else problems.push(`ORIGO_DEBUG_STEP_DELAY must look like "analyse:3000", got "${env.ORIGO_DEBUG_STEP_DELAY}"`);
  }
  const metricsToken = env.ORIGO_METRICS_TOKEN?.trim() || null;
  if (metricsToken !== null && metricsToken.length < 16) problems.push('ORIGO_METRICS_TOKEN must be at least 16 characters');
  const blobStoreRaw = env.ORIGO_BLOB_STORE?.trim() || (databaseUrl && /^postgres/.test(databaseUrl) ? 'database' : 'folder');
  if (blobStoreRaw !== 'database' && blobStoreRaw !== 'folder') problems.push(`ORIGO_BLOB_STORE must be "database" or "folder", got "${blobStoreRaw}"`);
  if (blobStoreRaw === 'database' && !(databaseUrl && /^postgres/.test(databaseUrl))) problems.push('ORIGO_BLOB_STORE=database needs a PostgreSQL DATABASE_URL');
  const compatRootPorts: Record<string, number> = {};
  for (const v of VENDORS) {
    const name = `ORIGO_COMPAT_ROOT_${v}_PORT`;
    if (env[name]) compatRootPorts[v.toLowerCase()] = int(env, name, 0, 1, 65535, problems);
  }
  // Read by the outbound policy (src/webhook/outbound-policy.ts), which refuses to start on an entry it cannot read.
  const outboundAllow = env.ORIGO_OUTBOUND_ALLOW?.trim() || null;
  const trustedProxies = parseTrustedProxies(env.ORIGO_TRUSTED_PROXIES, problems);
  const config: Config = {
    port: int(env, 'PORT', 8080, 0, 65535, problems),
    host: env.HOST?.trim() || '0.0.0.0',
    dataDir: resolve(env.ORIGO_DATA_DIR?.trim() || './data'),
    databaseUrl,
    publicUrl: publicUrl ? publicUrl.replace(/\/+$/, '') : null,
    adminKey,
    adminEmail: adminEmail?.toLowerCase() ?? null,
    adminPassword,
    workers: int(env, 'ORIGO_WORKERS', 2, 0, 64, problems),
    api: env.ORIGO_API !== '0',
    maxUploadBytes: int(env, 'ORIGO_MAX_UPLOAD_BYTES', 50 * 1024 * 1024, 1024, 2 * 1024 * 1024 * 1024, problems),
    jobLeaseMs: int(env, 'ORIGO_JOB_LEASE_MS', 60_000, 500, 3_600_000, problems),
    webhookBackoffMs: int(env, 'ORIGO_WEBHOOK_BACKOFF_MS', 5000, 10, 3_600_000, problems),
    jwtSecret,
    jwtTtlSeconds: int(env, 'ORIGO_JWT_TTL_SECONDS', 3600, 60, 30 * 86400, problems),
    logLevel,
    stepDelay,
    compatRootPorts,
    metricsToken,
    metricsPort: env.ORIGO_METRICS_PORT ? int(env, 'ORIGO_METRICS_PORT', 0, 0, 65535, problems) : null,
    metricsHost: env.ORIGO_METRICS_HOST?.trim() || '127.0.0.1',
    outboundAllow,
    trustedProxies,
    throttle: {
      addressFailures: int(env, 'ORIGO_THROTTLE_ADDRESS_FAILURES', 30, 0, 1_000_000, problems),
      accountFailures: int(env, 'ORIGO_THROTTLE_ACCOUNT_FAILURES', 10, 0, 1_000_000, problems),
    },
    blobStore: blobStoreRaw === 'database' ? 'database' : 'folder',
  };
  if (problems.length) throw new ConfigError(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
  return config;
}
