export { Metrics } from './metrics.js';
export type { JobCount, JobOutcome } from './metrics.js';
