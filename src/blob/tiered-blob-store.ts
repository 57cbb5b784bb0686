import type { BlobStore } from './blob-store.js';

/**
 * New files go to `primary`; files stored before (keys `primary` does not know, e.g. a folder's
 * files from before the installation moved its blobs into PostgreSQL) are still read from and
 * deleted in `fallback`.
 */
export class TieredBlobStore implements BlobStore {
  constructor(private readonly primary: BlobStore, private readonly fallback: BlobStore, private readonly ownsKey: (key: string) => boolean) {}

  put(bytes: Uint8Array): Promise<string> {
    return this.primary.put(bytes);
  }

  get(key: string): Promise<Uint8Array | null> {
    return this.ownsKey(key) ? this.primary.get(key) : this.fallback.get(key);
  }

  delete(key: string): Promise<void> {
    return this.ownsKey(key) ? this.primary.delete(key) : this.fallback.delete(key);
  }
}
