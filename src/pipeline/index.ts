export { createPipelineWorker } from './pipeline.js';
export type { PipelineOptions } from './pipeline.js';
export { Worker } from './worker.js';
export type { PipelineDeps } from './deps.js';
