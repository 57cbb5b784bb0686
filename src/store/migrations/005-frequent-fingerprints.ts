import type { Kysely } from 'kysely';

/**
 * Fingerprints an organisation holds in too many documents to say where a text came from (see
 * `FingerprintRepo.candidates`): learnt by lookups, so later lookups skip them without reading
 * their postings.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('frequent_fingerprints')
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('hash', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('frequent_fingerprints_pk', ['organisation_id', 'hash'])
    .execute();
}
