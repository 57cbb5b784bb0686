import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { REPO_ROOT } from './server-process.js';

/** Debian's chromium (installed by .ci/run); overridable for other machines. */
export const CHROMIUM = process.env.ORIGO_CHROMIUM ?? '/usr/bin/chromium';
/** Where a missing browser fails the tests instead of skipping them (CI sets this). */
export const REQUIRE_BROWSER = process.env.ORIGO_REQUIRE_BROWSER === '1';
/** Screenshots and other files kept from browser tests (gitignored). */
export const ARTIFACTS = join(REPO_ROOT, 'test-artifacts');

/** Why browser tests cannot run here (they are skipped with it), or null. Throws when CI requires a browser. */
export function browserSkipReason(): string | null {
  if (existsSync(CHROMIUM)) return null;
  const why = `chromium is not installed at ${CHROMIUM} (.ci/run installs it: apt-get install -y chromium)`;
  if (REQUIRE_BROWSER) throw new Error(why);
  return why;
}

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A headless Chromium with a fresh profile; `close` removes the profile. */
export async function launchBrowser(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'origo-chromium-'));
  mkdirSync(ARTIFACTS, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1280, height: 900 } });
  return {
    context,
    close: async () => {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
