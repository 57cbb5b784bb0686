import { spawnSync } from 'node:child_process';

/**
 * The text of a PDF through poppler's `pdftotext` (`layout`: keep the page's columns), or null
 * when pdftotext is not installed (tests then skip their PDF text assertions and say so).
 */
export function pdfText(pdf: Buffer, layout = false): string | null {
  if (spawnSync('pdftotext', ['-v']).error) return null;
  const r = spawnSync('pdftotext', [...(layout ? ['-layout'] : []), '-', '-'], { input: pdf, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
  return r.stdout;
}
