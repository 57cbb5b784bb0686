import pg from 'pg';
import type { Store } from '../store/index.js';
import { openSqliteStore } from '../store/sqlite.js';
import { openPostgresStore } from '../store/postgres.js';

/** The PostgreSQL server tests use; CI starts it (see .ci/run). */
export const TEST_PG_URL = process.env.ORIGO_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Where PostgreSQL must answer, tests fail instead of skipping (CI sets this). */
export const REQUIRE_PG = process.env.ORIGO_REQUIRE_POSTGRES === '1';

export async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Creates an empty database on the test server and returns its URL and a function dropping it. */
export async function createTestDatabase(prefix = 'origo_test'): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: TEST_PG_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface StoreUnderTest {
  name: 'sqlite' | 'postgres';
  /** Why this store cannot run here (the test is skipped with this reason), or null. */
  skip: string | null;
  open: () => Promise<{ store: Store; cleanup: () => Promise<void> }>;
}

/** Both implementations of the storage port, for contract suites. */
export async function storesUnderTest(): Promise<StoreUnderTest[]> {
  const pgUp = await postgresAnswers();
  if (!pgUp && REQUIRE_PG) throw new Error(`PostgreSQL does not answer at ${TEST_PG_URL}, and ORIGO_REQUIRE_POSTGRES=1`);
  return [
    {
      name: 'sqlite',
      skip: null,
      open: async () => {
        const store = await openSqliteStore(':memory:');
        return { store, cleanup: () => store.close() };
      },
    },
    {
      name: 'postgres',
      skip: pgUp ? null : `PostgreSQL does not answer at ${TEST_PG_URL}`,
      open: async () => {
        const db = await createTestDatabase();
        const store = await openPostgresStore(db.url, 4);
        return { store, cleanup: async () => { await store.close(); await db.drop(); } };
      },
    },
  ];
}
