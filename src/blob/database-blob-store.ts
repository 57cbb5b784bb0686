import { randomUUID } from 'node:crypto';
import type { BlobStore } from './blob-store.js';

/** Where a DatabaseBlobStore keeps the bytes: the store's `blobs` table (store/sql/blobs.ts). */
export interface BlobTable {
  put(key: string, bytes: Uint8Array, at: string): Promise<void>;
  get(key: string): Promise<Uint8Array | null>;
  delete(key: string): Promise<void>;
}

/**
 * Uploaded files in the database (PostgreSQL when DATABASE_URL is set): every API and worker
 * process of an installation reads the same bytes without a shared folder. A row is written in
 * one statement, so a crash never leaves half a file under a key.
 */
export class DatabaseBlobStore implements BlobStore {
  constructor(private readonly table: BlobTable) {}

  async put(bytes: Uint8Array): Promise<string> {
    const key = `db/${randomUUID()}`;
    await this.table.put(key, bytes, new Date().toISOString());
    return key;
  }

  async get(key: string): Promise<Uint8Array | null> {
    if (!key.startsWith('db/')) return null;
    return this.table.get(key);
  }

  async delete(key: string): Promise<void> {
    if (key.startsWith('db/')) await this.table.delete(key);
  }
}
