/**
 * A teacher's first day in the web UI, in real Chromium against a started server:
 *
 *   an instructor signs in ─► sees no "Users", no "Create user", no Administrator role, and only
 *   its own assignments ─► creates an assignment, switches "Exclude quotations" on ─► uploads two
 *   files at once (each author filled from its file name) ─► the viewer shows the quoted copy as
 *   not counted (excluded, not highlighted) ─► deletes the source, re-checks the quoting
 *   submission: its report loses the source ─► re-checks the whole assignment.
 *
 * Screenshots go to test-artifacts/ (gitignored).
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { apiClient, startProcess, tempDir, waitFor, type ServerProcess } from '../testing/server-process.js';
import { ARTIFACTS, browserSkipReason, launchBrowser } from '../testing/browser.js';
import { ESSAY, OWN_WORDS, QUOTED } from '../testing/essay-fixture.js';

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

test('an instructor is offered only what the API allows; bulk upload fills authors; quotes shown as excluded; delete and re-check from the UI', { skip: skip ?? false, timeout: 300_000 }, async () => {
  const key = 'browser-teacher-key-0123456789abcdef';
  server = await startProcess({ ORIGO_DATA_DIR: dir.path, ORIGO_ADMIN_KEY: key, ORIGO_LOG_LEVEL: 'warn' });
  const api = apiClient(server.url, key);
  const made = await api.post('/api/v1/users', { email: 'ines@example.org', name: 'Ines Teacher', role: 'instructor', password: 'lighthouse keeper 42' });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  // Someone else's assignment: the instructor must not see it.
  assert.equal((await api.post('/api/v1/assignments', { name: 'The head of department’s assignment' })).status, 201);

  const b = await launchBrowser();
  closeBrowser = b.close;
  const page = await b.context.newPage();
  const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `teacher-${name}.png`), fullPage: true });
  page.on('dialog', (d) => void d.accept());

  await page.goto(`${server.url}/app/`);
  await page.getByLabel('Email').fill('ines@example.org');
  await page.getByLabel('Password').fill('lighthouse keeper 42');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Assignments' }).waitFor();

  // Only what the API allows an instructor: no user management, only its own assignments.
  const nav = page.getByRole('navigation', { name: 'Main' });
  assert.equal(await nav.getByRole('link', { name: 'Users' }).count(), 0);
  assert.equal(await nav.getByRole('link', { name: 'Organisations' }).count(), 0);
  assert.equal(await nav.getByRole('link', { name: 'Courses' }).count(), 1);
  await page.getByText('No assignments yet.').waitFor();
  assert.equal(await page.getByText('The head of department’s assignment').count(), 0);
  await page.goto(`${server.url}/app/#/users`);
  await page.getByRole('heading', { name: 'Users' }).waitFor();
  await page.locator('table').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Create user' }).count(), 0);
  assert.equal(await page.locator('option[value="admin"]').count(), 0);
  assert.deepEqual(await page.locator('table tbody td:first-child').allTextContents(), ['Ines Teacher']);
  await shot('01-users-instructor');

  // A new assignment that excludes quotations.
  await page.goto(`${server.url}/app/#/assignments`);
  await page.getByLabel('Name').fill('Lighthouse essays');
  await page.getByRole('button', { name: 'Create assignment' }).click();
  await page.getByRole('heading', { name: 'Lighthouse essays' }).waitFor();
  await page.getByText('Settings', { exact: true }).click();
  await page.getByLabel('Exclude quotations').check();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByText(/Settings saved/).waitFor();

  // Two files at once: each gets an Author field filled from its name.
  await page.getByLabel('Files').setInputFiles([
    { name: 'ada_lovelace.txt', mimeType: 'text/plain', buffer: Buffer.from(ESSAY.join('\n\n')) },
    { name: 'ben-okri.txt', mimeType: 'text/plain', buffer: Buffer.from(OWN_WORDS.join('\n\n')) },
  ]);
  assert.equal(await page.getByLabel('Author of ada_lovelace.txt').inputValue(), 'ada lovelace');
  assert.equal(await page.getByLabel('Author of ben-okri.txt').inputValue(), 'ben okri');
  await page.getByLabel('Author of ben-okri.txt').fill('Ben Okri');
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  await page.getByText('ben-okri.txt uploaded').waitFor();
  const row = (title: string) => page.locator('#submissions tr', { hasText: title });
  for (const title of ['ada_lovelace.txt', 'ben-okri.txt']) await row(title).and(page.locator('[data-status="done"]')).waitFor({ timeout: 90_000 });
  assert.deepEqual(await page.locator('#submissions tbody tr td:nth-child(2)').allTextContents().then((x) => x.sort()), ['Ben Okri', 'ada lovelace']);
  const docs = (await api.get('/api/v1/documents?limit=10')).body.items as { id: string; title: string }[];
  const ben = docs.find((d) => d.title === 'ben-okri.txt')!;
  const ada = docs.find((d) => d.title === 'ada_lovelace.txt')!;
  await waitFor('Ben’s report to name Ada’s essay', async () => {
    const r = await api.get(`/api/v1/documents/${ben.id}/report`);
    return r.status === 200 && r.body.sources.some((s: { id: string }) => s.id === ada.id) ? true : undefined;
  }, 60_000, 300);
  await page.reload();
  await row('ben-okri.txt').and(page.locator('[data-status="done"]')).waitFor();
  await shot('02-bulk-upload');
  // Phone width: the submissions table scrolls in its own box; the page itself does not scroll sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  assert.deepEqual(await page.evaluate(() => { const d = (globalThis as any).document.documentElement; return d.scrollWidth <= d.clientWidth; }), true, 'no sideways page scroll at phone width');
  await shot('02b-phone');
  await page.setViewportSize({ width: 1280, height: 900 });

  // The viewer: the quoted copy is marked as not counted, and nothing highlights it as a match.
  await row('ben-okri.txt').getByRole('button', { name: 'View' }).click();
  await page.waitForURL(/\/viewer\//);
  const marks = page.locator('#submission-text mark');
  assert.ok((await marks.count()) > 0, 'the quoted passage is shown');
  const quoteMarks = await marks.evaluateAll((els, quoted) => els.map((el) => ({
    text: el.textContent ?? '',
    cls: el.getAttribute('class') ?? '',
    title: el.getAttribute('title'),
    background: (globalThis as any).getComputedStyle(el).backgroundColor as string,
  })).filter((m) => m.text.trim().length > 0 && (quoted.includes(m.text.trim()) || m.text.includes(quoted.slice(1, 30)))), QUOTED);
  assert.ok(quoteMarks.length > 0, 'a mark lies on the quote');
  for (const m of quoteMarks) {
    assert.match(m.cls, /\bexcluded\b/, JSON.stringify(m));
    assert.equal(m.title, 'Not counted: quotation');
    assert.equal(m.background, 'rgba(0, 0, 0, 0)', `not highlighted: ${JSON.stringify(m)}`);
  }
  assert.equal(await page.locator('#submission-text mark:not(.excluded)').count(), 0);
  assert.equal(await page.locator('#similarity').textContent(), '0%');
  await shot('03-viewer-quote-excluded');
  await page.goBack();

  // Delete the source from the UI, then re-check the quoting submission: its report loses it.
  await row('ada_lovelace.txt').getByRole('button', { name: 'Delete ada_lovelace.txt' }).click();
  await page.getByText('ada_lovelace.txt deleted.').waitFor();
  await row('ada_lovelace.txt').waitFor({ state: 'detached' });
  assert.equal((await api.get(`/api/v1/documents/${ada.id}`)).status, 404);
  const before = (await api.get(`/api/v1/documents/${ben.id}/report`)).body;
  assert.equal(before.sources.length, 1);
  await row('ben-okri.txt').getByRole('button', { name: 'Re-check ben-okri.txt' }).click();
  await page.getByText('ben-okri.txt is being checked again.').waitFor();
  const after = await waitFor('a new version of Ben’s report', async () => {
    const r = await api.get(`/api/v1/documents/${ben.id}/report`);
    return r.body.version > before.version ? r.body : undefined;
  }, 90_000, 300);
  assert.deepEqual(after.sources, []);

  // Re-check the whole assignment.
  await page.getByRole('button', { name: 'Re-check all submissions' }).click();
  await page.getByText('1 submission is being checked again.').waitFor();
  await shot('04-after-recheck');
});
