import { parentPort, workerData } from 'node:worker_threads';
import { freedictFiles, readFreedict } from './freedict.js';

// Reads one FreeDict dictionary off the main thread (the German one takes seconds) and posts it
// back flat: [headword, "word word …", headword, …] (cheap to clone, rebuilt into a Map there).
const { language, dir } = workerData as { language: string; dir: string };
const files = freedictFiles(language, dir);
const flat: string[] = [];
if (files) for (const [head, words] of readFreedict(language, files).entries) flat.push(head, words.join(' '));
parentPort!.postMessage(files ? flat : null);
