import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Services } from '../services/services.js';
import { privateDirSync } from '../files/private-files.js';

/** File in the data folder that receives a generated administrator key (mode 0600). */
export const ADMIN_KEY_FILE = 'first-start-admin-key.txt';

export interface FirstStartNotice {
  /** The one-time link into the web UI, when the administrator has no password yet. */
  link: string | null;
  /** Where the generated API key was written, when one was generated. */
  keyFile: string | null;
}

/** The base address people open links at: ORIGO_PUBLIC_URL, else this server on localhost. */
export function linkBase(publicUrl: string | null, host: string, port: number): string {
  if (publicUrl) return publicUrl;
  const h = ['0.0.0.0', '::', '', '::0'].includes(host) ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${h}:${port}`;
}

/**
 * What a new installation tells whoever started it, once. The generated administrator key goes to
 * a file readable only by this user (stdout of a service ends up in the system journal); it is
 * printed as well only when stdout is a terminal. The first-start link is printed: it works once,
 * expires after a day and signs in as the administrator, who then chooses a password.
 */
export async function announceFirstStart(
  services: Services,
  o: { dataDir: string; baseUrl: string; generatedKey: string | null; out?: NodeJS.WriteStream | { write: (s: string) => unknown; isTTY?: boolean } },
): Promise<FirstStartNotice> {
  const out = o.out ?? process.stdout;
  const lines = ['', 'Origo created the default organisation and its administrator.'];
  let keyFile: string | null = null;
  if (o.generatedKey) {
    privateDirSync(o.dataDir);
    keyFile = join(o.dataDir, ADMIN_KEY_FILE);
    writeFileSync(keyFile, `Origo administrator API key (use it as "Authorization: Bearer <key>"):\n${o.generatedKey}\n`, { mode: 0o600 });
    chmodSync(keyFile, 0o600);
    lines.push(`The administrator's API key is in ${keyFile} (readable by this user only). Keep it somewhere safe, then delete the file.`);
    if (out.isTTY) lines.push(`Administrator API key (shown only now): ${o.generatedKey}`);
  }
  let link: string | null = null;
  const admin = await services.firstStart.firstAdministrator();
  if (admin && !admin.password_hash) {
    const { token, expiresAt } = await services.firstStart.issue(admin);
    link = services.firstStart.url(o.baseUrl, token);
    lines.push(
      'Open this link to sign in to the web UI as the administrator and choose a password.',
      `It works once, until ${expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC (\`npx origo first-start-link\` makes a new one):`,
      `  ${link}`,
    );
  }
  out.write(`${lines.join('\n')}\n\n`);
  return { link, keyFile };
}
