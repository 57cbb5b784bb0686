import { posix } from 'node:path';
import { fail } from '../failure.js';
import type { ExtractionLimits } from '../limits.js';
import type { Extractor } from '../registry.js';
import { decodeText } from '../text-decoding.js';
import { TextBuilder } from '../text-builder.js';
import type { ExtractedFile } from '../types.js';
import { ZipContainer, isTraversalName, isZip, readZipEntry } from '../zip-container.js';

/** Extensions of files students write (source, markup, build scripts, notebooks, notes). */
export const SOURCE_EXTENSIONS = new Set(('c h cc cpp cxx c++ hh hpp hxx ino cu java kt kts scala groovy gradle clj cljs py pyw ipynb js mjs cjs jsx ts tsx mts cts vue svelte ' +
  'cs fs fsx vb go rs rb php swift m mm r jl lua pl pm t sh bash zsh fish ps1 bat cmd sql hs lhs ml mli elm erl hrl ex exs dart ' +
  'v sv svh vhd vhdl asm s f f90 f95 for pas pp lisp lsp scm rkt ss pro prolog sml nim zig d cob cbl ada adb ads tcl awk sed ' +
  'html htm css scss sass less xml xsl json yaml yml toml ini cfg conf properties md rst txt tex bib cmake mk make dockerfile proto graphql gql').split(' '));
const SOURCE_NAMES = new Set(['makefile', 'dockerfile', 'cmakelists.txt', 'rakefile', 'gemfile', 'build', 'procfile', 'jenkinsfile', 'vagrantfile']);
/** Folders of dependencies, version control, IDE state and build output. */
const IGNORED_FOLDERS = new Set(['node_modules', '.git', '.svn', '.hg', '__macosx', '.idea', '.vscode', '.vs', '__pycache__', '.pytest_cache', '.mypy_cache',
  'dist', 'build', 'out', 'target', 'bin', 'obj', '.next', '.nuxt', '.gradle', 'venv', '.venv', 'env', 'vendor', 'bower_components', 'coverage', '.dart_tool', 'pods', 'deriveddata', '.cache']);
const LOCK_FILES = new Set(['package-lock.json', 'yarn.lock', 'pnpm-lock.yaml', 'composer.lock', 'cargo.lock', 'poetry.lock', 'gemfile.lock', '.ds_store']);

function isBinary(data: Uint8Array): boolean {
  const n = Math.min(data.length, 8000);
  for (let i = 0; i < n; i++) if (data[i] === 0) return true;
  return false;
}

interface Walk {
  builder: TextBuilder;
  files: ExtractedFile[];
  skipped: { path: string; reason: string }[];
  limits: ExtractionLimits;
}

function walkArchive(zip: ZipContainer, prefix: string, depth: number, walk: Walk): void {
  for (const entry of zip.entries) {
    const path = prefix + entry.name;
    if (isTraversalName(entry.name)) fail('archive_rejected', `archive rejected: member name ${JSON.stringify(path)} points outside the archive (path traversal)`);
    if (entry.name.endsWith('/')) continue;
    const parts = entry.name.split('/');
    const base = parts[parts.length - 1].toLowerCase();
    const folder = parts.slice(0, -1).find((p) => IGNORED_FOLDERS.has(p.toLowerCase()));
    if (folder) { walk.skipped.push({ path, reason: `ignored folder ${folder}` }); continue; }
    if (LOCK_FILES.has(base) || base.startsWith('._')) { walk.skipped.push({ path, reason: 'generated file' }); continue; }
    const ext = posix.extname(base).slice(1);
    if (ext === 'zip' || ext === 'jar' || ext === 'war') {
      if (depth + 1 > walk.limits.maxArchiveDepth) fail('archive_rejected', `archive rejected: archives nested more than ${walk.limits.maxArchiveDepth} deep (${path})`);
      const inner = readZipEntry(zip.bytes, entry);
      if (!isZip(inner)) { walk.skipped.push({ path, reason: 'not a zip archive' }); continue; }
      if (ext !== 'zip') { walk.skipped.push({ path, reason: 'compiled archive' }); continue; }
      walkArchive(new ZipContainer(inner, walk.limits), path + '/', depth + 1, walk);
      continue;
    }
    if (entry.size > walk.limits.maxSourceFileBytes) { walk.skipped.push({ path, reason: `larger than ${walk.limits.maxSourceFileBytes} bytes` }); continue; }
    if (!SOURCE_EXTENSIONS.has(ext) && !SOURCE_NAMES.has(base)) { walk.skipped.push({ path, reason: ext ? `not a source file (.${ext})` : 'not a source file' }); continue; }
    if (entry.encrypted) fail('encrypted_file', `encrypted: archive member ${path} is password-protected`);
    const data = readZipEntry(zip.bytes, entry);
    if (isBinary(data)) { walk.skipped.push({ path, reason: 'binary content' }); continue; }
    const before = walk.builder.blocks.length;
    walk.builder.addVerbatim(decodeText(data), { file: path, line: 1 });
    const block = walk.builder.blocks[before];
    if (block) walk.files.push({ path, offset: block.offset, length: block.length });
    else walk.skipped.push({ path, reason: 'empty file' });
  }
}

/**
 * ZIP archives of source code, unpacked in memory. The zip directory was already checked against
 * the entry-count, total-size and ratio limits when it was opened; here members are filtered
 * and nested zips followed to a limited depth. Each kept file is one block; `files` gives ranges.
 */
export const sourceArchiveExtractor: Extractor = {
  formats: ['zip'],
  async extract(_bytes, ctx) {
    const zip = ctx.sniffed.zip ?? fail('corrupt_file', 'corrupt: not a zip file');
    const walk: Walk = { builder: new TextBuilder(ctx.limits), files: [], skipped: [], limits: ctx.limits };
    walkArchive(zip, '', ctx.depth, walk);
    if (walk.files.length === 0) fail('no_text', `no text: the archive holds no source files (${walk.skipped.length} skipped)`);
    return { text: walk.builder.text, blocks: walk.builder.blocks, pages: 1, files: walk.files, skipped: walk.skipped };
  },
};
