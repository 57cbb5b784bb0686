import type { ExtractionFailureCode } from './types.js';

/**
 * An expected failure (broken, encrypted, hostile, empty file). Extractors throw it; the entry
 * point turns it into `{ ok: false, code, reason }`. Anything else that throws is a bug in a
 * library or in our code and is reported as `corrupt_file` with the library's message.
 */
export class ExtractionFailure extends Error {
  constructor(readonly code: ExtractionFailureCode, readonly reason: string) {
    super(reason);
    this.name = 'ExtractionFailure';
  }
}

export function fail(code: ExtractionFailureCode, reason: string): never {
  throw new ExtractionFailure(code, reason);
}
