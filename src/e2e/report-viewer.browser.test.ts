/**
 * The web UI and the report viewer in real Chromium, against a started server:
 *
 *   sign in ─► new assignment ─► upload essay A and essay B (they share paragraph P)
 *     ─► the submissions table turns "done" ─► View A: click a match, its counterpart lights up
 *     ─► phone width: the panes stack ─► Edit A: exclude B ─► similarity 0 %, version "edit"
 *     ─► pair overview lists A–B with a histogram
 *
 * Screenshots go to test-artifacts/ (gitignored).
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { apiClient, startProcess, tempDir, type ServerProcess } from '../testing/server-process.js';
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

test('upload, wait, view a match on both sides, edit out a source, see the pair overview', { skip: skip ?? false, timeout: 240_000 }, async () => {
  const key = 'browser-admin-key-0123456789abcdef';
  server = await startProcess({ ORIGO_DATA_DIR: dir.path, ORIGO_ADMIN_KEY: key, ORIGO_ADMIN_EMAIL: 'teacher@example.org', ORIGO_ADMIN_PASSWORD: 'correct horse battery', ORIGO_LOG_LEVEL: 'warn' });
  const b = await launchBrowser();
  closeBrowser = b.close;
  const page = await b.context.newPage();
  const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  // The pages' Content-Security-Policy (src/api/security-headers.ts) must not block anything they use.
  const cspViolations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
  });

  // Sign in.
  await page.goto(`${server.url}/`);
  await page.getByLabel('Email').fill('teacher@example.org');
  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Assignments' }).waitFor();

  // A new assignment, then two uploads with progress.
  await page.getByLabel('Name').fill('Industrial revolution essay');
  await page.getByRole('button', { name: 'Create assignment' }).click();
  await page.getByRole('heading', { name: 'Industrial revolution essay' }).waitFor();
  for (const [name, author, text] of [['alice.txt', 'Alice', ESSAY_A], ['bob.txt', 'Bob', ESSAY_B]]) {
    await page.getByLabel('Files').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
    await page.getByLabel('Title').fill(`Essay by ${author}`);
    await page.getByLabel('Author').fill(author);
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await page.getByText(`${name} uploaded`).waitFor();
  }
  // The table updates by itself until both are checked and match each other.
  const row = (title: string) => page.locator('#submissions tr', { hasText: title });
  for (const title of ['Essay by Alice', 'Essay by Bob']) {
    await row(title).and(page.locator('[data-status="done"]')).waitFor({ timeout: 90_000 });
  }
  // (A function run in the page, not a string: the UI's CSP refuses eval. No DOM types here.)
  await page.waitForFunction(() => {
    const cells: { textContent: string | null }[] = [...(globalThis as any).document.querySelectorAll('#submissions tr[data-status="done"] td.num')];
    return cells.filter((td) => /[1-9]/.test(td.textContent ?? '')).length === 2;
  }, null, { timeout: 90_000 });
  await shot('01-submissions');

  // The viewer in view mode: the shared paragraph is marked on both sides.
  await row('Essay by Alice').getByRole('button', { name: 'View' }).click();
  await page.waitForURL(/\/viewer\//);
  const subMarks = await page.locator('#submission-text mark').allTextContents();
  const srcMarks = await page.locator('.source-text:not([hidden]) mark').allTextContents();
  assert.ok(subMarks.join('').includes('growing mill towns'), subMarks.join('|'));
  assert.ok(srcMarks.join('').includes('growing mill towns'), srcMarks.join('|'));
  // Clicking a match highlights its counterpart on the source side, scrolled into view.
  const first = page.locator('#submission-text mark').first();
  const id = (await first.getAttribute('data-match'))!.split(' ')[0];
  await first.click();
  const counterpart = page.locator(`#o-${id}`);
  await assert.doesNotReject(counterpart.waitFor({ state: 'visible' }));
  assert.match((await counterpart.getAttribute('class')) ?? '', /\bactive\b/);
  assert.ok(await counterpart.evaluate((el) => { const r = el.getBoundingClientRect(); const pane = el.closest('.pane')!.getBoundingClientRect(); return r.bottom > pane.top && r.top < pane.bottom; }), 'the counterpart is scrolled into its pane');
  await shot('02-viewer-match');

  // Phone width: the panes stack instead of sitting side by side.
  await page.setViewportSize({ width: 390, height: 844 });
  const [s, o] = await Promise.all([page.locator('.pane.submission').boundingBox(), page.locator('.pane.source').boundingBox()]);
  assert.ok(s && o && Math.abs(s.x - o.x) < 2 && o.y > s.y, `stacked panes: ${JSON.stringify({ s, o })}`);
  await shot('03-viewer-phone');
  await page.setViewportSize({ width: 1280, height: 900 });

  // Edit mode: exclude Bob's essay as a source; the similarity is recomputed and saved.
  await page.goBack();
  await row('Essay by Alice').getByRole('button', { name: 'Edit' }).click();
  await page.waitForURL(/\/viewer\//);
  const before = await page.locator('#similarity').textContent();
  // Keyboard: focus a match and press Enter to select it, then exclude just that match.
  await page.locator('#submission-text mark').first().focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Exclude this match' }).click();
  await page.locator('#submission-text mark.excluded').first().waitFor();
  assert.equal(await page.locator('#similarity').textContent(), '0%');
  // ... and restore it.
  await page.locator('#submission-text mark').first().click();
  await page.getByRole('button', { name: 'Restore this match' }).click();
  await page.waitForFunction((want) => (globalThis as any).document.getElementById('similarity')?.textContent === want, before);
  await page.getByRole('button', { name: 'Exclude source' }).click();
  await page.locator('button.source-btn.excluded').waitFor();
  assert.equal(await page.locator('#similarity').textContent(), '0%');
  await shot('04-viewer-edit-excluded');

  const api = apiClient(server.url, key);
  const docs = await api.get('/api/v1/documents?limit=10');
  const alice = docs.body.items.find((d: { title: string }) => d.title === 'Essay by Alice');
  const report = await api.get(`/api/v1/documents/${alice.id}/report`);
  assert.equal(report.body.reason, 'edit');
  assert.equal(report.body.similarity, 0);

  // The pair overview ranks the pair and draws the histogram.
  await page.goto(`${server.url}/app/#/assignments/${alice.assignment_id}/overview`);
  await page.getByRole('heading', { name: /Similar pairs/ }).waitFor();
  await page.locator('figure.histogram').waitFor();
  assert.equal(await page.locator('figure.histogram figcaption').textContent(), 'Pairs by similarity (1 pair)');
  assert.equal(await page.locator('table tbody tr').count(), 1);
  await shot('05-pair-overview');
  assert.deepEqual(cspViolations, [], 'no CSP violation on the UI or the viewer');
});
