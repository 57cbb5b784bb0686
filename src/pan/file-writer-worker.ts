/** The thread of `BackgroundFileWriter`: writes each [name, text] it is sent; `null` ends. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';

const { dir } = workerData as { dir: string };
let error: string | undefined;
parentPort!.on('message', (m: [string, string] | null) => {
  if (m === null) {
    parentPort!.postMessage(error ? { error } : {});
    parentPort!.close();
    return;
  }
  if (error) return;
  try {
    writeFileSync(join(dir, m[0]), m[1]);
  } catch (err) {
    error = err instanceof Error ? err.message : String(err);
  }
});
