import { alignTask, type AlignTask, type AlignedPair } from './align-task.js';

/** The analysis thread's entry point (piscina calls the default export with each task). */
export default function alignInThread(task: AlignTask): Promise<AlignedPair[]> {
  return alignTask(task);
}
