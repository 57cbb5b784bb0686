/**
 * First start with several API processes on one PostgreSQL database (docs/deployment.md): each
 * runs bootstrap() at once with the same ORIGO_ADMIN_KEY. One creates the default organisation;
 * the others must see it only complete (its administrator and key with it), never crash on the
 * key they would both add, and leave ORIGO_ADMIN_KEY as the administrator's own key.
 *
 * Found by starting three `ORIGO_WORKERS=0 origo serve` processes at once on an empty database with
 * ORIGO_ADMIN_KEY, ORIGO_ADMIN_EMAIL and ORIGO_ADMIN_PASSWORD: in 3 of 5 rounds one process exited
 * with `duplicate key value violates unique constraint "api_keys_key_hash_key"` (a waiting process
 * saw the organisation while the bootstrapping one was still hashing the password, and added the
 * same key; once as a client-level key with no user, before the administrator existed).
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { openPostgresStore } from '../store/postgres.js';
import { LocalBlobStore } from '../blob/index.js';
import { createServices, type Services } from './services.js';
import { bootstrap } from './bootstrap.js';
import { silentLog } from '../testing/app-fixture.js';
import { tempDir } from '../testing/server-process.js';
import { createTestDatabase, postgresAnswers, REQUIRE_PG, TEST_PG_URL } from '../testing/stores.js';
import type { Store } from '../store/index.js';

const up = await postgresAnswers();
if (!up && REQUIRE_PG) throw new Error(`PostgreSQL does not answer at ${TEST_PG_URL}, and ORIGO_REQUIRE_POSTGRES=1`);
const skip = up ? false : `PostgreSQL does not answer at ${TEST_PG_URL}`;

const cleanups: (() => Promise<void> | void)[] = [];
after(async () => {
  for (const c of cleanups.reverse()) await c();
});

/** One "process": its own pool on the database and its own services. */
async function processOn(url: string): Promise<{ store: Store; services: Services }> {
  const store = await openPostgresStore(url, 2);
  const dir = tempDir();
  cleanups.push(() => store.close(), dir.remove);
  const services = await createServices({ store, blobs: new LocalBlobStore(`${dir.path}/blobs`), log: silentLog, maxUploadBytes: 1024 * 1024, jwtSecret: null, jwtTtlSeconds: 3600, publicUrl: null, outboundAllow: null });
  return { store, services };
}

test('three processes bootstrapping one empty database at once: one organisation, ORIGO_ADMIN_KEY its administrator\'s key, an organisation never seen without it', { skip, timeout: 60_000 }, async () => {
  const db = await createTestDatabase('origo_boot');
  cleanups.push(db.drop);
  const procs = [await processOn(db.url), await processOn(db.url), await processOn(db.url)];
  const config = { adminKey: 'boot-race-admin-key-0123456789', adminEmail: 'admin@example.edu', adminPassword: 'a long admin password 1' };

  // A fourth connection watches what other processes can see while the bootstraps run.
  const watcher = new pg.Client({ connectionString: db.url });
  await watcher.connect();
  cleanups.push(() => watcher.end());
  let running = true;
  const seen: string[] = [];
  const watching = (async () => {
    while (running) {
      const { rows } = await watcher.query(`SELECT o.id, (SELECT count(*)::int FROM users u WHERE u.organisation_id = o.id) AS users,
        (SELECT count(*)::int FROM api_keys k WHERE k.organisation_id = o.id) AS keys FROM organisations o`);
      for (const r of rows) if (r.users === 0 || r.keys === 0) seen.push(`organisation ${r.id} with ${r.users} users and ${r.keys} keys`);
    }
  })();
  const results = await Promise.allSettled(procs.map((p) => bootstrap(p.services, config)));
  running = false;
  await watching;

  assert.deepEqual(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason)), [], 'no process fails to start');
  const done = results.map((r) => (r as PromiseFulfilledResult<Awaited<ReturnType<typeof bootstrap>>>).value);
  assert.equal(done.filter((r) => r.created).length, 1, 'one process created the organisation');
  assert.deepEqual([], seen.slice(0, 3), 'the organisation appears together with its administrator and key');
  const { rows: keys } = await watcher.query('SELECT k.level, k.name, u.role, u.email FROM api_keys k LEFT JOIN users u ON u.id = k.user_id');
  assert.deepEqual(keys, [{ level: 'user', name: 'Bootstrap administrator', role: 'admin', email: 'admin@example.edu' }]);
  assert.equal((await watcher.query('SELECT count(*)::int AS n FROM organisations')).rows[0].n, 1);
});

test('processes restarting at once with a new ORIGO_ADMIN_KEY add it once and all start', { skip, timeout: 60_000 }, async () => {
  const db = await createTestDatabase('origo_boot');
  cleanups.push(db.drop);
  const first = await processOn(db.url);
  await bootstrap(first.services, { adminKey: 'boot-first-admin-key-0123456789', adminEmail: null, adminPassword: null });
  const procs = [await processOn(db.url), await processOn(db.url), await processOn(db.url)];
  const config = { adminKey: 'boot-rotated-admin-key-0123456789', adminEmail: null, adminPassword: null };
  const results = await Promise.allSettled(procs.map((p) => bootstrap(p.services, config)));
  assert.deepEqual(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason)), [], 'no process fails to start');
  const keys = (await first.store.apiKeys.list((await first.store.organisations.first())!.id)).map((k) => k.name).sort();
  assert.deepEqual(keys, ['Bootstrap administrator', 'ORIGO_ADMIN_KEY']);
});
