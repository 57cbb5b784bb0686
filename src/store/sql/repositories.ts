import type { RepositoryRow } from '../rows.js';
import { parseCount, type SqlContext } from './context.js';

/** Reference repositories of an organisation and their documents. */
export class RepositoryRepo {
  constructor(private readonly c: SqlContext) {}

  async create(row: { public_id: string; organisation_id: number; name: string; is_default: number; created_at: string }): Promise<RepositoryRow> {
    return this.c.db.insertInto('repositories').values(row).returningAll().executeTakeFirstOrThrow();
  }
  async byId(id: number): Promise<RepositoryRow | undefined> {
    return this.c.db.selectFrom('repositories').selectAll().where('id', '=', id).executeTakeFirst();
  }
  async byPublicId(organisationId: number, publicId: string): Promise<RepositoryRow | undefined> {
    return this.c.db.selectFrom('repositories').selectAll().where('organisation_id', '=', organisationId).where('public_id', '=', publicId).executeTakeFirst();
  }
  async defaultOf(organisationId: number): Promise<RepositoryRow | undefined> {
    return this.c.db.selectFrom('repositories').selectAll().where('organisation_id', '=', organisationId).where('is_default', '=', 1).executeTakeFirst();
  }
  async list(organisationId: number): Promise<(RepositoryRow & { documents: number })[]> {
    const rows = await this.c.db
      .selectFrom('repositories as r')
      .leftJoin('repository_documents as rd', 'rd.repository_id', 'r.id')
      .selectAll('r')
      .select((eb) => eb.fn.count('rd.document_id').as('documents'))
      .where('r.organisation_id', '=', organisationId)
      .groupBy(['r.id', 'r.public_id', 'r.organisation_id', 'r.name', 'r.is_default', 'r.created_at'])
      .orderBy('r.id')
      .execute();
    return rows.map((r) => ({ ...r, documents: parseCount(r.documents) }));
  }
  async delete(id: number): Promise<boolean> {
    const r = await this.c.db.deleteFrom('repositories').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }
  /** Adds a document to a repository; false when it was there already (nothing changes). */
  async addDocument(repositoryId: number, documentId: number, at: string): Promise<boolean> {
    const r = await this.c.db
      .insertInto('repository_documents')
      .values({ repository_id: repositoryId, document_id: documentId, added_at: at })
      .onConflict((oc) => oc.columns(['repository_id', 'document_id']).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  }
  async removeDocument(repositoryId: number, documentId: number): Promise<boolean> {
    const r = await this.c.db.deleteFrom('repository_documents').where('repository_id', '=', repositoryId).where('document_id', '=', documentId).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }
  async repositoriesOf(documentId: number): Promise<number[]> {
    const rows = await this.c.db.selectFrom('repository_documents').select('repository_id').where('document_id', '=', documentId).execute();
    return rows.map((r) => r.repository_id);
  }
  async documentIds(repositoryId: number, limit: number, offset: number): Promise<number[]> {
    const rows = await this.c.db.selectFrom('repository_documents').select('document_id').where('repository_id', '=', repositoryId).orderBy('document_id').limit(limit).offset(offset).execute();
    return rows.map((r) => r.document_id);
  }
}
