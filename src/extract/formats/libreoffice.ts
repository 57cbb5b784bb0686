import { spawn } from 'node:child_process';
import { access, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { constants } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fail } from '../failure.js';
import type { Extractor, ExtractorContext, RawExtraction } from '../registry.js';
import { ZipContainer } from '../zip-container.js';

/** Formats only LibreOffice reads, and what it converts each into for our own extractors. */
export const LIBREOFFICE_TARGETS: Record<string, 'odt' | 'odp' | 'ods' | 'pdf'> = {
  ppt: 'odp', key: 'odp', sxi: 'odp',
  xls: 'ods', numbers: 'ods', sxc: 'ods',
  wpd: 'odt', wps: 'odt', pages: 'odt', hwp: 'odt', sdw: 'odt', sxw: 'odt', doc: 'odt',
  ps: 'pdf',
};

let cachedPath: Promise<string | null> | undefined;

/** Finds `soffice` on the PATH (or ORIGO_SOFFICE), once per process. */
export function sofficePath(): Promise<string | null> {
  cachedPath ??= (async () => {
    const candidates = process.env.ORIGO_SOFFICE ? [process.env.ORIGO_SOFFICE] : (process.env.PATH ?? '').split(delimiter).filter(Boolean).map((d) => join(d, 'soffice'));
    for (const candidate of candidates) {
      try {
        await access(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
    return null;
  })();
  return cachedPath;
}

/** A fresh profile with macros disabled: security level "very high" and macro execution off. */
const PROFILE_SETTINGS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="MacroSecurityLevel" oor:op="fuse"><value>3</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="DisableMacrosExecution" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse"><value>false</value></prop></item>
</oor:items>
`;

function run(command: string, args: string[], timeoutMs: number): Promise<{ code: number | null; timedOut: boolean; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, SAL_USE_VCLPLUGIN: 'svp' } });
    let stderr = '';
    let timedOut = false;
    child.stderr.on('data', (d: Buffer) => { if (stderr.length < 4000) stderr += d.toString(); });
    const timer = setTimeout(() => {
      timedOut = true;
      try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* already gone */ }
    }, timeoutMs);
    child.on('error', (err) => { clearTimeout(timer); resolve({ code: -1, timedOut, stderr: err.message }); });
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, timedOut, stderr }); });
  });
}

/**
 * Converts a file with LibreOffice in a temporary folder (headless, fresh profile, macros off,
 * killed after the time limit) and returns the bytes of the converted file.
 */
export async function convertWithLibreOffice(bytes: Uint8Array, fromFormat: string, target: string, timeoutMs: number): Promise<Uint8Array> {
  const soffice = await sofficePath();
  if (!soffice) fail('needs_libreoffice', `unsupported: needs LibreOffice (${fromFormat} files are read through soffice, which is not installed)`);
  const work = await mkdtemp(join(tmpdir(), 'origo-soffice-'));
  try {
    const profile = join(work, 'profile');
    await mkdir(join(profile, 'user'), { recursive: true });
    await writeFile(join(profile, 'user', 'registrymodifications.xcu'), PROFILE_SETTINGS);
    const input = join(work, `input.${fromFormat}`);
    await writeFile(input, bytes);
    const out = join(work, 'out');
    await mkdir(out);
    const result = await run(soffice, [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--invisible', '--norestore', '--nologo', '--nodefault', '--nolockcheck', '--convert-to', target, '--outdir', out, input], timeoutMs);
    if (result.timedOut) fail('timeout', `timeout: LibreOffice took longer than ${timeoutMs} ms to convert the ${fromFormat} file`);
    const made = await readdir(out);
    if (result.code !== 0 || made.length === 0) {
      fail('corrupt_file', `corrupt: LibreOffice could not convert the ${fromFormat} file${result.stderr.trim() ? ` (${result.stderr.trim().split('\n')[0]})` : ''}`);
    }
    return new Uint8Array(await readFile(join(out, made[0])));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * PPT, XLS, WPD, WPS, Pages, Keynote, Numbers, HWP, StarOffice and PostScript: LibreOffice
 * converts to OpenDocument (or PDF for PostScript), then our own extractor reads that.
 */
export const libreOfficeExtractor: Extractor = {
  formats: Object.keys(LIBREOFFICE_TARGETS).filter((f) => f !== 'doc'),
  async extract(bytes, ctx): Promise<RawExtraction> {
    const target = LIBREOFFICE_TARGETS[ctx.sniffed.format];
    const converted = await convertWithLibreOffice(bytes, ctx.sniffed.format, target, ctx.limits.libreOfficeTimeoutMs);
    // Imported lazily: the registry imports this module.
    const { odfExtractor } = await import('./odf.js');
    const { pdfExtractor } = await import('./pdf.js');
    const inner: ExtractorContext = target === 'pdf'
      ? { ...ctx, sniffed: { format: 'pdf', mime: 'application/pdf' } }
      : { ...ctx, sniffed: { format: target, mime: '', zip: new ZipContainer(converted, ctx.limits) } };
    const raw = await (target === 'pdf' ? pdfExtractor : odfExtractor).extract(converted, inner);
    return { ...raw, via: 'libreoffice' };
  },
};
