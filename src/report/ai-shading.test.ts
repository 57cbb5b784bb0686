import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildReportModel, type ReportInput } from './model.js';
import { renderViewerHtml } from './html-viewer.js';

const HUMAN = 'We walked to the river after school and argued about the football match all the way home.';
const MACHINE = 'In conclusion, it is crucial to underscore the pivotal role that sustainable practices play in fostering resilience.';
const TEXT = `${HUMAN} ${MACHINE}`;

function input(ai: boolean): ReportInput {
  return {
    document: { id: 'doc-ai', title: 'Essay', author: null, filename: null, status: 'done', language: 'en', counts: null, created_at: '2026-01-01T00:00:00.000Z' },
    analysis: {
      engine: 'text',
      similarity: 0,
      sources: [],
      settings: { ai_detection: true },
      reason: 'initial',
      ai: {
        status: 'ok', score: ai ? 0.9 : 0.2, threshold: 0.86, inconclusive_threshold: 0.57, verdict: ai ? 'flagged' : 'not_flagged', flagged: ai, ai_share: ai ? 0.5 : 0, detector: 'test', words: 300,
        segments: [
          { offset: 0, length: HUMAN.length, words: 150, probability: 0.1, ai: false },
          { offset: HUMAN.length + 1, length: MACHINE.length, words: 150, probability: 0.93, ai },
        ],
      },
    },
    version: 1,
    created_at: '2026-01-01T00:00:00.000Z',
    versions: [],
    submission: { text: TEXT, extraction: null },
    sources: new Map(),
  } as unknown as ReportInput;
}

test('the viewer shades the passages that drove a flagged verdict, and only those, in the words of the report model', () => {
  const model = buildReportModel(input(true));
  const html = renderViewerHtml({ model, submission: { text: TEXT }, sources: new Map() }, { mode: 'view' });
  const shaded = [...html.matchAll(/<span class="ai-shade" title="([^"]*)">([^<]*)<\/span>/g)];
  assert.equal(shaded.length, 1);
  assert.equal(shaded[0][2], MACHINE);
  assert.match(shaded[0][1], /passage that drove the verdict \(its own score 93 of 100\)/);
  assert.match(html, /AI-text check: Flagged \(score 90 of 100; inconclusive from 57, flagged from 86\)/);
  assert.match(html, /1 highlighted passage \(50% of the words\)/);
  assert.match(html, /not proof/);
  assert.doesNotMatch(html, /likely machine-written|AI-generated text score/);
  const plain = renderViewerHtml({ model: buildReportModel(input(false)), submission: { text: TEXT }, sources: new Map() }, { mode: 'view' });
  assert.doesNotMatch(plain, /<span class="ai-shade" title/);
  assert.match(plain, /AI-text check: Not flagged \(score 20 of 100/);
});
