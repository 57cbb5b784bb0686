import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';

/**
 * Issue 17 (security):
 *   - courses get an owner, so an instructor reaches the courses (and their assignments) they own;
 *   - an e-mail address is unique within an organisation, no longer across the installation: one
 *     person may have an account in two organisations, and creating a user never reveals that the
 *     address has an account in another organisation.
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await db.schema.alterTable('courses').addColumn('owner_user_id', 'integer', (c) => c.references('users.id').onDelete('set null')).execute();

  if (dialect === 'postgres') {
    await sql`ALTER TABLE users DROP CONSTRAINT IF EXISTS users_email_key`.execute(db);
  } else {
    // SQLite cannot drop a column's UNIQUE constraint: the table is rebuilt (the documented
    // twelve steps, foreign keys off while the old table goes and the new one takes its name).
    await sql`PRAGMA foreign_keys = OFF`.execute(db);
    try {
      await sql`CREATE TABLE users_rebuilt (
        id integer PRIMARY KEY AUTOINCREMENT,
        public_id text NOT NULL UNIQUE,
        organisation_id integer NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        org_unit_id integer REFERENCES org_units(id) ON DELETE SET NULL,
        email text,
        name text NOT NULL,
        role text NOT NULL,
        password_hash text,
        active integer NOT NULL DEFAULT 1,
        extra text NOT NULL DEFAULT '{}',
        created_at text NOT NULL,
        updated_at text NOT NULL
      )`.execute(db);
      await sql`INSERT INTO users_rebuilt (id, public_id, organisation_id, org_unit_id, email, name, role, password_hash, active, extra, created_at, updated_at)
        SELECT id, public_id, organisation_id, org_unit_id, email, name, role, password_hash, active, extra, created_at, updated_at FROM users`.execute(db);
      await sql`DROP TABLE users`.execute(db);
      await sql`ALTER TABLE users_rebuilt RENAME TO users`.execute(db);
      const broken = await sql`PRAGMA foreign_key_check`.execute(db);
      if (broken.rows.length) throw new Error(`foreign keys broken after rebuilding users: ${JSON.stringify(broken.rows.slice(0, 3))}`);
    } finally {
      await sql`PRAGMA foreign_keys = ON`.execute(db);
    }
  }
  await db.schema.createIndex('users_organisation_email').unique().on('users').columns(['organisation_id', 'email']).execute();
  await db.schema.createIndex('users_email').on('users').column('email').execute();
}
