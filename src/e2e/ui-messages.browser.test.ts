/**
 * What the web UI shows beyond the happy path, in real Chromium against a started server:
 *
 *   pages with a part the caller may not use show no stray "null" ─► a refused new user names the
 *   field and why ─► a file over the upload limit names the file and the limit ─► a student lands on
 *   its own submissions (not a 403 message), sees only its own, and opens its report
 *
 * Screenshots go to test-artifacts/ (gitignored).
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { apiClient, startProcess, tempDir, waitFor, type ServerProcess } from '../testing/server-process.js';
import { ARTIFACTS, browserSkipReason, launchBrowser } from '../testing/browser.js';
import { ESSAY_A, ESSAY_B } from '../testing/report-fixture.js';

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

const LIMIT = 20_000;

test('no stray "null"; refusals name the field or the limit; a student sees its own submissions only', { skip: skip ?? false, timeout: 240_000 }, async () => {
  const key = 'browser-messages-key-0123456789abcdef';
  server = await startProcess({ ORIGO_DATA_DIR: dir.path, ORIGO_ADMIN_KEY: key, ORIGO_ADMIN_EMAIL: 'head@example.org', ORIGO_ADMIN_PASSWORD: 'correct horse battery', ORIGO_MAX_UPLOAD_BYTES: String(LIMIT), ORIGO_LOG_LEVEL: 'warn' });
  const api = apiClient(server.url, key);
  assert.equal((await api.post('/api/v1/users', { email: 'sam@example.org', name: 'Sam Student', role: 'student', password: 'sam password 1' })).status, 201);
  const asg = await api.post('/api/v1/assignments', { name: 'Mill towns' });
  assert.equal(asg.status, 201);
  const theirs = await api.post(`/api/v1/assignments/${asg.body.id}/documents`, { title: 'Essay by Bob', author: 'Bob', text: ESSAY_B });
  assert.equal(theirs.status, 201);

  const b = await launchBrowser();
  closeBrowser = b.close;
  const page = await b.context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `messages-${name}.png`), fullPage: true });
  const signIn = async (email: string, password: string) => {
    await page.goto(`${server!.url}/app/#/login`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  };
  const mainText = () => page.locator('main').innerText();

  await signIn('head@example.org', 'correct horse battery');
  await page.getByRole('heading', { name: 'Assignments' }).waitFor();

  // A signed-in user changing its password: no first-start paragraph, and no "null" in its place.
  await page.goto(`${server.url}/app/#/set-password`);
  await page.getByRole('heading', { name: 'Change your password' }).waitFor();
  assert.doesNotMatch(await mainText(), /\bnull\b/);

  // A refused new user: the message says which field and why, not just "invalid user"; a message
  // that names its field already is not repeated.
  await page.goto(`${server.url}/app/#/organisations`);
  await page.getByRole('heading', { name: 'Organisations' }).waitFor();
  await page.getByLabel('Name', { exact: true }).fill('Second school');
  await page.getByLabel('Administrator email').fill('boss@second.example');
  await page.getByLabel('Administrator password').fill('short');
  await page.getByRole('button', { name: 'Create organisation' }).click();
  await page.locator('#status.error').getByText('password must be at least 8 characters', { exact: true }).waitFor();
  await page.goto(`${server.url}/app/#/users`);
  await page.getByRole('heading', { name: 'Users' }).waitFor();
  await page.getByLabel('Email').fill('new@example.org');
  await page.getByLabel('Name').fill('New Teacher');
  await page.getByLabel('Password (at least 8 characters)').fill('short');
  await page.getByRole('button', { name: 'Create user' }).click();
  await page.locator('#status.error').getByText('invalid user: password must be at least 8 characters.', { exact: true }).waitFor();
  await shot('01-user-refused');

  // A file over the upload limit: the file's name and the limit, not the parser's words.
  await page.goto(`${server.url}/app/#/assignments/${asg.body.id}`);
  await page.getByRole('heading', { name: 'Mill towns' }).waitFor();
  // Refused settings: which one and why (was "invalid assignment settings" alone).
  await page.getByText('Settings', { exact: true }).click();
  await page.getByLabel('Phrases never counted (one per line, at most 15)').fill(Array.from({ length: 16 }, (_, i) => `phrase ${i + 1}`).join('\n'));
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.locator('#status.error').getByText('invalid assignment settings: excluded phrases must be a list of at most 15 phrases.').waitFor();
  await page.getByLabel('Files').setInputFiles({ name: 'huge.txt', mimeType: 'text/plain', buffer: Buffer.from(ESSAY_A.repeat(Math.ceil((LIMIT * 2) / ESSAY_A.length))) });
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  await page.getByText(`huge.txt: The file "huge.txt" is larger than the upload limit of ${LIMIT} bytes.`).waitFor();
  await shot('02-upload-too-large');
  await page.getByRole('button', { name: 'Sign out' }).click();

  // The student's own submission (a student may hand in to an assignment by its id).
  const login = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'sam@example.org', password: 'sam password 1' }) });
  const token = ((await login.json()) as { token: string }).token;
  const form = new FormData();
  form.append('title', 'Essay by Sam');
  form.append('file', new Blob([ESSAY_A], { type: 'text/plain' }), 'sam.txt');
  const own = await fetch(`${server.url}/api/v1/assignments/${asg.body.id}/documents`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  assert.equal(own.status, 201);
  const ownId = ((await own.json()) as { id: string }).id;
  await waitFor('Sam’s report', async () => ((await api.get(`/api/v1/documents/${ownId}`)).body.status === 'done' ? true : undefined), 60_000, 200);

  // The student lands on its submissions, not on "may not do this (assignments.read)".
  await signIn('sam@example.org', 'sam password 1');
  await page.getByRole('heading', { name: 'Your submissions' }).waitFor();
  const rows = page.locator('#submissions tbody tr');
  await rows.first().waitFor();
  assert.deepEqual(await page.locator('#submissions tbody td:first-child').allTextContents(), ['Essay by Sam']);
  assert.equal(await page.locator('#status').textContent(), '');
  assert.doesNotMatch(await mainText(), /\bnull\b/);
  const nav = page.getByRole('navigation', { name: 'Main' });
  assert.equal(await nav.getByRole('link', { name: 'Your submissions' }).count(), 1);
  assert.equal(await nav.getByRole('link', { name: 'Courses' }).count(), 0);
  await shot('03-student-home');
  await page.goto(`${server.url}/app/#/users`);
  await page.getByRole('heading', { name: 'Users' }).waitFor();
  await page.locator('table').waitFor();
  assert.doesNotMatch(await mainText(), /\bnull\b/);
  await page.goto(`${server.url}/app/#/assignments`);
  await page.locator('#submissions tbody tr').first().getByRole('button', { name: 'View' }).click();
  await page.waitForURL(/\/viewer\//);
  await page.getByRole('heading', { name: 'Essay by Sam' }).waitFor();
  await shot('04-student-viewer');
  assert.deepEqual(pageErrors, []);
});
