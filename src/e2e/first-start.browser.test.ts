/**
 * A new installation's way in, as its administrator takes it (real process, real Chromium):
 *
 *   origo serve on an empty data folder ─► prints a one-time link (the API key goes to a 0600
 *   file, not to stdout) ─► the link opens /app/ signed in ─► "Choose your password" ─► saved ─►
 *   sign out, sign in with it ─► the link no longer works ─► `origo first-start-link` makes a new one
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { BIN, startProcess, tempDir, waitFor, type ServerProcess } from '../testing/server-process.js';
import { ARTIFACTS, browserSkipReason, launchBrowser } from '../testing/browser.js';

const skip = browserSkipReason();
if (skip) console.log(`# skipping browser tests: ${skip}`);
const dir = tempDir();
let server: ServerProcess | undefined;
let closeBrowser: (() => Promise<void>) | undefined;
after(async () => {
  await closeBrowser?.();
  await server?.kill('SIGTERM');
  dir.remove();
});

test('the first-start link signs the administrator in to choose a password, once', { skip: skip ?? false, timeout: 180_000 }, async () => {
  server = await startProcess({ ORIGO_DATA_DIR: dir.path, ORIGO_LOG_LEVEL: 'warn' });
  const printed = await waitFor('the first-start link', async () => /(http:\/\/[\w.]+:\d+\/app\/#\/first-start\/[\w-]+)/.exec(server!.output())?.[1]);
  assert.ok(printed.startsWith(`${server.url}/app/#/first-start/`), printed);

  // The API key is in a file only this user can read, and not in the output (the journal).
  const keyFile = join(dir.path, 'first-start-admin-key.txt');
  assert.equal(statSync(keyFile).mode & 0o777, 0o600);
  const key = /\n([\w-]{30,})\n/.exec(readFileSync(keyFile, 'utf8'))![1];
  assert.ok(!server.output().includes(key), 'the key is not printed to a non-terminal stdout');
  assert.match(server.output(), new RegExp(`API key is in ${keyFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  const me = await fetch(`${server.url}/api/v1/me`, { headers: { authorization: `Bearer ${key}` } });
  assert.equal(me.status, 200);

  const b = await launchBrowser();
  closeBrowser = b.close;
  const page = await b.context.newPage();
  await page.goto(printed);
  await page.getByRole('heading', { name: 'Choose your password' }).waitFor();
  assert.ok(!page.url().includes('first-start'), `the spent link leaves the address bar: ${page.url()}`);
  await page.getByLabel('Email (you sign in with it)').fill('head@school.example');
  await page.getByLabel('New password (at least 8 characters)').fill('lighthouse keeper 1848');
  await page.getByLabel('Repeat the password').fill('lighthouse keeper 1848');
  await page.getByRole('button', { name: 'Save password' }).click();
  await page.getByRole('heading', { name: 'Assignments' }).waitFor();
  await page.getByText('Password saved. From now on, sign in with head@school.example').waitFor();
  await page.screenshot({ path: join(ARTIFACTS, 'first-start-01-signed-in.png'), fullPage: true });

  // Signed out, the new password works.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByLabel('Email').fill('head@school.example');
  await page.getByLabel('Password').fill('lighthouse keeper 1848');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Assignments' }).waitFor();

  // The link was single use.
  await page.evaluate(() => (globalThis as any).sessionStorage.clear());
  await page.goto(printed);
  await page.getByRole('heading', { name: 'This link does not work' }).waitFor();
  await page.getByText(/used already/).waitFor();

  // The command line issues a new link (for a lost or expired one) that works once more.
  const cli = spawnSync(process.execPath, [BIN, 'first-start-link'], { env: { ...process.env, ORIGO_DATA_DIR: dir.path, PORT: String(server.port), HOST: '127.0.0.1' }, encoding: 'utf8' });
  assert.equal(cli.status, 0, cli.stderr);
  const fresh = /(http:\/\/[\w.]+:\d+\/app\/#\/first-start\/[\w-]+)/.exec(cli.stdout)![1];
  assert.notEqual(fresh, printed);
  await page.goto(fresh);
  await page.getByRole('heading', { name: 'Change your password' }).waitFor();
});
