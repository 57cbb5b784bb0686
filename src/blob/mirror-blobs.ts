import { copyFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { privateDir, privateFile } from '../files/private-files.js';
import { join } from 'node:path';

export interface MirrorResult {
  /** Blobs in the destination afterwards. */
  files: number;
  bytes: number;
  /** Copied this time (new, or a different size). */
  copied: number;
  /** Removed from the destination because the source no longer has them (deleted documents). */
  removed: number;
}

const isFanOut = (name: string) => /^[0-9a-f]{2}$/.test(name);
const isBlob = (name: string) => /^[0-9a-f-]{36}$/.test(name);

async function listBlobs(root: string): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  let dirs: string[];
  try {
    dirs = (await readdir(root)).filter(isFanOut);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return found;
    throw err;
  }
  for (const d of dirs) {
    for (const name of await readdir(join(root, d))) {
      // Temporary names (".<id>.tmp": a write in progress) are not blobs yet.
      if (!isBlob(name)) continue;
      const s = await stat(join(root, d, name)).catch(() => null);
      if (s?.isFile()) found.set(`${d}/${name}`, s.size);
    }
  }
  return found;
}

/**
 * Makes `dst` hold exactly the blobs of `src` (the LocalBlobStore layout: `ab/<uuid>`). Blobs
 * never change once written, so a blob already in `dst` with the same size is kept, and a
 * backup into the same folder again copies only what is new. Each copy goes to a temporary name
 * and is renamed. Blobs that disappear from `src` while this runs are skipped.
 */
export async function mirrorBlobs(src: string, dst: string): Promise<MirrorResult> {
  const [have, want] = await Promise.all([listBlobs(dst), listBlobs(src)]);
  let copied = 0;
  let removed = 0;
  let bytes = 0;
  let files = 0;
  for (const [key, size] of want) {
    if (have.get(key) !== size) {
      const [d, name] = key.split('/');
      await privateDir(join(dst, d), dst);
      const tmp = join(dst, d, `.${name}.tmp`);
      try {
        await copyFile(join(src, key), tmp);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue; // deleted meanwhile
        throw err;
      }
      await privateFile(tmp);
      await rename(tmp, join(dst, key));
      copied++;
    }
    files++;
    bytes += size;
  }
  for (const key of have.keys()) {
    if (!want.has(key)) {
      await rm(join(dst, key), { force: true });
      removed++;
    }
  }
  return { files, bytes, copied, removed };
}
