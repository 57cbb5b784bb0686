import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { BlobStore } from './blob-store.js';
import { FILE_MODE, privateDir, privateFile } from '../files/private-files.js';

/**
 * Blobs as files under one folder, fanned out by the first characters of a random key. A write
 * goes to a temporary name and is renamed into place, so a crash never leaves a half file
 * under a real key.
 */
export class LocalBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  private path(key: string): string {
    if (!/^[0-9a-f]{2}\/[0-9a-f-]{36}$/.test(key)) throw new Error(`invalid blob key: ${key}`);
    return join(this.root, key);
  }

  async put(bytes: Uint8Array): Promise<string> {
    const id = randomUUID();
    const key = `${id.slice(0, 2)}/${id}`;
    const dir = join(this.root, id.slice(0, 2));
    // Folders 0700, files 0600 (docs/security.md).
    await privateDir(dir, this.root);
    const tmp = join(dir, `.${id}.tmp`);
    await writeFile(tmp, bytes, { flush: true, mode: FILE_MODE });
    await privateFile(tmp);
    await rename(tmp, this.path(key));
    return key;
  }

  async get(key: string): Promise<Uint8Array | null> {
    try {
      return await readFile(this.path(key));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }
}
