/**
 * The analysis threads align exactly what the calling thread would: the same pair results, in the
 * task's order, with the work split across threads.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { alignTask, type AlignTask } from './align-task.js';
import { alignPairs, analysisThreadStats, closeAnalysisThreads, configureAnalysisThreads } from './align-pool.js';

after(closeAnalysisThreads);

const SHARED =
  'The river changed its course three times in the last century, and each time the villages along its banks had to move their fields, ' +
  'their mills and sometimes their churches to follow the water that their whole economy depended on.';
const texts: Record<number, string> = {
  1: `An essay on rivers in the lowlands. ${SHARED} The author closes with a plea for better maps.`,
  2: `Notes for a geography class about floods. ${SHARED} Students should compare two valleys.`,
  3: 'Beekeeping on the roofs of city hotels has grown quickly over the last ten years in many capitals of Europe.',
  4: `A short story set by a mill. ${SHARED.replace('three times', 'several times')} The miller never left.`,
};
const task: AlignTask = {
  pairs: [
    { submissionId: 1, sourceId: 2 },
    { submissionId: 1, sourceId: 3 },
    { submissionId: 1, sourceId: 4 },
    { submissionId: 2, sourceId: 4 },
    { submissionId: 3, sourceId: 1 },
    { submissionId: 4, sourceId: 1 },
  ],
  texts,
  minWords: 0,
  minChars: 40,
};

test('on two threads: the same results as in this thread, in order, and the threads did the work', async () => {
  const here = await alignTask(task);
  assert.ok(here.filter((p) => p.matches > 0).length >= 4, 'the shared paragraph is found in the related pairs');
  configureAnalysisThreads(2);
  const before = analysisThreadStats().completed;
  const threaded = await alignPairs(task);
  assert.deepEqual(threaded, here);
  assert.equal(analysisThreadStats().completed - before, 2, 'two shares, one per thread');
});

test('with threads off: aligned in this thread, the same results', async () => {
  configureAnalysisThreads(0);
  assert.deepEqual(await alignPairs(task), await alignTask(task));
  assert.equal(analysisThreadStats().threads, 0);
  assert.deepEqual(await alignPairs({ ...task, pairs: [] }), []);
});
