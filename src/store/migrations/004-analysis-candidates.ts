import type { Kysely } from 'kysely';

/**
 * `analysis_state.candidates`: how many candidates a document's last composition had (plus the
 * new peers counted since that gained no match), so a new peer that cannot change an earlier
 * report does not re-compose it while its candidate list has room.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('analysis_state').addColumn('candidates', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}
