/**
 * The service-facing entry point for code similarity: submissions as source text in, the engine's
 * comparison out. Tokenises every file with the language its extension names (or the one given),
 * then hands the token streams to the pure engine.
 */
import {
  codePairs,
  comparisonOf,
  matchPlan,
  planPrepared,
  prepareForComparison,
  type CodeCompareOptions,
  type CodeComparison,
  type CodePair,
  type CodeSubmission,
  type PreparedSubmission,
} from '../engine/code/index.js';
import type { CodeLanguage } from './language.js';
import { languageByName, submissionLanguages } from './languages.js';
import { libraryNames, type NameCollector } from './library-names.js';
import { SURFACE_MARKS } from './node-rules.js';
import type { SourceSubmission } from './source-files.js';
import { tokenizeCode } from './tokenize.js';

export interface CodeSourceCompareOptions extends Omit<CodeCompareOptions, 'base'> {
  /** Force one language for every file (a name of the registry); default: by extension. */
  language?: string;
  /** The instructor's starter code: excluded from every pair. */
  base?: SourceSubmission;
  /** Called after each submission is tokenised. */
  onTokenized?: (done: number, total: number) => void;
}

function resolveLanguage(name: string | undefined): CodeLanguage | undefined {
  if (name === undefined) return undefined;
  const lang = languageByName(name);
  if (!lang) throw new Error(`unknown language "${name}"`);
  return lang;
}

/** Tokenises one submission; files no language claims are left out. */
export async function tokenizeSubmission(sub: SourceSubmission, language?: string): Promise<CodeSubmission> {
  const forced = resolveLanguage(language);
  const files: CodeSubmission['files'] = [];
  const surface = new Float64Array(SURFACE_MARKS.length);
  const names: NameCollector = { used: [], declared: new Set() };
  const langs = forced ? sub.files.map(() => forced) : submissionLanguages(sub.files.map((f) => f.path));
  for (let i = 0; i < sub.files.length; i++) {
    const lang = langs[i];
    if (lang) files.push({ path: sub.files[i].path, tokens: await tokenizeCode(sub.files[i].text, lang, surface, names) });
  }
  return { id: sub.id, files, surface, names: libraryNames(names) };
}

/** Every pair as objects, for the service layer: sized for one assignment, not a million pairs. */
export interface CodeSubmissionsResult {
  pairs: CodePair[];
  excludedFingerprints: CodeComparison['excludedFingerprints'];
}

export async function compareCodeSubmissions(submissions: readonly SourceSubmission[], options: CodeSourceCompareOptions = {}): Promise<CodeSubmissionsResult> {
  const c = await compareCodeSources(submissions, options);
  return { pairs: codePairs(c), excludedFingerprints: c.excludedFingerprints };
}

/** The comparison column-wise (typed arrays per measure), for large runs such as the CLI's. */
export async function compareCodeSources(submissions: readonly SourceSubmission[], options: CodeSourceCompareOptions = {}): Promise<CodeComparison> {
  const { language, base, onTokenized, ...engineOptions } = options;
  resolveLanguage(language);
  const engine = { ...engineOptions, base: base ? await tokenizeSubmission(base, language) : undefined };
  // Each submission is prepared as soon as it is tokenised: its token objects die young.
  const prepared: PreparedSubmission[] = [];
  for (const s of submissions) {
    prepared.push(prepareForComparison(await tokenizeSubmission(s, language), engine));
    onTokenized?.(prepared.length, submissions.length);
  }
  const plan = planPrepared(prepared, engine);
  return comparisonOf(plan, matchPlan(plan, engine.onProgress));
}
