import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Dialect } from './dialect.js';
import * as m001 from './migrations/001-initial.js';
import * as m002 from './migrations/002-pair-results.js';
import * as m003 from './migrations/003-security-scoping.js';
import * as m004 from './migrations/004-analysis-candidates.js';
import * as m005 from './migrations/005-frequent-fingerprints.js';
import * as m006 from './migrations/006-fingerprints-lookup-hash-first.js';
import * as m007 from './migrations/007-inspera-attempt-keys.js';

type Up = (db: Kysely<any>, dialect: Dialect) => Promise<void>;

/** Every migration, in order. One set serves both dialects. */
const MIGRATIONS: Record<string, Up> = {
  '001-initial': m001.up,
  '002-pair-results': m002.up,
  '003-security-scoping': m003.up,
  '004-analysis-candidates': m004.up,
  '005-frequent-fingerprints': m005.up,
  '006-fingerprints-lookup-hash-first': m006.up,
  '007-inspera-attempt-keys': m007.up,
};

class InCodeProvider implements MigrationProvider {
  constructor(private readonly dialect: Dialect) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return Object.fromEntries(
      Object.entries(MIGRATIONS).map(([name, up]) => [name, { up: (db: Kysely<any>) => up(db, this.dialect) }]),
    );
  }
}

/** Brings the schema up to date; safe to call from many processes at once (kysely locks). */
export async function migrateToLatest(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const migrator = new Migrator({ db, provider: new InCodeProvider(dialect), allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const reason = error instanceof Error ? error.message : String(error ?? `migration ${failed?.migrationName} failed`);
    throw new Error(`database migration failed: ${reason}`);
  }
}
