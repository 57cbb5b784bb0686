import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config/config.js';
import { backupFileName, databaseExists, databaseTarget, restoreDatabase, snapshotDatabase } from '../store/backup.js';
import { mirrorBlobs, type MirrorResult } from '../blob/mirror-blobs.js';
import { FILE_MODE, privateDirSync, privateFileSync } from '../files/private-files.js';

/** `origo-backup.json`, written last: a folder without it is not a finished backup. */
export interface BackupManifest {
  format: 'origo-backup';
  version: 1;
  created_at: string;
  origo_version: string;
  database: 'sqlite' | 'postgres';
  database_file: string;
  migrations: string[];
  /**
   * Where uploads live: 'folder' (the data folder's blobs/, mirrored into the backup's blobs/) or
   * 'database' (PostgreSQL rows, inside the database dump; blobs/ then holds only what an
   * installation stored in its folder before it moved to the database).
   */
  blob_store: 'database' | 'folder';
  blobs: { files: number; bytes: number };
}

export const MANIFEST = 'origo-backup.json';

function origoVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/**
 * Backs up a running installation into `dir`: first a consistent copy of the database, then the
 * blob folder mirrored. Every document in the copy had its file written before its row was
 * committed, so its blob is there unless the document was deleted during the backup. Backing up
 * into the same folder again replaces the database copy and copies only new blobs.
 */
export async function backup(config: Config, dir: string): Promise<{ manifest: BackupManifest; blobs: MirrorResult }> {
  // A backup holds what the data folder holds: folders 0700, files 0600.
  privateDirSync(dir);
  const target = databaseTarget(config);
  const createdAt = new Date().toISOString();
  const migrations = await snapshotDatabase(target, join(dir, backupFileName(target.dialect)));
  const blobs = await mirrorBlobs(join(config.dataDir, 'blobs'), join(dir, 'blobs'));
  const manifest: BackupManifest = {
    format: 'origo-backup',
    version: 1,
    created_at: createdAt,
    origo_version: origoVersion(),
    database: target.dialect,
    database_file: backupFileName(target.dialect),
    migrations,
    blob_store: config.blobStore,
    blobs: { files: blobs.files, bytes: blobs.bytes },
  };
  writeFileSync(join(dir, `${MANIFEST}.partial`), `${JSON.stringify(manifest, null, 2)}\n`, { mode: FILE_MODE });
  privateFileSync(join(dir, `${MANIFEST}.partial`));
  renameSync(join(dir, `${MANIFEST}.partial`), join(dir, MANIFEST));
  return { manifest, blobs };
}

export function readManifest(dir: string): BackupManifest {
  const file = join(dir, MANIFEST);
  if (!existsSync(file)) throw new Error(`${dir} is not a finished Origo backup: ${MANIFEST} is missing`);
  let m: BackupManifest | null;
  try {
    m = JSON.parse(readFileSync(file, 'utf8')) as BackupManifest | null;
  } catch {
    // A damaged manifest said only "Unexpected token …, is not valid JSON", without the file.
    m = null;
  }
  if (typeof m !== 'object' || m === null || m.format !== 'origo-backup' || m.version !== 1) throw new Error(`${file} is not an Origo backup manifest of version 1`);
  if (!existsSync(join(dir, m.database_file))) throw new Error(`the backup has no ${m.database_file}`);
  return m;
}

/**
 * Restores `dir` into the installation the configuration names (its data folder, and its
 * database: the SQLite file there or DATABASE_URL). Origo must not be running on it. Refuses to
 * overwrite an existing database unless `force`.
 */
export async function restore(config: Config, dir: string, force: boolean): Promise<{ manifest: BackupManifest; blobs: MirrorResult }> {
  const manifest = readManifest(dir);
  const target = databaseTarget(config);
  if (manifest.database !== target.dialect) {
    throw new Error(`the backup holds a ${manifest.database} database, but this configuration uses ${target.dialect}${target.dialect === 'sqlite' ? ' (set DATABASE_URL)' : ''}`);
  }
  if (!force && (await databaseExists(target))) {
    throw new Error(`${target.dialect === 'sqlite' ? target.file : 'the database at DATABASE_URL'} already holds an Origo database; stop Origo and pass --force to replace it`);
  }
  privateDirSync(config.dataDir);
  await restoreDatabase(join(dir, manifest.database_file), target, force);
  const blobs = await mirrorBlobs(join(dir, 'blobs'), join(config.dataDir, 'blobs'));
  return { manifest, blobs };
}
