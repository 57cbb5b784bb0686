import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fail } from '../failure.js';
import type { Extractor, ExtractorContext, RawExtraction } from '../registry.js';
import { ZipContainer } from '../zip-container.js';
import { findProgram, runProgram } from './external-program.js';

interface Route {
  /** What LibreOffice converts to; our own extractor reads that. */
  target: 'odt' | 'odp' | 'ods';
  /**
   * The import filter, forced so that a file LibreOffice does not recognise fails instead of
   * being opened as plain text. Left open where one sniffed type covers several filters
   * (Word 6/95/97, Excel 5/95/97).
   */
  infilter?: string;
}

/** Formats only LibreOffice reads. */
export const LIBREOFFICE_ROUTES: Record<string, Route> = {
  ppt: { target: 'odp', infilter: 'MS PowerPoint 97' },
  key: { target: 'odp', infilter: 'Apple Keynote' },
  sxi: { target: 'odp', infilter: 'StarOffice XML (Impress)' },
  xls: { target: 'ods' },
  numbers: { target: 'ods', infilter: 'Apple Numbers' },
  sxc: { target: 'ods', infilter: 'StarOffice XML (Calc)' },
  wpd: { target: 'odt', infilter: 'WordPerfect' },
  wps: { target: 'odt', infilter: 'MS_Works' },
  pages: { target: 'odt', infilter: 'Apple Pages' },
  hwp: { target: 'odt', infilter: 'writer_MIZI_Hwp_97' },
  sdw: { target: 'odt', infilter: 'StarOffice_Writer' },
  sxw: { target: 'odt', infilter: 'StarOffice XML (Writer)' },
  doc: { target: 'odt' },
};

/** Finds `soffice` on the PATH (or at ORIGO_SOFFICE). */
export function sofficePath(): Promise<string | null> {
  return findProgram('soffice', 'ORIGO_SOFFICE');
}

/** A fresh profile with macros disabled: security level "very high" and macro execution off. */
const PROFILE_SETTINGS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="MacroSecurityLevel" oor:op="fuse"><value>3</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="DisableMacrosExecution" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse"><value>false</value></prop></item>
</oor:items>
`;

/**
 * Converts a file with LibreOffice in a temporary folder (headless, fresh profile, macros off,
 * no shell, process group killed after the time limit) and returns the converted bytes.
 */
export async function convertWithLibreOffice(bytes: Uint8Array, fromFormat: string, route: Route, timeoutMs: number, tempDir = tmpdir()): Promise<Uint8Array> {
  const soffice = await sofficePath();
  if (!soffice) fail('needs_libreoffice', `unsupported: needs LibreOffice (${fromFormat} files are read through soffice, which is not on the PATH)`);
  const work = await mkdtemp(join(tempDir, 'origo-soffice-'));
  try {
    const profile = join(work, 'profile');
    await mkdir(join(profile, 'user'), { recursive: true });
    await writeFile(join(profile, 'user', 'registrymodifications.xcu'), PROFILE_SETTINGS);
    const input = join(work, `input.${fromFormat}`);
    await writeFile(input, bytes);
    const out = join(work, 'out');
    await mkdir(out);
    const args = [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--invisible', '--norestore', '--nologo', '--nodefault', '--nolockcheck'];
    if (route.infilter) args.push(`--infilter=${route.infilter}`);
    args.push('--convert-to', route.target, '--outdir', out, input);
    const result = await runProgram(soffice, args, timeoutMs, { SAL_USE_VCLPLUGIN: 'svp' });
    if (result.timedOut) fail('timeout', `timeout: LibreOffice took longer than ${timeoutMs} ms to convert the ${fromFormat} file`);
    const made = await readdir(out);
    if (result.code !== 0 || made.length === 0) {
      const detail = result.stderr.split('\n').find((l) => l.trim() && !/javaldx|^Warning:/.test(l))?.trim();
      fail('corrupt_file', `corrupt: LibreOffice could not read the ${fromFormat} file${detail ? ` (${detail})` : ''}`);
    }
    return new Uint8Array(await readFile(join(out, made[0])));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * PPT, XLS, WPD, WPS, Pages, Keynote, Numbers, HWP and StarOffice: LibreOffice converts to
 * OpenDocument, then the OpenDocument extractor reads that (pages, hidden text and all).
 */
export const libreOfficeExtractor: Extractor = {
  formats: Object.keys(LIBREOFFICE_ROUTES).filter((f) => f !== 'doc'),
  async extract(bytes, ctx): Promise<RawExtraction> {
    const route = LIBREOFFICE_ROUTES[ctx.sniffed.format];
    const converted = await convertWithLibreOffice(bytes, ctx.sniffed.format, route, ctx.limits.libreOfficeTimeoutMs, ctx.tempDir);
    // Imported lazily: odf.js does not need loading for uploads that never come here.
    const { odfExtractor } = await import('./odf.js');
    const inner: ExtractorContext = { ...ctx, sniffed: { format: route.target, mime: '', zip: new ZipContainer(converted, ctx.limits) } };
    return { ...(await odfExtractor.extract(converted, inner)), via: 'libreoffice' };
  },
};
