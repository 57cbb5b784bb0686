export { createPipelineWorker } from './pipeline.js';
export type { PipelineOptions } from './pipeline.js';
export { Worker } from './worker.js';
export { configureAnalysisThreads, closeAnalysisThreads, analysisThreads } from './analysis/align-pool.js';
export type { PipelineDeps } from './deps.js';
