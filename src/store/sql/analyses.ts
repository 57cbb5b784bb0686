import type { AnalysisRow } from '../rows.js';
import type { SqlContext } from './context.js';

export class AnalysisRepo {
  constructor(private readonly c: SqlContext) {}

  /** Stores a new version of a document's analysis; versions count up from 1. Call inside a transaction. */
  async add(row: { public_id: string; document_id: number; similarity: number; result: string; created_at: string }): Promise<AnalysisRow> {
    // Two analyses of one document may finish at once on PostgreSQL: lock the document row so
    // they take versions one after the other (SQLite transactions are serial already). NO KEY
    // UPDATE, so rows referencing the document (pair results of other documents' analyses) do not
    // wait for it nor make it wait.
    if (this.c.dialect === 'postgres') {
      await this.c.db.selectFrom('documents').select('id').where('id', '=', row.document_id).forNoKeyUpdate().execute();
    }
    const last = await this.c.db
      .selectFrom('analyses')
      .select((eb) => eb.fn.max('version').as('v'))
      .where('document_id', '=', row.document_id)
      .executeTakeFirst();
    const version = Number(last?.v ?? 0) + 1;
    return this.c.db.insertInto('analyses').values({ ...row, version }).returningAll().executeTakeFirstOrThrow();
  }
  async latest(documentId: number): Promise<AnalysisRow | undefined> {
    return this.c.db.selectFrom('analyses').selectAll().where('document_id', '=', documentId).orderBy('version', 'desc').limit(1).executeTakeFirst();
  }
  async byVersion(documentId: number, version: number): Promise<AnalysisRow | undefined> {
    return this.c.db.selectFrom('analyses').selectAll().where('document_id', '=', documentId).where('version', '=', version).executeTakeFirst();
  }
  async versions(documentId: number): Promise<{ version: number; similarity: number; created_at: string }[]> {
    return this.c.db.selectFrom('analyses').select(['version', 'similarity', 'created_at']).where('document_id', '=', documentId).orderBy('version').execute();
  }
}
