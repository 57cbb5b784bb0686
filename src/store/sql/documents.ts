import type { Insertable, Updateable } from 'kysely';
import type { DocumentsTable } from '../schema.js';
import type { DocumentRow, DocumentTextRow, Page, PageOf } from '../rows.js';
import { parseCount, type SqlContext } from './context.js';

export interface DocumentFilter {
  assignmentId?: number;
  status?: string;
  md5?: string;
  ownerUserId?: number;
  /**
   * Only documents this user reaches as an instructor: their own, and those of assignments they
   * own or that belong to a course they own.
   */
  reachableBy?: number;
  /** Only documents in this repository (internal id). */
  repositoryId?: number;
}

export class DocumentRepo {
  constructor(private readonly c: SqlContext) {}

  async create(row: Insertable<DocumentsTable>): Promise<DocumentRow> {
    return this.c.db.insertInto('documents').values(row).returningAll().executeTakeFirstOrThrow();
  }
  async byId(id: number): Promise<DocumentRow | undefined> {
    return this.c.db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
  }
  async byIds(ids: number[]): Promise<DocumentRow[]> {
    if (ids.length === 0) return [];
    return this.c.db.selectFrom('documents').selectAll().where('id', 'in', ids).execute();
  }
  async byPublicId(organisationId: number, publicId: string): Promise<DocumentRow | undefined> {
    return this.c.db.selectFrom('documents').selectAll().where('organisation_id', '=', organisationId).where('public_id', '=', publicId).executeTakeFirst();
  }
  async list(organisationId: number, filter: DocumentFilter, page: Page): Promise<PageOf<DocumentRow>> {
    let q = this.c.db.selectFrom('documents').where('organisation_id', '=', organisationId);
    if (filter.assignmentId !== undefined) q = q.where('assignment_id', '=', filter.assignmentId);
    if (filter.status) q = q.where('status', '=', filter.status);
    if (filter.md5) q = q.where('md5', '=', filter.md5);
    if (filter.ownerUserId !== undefined) q = q.where('owner_user_id', '=', filter.ownerUserId);
    if (filter.repositoryId !== undefined) q = q.where('id', 'in', this.c.db.selectFrom('repository_documents').select('document_id').where('repository_id', '=', filter.repositoryId));
    if (filter.reachableBy !== undefined) {
      const u = filter.reachableBy;
      q = q.where((eb) =>
        eb.or([
          eb('owner_user_id', '=', u),
          eb('assignment_id', 'in', eb.selectFrom('assignments').select('id').where((a) => a.or([a('owner_user_id', '=', u), a('course_id', 'in', a.selectFrom('courses').select('id').where('owner_user_id', '=', u))]))),
        ]),
      );
    }
    const items = await q.selectAll().orderBy('id').limit(page.limit).offset(page.offset).execute();
    const { n } = await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    return { items, total: parseCount(n) };
  }
  /** Every document of an assignment (for deletion and group checks), oldest first. */
  async inAssignment(assignmentId: number): Promise<DocumentRow[]> {
    return this.c.db.selectFrom('documents').selectAll().where('assignment_id', '=', assignmentId).orderBy('id').execute();
  }
  /** The documents of an assignment in these languages (cross-language peers), oldest first. */
  async inAssignmentWithLanguages(assignmentId: number, languages: readonly string[]): Promise<DocumentRow[]> {
    if (languages.length === 0) return [];
    return this.c.db.selectFrom('documents').selectAll().where('assignment_id', '=', assignmentId).where('language', 'in', [...languages]).orderBy('id').execute();
  }
  async update(id: number, patch: Updateable<DocumentsTable>): Promise<DocumentRow | undefined> {
    return this.c.db.updateTable('documents').set(patch).where('id', '=', id).returningAll().executeTakeFirst();
  }
  async delete(id: number): Promise<boolean> {
    const r = await this.c.db.deleteFrom('documents').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async putText(documentId: number, text: string, extraction: string): Promise<void> {
    await this.c.db.deleteFrom('document_texts').where('document_id', '=', documentId).execute();
    await this.c.db.insertInto('document_texts').values({ document_id: documentId, text, extraction }).execute();
  }
  async text(documentId: number): Promise<DocumentTextRow | undefined> {
    return this.c.db.selectFrom('document_texts').selectAll().where('document_id', '=', documentId).executeTakeFirst();
  }
  async texts(documentIds: number[]): Promise<DocumentTextRow[]> {
    if (documentIds.length === 0) return [];
    return this.c.db.selectFrom('document_texts').selectAll().where('document_id', 'in', documentIds).execute();
  }
  async deleteText(documentId: number): Promise<void> {
    await this.c.db.deleteFrom('document_texts').where('document_id', '=', documentId).execute();
  }
}
