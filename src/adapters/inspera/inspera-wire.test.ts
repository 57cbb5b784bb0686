import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkStatusBody, integrityCounts, riskOf, statusCode } from './status-view.js';
import { decodeFile, docTypeOf, submissionChoices, titleAllowed } from './submission-options.js';
import { requestedTtlSeconds } from './token-routes.js';
import { namesValid, pageOf, roleFromWire } from './user-view.js';
import type { DocumentRow } from '../../store/index.js';
import type { StoredAnalysis } from '../../services/analysis-model.js';

const doc = (status: string, reason: string | null = null) => ({ status, reason }) as unknown as DocumentRow;

test('risk bands: High from 40 % similarity, Medium from 15 %, else Low; an AI score counts when there is one', () => {
  assert.equal(riskOf(0, null), 'Low risk');
  assert.equal(riskOf(14.99, null), 'Low risk');
  assert.equal(riskOf(15, null), 'Medium risk');
  assert.equal(riskOf(39.9, null), 'Medium risk');
  assert.equal(riskOf(40, null), 'High risk');
  assert.equal(riskOf(0, 50), 'Medium risk');
  assert.equal(riskOf(0, 80), 'High risk');
  assert.equal(riskOf(20, 85), 'High risk');
});

test('status codes: queued or not uploaded 0, converting/checking -1, done 1, failed 2', () => {
  assert.equal(statusCode(null), 0);
  assert.equal(statusCode(doc('queued')), 0);
  assert.equal(statusCode(doc('converting')), -1);
  assert.equal(statusCode(doc('checking')), -1);
  assert.equal(statusCode(doc('done')), 1);
  assert.equal(statusCode(doc('failed')), 2);
});

test('checkStatus body: scores only once processed, both generations\' names, translation and AI not available', () => {
  const analysis = { similarity: 0.2534 } as StoredAnalysis;
  const body = checkStatusBody(doc('done'), analysis, { characterReplacement: 2, hiddenText: 0, imageAsText: 1 });
  assert.equal(body.status, 1);
  assert.equal(body.similarity, 25.34);
  assert.equal(body.originality_percentage, 25.34);
  assert.equal(body.originality, 'Medium risk');
  assert.equal(body.AI_index, null);
  assert.equal(body.ai_index, null);
  assert.equal(body.translationSimilarity, null);
  assert.equal(body.characterReplacement, 2);
  assert.equal(body.imageAsText, 1);
  // AI_index carries the verdict (0 / 50 / 100), never the raw score as if it were a probability.
  const ai = (verdict: string, score: number) => ({ similarity: 0.02, ai: { status: 'ok', detector: 'builtin', score, threshold: 0.86, inconclusive_threshold: 0.57, verdict, flagged: verdict === 'flagged', ai_share: 0.9, words: 300, segments: [] } }) as unknown as StoredAnalysis;
  const withAi = checkStatusBody(doc('done'), ai('flagged', 0.8812), null);
  assert.equal(withAi.AI_index, 100);
  assert.equal(withAi.ai_index, 100);
  assert.equal(withAi.originality, 'High risk', 'a flagged text alone makes the risk high');
  const unsure = checkStatusBody(doc('done'), ai('inconclusive', 0.8412), null);
  assert.equal(unsure.AI_index, 50);
  assert.equal(unsure.originality, 'Medium risk');
  const human = checkStatusBody(doc('done'), ai('not_flagged', 0.41), null);
  assert.equal(human.AI_index, 0);
  assert.equal(human.originality, 'Low risk');
  // Stored before the three verdicts: flagged or not.
  const old = { similarity: 0.02, ai: { status: 'ok', detector: 'builtin', score: 0.8512, threshold: 0.79, flagged: true, ai_share: 0.9, words: 300, segments: [] } } as unknown as StoredAnalysis;
  assert.equal(checkStatusBody(doc('done'), old, null).AI_index, 100);
  assert.equal(checkStatusBody(doc('done'), { similarity: 0, ai: { status: 'too_short', words: 20, min_words: 150 } } as unknown as StoredAnalysis, null).AI_index, null);
  const pending = checkStatusBody(doc('checking'), null, null);
  assert.deepEqual(pending, { message: 'Document is processing', status: -1 });
  assert.match(String(checkStatusBody(doc('failed', 'no_text: empty'), null, null).message), /no_text/);
});

test('integrity counts come from the extraction signals', () => {
  assert.equal(integrityCounts(null), null);
  assert.deepEqual(integrityCounts({ signals: { hiddenText: { count: 3, samples: [] }, replacedCharacters: { count: 1, samples: [] }, invisibleCharacters: 0, imageOnlyPages: [2, 5] } }), {
    characterReplacement: 1,
    hiddenText: 3,
    imageAsText: 2,
  });
});

test('file field: "base64,…", "base64, …", data URLs, HTML content; broken base64 is refused', () => {
  assert.equal(decodeFile(`base64,${Buffer.from('hello').toString('base64')}`)!.bytes.toString(), 'hello');
  assert.equal(decodeFile(`base64, ${Buffer.from('hello').toString('base64')}`)!.bytes.toString(), 'hello');
  assert.equal(decodeFile(`data:application/pdf;base64,${Buffer.from('%PDF').toString('base64')}`)!.bytes.toString(), '%PDF');
  const html = decodeFile('<p>Some essay</p>')!;
  assert.equal(html.html, true);
  assert.equal(html.bytes.toString(), '<p>Some essay</p>');
  assert.equal(decodeFile('base64,@@@'), null);
  assert.equal(decodeFile('base64,'), null);
});

test('docType: short names and MIME types of the documentation', () => {
  assert.deepEqual(docTypeOf('docx'), docTypeOf('application/vnd.openxmlformats-officedocument.wordprocessingml.document'));
  assert.equal(docTypeOf('doc/docx')!.extension, 'docx');
  assert.equal(docTypeOf('application/ms-doc')!.extension, 'doc');
  assert.equal(docTypeOf('PDF')!.mime, 'application/pdf');
  assert.equal(docTypeOf('application/x-unknown'), null);
});

test('titles of 5 to 190 characters; names of letters only, at least three', () => {
  assert.equal(titleAllowed('Tern'), false);
  assert.equal(titleAllowed('Terns'), true);
  assert.equal(titleAllowed('x'.repeat(190)), true);
  assert.equal(titleAllowed('x'.repeat(191)), false);
  assert.equal(namesValid('Zoë', 'Łukasiewicz'), true);
  assert.equal(namesValid('Al', 'Curie'), false);
  assert.equal(namesValid('Marie', 'Curie2'), false);
  assert.equal(namesValid('Mary Ann', 'Curie'), false);
  assert.equal(roleFromWire('Educator'), 'instructor');
  assert.equal(roleFromWire('student'), 'student');
  assert.equal(roleFromWire('Dean'), null);
});

test('submission options: exclusions, thresholds, archive, AI, minimum words, resubmissions', () => {
  const moodle = submissionChoices({ excludeCitations: true, sourcesThreshold: 5, archive: true, enableAIDetection: true, sources: { excludeSources: ['https://a.example'], includeSources: ['https://b.example'] }, translationLanguages: ['de'] }, true);
  assert.deepEqual(moodle.options.settings, { ai_detection: true, exclude_quotes: true, exclude_references: true, exclude_small_sources_percent: 5, excluded_sources: ['https://a.example'] });
  assert.equal(moodle.options.to_repository, true);
  assert.equal(moodle.options.check_repository, true);
  assert.equal(moodle.options.check_peers, true);
  assert.deepEqual(moodle.excludeSources, ['https://a.example']);
  assert.deepEqual(moodle.translatedLanguages, ['de']);
  const older = submissionChoices({ enableReferenceDetection: 'false', minLimit: '300', reSubmissions: '2', archive: 'false' }, false);
  assert.deepEqual(older.options.settings, { ai_detection: false, exclude_references: false });
  assert.equal(older.options.min_words, 300);
  assert.equal(older.options.to_repository, false);
  assert.equal(older.options.check_peers, false);
  assert.equal(older.maxSubmissions, 3);
  assert.equal(submissionChoices({}, false).maxSubmissions, 2, 'one resubmission by default');
  assert.equal(submissionChoices({}, false).options.settings!.exclude_references, true, 'reference detection is on by default');
});

test('token lifetime: 24 hours by default; expirationTime as a lifetime or an epoch time in milliseconds, capped', () => {
  const now = 1_700_000_000_000;
  assert.equal(requestedTtlSeconds(undefined, now), 86_400);
  assert.equal(requestedTtlSeconds(600_000, now), 600);
  assert.equal(requestedTtlSeconds(now + 3_600_000, now), 3600);
  assert.equal(requestedTtlSeconds(now + 10 * 86_400_000, now), 86_400);
  assert.equal(requestedTtlSeconds(5, now), 60);
});

test('pagination: 1-based pages, default limit 10', () => {
  assert.deepEqual(pageOf('2', '5'), { page: 2, limit: 5, offset: 5 });
  assert.deepEqual(pageOf(undefined, undefined), { page: 1, limit: 10, offset: 0 });
});
