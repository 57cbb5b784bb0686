import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Passage } from '../engine/text/types.js';

/**
 * The compiled text kernel (native/, built by scripts/build-native.mjs when `npm install` finds
 * a C++ compiler): preparation and alignment of many documents on several threads, giving the
 * passages the TypeScript engine gives (tested in text-kernel.test.ts and on the whole PAN dev
 * corpus in src/pan/pan-golden.test.ts; scripts/check-native-align.mjs checks alignment alone).
 * Optional: without it, or with ORIGO_NATIVE=0, callers use the TypeScript engine.
 *
 * The kernel asks JavaScript for what needs its built-ins: the keys of non-ASCII words (NFKC,
 * case mapping and homoglyph folding, `foldWord`) and the stems of languages it has no stemmer
 * for (Snowball). It leaves out texts with characters outside the Basic Multilingual Plane or
 * in scripts written without spaces (they need Intl.Segmenter): `unsupported` names them, and
 * the caller prepares those with the TypeScript engine.
 *
 * Its steps run on other threads: this module loads the engine's language data while the
 * kernel reads the files, and a caller can read other files while it aligns.
 */
interface NativeKernel {
  readDocuments(paths: string[]): Promise<{ unsupported: string[]; foldLatin: string[]; foldOther: string[] }>;
  detectLanguages(latinKeys: string[], otherKeys: string[]): Promise<{ languages: string[]; javaScriptStems: boolean }>;
  prepareForms(): Promise<{ language: string; forms: string[] }[]>;
  setStems(stems: string[][]): Promise<void>;
  align(pairs: Int32Array): Promise<{ counts: Int32Array; spans: Int32Array; similarity: Float64Array }>;
  writeDetections(files: PairFile[]): Promise<void>;
  document(i: number): NativeDocument;
}

/** A document as the kernel prepared it (the columns of `Document` in native/text/document.h). */
export interface NativeDocument {
  language: string;
  wordStart: Int32Array;
  wordEnd: Int32Array;
  keyHash: Int32Array;
  wordStem: Int32Array;
  sentenceStart: Int32Array;
  sentenceEnd: Int32Array;
  sentenceFirstWord: Int32Array;
  sentenceEndWord: Int32Array;
}

/**
 * Where the kernel writes a pair's PAN detection file, and the two documents' references in it,
 * XML-escaped (`detectionXml` of src/pan/xml.ts).
 */
export interface PairFile { path: string; suspiciousReference: string; sourceReference: string }

interface Addon { TextKernel: new (threads: number, options?: { batch?: boolean }) => NativeKernel; tuneMemoryForBatch?: () => boolean; unicodeVersion: string }

const ADDON = fileURLToPath(new URL('../../native/build/Release/origo_text.node', import.meta.url));
const require = createRequire(import.meta.url);
let addon: Addon | null | undefined;

/**
 * The addon, or null when it was not built (or ORIGO_NATIVE=0 turns it off). Its character
 * classes come from the Node that built it: under a Node of another Unicode version the
 * TypeScript engine is used until `npm run build` rebuilds it.
 */
function loadAddon(): Addon | null {
  if (addon !== undefined) return addon;
  addon = null;
  if (process.env.ORIGO_NATIVE === '0' || !existsSync(ADDON)) return addon;
  const loaded = require(ADDON) as Addon;
  if (loaded.unicodeVersion === process.versions.unicode) addon = loaded;
  return addon;
}

/**
 * Tunes the C library's allocator for a short batch process (native/text/batch-memory.h: one
 * arena, heap growth in large steps, no trimming, huge pages asked for), when the addon is there;
 * returns whether it did. Page faults are a large part of a short process's CPU on a virtual
 * machine (docs/benchmarks.md). For the CLI's batch commands only, never for a server. False
 * without the addon, or where the C library is not glibc.
 */
export function tuneMemoryForBatch(): boolean {
  return loadAddon()?.tuneMemoryForBatch?.() ?? false;
}

/** Whether the compiled kernel is there to use. */
export function nativeKernelAvailable(): boolean {
  return loadAddon() !== null;
}

const KINDS: Passage['kind'][] = ['verbatim', 'paraphrase', 'summary'];

export interface PrepareOptions {
  /**
   * The process is a short batch run (`origo pan`): the allocator is tuned for it, for the rest
   * of the process (native/text/batch-memory.h).
   */
  batch?: boolean;
  /**
   * Asked once the documents' languages are known (`languages`, '' for a document left out):
   * whether the kernel should go on preparing them. When not (no pair the kernel would align),
   * `prepare` stops there and the documents cannot be aligned (`prepared` is false).
   */
  needed?: (languages: readonly string[]) => boolean;
}

/** Documents read and prepared by the compiled kernel, ready to align in pairs. */
export class NativeDocuments {
  private constructor(
    private readonly kernel: NativeKernel,
    /** Per document: why the kernel left it out ('' when it prepared it). */
    readonly unsupported: readonly string[],
    /** Per document: its language (ISO 639-1, "und" when unknown; '' for a document left out). */
    readonly languages: readonly string[],
    /** Whether the documents are prepared for alignment (false when `needed` said they are not). */
    readonly prepared: boolean,
  ) {}

  /**
   * Reads and prepares the files at `paths` (UTF-8) on `threads` threads; the reading starts
   * before this returns. The kernel has the engine's language data compiled in
   * (scripts/generate-language-data.mjs); JavaScript folds its non-ASCII words meanwhile and
   * loads the Snowball stemmers when a document needs them, as the TypeScript engine does.
   */
  static async prepare(paths: string[], threads: number, options: PrepareOptions = {}): Promise<NativeDocuments> {
    const native = loadAddon();
    if (!native) throw new Error('the compiled text kernel is not built (npm install builds it when a C++ compiler is there)');
    const kernel = new native.TextKernel(threads, { batch: options.batch === true });
    // Each step runs on other threads while this one does what the comment says; a step that
    // fails meanwhile is observed (caught here, thrown by its await).
    const reading = observed(kernel.readDocuments(paths));
    // ... loads the folding of non-ASCII words,
    const { foldWord } = await import('../engine/text/normalise.js');
    const read = await reading;
    const detected = await kernel.detectLanguages(read.foldLatin.map((w) => foldWord(w, true)), read.foldOther.map((w) => foldWord(w, false)));
    const languages = detected.languages.map((l, i) => (read.unsupported[i] ? '' : l));
    if (options.needed && !options.needed(languages)) return new NativeDocuments(kernel, read.unsupported, languages, false);
    const forming = observed(kernel.prepareForms());
    // ... and loads the Snowball stemmers when a document's language needs them.
    const { loadStemmers, stemmerFor } = await import('../engine/text/stemming.js');
    if (detected.javaScriptStems) await loadStemmers(() => require('snowball-stemmers'));
    const requests = await forming;
    await kernel.setStems(requests.map((r) => {
      const stemmer = stemmerFor(r.language);
      if (!stemmer) throw new Error(`no stemmer for ${r.language}`);
      return r.forms.map((f) => stemmer.stemUncached(f));
    }));
    return new NativeDocuments(kernel, read.unsupported, languages, true);
  }

  /** The prepared columns of document i (for tests). */
  document(i: number): NativeDocument {
    return this.kernel.document(i);
  }

  /**
   * Aligns pairs [submission, source] of documents (indices into `paths`, both prepared, in one
   * language) with the default parameters, on the kernel's threads: the passages of each pair.
   */
  async align(pairs: readonly (readonly [number, number])[]): Promise<Passage[][]> {
    const flat = new Int32Array(2 * pairs.length);
    pairs.forEach(([s, r], i) => { flat[2 * i] = s; flat[2 * i + 1] = r; });
    const { counts, spans, similarity } = await this.kernel.align(flat);
    const out: Passage[][] = [];
    let k = 0;
    for (let i = 0; i < counts.length; i++) {
      const ps: Passage[] = [];
      for (let j = 0; j < counts[i]; j++, k++) {
        ps.push({ offset: spans[5 * k], length: spans[5 * k + 1], sourceOffset: spans[5 * k + 2], sourceLength: spans[5 * k + 3], kind: KINDS[spans[5 * k + 4]], similarity: similarity[k] });
      }
      out.push(ps);
    }
    return out;
  }

  /** Writes the PAN detection file of each pair of the last `align` (`files[i]` for pair i) on the kernel's threads. */
  writeDetections(files: PairFile[]): Promise<void> {
    return this.kernel.writeDetections(files);
  }
}

/** The promise, with its failure observed until it is awaited (no unhandled rejection meanwhile). */
function observed<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined);
  return p;
}
