/** Where uploaded files are kept. Keys are opaque; the local folder is the embedded default. */
export interface BlobStore {
  put(bytes: Uint8Array): Promise<string>;
  get(key: string): Promise<Uint8Array | null>;
  delete(key: string): Promise<void>;
}
