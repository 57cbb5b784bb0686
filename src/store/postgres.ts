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
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  await migrateToLatest(db, 'postgres');
  return new Store(db, 'postgres');
}
