import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { extractDocument } from './extract.js';
import { conformanceProblems } from './conformance-kit.js';

/*
 * Damaged copies of every office fixture (truncated at 10/50/90%, bytes overwritten in the middle,
 * the first kilobyte zeroed): extraction must resolve to a well-formed outcome, never throw, and
 * a successful outcome must still pass the structural conformance checks. The LibreOffice and
 * Ghostscript formats are left out (each run starts a converter).
 */
const office = new URL('../../src/extract/fixtures/office/', import.meta.url);
const CODES = new Set(['unsupported_format', 'needs_libreoffice', 'needs_ghostscript', 'corrupt_file', 'encrypted_file', 'no_text', 'too_large', 'archive_rejected', 'timeout', 'out_of_memory']);

function mutations(bytes: Uint8Array): [string, Uint8Array][] {
  const out: [string, Uint8Array][] = [];
  for (const share of [0.1, 0.5, 0.9]) out.push([`truncated at ${share * 100}%`, bytes.slice(0, Math.floor(bytes.length * share))]);
  const middle = bytes.slice();
  for (let i = Math.floor(bytes.length / 2); i < Math.min(bytes.length, Math.floor(bytes.length / 2) + 64); i++) middle[i] = (i * 131) & 0xff;
  out.push(['64 bytes overwritten in the middle', middle]);
  const head = bytes.slice();
  head.fill(0, 0, Math.min(1024, head.length));
  out.push(['first kilobyte zeroed', head]);
  return out;
}

for (const name of readdirSync(office).filter((n) => !/\.(ppt|xls|ps)$/.test(n)).sort()) {
  test(`mutation: damaged copies of ${name} end in a well-formed outcome`, async () => {
    const bytes = new Uint8Array(readFileSync(new URL(name, office)));
    for (const [what, damaged] of mutations(bytes)) {
      const outcome = await extractDocument(damaged, { filename: name });
      if (outcome.ok) {
        assert.deepEqual(conformanceProblems(outcome.extraction), [], `${name}, ${what}`);
      } else {
        assert.ok(CODES.has(outcome.code), `${name}, ${what}: unknown code ${outcome.code}`);
        assert.ok(outcome.reason.length > 10, `${name}, ${what}: reason ${JSON.stringify(outcome.reason)}`);
      }
    }
  });
}
