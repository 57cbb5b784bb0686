import { chmodSync, closeSync, openSync } from 'node:fs';
import { chmod } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { makeFolders, makeFoldersSync } from './make-folders.js';

/**
 * Modes of what Origo writes (docs/security.md, "Files"): data files 0600, folders 0700, set
 * with chmod after creating, so the process umask (which can only take bits away from the mode
 * asked for, or be 0) does not decide them.
 */
export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;

/** mkdir -p, each folder it creates 0700; `dir` itself made 0700 even when it existed. */
export function privateDirSync(dir: string): void {
  for (const d of makeFoldersSync(dir, DIR_MODE)) chmodSync(d, DIR_MODE);
  chmodSync(dir, DIR_MODE);
}

/** mkdir -p below `root` (a folder of ours), each folder from root down to `dir` 0700. */
export async function privateDir(dir: string, root?: string): Promise<void> {
  await makeFolders(dir, DIR_MODE);
  const top = resolve(root ?? dir);
  const rel = relative(top, resolve(dir));
  const chain = [top, ...(rel && !rel.startsWith('..') ? rel.split(sep).map((_, i, parts) => resolve(top, ...parts.slice(0, i + 1))) : [])];
  for (const d of chain) await chmod(d, DIR_MODE);
}

/** Makes an existing file 0600. */
export async function privateFile(file: string): Promise<void> {
  await chmod(file, FILE_MODE);
}

export function privateFileSync(file: string): void {
  chmodSync(file, FILE_MODE);
}

/** Creates `file` empty with mode 0600 unless it exists, and makes it 0600 either way. */
export function ensurePrivateFileSync(file: string): void {
  closeSync(openSync(file, 'a', FILE_MODE));
  chmodSync(file, FILE_MODE);
}
