import type { VendorRecordRow } from '../rows.js';
import { nowIso } from '../clock.js';
import type { SqlContext } from './context.js';

/**
 * Vendor adapters' own ids and state (Codequiry check ids, DrillBit d_keys, Plagiat.pl GUIDs, ...),
 * mapped onto Origo's internal ids. Adapters reach this only through the service layer.
 */
export class VendorRecordRepo {
  constructor(private readonly c: SqlContext) {}

  async put(vendor: string, kind: string, organisationId: number, externalId: string, internalId: number | null, data: unknown): Promise<VendorRecordRow> {
    const now = nowIso();
    return this.c.db
      .insertInto('vendor_records')
      .values({ vendor, kind, organisation_id: organisationId, external_id: externalId, internal_id: internalId, data: JSON.stringify(data ?? {}), created_at: now, updated_at: now })
      .onConflict((oc) =>
        oc.columns(['vendor', 'kind', 'organisation_id', 'external_id']).doUpdateSet({ internal_id: internalId, data: JSON.stringify(data ?? {}), updated_at: now }),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
  }
  async get(vendor: string, kind: string, organisationId: number, externalId: string): Promise<VendorRecordRow | undefined> {
    return this.c.db
      .selectFrom('vendor_records')
      .selectAll()
      .where((eb) => eb.and({ vendor, kind, organisation_id: organisationId, external_id: externalId }))
      .executeTakeFirst();
  }
  async byInternal(vendor: string, kind: string, internalId: number): Promise<VendorRecordRow[]> {
    return this.c.db.selectFrom('vendor_records').selectAll().where('vendor', '=', vendor).where('kind', '=', kind).where('internal_id', '=', internalId).orderBy('id').execute();
  }
  async list(vendor: string, kind: string, organisationId: number, limit = 1000, offset = 0): Promise<VendorRecordRow[]> {
    return this.c.db
      .selectFrom('vendor_records')
      .selectAll()
      .where('vendor', '=', vendor)
      .where('kind', '=', kind)
      .where('organisation_id', '=', organisationId)
      .orderBy('id')
      .limit(limit)
      .offset(offset)
      .execute();
  }
  async delete(vendor: string, kind: string, organisationId: number, externalId: string): Promise<boolean> {
    const r = await this.c.db
      .deleteFrom('vendor_records')
      .where((eb) => eb.and({ vendor, kind, organisation_id: organisationId, external_id: externalId }))
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }
}
