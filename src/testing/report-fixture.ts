import type { AppFixture } from './app-fixture.js';
import { waitFor } from './server-process.js';

/** A paragraph two essays share, and three essays: A and B contain it, C does not. */
export const SHARED_PARAGRAPH =
  'The industrial revolution transformed the economic and social structure of Britain in ways that historians still debate today, ' +
  'especially its effect on wages, on working hours and on the living standards of families who moved from the countryside into the growing mill towns.';
export const ESSAY_A = `Alice's essay opens with her own view of the period and the sources she read for this course. ${SHARED_PARAGRAPH} She closes by comparing it with the digital economy of her own generation.`;
export const ESSAY_B = `Bob begins with a story about his grandfather, who worked in a factory near Manchester for forty years. ${SHARED_PARAGRAPH} His conclusion is that progress always has a price someone else pays.`;
export const ESSAY_C = 'Arctic terns migrate from pole to pole every year, covering more distance than any other bird, and they rest on the open ocean for weeks at a time without touching land.';

/** Submits A and B into a new assignment of the fixture and waits until both report each other. */
export async function sharedParagraphReports(f: AppFixture): Promise<{ assignment: string; a: string; b: string }> {
  const asg = await f.call('POST', '/api/v1/assignments', { name: 'Industrial revolution essay' });
  const a = await f.call('POST', `/api/v1/assignments/${asg.body.id}/documents`, { title: 'Essay by Alice', author: 'Alice', text: ESSAY_A });
  const b = await f.call('POST', `/api/v1/assignments/${asg.body.id}/documents`, { title: 'Essay by Bob', author: 'Bob', text: ESSAY_B });
  await waitFor('both essays to report each other', async () => {
    const ra = await f.call('GET', `/api/v1/documents/${a.body.id}/report`);
    const rb = await f.call('GET', `/api/v1/documents/${b.body.id}/report`);
    return ra.status === 200 && rb.status === 200 && ra.body.similarity > 0 && rb.body.similarity > 0 ? true : undefined;
  }, 60_000, 50);
  return { assignment: asg.body.id, a: a.body.id, b: b.body.id };
}
