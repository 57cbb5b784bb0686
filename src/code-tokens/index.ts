/** Code tokenisation and submission reading (IO lives here, not in the engine). */
export type { CodeLanguage } from './language.js';
export { LANGUAGES, languageByName, detectLanguage, claims } from './languages.js';
export { tokenizeCode } from './tokenize.js';
export { readSourceSubmission, readZipSources, SOURCE_LIMITS, type SourceFile, type SourceSubmission } from './source-files.js';
export { compareCodeSources, compareCodeSubmissions, tokenizeSubmission, type CodeSourceCompareOptions, type CodeSubmissionsResult } from './compare-sources.js';
