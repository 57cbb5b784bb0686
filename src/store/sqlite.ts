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
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
  await migrateToLatest(db, 'sqlite');
  return new Store(db, 'sqlite');
}

/** Prepared statements kept per SQL text; queries with long value lists vary, so the oldest leave. */
const STATEMENT_CACHE = 500;

/**
 * The database as Kysely's SQLite dialect sees it, with prepared statements reused: the dialect
 * prepares every query again, which cost about a tenth of a server's CPU under a steady upload
 * load (docs/benchmarks.md, Ingest). A statement runs to completion inside one call (Origo does not
 * stream SQLite results), so reusing it is safe.
 */
export function withStatementCache(database: BetterSqlite3.Database): { prepare(sql: string): BetterSqlite3.Statement; close(): void } {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    prepare(sql: string) {
      let stmt = cache.get(sql);
      if (stmt) {
        cache.delete(sql);
      } else {
        stmt = database.prepare(sql);
        if (cache.size >= STATEMENT_CACHE) cache.delete(cache.keys().next().value as string);
      }
      cache.set(sql, stmt);
      return stmt;
    },
    close() {
      cache.clear();
      database.close();
    },
  };
}
