import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema.js';
import { Store } from './store.js';
import { migrateToLatest } from './migrate.js';
import { ensurePrivateFileSync, privateDirSync, privateFileSync } from '../files/private-files.js';

/** Opens (creating and migrating) the embedded SQLite store. `:memory:` works for tests. */
export async function openSqliteStore(file: string): Promise<Store> {
  // The database holds the JWT secret and everything else: 0600, in a 0700 folder when we make it.
  // SQLite gives its -wal and -shm files the database file's mode.
  if (file !== ':memory:') {
    if (!existsSync(dirname(file))) privateDirSync(dirname(file));
    ensurePrivateFileSync(file);
  }
  const database = new BetterSqlite3(file);
  database.pragma('journal_mode = WAL');
  if (file !== ':memory:') for (const suffix of ['-wal', '-shm']) if (existsSync(`${file}${suffix}`)) privateFileSync(`${file}${suffix}`);
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  database.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  await migrateToLatest(db, 'sqlite');
  return new Store(db, 'sqlite');
}
