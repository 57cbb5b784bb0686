/**
 * A code assignment in the web UI, in real Chromium against a started server:
 *
 *   an instructor creates a source-code assignment ─► uploads two ZIPs of Python files at once
 *   ─► both are checked ─► the viewer marks the copied file on both sides; clicking a match names
 *   the file and lines on both sides (a submission of several files needs its file named too)
 *
 * Screenshots go to test-artifacts/ (gitignored).
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { apiClient, startProcess, tempDir, type ServerProcess } from '../testing/server-process.js';
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

const PROGRAM = [
  'def fib(n):', '    a, b = 0, 1', '    result = []', '    for i in range(n):', '        result.append(a)', '        a, b = b, a + b', '    return result', '',
  'def is_prime(k):', '    if k < 2:', '        return False', '    d = 2', '    while d * d <= k:', '        if k % d == 0:', '            return False', '        d += 1', '    return True', '',
  'def main():', '    values = fib(30)', '    primes = [v for v in values if is_prime(v)]', '    for p in primes:', '        print("prime fibonacci", p)', '',
  'if __name__ == "__main__":', '    main()', '',
].join('\n');
// The same program with its names changed, in a file of another name.
const RENAMED = PROGRAM.replace(/fib/g, 'fibonacci').replace(/is_prime/g, 'prime_check').replace(/result/g, 'out').replace(/values/g, 'nums');

test('a code assignment: two ZIPs uploaded from the UI, the viewer names the file and lines on both sides', { skip: skip ?? false, timeout: 240_000 }, async () => {
  const key = 'browser-code-key-0123456789abcdef';
  server = await startProcess({ ORIGO_DATA_DIR: dir.path, ORIGO_ADMIN_KEY: key, ORIGO_LOG_LEVEL: 'warn' });
  const api = apiClient(server.url, key);
  assert.equal((await api.post('/api/v1/users', { email: 'cody@example.org', name: 'Cody Teacher', role: 'instructor', password: 'code review 2024' })).status, 201);

  const b = await launchBrowser();
  closeBrowser = b.close;
  const page = await b.context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `code-${name}.png`), fullPage: true });

  await page.goto(`${server.url}/app/`);
  await page.getByLabel('Email').fill('cody@example.org');
  await page.getByLabel('Password').fill('code review 2024');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Assignments' }).waitFor();
  await page.getByLabel('Name').fill('Python lab 1');
  await page.getByLabel('Kind').selectOption('code');
  await page.getByRole('button', { name: 'Create assignment' }).click();
  await page.getByRole('heading', { name: 'Python lab 1' }).waitFor();
  await page.getByText('Source-code assignment.').waitFor();

  const alice = Buffer.from(zipSync({ 'main.py': strToU8(PROGRAM), 'util.py': strToU8('def helper(x):\n    return x * 2\n') }));
  const bob = Buffer.from(zipSync({ 'solution.py': strToU8(RENAMED) }));
  await page.getByLabel('Files').setInputFiles([
    { name: 'alice.zip', mimeType: 'application/zip', buffer: alice },
    { name: 'bob.zip', mimeType: 'application/zip', buffer: bob },
  ]);
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  await page.getByText('bob.zip uploaded').waitFor();
  const row = (title: string) => page.locator('#submissions tr', { hasText: title });
  for (const title of ['alice.zip', 'bob.zip']) await row(title).and(page.locator('[data-status="done"]')).waitFor({ timeout: 90_000 });
  await page.waitForFunction(() => [...(globalThis as any).document.querySelectorAll('#submissions tr[data-status="done"] td.num')].filter((td: any) => /[1-9]/.test(td.textContent ?? '')).length === 2, null, { timeout: 90_000 });
  await shot('01-submissions');

  await row('alice.zip').getByRole('button', { name: 'View' }).click();
  await page.waitForURL(/\/viewer\//);
  const marks = page.locator('#submission-text mark[data-match]');
  assert.ok((await marks.count()) > 0);
  // Every marked match has its place on the source side.
  const ids = new Set((await marks.evaluateAll((els) => els.map((el) => el.getAttribute('data-match') ?? ''))).flatMap((x) => x.split(' ')));
  for (const id of ids) assert.equal(await page.locator(`#o-${id}`).count(), 1, `match ${id} has its place in the source`);
  await marks.first().click();
  const label = (await page.locator('#active-match').textContent()) ?? '';
  assert.match(label, /: bob\.zip, main\.py lines 1-\d+ ↔ solution\.py 1-\d+$/);
  await shot('02-viewer');
  assert.deepEqual(pageErrors, []);
});
