export type { BlobStore } from './blob-store.js';
export { LocalBlobStore } from './local-blob-store.js';
export { DatabaseBlobStore, type BlobTable } from './database-blob-store.js';
export { TieredBlobStore } from './tiered-blob-store.js';
