import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from './schema.js';
import { Store } from './store.js';
import { migrateToLatest } from './migrate.js';

// COUNT(*) and bigint columns come back as strings by default; every value we keep fits a double.
pg.types.setTypeParser(20, (v) => Number(v));

/** Opens (and migrates) a PostgreSQL store from a `postgres://` URL. */
export async function openPostgresStore(url: string, poolSize = 10): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on('connect', withoutNul);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  await migrateToLatest(db, 'postgres');
  return new Store(db, 'postgres');
}

/**
 * PostgreSQL refuses NUL (U+0000) in text ("invalid byte sequence for encoding UTF8: 0x00"), which
 * SQLite stores: a %00 in an id or a "\u0000" in a name made any API answer 500. Each string
 * parameter of every query of this pool's clients has NUL replaced by U+FFFD, the character
 * decoders put for what they cannot represent: a lookup then finds nothing (stored text never
 * holds NUL here) and a write keeps the text. Bytes (Buffer) and other values pass unchanged.
 */
function withoutNul(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const clean = (v: unknown) => (typeof v === 'string' && v.includes('\u0000') ? v.replaceAll('\u0000', '\ufffd') : v);
  (client as { query: unknown }).query = (...args: unknown[]) => {
    if (Array.isArray(args[1])) args[1] = args[1].map(clean);
    return query(...args);
  };
}

