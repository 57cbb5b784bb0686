export type { BlobStore } from './blob-store.js';
export { LocalBlobStore } from './local-blob-store.js';
