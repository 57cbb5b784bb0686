// Worker thread for `origo pan --workers n`: aligns its share of the pairs and posts the
// passages back (plain data).
import { parentPort, workerData } from 'node:worker_threads';
import { alignPairs } from './align-pairs.js';
import type { PairJob } from './align-pairs.js';

const { corpusDir, jobs } = workerData as { corpusDir: string; jobs: PairJob[] };
parentPort!.postMessage(await alignPairs(corpusDir, jobs));
