/**
 * The engine's text facade: the part of `engine/index.ts` that text preparation and alignment
 * need, importable on its own so that a text-only run (`origo pan`) does not load the code
 * engine, scoring and the AI detector (~20 ms of start-up).
 */
export type { Word, Sentence, HiddenCharacter, PreparedText, Passage, AlignOptions, AlignParams, TranslationLexicon } from './types.js';
export { prepareText } from './prepare.js';
export type { PrepareOptions } from './prepare.js';
export { normaliseText, foldWord } from './normalise.js';
export type { NormalisedText } from './normalise.js';
export { detectLanguage } from './language.js';
export { SUPPORTED_LANGUAGES } from './stop-words.js';
export { loadStemmers, needsSnowball, stemmerFor } from './stemming.js';
export type { Stemmer } from './stemming.js';
export { textFingerprints, retrievalHashes, retrievalGrams, RETRIEVAL_K, RETRIEVAL_W } from './fingerprint.js';
export { alignTexts, alignInputs, alignmentInput, DEFAULT_ALIGN_PARAMS } from './align/align.js';
export type { AlignmentInput } from './align/align.js';
export type { SentenceModel } from './align/sentence-model.js';
export { keyHashes } from './key-hashes.js';
export { winnow } from './winnow.js';
export { alignTranslation, translationCandidates, translatedFingerprints, DEFAULT_TRANSLATION_PARAMS } from './align/translation.js';
export type { TranslationParams } from './align/translation.js';
export { stopWords } from './stop-words.js';
