/**
 * The conformance kit: the same checks on every language of the registry, each against a small
 * fixture of our own in `fixtures/` (named after the language).
 *
 *   check                          why
 *   -----------------------------  ------------------------------------------------------------
 *   grammar parses the fixture     the registry names the right grammar
 *   each code line yields tokens   nothing a student writes is silently ignored
 *   positions ascend               fragments map back to lines in order
 *   positions stay inside the file a line range never points past the text
 *   output is deterministic        the same input always scores the same
 *
 * A "code line" is a non-blank line that holds more than brackets, separators and the block
 * words that only close or continue a block (else, end, fi, done, then, do, where, ...), and is
 * not a package, import or opening-tag header, which normalisation drops as boilerplate.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { isMarker } from '../engine/code/index.js';
import { LANGUAGES, detectLanguage } from './languages.js';
import { tokenizeCode } from './tokenize.js';
import { hasSyntaxErrors } from './tree-sitter-tokenizer.js';

const fixtures = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/code-tokens/fixtures');
const STRUCTURE_ONLY = /^[\s{}()[\];,:]*(?:(?:else|end|fi|done|esac|then|do|where|in|<\/[a-z0-9]+>)[\s{}()[\];,:]*)*$/i;

const BOILERPLATE = /^\s*(package|import|using|#include|use|<\?php|<!DOCTYPE)\b/i;
const files = readdirSync(fixtures);

test('every language of the registry has a fixture', () => {
  for (const lang of LANGUAGES) {
    assert.ok(files.some((f) => f.startsWith(`${lang.name}.`)), `no fixture for ${lang.name}`);
  }
});

for (const file of files) {
  const lang = detectLanguage(file);
  test(`conformance: ${file}`, async () => {
    assert.ok(lang, `no language claims ${file}`);
    const text = readFileSync(join(fixtures, file), 'utf8');
    const lines = text.split('\n');
    if (lang.grammar) assert.equal(await hasSyntaxErrors(lang, text), false, `${lang.name} grammar reports syntax errors`);

    const tokens = await tokenizeCode(text, lang);
    const real = tokens.filter((t) => !isMarker(t.kind));
    assert.ok(real.length > 0);

    const covered = new Set(real.map((t) => t.line));
    lines.forEach((line, i) => {
      if (line.trim() === '' || STRUCTURE_ONLY.test(line) || BOILERPLATE.test(line)) return;
      assert.ok(covered.has(i + 1), `${file}:${i + 1} yields no token: ${line.trim()}`);
    });

    let prevLine = 0, prevColumn = 0;
    for (const t of tokens) {
      assert.ok(t.line > prevLine || (t.line === prevLine && t.column >= prevColumn), `${file}: ${t.kind} at ${t.line}:${t.column} before ${prevLine}:${prevColumn}`);
      prevLine = t.line;
      prevColumn = t.column;
      assert.ok(t.line >= 1 && t.line <= lines.length, `${file}: line ${t.line} outside the file`);
      assert.ok(t.column >= 1 && t.column <= lines[t.line - 1].length + 1, `${file}: column ${t.column} outside line ${t.line}`);
    }

    assert.deepEqual(await tokenizeCode(text, lang), tokens);
  });
}
