import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fail } from '../failure.js';
import type { Extractor } from '../registry.js';
import { findProgram, runProgram } from './external-program.js';
import { pdfExtractor } from './pdf.js';

/** Finds Ghostscript (`gs`) on the PATH (or at ORIGO_GHOSTSCRIPT). */
export function ghostscriptPath(): Promise<string | null> {
  return findProgram('gs', 'ORIGO_GHOSTSCRIPT');
}

/**
 * PostScript is a program: its text exists only once an interpreter runs it. LibreOffice cannot
 * (it imports PostScript as a picture or as plain source text), so Ghostscript does it in its
 * -dSAFER sandbox (no file or device access beyond its output) with a time limit, writing a PDF
 * that the PDF extractor reads.
 */
export const postscriptExtractor: Extractor = {
  formats: ['ps'],
  async extract(bytes, ctx) {
    const gs = await ghostscriptPath();
    if (!gs) fail('needs_ghostscript', 'unsupported: needs Ghostscript (PostScript files are read through gs, which is not on the PATH)');
    const work = await mkdtemp(join(ctx.tempDir ?? tmpdir(), 'origo-gs-'));
    try {
      const input = join(work, 'input.ps');
      const output = join(work, 'output.pdf');
      await writeFile(input, bytes);
      const result = await runProgram(gs, ['-dSAFER', '-dBATCH', '-dNOPAUSE', '-dQUIET', '-dNOINTERPOLATE', '-sDEVICE=pdfwrite', `-sOutputFile=${output}`, input], ctx.limits.libreOfficeTimeoutMs);
      if (result.timedOut) fail('timeout', `timeout: Ghostscript took longer than ${ctx.limits.libreOfficeTimeoutMs} ms`);
      if (result.code !== 0) fail('corrupt_file', `corrupt: Ghostscript could not run the PostScript file${result.stderr.trim() ? ` (${result.stderr.trim().split('\n')[0]})` : ''}`);
      const pdf = new Uint8Array(await readFile(output));
      return { ...(await pdfExtractor.extract(pdf, { ...ctx, sniffed: { format: 'pdf', mime: 'application/pdf' } })), via: 'ghostscript' };
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  },
};
