export { Store } from './store.js';
export { openStore } from './open.js';
export { nowIso } from './clock.js';
export type * from './rows.js';
export type { CandidateScope, Candidate } from './sql/fingerprints.js';
export type { UserFilter } from './sql/users.js';
export type { DocumentFilter } from './sql/documents.js';
export type { EnqueueOptions } from './sql/jobs.js';
export type { PairResultRow } from './sql/pair-results.js';
