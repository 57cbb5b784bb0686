import type { Insertable, Updateable } from 'kysely';
import type { ApiKeysTable, UsersTable } from '../schema.js';
import type { ApiKeyRow, Page, PageOf, UserRow } from '../rows.js';
import { parseCount, type SqlContext } from './context.js';

export interface UserFilter {
  role?: string;
  orgUnitId?: number;
  email?: string;
  search?: string;
}

export class UserRepo {
  constructor(private readonly c: SqlContext) {}

  async create(row: Insertable<UsersTable>): Promise<UserRow> {
    return this.c.db.insertInto('users').values(row).returningAll().executeTakeFirstOrThrow();
  }
  async byId(id: number): Promise<UserRow | undefined> {
    return this.c.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }
  async byPublicId(organisationId: number, publicId: string): Promise<UserRow | undefined> {
    return this.c.db.selectFrom('users').selectAll().where('organisation_id', '=', organisationId).where('public_id', '=', publicId).executeTakeFirst();
  }
  /** Every account with this e-mail address (one per organisation at most), oldest first. */
  async byEmail(email: string): Promise<UserRow[]> {
    return this.c.db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).orderBy('id').execute();
  }
  async byEmailIn(organisationId: number, email: string): Promise<UserRow | undefined> {
    return this.c.db.selectFrom('users').selectAll().where('organisation_id', '=', organisationId).where('email', '=', email.toLowerCase()).executeTakeFirst();
  }
  async list(organisationId: number, filter: UserFilter, page: Page): Promise<PageOf<UserRow>> {
    let q = this.c.db.selectFrom('users').where('organisation_id', '=', organisationId);
    if (filter.role) q = q.where('role', '=', filter.role);
    if (filter.orgUnitId !== undefined) q = q.where('org_unit_id', '=', filter.orgUnitId);
    if (filter.email) q = q.where('email', '=', filter.email.toLowerCase());
    if (filter.search) {
      const like = `%${filter.search.toLowerCase()}%`;
      q = q.where((eb) => eb.or([eb(eb.fn('lower', ['name']), 'like', like), eb('email', 'like', like)]));
    }
    const items = await q.selectAll().orderBy('id').limit(page.limit).offset(page.offset).execute();
    const { n } = await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    return { items, total: parseCount(n) };
  }
  async update(id: number, patch: Updateable<UsersTable>): Promise<UserRow | undefined> {
    return this.c.db.updateTable('users').set(patch).where('id', '=', id).returningAll().executeTakeFirst();
  }
  /** Compare-and-set of `extra`: writes `next` only if the row still holds `expected`; true when it did. */
  async swapExtra(id: number, expected: string, next: string, updatedAt: string): Promise<boolean> {
    const r = await this.c.db.updateTable('users').set({ extra: next, updated_at: updatedAt }).where('id', '=', id).where('extra', '=', expected).executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }
  async delete(id: number): Promise<boolean> {
    const r = await this.c.db.deleteFrom('users').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }
}

export class ApiKeyRepo {
  constructor(private readonly c: SqlContext) {}

  async create(row: Insertable<ApiKeysTable>): Promise<ApiKeyRow> {
    return this.c.db.insertInto('api_keys').values(row).returningAll().executeTakeFirstOrThrow();
  }
  async byHash(keyHash: string): Promise<ApiKeyRow | undefined> {
    return this.c.db.selectFrom('api_keys').selectAll().where('key_hash', '=', keyHash).where('revoked_at', 'is', null).executeTakeFirst();
  }
  async byPublicId(organisationId: number, publicId: string): Promise<ApiKeyRow | undefined> {
    return this.c.db.selectFrom('api_keys').selectAll().where('organisation_id', '=', organisationId).where('public_id', '=', publicId).executeTakeFirst();
  }
  async list(organisationId: number): Promise<ApiKeyRow[]> {
    return this.c.db.selectFrom('api_keys').selectAll().where('organisation_id', '=', organisationId).where('revoked_at', 'is', null).orderBy('id').execute();
  }
  async update(id: number, patch: Updateable<ApiKeysTable>): Promise<ApiKeyRow | undefined> {
    // An empty SET is an SQL syntax error: a PATCH that changes nothing reads the row back.
    if (Object.keys(patch).length === 0) return this.c.db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
    return this.c.db.updateTable('api_keys').set(patch).where('id', '=', id).returningAll().executeTakeFirst();
  }
  async delete(id: number): Promise<boolean> {
    const r = await this.c.db.deleteFrom('api_keys').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }
}
