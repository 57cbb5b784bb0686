import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';

/**
 * Linear-cost analysis and multi-machine storage (issue 22), on both dialects:
 * - `pair_results`: one alignment of a submission against one source, kept so that a report is
 *   composed from its pairs and a new peer adds its pair instead of re-running the analysis;
 * - `assignment_fingerprints`: in how many documents of an assignment each fingerprint occurs,
 *   to recognise text the whole class shares (a pasted prompt) as common text;
 * - `analysis_state`: the shared-fingerprint count of a document's last kept candidate, so a new
 *   peer that cannot enter its candidates does not re-compose it;
 * - `blobs`: uploaded files in the database, for installations whose processes share no folder;
 * - the inverted index looked up by (organisation, hash) with the document in the key, so a
 *   candidate lookup reads the index alone.
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('pair_results')
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('source_id', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('options_key', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('pair_results_pk', ['document_id', 'source_id'])
    .execute();
  await db.schema.createIndex('pair_results_source').on('pair_results').column('source_id').execute();

  await db.schema
    .createTable('assignment_fingerprints')
    .addColumn('assignment_id', 'integer', (c) => c.notNull().references('assignments.id').onDelete('cascade'))
    .addColumn('hash', 'bigint', (c) => c.notNull())
    .addColumn('documents', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('assignment_fingerprints_pk', ['assignment_id', 'hash'])
    .execute();

  await db.schema
    .createTable('analysis_state')
    .addColumn('document_id', 'integer', (c) => c.primaryKey().references('documents.id').onDelete('cascade'))
    .addColumn('candidate_floor', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('blobs')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('bytes', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema.createIndex('fingerprints_lookup').on('fingerprints').columns(['organisation_id', 'hash', 'document_id']).execute();
  await db.schema.dropIndex('fingerprints_hash').execute();
}
