import type { VendorRecordRow } from '../store/index.js';
import type { ServiceContext } from './context.js';

export type Vendor = 'codequiry' | 'drillbit' | 'plagiat' | 'inspera' | 'plagscan';

export interface VendorRecord<T> {
  externalId: string;
  internalId: number | null;
  data: T;
  createdAt: string;
  updatedAt: string;
}

function toRecord<T>(row: VendorRecordRow): VendorRecord<T> {
  return { externalId: row.external_id, internalId: row.internal_id, data: JSON.parse(row.data) as T, createdAt: row.created_at, updatedAt: row.updated_at };
}

/**
 * Vendor ids and vendor-only state (check ids, report keys, client-chosen document ids, counters),
 * mapped onto Origo's internal ids. Adapters keep their bookkeeping here instead of in SQL.
 */
export class VendorRecordService {
  constructor(private readonly ctx: ServiceContext) {}

  async put<T>(vendor: Vendor, kind: string, organisationId: number, externalId: string, internalId: number | null, data: T): Promise<VendorRecord<T>> {
    return toRecord<T>(await this.ctx.store.vendorRecords.put(vendor, kind, organisationId, externalId, internalId, data));
  }
  async get<T>(vendor: Vendor, kind: string, organisationId: number, externalId: string): Promise<VendorRecord<T> | undefined> {
    const row = await this.ctx.store.vendorRecords.get(vendor, kind, organisationId, externalId);
    return row ? toRecord<T>(row) : undefined;
  }
  async byInternal<T>(vendor: Vendor, kind: string, internalId: number): Promise<VendorRecord<T>[]> {
    return (await this.ctx.store.vendorRecords.byInternal(vendor, kind, internalId)).map((r) => toRecord<T>(r));
  }
  async list<T>(vendor: Vendor, kind: string, organisationId: number, limit = 1000, offset = 0): Promise<VendorRecord<T>[]> {
    return (await this.ctx.store.vendorRecords.list(vendor, kind, organisationId, limit, offset)).map((r) => toRecord<T>(r));
  }
  async delete(vendor: Vendor, kind: string, organisationId: number, externalId: string): Promise<boolean> {
    return this.ctx.store.vendorRecords.delete(vendor, kind, organisationId, externalId);
  }
}
