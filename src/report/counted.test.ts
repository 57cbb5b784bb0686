/**
 * Exclusions made visible in the report model (pure, no store):
 *
 *   submission:  intro. “QUOTED copy of the source.” middle. UNQUOTED copy. “half quoted” rest
 *   source A:    matched by the quoted copy only      → 0 %, 0 counted matches, 1 excluded (quotation)
 *   source B:    matched by the unquoted copy         → counted
 *   source C:    a match half inside a quotation      → counted (8+ words outside it), with the quoted part listed
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildReportModel, type ReportInput } from './model.js';
import { matchCount, excludedSpans } from './counted.js';
import { reportFilters } from './filters.js';

const QUOTED = 'The lighthouse keeper wrote in his log every night for forty years';
const UNQUOTED = 'Storms broke the lamp twice and each time the village paid for a new one';
const HALF_IN = 'ships passed the rocks safely';
const HALF_OUT = 'because the keeper never slept through a single stormy night'; // 10 words: at least min_match_words (8) outside the quote
const SUB = `My essay begins here. “${QUOTED}.” Then my own words follow. ${UNQUOTED}. Someone said “${HALF_IN}” ${HALF_OUT}. The end.`;
const at = (s: string) => SUB.indexOf(s);
const q = at(`“${QUOTED}`);
const quoteEnd = SUB.indexOf('”', q) + 1;
const h = at(`“${HALF_IN}`);
const hEnd = SUB.indexOf('”', h) + 1;

const passage = (offset: number, length: number) => ({ offset, length, sourceOffset: 0, sourceLength: length, kind: 'verbatim' as const, similarity: 1 });

function input(): ReportInput {
  return {
    document: { id: 'doc-sub', title: 'Essay', author: 'Ann', filename: 'essay.txt', status: 'done', language: 'en', counts: null, created_at: '2026-03-02T10:00:00.000Z' },
    analysis: {
      engine: 'text',
      similarity: 0.3,
      sources: [
        { document_id: 3, public_id: 'src-b', title: 'Essay B', scope: 'peer', similarity: 0.2, passages: [passage(at(UNQUOTED), UNQUOTED.length)] },
        { document_id: 4, public_id: 'src-c', title: 'Essay C', scope: 'repository', similarity: 0.1, passages: [passage(at(HALF_IN), HALF_OUT.length + (at(HALF_OUT) - at(HALF_IN)))] },
        { document_id: 2, public_id: 'src-a', title: 'Essay A', scope: 'peer', similarity: 0, passages: [passage(at(QUOTED), QUOTED.length)] },
      ],
      exclusions: [
        { offset: q, length: quoteEnd - q, reason: 'quote' },
        { offset: h, length: hEnd - h, reason: 'quote' },
        { offset: 0, length: 20, reason: 'short-match' },
      ],
      settings: { exclude_quotes: true, exclude_references: false, min_match_words: 8, excluded_phrases: ['as we all know'], template_text: '', exclude_small_sources_percent: 0 },
      scopes: { peers: true, repository: true },
      reason: 'initial',
    },
    version: 1,
    created_at: '2026-03-02T10:00:05.000Z',
    versions: [{ version: 1, similarity: 0.3, created_at: '2026-03-02T10:00:05.000Z' }],
    submission: { text: SUB, extraction: null },
    sources: new Map(['src-a', 'src-b', 'src-c'].map((id) => [id, { text: `${QUOTED} ${UNQUOTED} ${HALF_IN} ${HALF_OUT}`, extraction: null }])),
    source_documents: new Map([
      ['src-a', { author: 'Bea', created_at: '2026-03-01T09:00:00.000Z' }],
      ['src-b', { author: null, created_at: '2026-03-03T09:00:00.000Z' }],
    ]),
  };
}

test('a match wholly inside a quotation is excluded with the reason; its source at 0 % counts no match', () => {
  const m = buildReportModel(input());
  const quoted = m.matches.find((x) => x.source_id === 'src-a')!;
  assert.equal(quoted.excluded, true);
  assert.equal(quoted.excluded_reason, 'quote');
  assert.deepEqual(quoted.excluded_parts, [{ offset: at(QUOTED), length: QUOTED.length, reason: 'quote' }]);
  const a = m.sources.find((s) => s.id === 'src-a')!;
  assert.deepEqual({ similarity: a.similarity, matches: a.matches, excluded_matches: a.excluded_matches, excluded: a.excluded }, { similarity: 0, matches: 0, excluded_matches: 1, excluded: false });
});

test('a match outside exclusions counts; one half in a quotation counts and lists the quoted part', () => {
  const m = buildReportModel(input());
  const plain = m.matches.find((x) => x.source_id === 'src-b')!;
  assert.deepEqual({ excluded: plain.excluded, reason: plain.excluded_reason, parts: plain.excluded_parts }, { excluded: false, reason: null, parts: [] });
  const half = m.matches.find((x) => x.source_id === 'src-c')!;
  assert.equal(half.excluded, false);
  assert.equal(half.excluded_reason, null);
  assert.deepEqual(half.excluded_parts, [{ offset: at(HALF_IN), length: hEnd - at(HALF_IN), reason: 'quote' }]);
  assert.deepEqual(m.sources.map((s) => [s.id, s.matches, s.excluded_matches]), [['src-b', 1, 0], ['src-c', 1, 0], ['src-a', 0, 1]]);
});

test('excluded text lists every span with its reason in words, short matches included', () => {
  const m = buildReportModel(input());
  assert.deepEqual(m.excluded_text.map((s) => [s.reason, s.label, s.excluded]), [['short-match', 'short match (under 8 words)', true], ['quote', 'quotation', true], ['quote', 'quotation', true]]);
  assert.equal(SUB.slice(m.excluded_text[1].offset, m.excluded_text[1].offset + m.excluded_text[1].length), `“${QUOTED}.”`);
});

test('sources carry author, submission time, scope and which of the two came first', () => {
  const m = buildReportModel(input());
  const byId = Object.fromEntries(m.sources.map((s) => [s.id, s]));
  assert.deepEqual([byId['src-a'].author, byId['src-a'].submitted_at, byId['src-a'].scope, byId['src-a'].came_first], ['Bea', '2026-03-01T09:00:00.000Z', 'peer', 'source']);
  assert.deepEqual([byId['src-b'].author, byId['src-b'].came_first], [null, 'submission']);
  // No stored document (deleted since): nothing invented.
  assert.deepEqual([byId['src-c'].author, byId['src-c'].submitted_at, byId['src-c'].came_first], [null, null, null]);
});

test('every report lists the filters in force, in words', () => {
  const m = buildReportModel(input());
  const f = Object.fromEntries(m.filters.map((x) => [x.name, x]));
  assert.equal(f.exclude_quotes.description, 'Quotations are not counted.');
  assert.equal(f.exclude_quotes.active, true);
  assert.equal(f.exclude_references.description, 'The reference list counts like other text.');
  assert.equal(f.min_match_words.description, 'Matches shorter than 8 words are not counted.');
  assert.match(f.excluded_phrases.description, /1 phrase never counted: “as we all know”/);
  assert.equal(f.scopes.description, "Compared with the other submissions of the assignment and the organisation's repository.");
  assert.equal(f.instructor, undefined);
  const code = reportFilters('code', { template_text: 'int main() {}', language: 'c' }, { peers: true, repository: false }, { sources: 1, matches: 2 });
  assert.deepEqual(code.map((x) => x.name), ['scopes', 'template', 'language', 'exclude_small_sources_percent', 'instructor']);
  assert.equal(code.at(-1)!.description, 'Excluded by the instructor: 1 source, 2 matches.');
});

test('matchCount: a word straddling the edge of an exclusion keeps the match counted; short-match spans never uncount a match', () => {
  const text = 'aaa "bbb ccc" ddd';
  const spans = excludedSpans([{ offset: 4, length: 9, reason: 'quote' }, { offset: 0, length: 17, reason: 'short-match' }]);
  assert.equal(matchCount(text, 4, 9, spans).excluded, true);
  assert.equal(matchCount(text, 2, 11, spans).excluded, false, '"a" before the quote still counts');
  assert.equal(matchCount(text, 4, 10, spans).excluded, true, 'a space after the quote is not a word');
  assert.equal(matchCount(text, 0, 3, spans).excluded, false);
});

test('matchCount: fewer words outside the exclusions than the minimum match length do not count', () => {
  const text = 'my own "one two three four five six seven eight nine" and then';
  const spans = excludedSpans([{ offset: 7, length: 46, reason: 'quote' }]);
  const m = matchCount(text, 7, 51, spans, 8);
  assert.equal(m.excluded, true);
  assert.equal(m.reason, 'quote');
  assert.equal(matchCount(text, 7, 51, spans).excluded, false, 'without a minimum, "and" counts');
  assert.equal(matchCount(text, 0, text.length, spans, 4).excluded, false, '"my own" + "and then" = 4 words count');
  assert.equal(matchCount(text, 0, text.length, spans, 5).excluded, true);
});
