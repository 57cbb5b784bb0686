/**
 * One text made into the formats teachers upload, by LibreOffice itself (not by our own writers):
 * txt as written, and pdf, docx, doc, odt, rtf, epub from a Writer document, pptx from an
 * Impress document. Tests call `officeFormats` and skip (or fail under ORIGO_REQUIRE_CONVERTERS=1)
 * when `soffice` is not on PATH.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The absolute path of `soffice`, or null when LibreOffice is not installed. */
export function sofficeOnPath(): string | null {
  const r = spawnSync('sh', ['-c', 'command -v soffice || command -v libreoffice'], { encoding: 'utf8' });
  const p = r.stdout.trim().split('\n')[0];
  return r.status === 0 && p ? p : null;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An Impress document in flat ODF XML: one slide per paragraph, each in a text box. */
function flatPresentation(paragraphs: string[]): string {
  const slides = paragraphs
    .map((p, i) => `<draw:page draw:name="slide${i + 1}" draw:master-page-name="Default"><draw:frame svg:x="1cm" svg:y="1cm" svg:width="26cm" svg:height="18cm"><draw:text-box><text:p>${esc(p)}</text:p></draw:text-box></draw:frame></draw:page>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.presentation">
<office:master-styles><style:master-page style:name="Default"/></office:master-styles>
<office:body><office:presentation>${slides}</office:presentation></office:body></office:document>`;
}

export type OfficeFormat = 'txt' | 'pdf' | 'docx' | 'doc' | 'odt' | 'rtf' | 'epub' | 'pptx';
export const OFFICE_FORMATS: OfficeFormat[] = ['txt', 'pdf', 'docx', 'doc', 'odt', 'rtf', 'epub', 'pptx'];

/**
 * The paragraphs as each of the eight formats (file name → bytes). LibreOffice runs with a
 * private profile in a temporary folder, which is removed afterwards.
 */
export function officeFormats(soffice: string, paragraphs: string[], base = 'essay'): Map<OfficeFormat, { filename: string; bytes: Buffer }> {
  const dir = mkdtempSync(join(tmpdir(), 'origo-office-'));
  try {
    const profile = `-env:UserInstallation=file://${join(dir, 'profile')}`;
    const convert = (to: string, file: string, infilter?: string) => {
      const r = spawnSync(soffice, ['--headless', '--norestore', profile, ...(infilter ? [`--infilter=${infilter}`] : []), '--convert-to', to, '--outdir', dir, join(dir, file)], { encoding: 'utf8', timeout: 120_000 });
      if (r.status !== 0) throw new Error(`soffice --convert-to ${to} ${file} failed (${r.status}): ${r.stderr}${r.stdout}`);
    };
    writeFileSync(join(dir, `${base}.txt`), `${paragraphs.join('\n\n')}\n`);
    writeFileSync(join(dir, `${base}.html`), `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${esc(base)}</title></head><body>${paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}</body></html>`);
    writeFileSync(join(dir, `${base}-slides.fodp`), flatPresentation(paragraphs));
    // HTML would open in Writer/Web (and save as a text-web package); read it as a Writer document.
    convert('odt', `${base}.html`, 'HTML (StarWriter)');
    for (const to of ['pdf', 'docx', 'doc:MS Word 97', 'rtf', 'epub']) convert(to, `${base}.odt`);
    convert('pptx', `${base}-slides.fodp`);
    const out = new Map<OfficeFormat, { filename: string; bytes: Buffer }>();
    for (const f of OFFICE_FORMATS) {
      const filename = f === 'pptx' ? `${base}-slides.pptx` : `${base}.${f}`;
      out.set(f, { filename: filename.replace('-slides', ''), bytes: readFileSync(join(dir, filename)) });
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
