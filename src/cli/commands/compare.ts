/**
 * `origo compare <dir>`: every immediate child of <dir> (a file, a folder or a ZIP) is one
 * submission; prints every pair's similarity as a table, CSV, JSON or an HTML report.
 */
import { existsSync, fstatSync, statSync, writeSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import type { Command } from 'commander';
import type { SourceSubmission } from '../../code-tokens/index.js';
import type { CompareFormat } from './compare-output.js';

const FORMATS: CompareFormat[] = ['table', 'csv', 'json', 'html'];

interface CompareFlags {
  language?: string;
  base?: string;
  format: string;
  kgram?: string;
  window?: string;
  commonShare?: string;
  limit?: string;
  clusterThreshold?: string;
}

function numberFlag(name: string, value: string | undefined, min: number, max: number, integer = false): number | undefined {
  if (value === undefined) return undefined;
  const x = Number(value);
  if (!Number.isFinite(x) || x < min || x > max || (integer && !Number.isInteger(x))) throw new Error(`--${name} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max} (got "${value}")`);
  return x;
}

/** Writes all of `bytes` to standard output (a file), however many writes it takes. */
function writeAll(bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length; ) at += writeSync(1, bytes, at, bytes.length - at);
}

export function registerCompareCommand(program: Command): void {
  program
    .command('compare')
    .description('compare source-code submissions: each immediate child of <dir> (file, folder or .zip) is one submission')
    .argument('<dir>', 'folder holding one entry per submission')
    .option('--language <name>', 'read every file as this language (default: by extension)')
    .option('--base <path>', "the instructor's starter code (file, folder or .zip), excluded from every pair")
    .option('--format <format>', `output: ${FORMATS.join(', ')}`, 'table')
    .option('--kgram <n>', 'tokens per k-gram')
    .option('--window <n>', 'winnowing window')
    .option('--common-share <share>', 'code in more than this share of submissions is suppressed when those submissions are otherwise different (default 0.8; 1 = off)')
    .option('--limit <n>', 'only the n most similar pairs (csv: all pairs in submission order without it; html: default 100)')
    .option('--cluster-threshold <s>', 'pairs at or above this similarity join clusters (json, html)', '0.6')
    .action(async (dir: string, flags: CompareFlags) => {
      // A comparison parses each file once, in a process that lives seconds: V8's optimising
      // recompilation of the grammars' hottest wasm functions (the generated lexers are large)
      // costs more CPU than it saves here (1,000 submissions: ~60 ms less CPU with baseline code
      // only; 3,000: the same). Set before any wasm is compiled, and only for this command: a
      // long-running server keeps the default. docs/code-similarity.md, "Speed".
      setFlagsFromString('--liftoff-only');
      // A comparison is a short batch process: with the compiled addon there, the C library's
      // allocator keeps the memory it frees (and asks for huge pages) instead of handing it back
      // and taking page faults for it again (1,000 submissions: ~10 % less CPU; docs/benchmarks.md).
      (await import('../../native/text-kernel.js')).tuneMemoryForBatch();
      // Heavy modules load here, not when the CLI starts (every other command would pay for them).
      const { claims, compareCodeSources, languageByName, readSourceSubmission } = await import('../../code-tokens/index.js');
      const { renderPairs, commonCodeNote } = await import('./compare-output.js');
      const format = flags.format as CompareFormat;
      if (!FORMATS.includes(format)) throw new Error(`unknown format "${flags.format}" (use ${FORMATS.join(', ')})`);
      const limit = numberFlag('limit', flags.limit, 1, Number.MAX_SAFE_INTEGER, true) ?? (format === 'html' ? 100 : undefined);
      const clusterThreshold = numberFlag('cluster-threshold', flags.clusterThreshold, 0, 1)!;
      const commonShare = numberFlag('common-share', flags.commonShare, 0, 1);
      const kgramLength = numberFlag('kgram', flags.kgram, 1, Number.MAX_SAFE_INTEGER, true);
      const windowLength = numberFlag('window', flags.window, 1, Number.MAX_SAFE_INTEGER, true);
      let accept: ((path: string) => boolean) | undefined;
      if (flags.language) {
        const lang = languageByName(flags.language);
        if (!lang) throw new Error(`unknown language "${flags.language}"`);
        accept = (p) => claims(lang, p);
      }
      if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`${dir}: no such folder (give a folder with one sub-folder or file per submission)`);
      // A submission that cannot be read (a corrupt ZIP, an unreadable file) stops the run, named.
      const read = async (path: string, id: string, label: string) => {
        try {
          return await readSourceSubmission(path, id, accept);
        } catch (err) {
          const e = err as Error & { code?: string | number };
          // fflate numbers its errors (e.g. 13 "invalid zip data"); the file system names them.
          throw new Error(`${label}: ${e.code === 'ENOENT' ? 'no such file or folder' : typeof e.code === 'number' ? `not a readable ZIP archive (${e.message})` : e.message}`);
        }
      };
      const names = (await readdir(dir)).filter((n) => !n.startsWith('.')).sort();
      const submissions: SourceSubmission[] = [];
      for (const name of names) {
        const sub = await read(join(dir, name), name, join(dir, name));
        if (sub.files.length > 0) submissions.push(sub);
        else process.stderr.write(`compare: skipped ${name} (no code files)\n`);
      }
      if (submissions.length < 2) throw new Error(`${dir} holds ${submissions.length} submission(s) with code; at least 2 are needed`);
      const base = flags.base ? await read(flags.base, 'base', `--base ${flags.base}`) : undefined;
      // Starter code that yields no code file would silently exclude nothing.
      if (base && base.files.length === 0) throw new Error(`--base ${flags.base}: no code files${flags.language ? ` in ${flags.language}` : ''} (a file, folder or .zip of the starter code)`);
      // A progress bar from 20 submissions, on a terminal only (cli-progress draws nothing elsewhere, so it is not even loaded).
      const showBar = submissions.length >= 20 && process.stderr.isTTY === true;
      const total = submissions.length * 2;
      let bar: import('cli-progress').SingleBar | undefined;
      if (showBar) {
        const { SingleBar, Presets } = await import('cli-progress');
        bar = new SingleBar({ stream: process.stderr, format: 'compare [{bar}] {percentage}% {value}/{total} {stage}' }, Presets.shades_classic);
        bar.start(total, 0, { stage: 'tokenising' });
      }
      const result = await compareCodeSources(submissions, {
        language: flags.language,
        base,
        kgramLength,
        windowLength,
        suppressShare: commonShare,
        withFragments: format === 'json' || format === 'html',
        onTokenized: (done) => bar?.update(done, { stage: 'tokenising' }),
        onProgress: (done) => bar?.update(submissions.length + done, { stage: 'comparing' }),
      });
      bar?.stop();
      process.stderr.write(`compare: common code: ${commonCodeNote(result)}\n`);
      const sources = format === 'html' ? new Map(submissions.map((s) => [s.id, s.files])) : undefined;
      // Into a file: written at once, so the CSV writer can reuse its buffer. Otherwise (a pipe,
      // a terminal) through the stream, waiting for the reader before handing over more.
      const toFile = fstatSync(1).isFile();
      const write = toFile
        ? (chunk: string | Uint8Array) => writeAll(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)
        : (chunk: string | Uint8Array) => (process.stdout.write(chunk) ? undefined : new Promise((done) => process.stdout.once('drain', done)));
      await renderPairs(result, format, write, { limit, clusterThreshold, sources, reuseChunks: toFile });
    });
}
