export { extractDocument } from './extract.js';
export type { Extraction, ExtractionOutcome, ExtractionHint, ExtractionFailureCode, TextBlock, IntegritySignals, ExtractedFile } from './types.js';
export { emptySignals } from './types.js';
