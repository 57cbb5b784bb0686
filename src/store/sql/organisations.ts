import type { Insertable, Updateable } from 'kysely';
import type { OrganisationsTable, OrgUnitsTable, CoursesTable } from '../schema.js';
import type { CourseRow, OrganisationRow, OrgUnitRow, Page, PageOf } from '../rows.js';
import { parseCount, type SqlContext } from './context.js';

export class OrganisationRepo {
  constructor(private readonly c: SqlContext) {}

  async create(row: Insertable<OrganisationsTable>): Promise<OrganisationRow> {
    return this.c.db.insertInto('organisations').values(row).returningAll().executeTakeFirstOrThrow();
  }
  async byId(id: number): Promise<OrganisationRow | undefined> {
    return this.c.db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
  }
  async byPublicId(publicId: string): Promise<OrganisationRow | undefined> {
    return this.c.db.selectFrom('organisations').selectAll().where('public_id', '=', publicId).executeTakeFirst();
  }
  async first(): Promise<OrganisationRow | undefined> {
    return this.c.db.selectFrom('organisations').selectAll().orderBy('id').limit(1).executeTakeFirst();
  }
  async list(page: Page): Promise<PageOf<OrganisationRow>> {
    const items = await this.c.db.selectFrom('organisations').selectAll().orderBy('id').limit(page.limit).offset(page.offset).execute();
    const { n } = await this.c.db.selectFrom('organisations').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    return { items, total: parseCount(n) };
  }
  async update(id: number, patch: Updateable<OrganisationsTable>): Promise<OrganisationRow | undefined> {
    return this.c.db.updateTable('organisations').set(patch).where('id', '=', id).returningAll().executeTakeFirst();
  }
  async delete(id: number): Promise<boolean> {
    const r = await this.c.db.deleteFrom('organisations').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }
}

export class OrgUnitRepo {
  constructor(private readonly c: SqlContext) {}

  async create(row: Insertable<OrgUnitsTable>): Promise<OrgUnitRow> {
    return this.c.db.insertInto('org_units').values(row).returningAll().executeTakeFirstOrThrow();
  }
  async byId(id: number): Promise<OrgUnitRow | undefined> {
    return this.c.db.selectFrom('org_units').selectAll().where('id', '=', id).executeTakeFirst();
  }
  async byPublicId(organisationId: number, publicId: string): Promise<OrgUnitRow | undefined> {
    return this.c.db.selectFrom('org_units').selectAll().where('organisation_id', '=', organisationId).where('public_id', '=', publicId).executeTakeFirst();
  }
  async byName(organisationId: number, name: string): Promise<OrgUnitRow | undefined> {
    return this.c.db.selectFrom('org_units').selectAll().where('organisation_id', '=', organisationId).where('name', '=', name).executeTakeFirst();
  }
  async list(organisationId: number): Promise<OrgUnitRow[]> {
    return this.c.db.selectFrom('org_units').selectAll().where('organisation_id', '=', organisationId).orderBy('id').execute();
  }
  async update(id: number, patch: Updateable<OrgUnitsTable>): Promise<OrgUnitRow | undefined> {
    // An empty SET is an SQL syntax error: a PATCH that changes nothing reads the row back.
    if (Object.keys(patch).length === 0) return this.byId(id);
    return this.c.db.updateTable('org_units').set(patch).where('id', '=', id).returningAll().executeTakeFirst();
  }
  async delete(id: number): Promise<boolean> {
    const r = await this.c.db.deleteFrom('org_units').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }
}

export class CourseRepo {
  constructor(private readonly c: SqlContext) {}

  async create(row: Insertable<CoursesTable>): Promise<CourseRow> {
    return this.c.db.insertInto('courses').values(row).returningAll().executeTakeFirstOrThrow();
  }
  async byId(id: number): Promise<CourseRow | undefined> {
    return this.c.db.selectFrom('courses').selectAll().where('id', '=', id).executeTakeFirst();
  }
  async byPublicId(organisationId: number, publicId: string): Promise<CourseRow | undefined> {
    return this.c.db.selectFrom('courses').selectAll().where('organisation_id', '=', organisationId).where('public_id', '=', publicId).executeTakeFirst();
  }
  /** With `ownedBy`: only the courses that user owns. */
  async list(organisationId: number, page: Page, ownedBy?: number): Promise<PageOf<CourseRow>> {
    let q = this.c.db.selectFrom('courses').where('organisation_id', '=', organisationId);
    if (ownedBy !== undefined) q = q.where('owner_user_id', '=', ownedBy);
    const items = await q.selectAll().orderBy('id').limit(page.limit).offset(page.offset).execute();
    const { n } = await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    return { items, total: parseCount(n) };
  }
  async update(id: number, patch: Partial<Insertable<CoursesTable>>): Promise<CourseRow | undefined> {
    // An empty SET is an SQL syntax error: a PATCH that changes nothing reads the row back.
    if (Object.keys(patch).length === 0) return this.byId(id);
    return this.c.db.updateTable('courses').set(patch).where('id', '=', id).returningAll().executeTakeFirst();
  }
  async delete(id: number): Promise<boolean> {
    const r = await this.c.db.deleteFrom('courses').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }
}
