/** The thread of `BackgroundFileWriter`: writes each batch of [name, text] it is sent; `null` ends. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';

const { dir } = workerData as { dir: string };
let error: string | undefined;
parentPort!.on('message', (m: [string, string][] | null) => {
  if (m === null) {
    parentPort!.postMessage(error ? { error } : {});
    parentPort!.close();
    return;
  }
  if (error) return;
  for (const [name, text] of m) {
    try {
      writeFileSync(join(dir, name), text);
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
      return;
    }
  }
});
