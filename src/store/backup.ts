import { spawn } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { privateDirSync, privateFileSync } from '../files/private-files.js';

/** Where the database of a configuration lives: a PostgreSQL URL, or the SQLite file. */
export type DatabaseTarget = { dialect: 'postgres'; url: string } | { dialect: 'sqlite'; file: string };

export function databaseTarget(options: { databaseUrl?: string | null; dataDir: string }): DatabaseTarget {
  const url = options.databaseUrl;
  if (url && /^postgres(ql)?:\/\//.test(url)) return { dialect: 'postgres', url };
  return { dialect: 'sqlite', file: url && url.startsWith('sqlite:') ? url.slice('sqlite:'.length) : join(options.dataDir, 'origo.sqlite') };
}

/** The file a backup keeps the database in. */
export const backupFileName = (dialect: DatabaseTarget['dialect']) => (dialect === 'sqlite' ? 'origo.sqlite' : 'origo.pgdump');

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.once('error', (e) => reject(new Error(`${command} could not be started (${e.message}); install the PostgreSQL client tools`)));
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} failed (exit code ${code}): ${err.trim()}`))));
  });
}

/**
 * Writes a consistent copy of the live database to `dest` while Origo keeps running. SQLite:
 * `VACUUM INTO`, one read transaction, so the copy holds every commit up to its start, WAL
 * included, and writers are not blocked. PostgreSQL: `pg_dump --format=custom` (one snapshot).
 * The copy is written beside `dest` and renamed, so `dest` is always a whole backup.
 * Returns the names of the migrations the copy has.
 */
export async function snapshotDatabase(target: DatabaseTarget, dest: string): Promise<string[]> {
  const tmp = `${dest}.partial`;
  rmSync(tmp, { force: true });
  if (target.dialect === 'sqlite') {
    if (!existsSync(target.file)) throw new Error(`no SQLite database at ${target.file}`);
    const db = new BetterSqlite3(target.file, { fileMustExist: true });
    try {
      db.pragma('busy_timeout = 10000');
      db.prepare('VACUUM INTO ?').run(tmp);
    } finally {
      db.close();
    }
    const check = new BetterSqlite3(tmp, { readonly: true });
    try {
      const ok = check.pragma('quick_check', { simple: true });
      if (ok !== 'ok') throw new Error(`the copy of the SQLite database does not pass quick_check: ${String(ok)}`);
    } finally {
      check.close();
    }
  } else {
    await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${tmp}`, `--dbname=${target.url}`]);
  }
  privateFileSync(tmp);
  renameSync(tmp, dest);
  // SQLite: read from the copy itself; PostgreSQL: from the live database, just after the dump.
  return migrationsOf(target.dialect === 'sqlite' ? { dialect: 'sqlite', file: dest } : target);
}

/** The migrations a database has applied (kysely's table), to record in the backup manifest. */
export async function migrationsOf(target: DatabaseTarget): Promise<string[]> {
  if (target.dialect === 'sqlite') {
    const db = new BetterSqlite3(target.file, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as { name: string }[]).map((r) => r.name);
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    return (await client.query<{ name: string }>('SELECT name FROM kysely_migration ORDER BY name')).rows.map((r) => r.name);
  } finally {
    await client.end();
  }
}

/** True when the target already holds an Origo database (restoring over it needs --force). */
export async function databaseExists(target: DatabaseTarget): Promise<boolean> {
  if (target.dialect === 'sqlite') return existsSync(target.file);
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    const r = await client.query(`SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name IN ('organisations', 'kysely_migration') LIMIT 1`);
    return (r.rowCount ?? 0) > 0;
  } finally {
    await client.end();
  }
}

/**
 * Puts a backed-up database in place. SQLite: the copy replaces the database file (and its
 * -wal and -shm files, which belong to the replaced database); no process may have it open.
 * PostgreSQL: `pg_restore` into the target database, in one transaction (`--clean` with force).
 */
export async function restoreDatabase(source: string, target: DatabaseTarget, force: boolean): Promise<void> {
  if (target.dialect === 'sqlite') {
    if (!existsSync(dirname(target.file))) privateDirSync(dirname(target.file));
    const tmp = `${target.file}.restoring`;
    await copyFile(source, tmp);
    privateFileSync(tmp);
    for (const suffix of ['-wal', '-shm']) rmSync(`${target.file}${suffix}`, { force: true });
    renameSync(tmp, target.file);
    return;
  }
  const args = ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${target.url}`];
  if (force) args.unshift('--clean', '--if-exists');
  await run('pg_restore', [...args, source]);
}
