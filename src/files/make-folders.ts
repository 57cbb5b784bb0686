/**
 * `mkdir -p` without Node's recursive mkdir. On Node 20, `mkdirSync(dir, { recursive: true })`
 * (and the promise version) never returns for a path whose parent exists but refuses children
 * with ENOENT, as every path under /proc does: the walk steps back on ENOENT and forward on
 * EEXIST, forever, at full CPU. A data folder or an output folder mistyped that way hung
 * `origo serve` and `origo pan` with no message. Here the missing folders are found first and
 * created one by one, so every failure is one error naming the folder.
 */
import { mkdirSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/** The folders `mkdir -p` would create for `dir`, outermost first (none when it exists). */
export function missingFolders(dir: string): string[] {
  const out: string[] = [];
  let d = resolve(dir);
  while (!isFolder(d)) {
    out.unshift(d);
    const up = dirname(d);
    if (up === d) break;
    d = up;
  }
  return out;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Why creating `folder` (a step towards `dir`) failed, as an error that keeps the system's code. */
function folderError(dir: string, folder: string, err: NodeJS.ErrnoException): NodeJS.ErrnoException {
  const why =
    err.code === 'EEXIST'
      ? `${folder} exists and is not a folder (a file, or a link to something missing)`
      : err.code === 'ENOENT'
        ? `${dirname(folder)} does not take new folders`
        : err.message;
  const e: NodeJS.ErrnoException = new Error(`cannot create the folder ${dir}: ${why}`);
  e.code = err.code;
  e.path = folder;
  return e;
}

/** Creates `dir` and its missing parents (each with `mode` when given); returns the folders created, outermost first. */
export function makeFoldersSync(dir: string, mode?: number): string[] {
  const created = missingFolders(dir);
  for (const folder of created) {
    try {
      mkdirSync(folder, mode === undefined ? undefined : { mode });
    } catch (err) {
      // Another process may have made it in between: that is what was wanted.
      if ((err as NodeJS.ErrnoException).code === 'EEXIST' && isFolder(folder)) continue;
      throw folderError(dir, folder, err as NodeJS.ErrnoException);
    }
  }
  return created;
}

/** `makeFoldersSync` for async callers. */
export async function makeFolders(dir: string, mode?: number): Promise<string[]> {
  const created = missingFolders(dir);
  for (const folder of created) {
    try {
      await mkdir(folder, mode === undefined ? undefined : { mode });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST' && isFolder(folder)) continue;
      throw folderError(dir, folder, err as NodeJS.ErrnoException);
    }
  }
  return created;
}
