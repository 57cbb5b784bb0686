/**
 * One copied sentence of about fifteen words is evidence a teacher wants to see: the service
 * reports it on both sides (the PAN-tuned aligner alone would drop passages under 150 characters).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { appFixture, type AppFixture } from '../testing/app-fixture.js';
import { waitFor } from '../testing/server-process.js';

const SENTENCE = 'The migration of birds across the northern hemisphere depends on subtle changes in daylight and temperature.';
const A = `My grandmother grew tomatoes on the balcony every summer. She said the soil from the river was the best. ${SENTENCE} We carried soil up in buckets, four floors, without complaining.`;
const B = `The bus to the coast leaves at seven and nobody is ever on time. ${SENTENCE} Our teacher once waited for an hour in the rain and then laughed about it.`;

let f: AppFixture;
before(async () => {
  f = await appFixture({ worker: true });
});
after(async () => f.close());

test('a single copied sentence of fifteen words is reported with its exact ranges', { timeout: 60_000 }, async () => {
  const asg = await f.call('POST', '/api/v1/assignments', { name: 'Short copy' });
  const a = await f.call('POST', `/api/v1/assignments/${asg.body.id}/documents`, { title: 'A', text: A });
  const b = await f.call('POST', `/api/v1/assignments/${asg.body.id}/documents`, { title: 'B', text: B });
  const report = await waitFor('B to find A', async () => {
    const r = await f.call('GET', `/api/v1/documents/${b.body.id}/report`);
    return r.status === 200 && r.body.matches.length ? r.body : undefined;
  }, 30_000, 50);
  const m = report.matches[0];
  assert.equal(m.source_document_id, a.body.id);
  assert.equal(B.slice(m.offset, m.offset + m.length).replace(/\.$/, ''), SENTENCE.replace(/\.$/, ''));
  assert.equal(A.slice(m.source_offset, m.source_offset + m.source_length).replace(/\.$/, ''), SENTENCE.replace(/\.$/, ''));
  assert.ok(report.similarity > 20 && report.similarity < 60, String(report.similarity));
});
