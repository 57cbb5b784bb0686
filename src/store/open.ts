import { join } from 'node:path';
import type { Store } from './store.js';

/** Opens the store the configuration names: PostgreSQL for a postgres:// URL, else SQLite under the data dir. */
export async function openStore(options: { databaseUrl?: string | null; dataDir: string }): Promise<Store> {
  const url = options.databaseUrl;
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    const { openPostgresStore } = await import('./postgres.js');
    return openPostgresStore(url);
  }
  const { openSqliteStore } = await import('./sqlite.js');
  const file = url && url.startsWith('sqlite:') ? url.slice('sqlite:'.length) : join(options.dataDir, 'origo.sqlite');
  return openSqliteStore(file);
}
