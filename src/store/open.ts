import { join } from 'node:path';
import type { Store } from './store.js';
import { privateDirSync } from '../files/private-files.js';

/** Opens the store the configuration names: PostgreSQL for a postgres:// URL, else SQLite under the data dir. */
export async function openStore(options: { databaseUrl?: string | null; dataDir: string }): Promise<Store> {
  const url = options.databaseUrl;
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    privateDirSync(options.dataDir);
    const { openPostgresStore } = await import('./postgres.js');
    return openPostgresStore(url);
  }
  // ORIGO_DATA_DIR is Origo's own folder: 0700 (blobs, the SQLite database, the first key file).
  privateDirSync(options.dataDir);
  const { openSqliteStore } = await import('./sqlite.js');
  const file = url && url.startsWith('sqlite:') ? url.slice('sqlite:'.length) : join(options.dataDir, 'origo.sqlite');
  return openSqliteStore(file);
}
