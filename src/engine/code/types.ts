/**
 * Data shapes of source-code similarity. Tokenisers (outside the engine) hand the engine plain
 * token streams; the engine never sees source text, only token kinds with the line and column
 * they came from, plus two multisets beside the stream: literal values and library names.
 */

/** One syntactic token: its kind (a node type or canonical class) and where it starts (1-based). */
export interface CodeToken {
  kind: string;
  line: number;
  column: number;
  /**
   * For literals only: the literal as written. It never enters the token stream; the engine
   * compares the multisets of literal values as a second, order-free channel of evidence.
   */
  value?: string;
}

/**
 * Statement markers a tokeniser may put into a stream so that the engine can normalise
 * statement order. `MOVABLE_OPEN` opens a simple statement (no control flow, no jumps, no calls)
 * that may be reordered with its simple neighbours; `FIXED_OPEN` opens any other statement. Both close
 * with `STATEMENT_CLOSE`. Markers never count as tokens.
 */
export const MOVABLE_OPEN = '\u27e8m';
export const FIXED_OPEN = '\u27e8f';
export const STATEMENT_CLOSE = '\u27e9';

export function isMarker(kind: string): boolean {
  return kind === MOVABLE_OPEN || kind === FIXED_OPEN || kind === STATEMENT_CLOSE;
}

/** One file of a submission, already tokenised. */
export interface TokenizedCodeFile {
  path: string;
  tokens: CodeToken[];
}

/** A submission: one file, a folder or an archive, compared as one unit. */
export interface CodeSubmission {
  id: string;
  files: TokenizedCodeFile[];
  /**
   * Optional counts of surface marks (punctuation and operators as written, a fixed list the
   * tokeniser chooses), all files together: how the code is written, beyond its tokens. Pairs
   * of submissions that both have them are discounted by their difference (`surfaceWeight`).
   */
  surface?: Float64Array;
  /**
   * Optional library names: every use of an identifier the submission does not declare, in text
   * order, each as a 32-bit hash of the name (the tokeniser's `library-names.ts`). They cannot be
   * renamed without changing what the program does; compared as a rarity-weighted multiset
   * (`namesWeight`), never in the stream.
   */
  names?: readonly number[];
}

export interface CodeCompareOptions {
  /** Tokens per k-gram. */
  kgramLength?: number;
  /** Winnowing window (in k-grams). */
  windowLength?: number;
  /** Reorder runs of simple statements canonically (default true). */
  canonicalOrder?: boolean;
  /**
   * Widespread code: k-grams present in more than this share of the submissions (0..1] are
   * suppressed when the submissions holding them are otherwise different (see common-code.ts);
   * `1` disables it. Only applied when there are at least `suppressMinSubmissions` submissions.
   */
  suppressShare?: number;
  suppressMinSubmissions?: number;
  /**
   * A submission whose distinct k-grams are less than this share widespread counts as "mostly
   * its own code"; widespread k-grams are suppressed when most of their holders are such (0.5).
   */
  commonMaxPart?: number;
  /** Fingerprints of the base (template) submission are excluded from every pair. */
  base?: CodeSubmission;
  /** Compute fragments only for pairs at or above this similarity (default 0: all pairs). */
  fragmentMinSimilarity?: number;
  /** Leave out fragments entirely (fast scoring only). */
  withFragments?: boolean;
  /** Largest gap (in tokens, on each side) bridged when merging neighbouring matches. */
  mergeGap?: number;
  /**
   * Largest weight of the literal channel (0 disables it): similarity is
   * (1 - λ) * structural + λ * literal, λ = literalWeight / (1 + (t / h)^literalSteepness),
   * t the tokens of the shorter submission, h = literalHalfTokens * (1 + literalClassScale * c),
   * c the median structural similarity over all pairs of the comparison (0 below
   * `literalClassMin` submissions). h = Infinity: λ = literalWeight for every pair.
   */
  literalWeight?: number;
  literalHalfTokens?: number;
  /** How fast λ falls with length (1: h / (h + t)). */
  literalSteepness?: number;
  /**
   * How far a class whose programs are alike in structure keeps the literal channel for longer
   * programs (0: λ depends on length alone).
   */
  literalClassScale?: number;
  /** Fewest submissions whose pairs' median structure is taken as the class's (below it, c = 0). */
  literalClassMin?: number;
  /**
   * Largest discount for differently written code: a pair's similarity is multiplied by
   * 1 − surfaceWeight·d, d = Σ|a − b| / Σ(a + b) over the two submissions' surface-mark counts
   * (0 = written alike). Separates near-ties: independent solutions that normalise to the same
   * tokens, against copies that keep their original's punctuation. 0 turns it off.
   */
  surfaceWeight?: number;
  /** Smoothing of literal values' rarity weights (see literals.ts, `literalWeights`). */
  literalPrior?: number;
  /**
   * Weight of the library-names channel: a pair's similarity (structure and literals mixed) is
   * moved towards the rarity-weighted Dice of the two submissions' library names,
   * (1 − namesWeight)·sim + namesWeight·names, when either has one and the pair already shares
   * a fingerprint or a literal (names alone never make a pair similar). 0 turns it off.
   */
  namesWeight?: number;
  /** Called after each submission is indexed and after each block of pairs (for progress bars). */
  onProgress?: (done: number, total: number) => void;
}

/**
 * A run of matching code: line ranges on both sides (1-based, inclusive) and its token count
 * (excluded starter or common code the run reaches into is in the lines, not in the count).
 */
export interface CodeFragment {
  leftFile: string;
  leftStartLine: number;
  leftEndLine: number;
  rightFile: string;
  rightStartLine: number;
  rightEndLine: number;
  tokens: number;
}

export interface CodePair {
  left: string;
  right: string;
  /** Share of both submissions' tokens covered by matches, in [0, 1]. */
  similarity: number;
  /** Tokens in the longest fragment (excluded code left out, as in `overlap`). */
  longestFragment: number;
  /** Distinct fingerprints the two submissions share (after exclusions). */
  sharedFingerprints: number;
  /** Tokens matched, the same number on each side (Dolos's "total overlap"); excluded code (base, common) does not count. */
  overlap: number;
  /** Share of each side's tokens (after exclusions) that the matches cover. */
  leftCoverage: number;
  rightCoverage: number;
  fragments: CodeFragment[];
  /**
   * The literal values (strings, numbers, as the tokeniser wrote them) both submissions hold, the
   * weightiest first (rarest in the class, most often shared), at most `SHARED_VALUES_SHOWN`:
   * the literal channel's evidence, which a pair with no fragment was scored by.
   */
  sharedValues: string[];
}

/**
 * Every pair's figures, column-wise (a million pairs stay a few typed arrays). Pair p of
 * submissions i < j sits at p = i * n - i * (i + 1) / 2 + (j - i - 1): rows in submission order.
 * `codePairs` turns it into `CodePair` objects.
 */
export interface CodeComparison {
  /** Submission ids, in input order. */
  ids: string[];
  similarity: Float64Array;
  longestFragment: Uint32Array;
  sharedFingerprints: Uint32Array;
  /** Tokens matched per pair, excluded code left out. */
  overlap: Uint32Array;
  /** Tokens of each submission after exclusions (coverage = overlap / tokens). */
  tokens: Uint32Array;
  /** Fragments of the pairs that had them computed, by pair index. */
  fragments: Map<number, CodeFragment[]>;
  /**
   * K-grams removed because they were in the base submission (`base`) or widespread among
   * otherwise different submissions (`common`: boilerplate); `commonKept` widespread k-grams were
   * kept because the submissions holding them are mostly alike (possibly copied from one
   * source); widespread = in at least `commonMinHolders` submissions (0 when not checked).
   */
  excludedFingerprints: { base: number; common: number; commonKept: number; commonMinHolders: number };
  /** The literal values submissions i and j both hold (see `CodePair.sharedValues`). */
  sharedValues(i: number, j: number): string[];
}
