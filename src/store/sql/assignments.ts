import type { Insertable, Updateable } from 'kysely';
import type { AssignmentsTable } from '../schema.js';
import type { AssignmentRow, Page, PageOf } from '../rows.js';
import { parseCount, type SqlContext } from './context.js';

export class AssignmentRepo {
  constructor(private readonly c: SqlContext) {}

  async create(row: Insertable<AssignmentsTable>): Promise<AssignmentRow> {
    return this.c.db.insertInto('assignments').values(row).returningAll().executeTakeFirstOrThrow();
  }
  async byId(id: number): Promise<AssignmentRow | undefined> {
    return this.c.db.selectFrom('assignments').selectAll().where('id', '=', id).executeTakeFirst();
  }
  async byPublicId(organisationId: number, publicId: string): Promise<AssignmentRow | undefined> {
    return this.c.db.selectFrom('assignments').selectAll().where('organisation_id', '=', organisationId).where('public_id', '=', publicId).executeTakeFirst();
  }
  async byName(organisationId: number, name: string): Promise<AssignmentRow | undefined> {
    return this.c.db.selectFrom('assignments').selectAll().where('organisation_id', '=', organisationId).where('name', '=', name).executeTakeFirst();
  }
  /** With `ownedBy`: only the assignments that user owns or that belong to a course the user owns. */
  async list(organisationId: number, page: Page, courseId?: number, ownedBy?: number): Promise<PageOf<AssignmentRow>> {
    let q = this.c.db.selectFrom('assignments').where('organisation_id', '=', organisationId);
    if (courseId !== undefined) q = q.where('course_id', '=', courseId);
    if (ownedBy !== undefined) q = q.where((eb) => eb.or([eb('owner_user_id', '=', ownedBy), eb('course_id', 'in', eb.selectFrom('courses').select('id').where('owner_user_id', '=', ownedBy))]));
    const items = await q.selectAll().orderBy('id').limit(page.limit).offset(page.offset).execute();
    const { n } = await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    return { items, total: parseCount(n) };
  }
  async update(id: number, patch: Updateable<AssignmentsTable>): Promise<AssignmentRow | undefined> {
    return this.c.db.updateTable('assignments').set(patch).where('id', '=', id).returningAll().executeTakeFirst();
  }
  async delete(id: number): Promise<boolean> {
    const r = await this.c.db.deleteFrom('assignments').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }
}
