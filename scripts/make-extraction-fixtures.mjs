#!/usr/bin/env node
// Makes the extraction fixtures: LibreOffice converts one known text (src/extract/fixtures/known-text.txt)
// into every format it can write; the results are committed under src/extract/fixtures/office/.
// Usage: node scripts/make-extraction-fixtures.mjs   (needs `soffice` on PATH; `enscript` for known.ps)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CALC_TARGETS, IMPRESS_TARGETS, WRITER_TARGETS, convertWithSoffice, flatPresentation, flatSpreadsheet, flatText, textFormats } from './office-sources.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = join(root, 'src/extract/fixtures');
const out = join(fixtures, 'office');
mkdirSync(out, { recursive: true });
const known = readFileSync(join(fixtures, 'known-text.txt'), 'utf8');
const paragraphs = known.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);

const work = mkdtempSync(join(tmpdir(), 'origo-fixtures-'));
writeFileSync(join(work, 'known.fodt'), flatText(paragraphs));
writeFileSync(join(work, 'known.fodp'), flatPresentation(paragraphs));
writeFileSync(join(work, 'known.fods'), flatSpreadsheet(paragraphs));
for (const [source, targets] of [['known.fodt', WRITER_TARGETS], ['known.fodp', IMPRESS_TARGETS], ['known.fods', CALC_TARGETS]]) {
  for (const [ext, filter, name] of targets) {
    try {
      writeFileSync(join(out, name), convertWithSoffice(work, join(work, source), ext, filter));
      console.log('made', name);
    } catch (err) {
      console.log('skipped', name, String(err.message).split('\n')[0]);
    }
  }
}
// PostScript: LibreOffice prints to PDF, not PostScript, so GNU enscript (when on PATH) typesets the text.
try {
  execFileSync('enscript', ['-q', '-B', '-f', 'Times-Roman12', '--word-wrap', '-p', join(out, 'known.ps'), join(fixtures, 'known-text.txt')], { stdio: 'pipe', timeout: 60_000 });
  console.log('made known.ps');
} catch (err) {
  console.log('skipped known.ps (needs enscript)', String(err.message).split('\n')[0]);
}
for (const [name, content] of Object.entries(textFormats(paragraphs))) writeFileSync(join(out, name), content);
rmSync(work, { recursive: true, force: true });
