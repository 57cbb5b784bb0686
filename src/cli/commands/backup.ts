import { resolve } from 'node:path';
import type { Command } from 'commander';

async function config() {
  const { loadConfig, ConfigError } = await import('../../config/config.js');
  try {
    return loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
}

/** `origo backup <dir>` and `origo restore <dir>`: the database and the uploaded files, with the same environment as `origo serve`. */
export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description('back up the database and uploaded files into <dir> while Origo runs (same environment as serve: ORIGO_DATA_DIR, DATABASE_URL)')
    .argument('<dir>', 'backup folder (created; a folder backed up into before is updated)')
    .action(async (dir: string) => {
      const { backup } = await import('../../main/backup.js');
      const { manifest, blobs } = await backup(await config(), resolve(dir));
      console.log(JSON.stringify({ backup: resolve(dir), database: manifest.database, migrations: manifest.migrations.length, blobs: manifest.blobs, copied: blobs.copied, removed: blobs.removed }));
    });

  program
    .command('restore')
    .description('restore a backup folder into ORIGO_DATA_DIR (and DATABASE_URL); Origo must be stopped')
    .argument('<dir>', 'a folder made by origo backup')
    .option('--force', 'replace an existing database and blob folder')
    .action(async (dir: string, opts: { force?: boolean }) => {
      const { restore } = await import('../../main/backup.js');
      const c = await config();
      const { manifest, blobs } = await restore(c, resolve(dir), opts.force === true);
      console.log(JSON.stringify({ restored: resolve(dir), into: c.dataDir, database: manifest.database, created_at: manifest.created_at, blobs: { files: blobs.files, bytes: blobs.bytes } }));
    });
}
