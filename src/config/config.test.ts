import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig, ConfigError } from './config.js';

test('defaults: port 8080, ./data, SQLite, two in-process workers', () => {
  const c = loadConfig({});
  assert.equal(c.port, 8080);
  assert.match(c.dataDir, /[/\\]data$/);
  assert.equal(c.databaseUrl, null);
  assert.equal(c.workers, 2);
  assert.equal(c.api, true);
});

test('every problem in the environment is reported at once, clearly', () => {
  assert.throws(
    () => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', ORIGO_ADMIN_KEY: 'short', ORIGO_ADMIN_EMAIL: 'a@b.c' }),
    (err: unknown) => {
      assert.ok(err instanceof ConfigError);
      assert.match(err.message, /PORT must be an integer/);
      assert.match(err.message, /DATABASE_URL must start with postgres/);
      assert.match(err.message, /ORIGO_ADMIN_KEY must be at least 16/);
      assert.match(err.message, /ORIGO_ADMIN_EMAIL and ORIGO_ADMIN_PASSWORD must be set together/);
      return true;
    },
  );
});

test('PostgreSQL URLs, worker counts and the debug step delay are read', () => {
  const c = loadConfig({ DATABASE_URL: 'postgres://u@h/db', ORIGO_WORKERS: '0', ORIGO_DEBUG_STEP_DELAY: 'analyse:250', ORIGO_COMPAT_ROOT_PLAGSCAN_PORT: '9001' });
  assert.equal(c.databaseUrl, 'postgres://u@h/db');
  assert.equal(c.workers, 0);
  assert.deepEqual(c.stepDelay, { step: 'analyse', ms: 250 });
  assert.deepEqual(c.compatRootPorts, { plagscan: 9001 });
});

test('metrics: no token and no port by default; a short token or a bad port is refused', () => {
  const d = loadConfig({});
  assert.equal(d.metricsToken, null);
  assert.equal(d.metricsPort, null);
  const c = loadConfig({ ORIGO_METRICS_TOKEN: 'a-scrape-token-of-some-length', ORIGO_METRICS_PORT: '9464' });
  assert.equal(c.metricsToken, 'a-scrape-token-of-some-length');
  assert.equal(c.metricsPort, 9464);
  assert.equal(c.metricsHost, '127.0.0.1');
  assert.throws(() => loadConfig({ ORIGO_METRICS_TOKEN: 'short', ORIGO_METRICS_PORT: 'x' }), (err: unknown) => {
    assert.match(String(err), /ORIGO_METRICS_TOKEN must be at least 16/);
    assert.match(String(err), /ORIGO_METRICS_PORT must be an integer/);
    return true;
  });
});

test('uploads go into PostgreSQL when it is the database (no shared folder needed), else into the folder', () => {
  assert.equal(loadConfig({}).blobStore, 'folder');
  assert.equal(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).blobStore, 'database');
  assert.equal(loadConfig({ DATABASE_URL: 'postgres://u@h/db', ORIGO_BLOB_STORE: 'folder' }).blobStore, 'folder');
  assert.throws(() => loadConfig({ ORIGO_BLOB_STORE: 'database' }), /ORIGO_BLOB_STORE=database needs a PostgreSQL DATABASE_URL/);
  assert.throws(() => loadConfig({ ORIGO_BLOB_STORE: 's3' }), /ORIGO_BLOB_STORE must be "database" or "folder"/);
});

test('ORIGO_TRUSTED_PROXIES: addresses, CIDR ranges and proxy-addr\'s names; anything else stops the start', () => {
  assert.equal(loadConfig({}).trustedProxies, null);
  assert.equal(loadConfig({ ORIGO_TRUSTED_PROXIES: ' 127.0.0.1, ::1 ,10.0.0.0/8,fd00::/8, loopback ' }).trustedProxies, '127.0.0.1,::1,10.0.0.0/8,fd00::/8,loopback');
  assert.throws(() => loadConfig({ ORIGO_TRUSTED_PROXIES: '10.0.0.0/33,proxy.example,*' }), (err: unknown) => {
    assert.ok(err instanceof ConfigError);
    for (const bad of ['10.0.0.0/33', 'proxy.example', '\\*']) assert.match(String(err), new RegExp(`ORIGO_TRUSTED_PROXIES: "${bad}" is not an address`));
    return true;
  });
});
