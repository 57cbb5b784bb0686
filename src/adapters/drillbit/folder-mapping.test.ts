import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS } from '../../services/settings.js';
import { DEFAULT_THRESHOLD, readExclusions, readFolderInput, settingsPatch, stateFromSettings } from './folder-mapping.js';
import { percentText, timeStamp, wireDate } from './wire-format.js';
import { pageParams, sortAndPage } from './wire-paging.js';

// The python library's create_folder body, word for word.
const PY_CREATE = {
  folder_name: 'Pro folder', exclude_reference: 'NO', exclude_quotes: 'NO', exclude_small_sources: 'NO', grammar_check: 'NO', exclude_phrases: 'NO',
  db_studentpaper: 'YES', db_publications: 'YES', db_internet: 'YES', institution_repository: 'YES', email_notifications: 'NO', exclude_threshold: 14,
};

test('a folder body becomes Origo settings: quotes, references, threshold, phrases, scopes', () => {
  const body = { ...PY_CREATE, exclude_quotes: 'YES', exclude_reference: 'yes', exclude_small_sources: 'YES', exclude_threshold: '20', exclude_phrases: 'YES', phrases: { p1: 'in conclusion', p2: '', p3: 'for example' }, db_studentpaper: 'NO' };
  const input = readFolderInput(body, null);
  assert.equal(input.name, 'Pro folder');
  assert.deepEqual(input.state.phrases, { p1: 'in conclusion', p3: 'for example' });
  const patch = settingsPatch(input.state, readExclusions(body, { exclude_quotes: false, exclude_references: false }));
  assert.deepEqual(patch, {
    exclude_quotes: true,
    exclude_references: true,
    min_match_words: 20,
    excluded_phrases: ['in conclusion', 'for example'],
    check_peers: false,
    check_repository: true,
  });
});

test('phrases only count while "exclude phrases" is YES; small sources off keeps the default match length', () => {
  const input = readFolderInput({ ...PY_CREATE, phrases: { p1: 'x' } }, null);
  const patch = settingsPatch(input.state, readExclusions(PY_CREATE, { exclude_quotes: false, exclude_references: false }));
  assert.deepEqual(patch.excluded_phrases, []);
  assert.equal(patch.min_match_words, DEFAULT_SETTINGS.min_match_words);
  assert.equal(input.state.exclude_threshold, 14);
});

test('an update keeps what it does not name; assignment_name renames', () => {
  const first = readFolderInput({ ...PY_CREATE, exclude_small_sources: 'YES', exclude_threshold: 9 }, null).state;
  const next = readFolderInput({ assignment_name: 'API Docs', grammar_check: 'YES' }, first);
  assert.equal(next.name, 'API Docs');
  assert.equal(next.state.exclude_small_sources, true);
  assert.equal(next.state.exclude_threshold, 9);
  assert.equal(next.state.grammar_check, true);
  assert.deepEqual(readExclusions({}, { exclude_quotes: true, exclude_references: false }), { exclude_quotes: true, exclude_references: false });
});

test('phrases beyond p15 are ignored; top-level p1 is read too', () => {
  const many = Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`p${i + 1}`, `phrase ${i + 1}`]));
  assert.equal(Object.keys(readFolderInput({ folder_name: 'x', phrases: many }, null).state.phrases ?? {}).length, 15);
  assert.deepEqual(readFolderInput({ folder_name: 'x', p1: 'top' }, null).state.phrases, { p1: 'top' });
});

test('assignments made elsewhere read back as folders from their settings', () => {
  const s = stateFromSettings({ ...DEFAULT_SETTINGS, min_match_words: 12, excluded_phrases: ['a', 'b'], check_repository: true });
  assert.equal(s.exclude_small_sources, true);
  assert.equal(s.exclude_threshold, 12);
  assert.deepEqual(s.phrases, { p1: 'a', p2: 'b' });
  assert.equal(s.institution_repository, true);
  assert.equal(stateFromSettings(DEFAULT_SETTINGS).exclude_small_sources, false);
  assert.equal(DEFAULT_THRESHOLD, 14);
});

test('formats: timeStamp DD-MM-YYYY HH:mm:ss, dates YYYY-MM-DD HH:mm:ss, whole percents', () => {
  assert.equal(timeStamp(new Date(Date.UTC(2026, 3, 8, 9, 4, 7))), '08-04-2026 09:04:07');
  assert.equal(wireDate('2023-06-08T13:00:39.123Z'), '2023-06-08 13:00:39');
  assert.equal(wireDate(null), null);
  assert.equal(percentText(0.2349), '23');
  assert.equal(percentText(0), '0');
});

test('paging: 0-based pages, sort field and order, page metadata', () => {
  const items = [1, 2, 3, 4, 5].map((n) => ({ id: n, name: `n${6 - n}` }));
  const p = pageParams({ page: '1', size: '2', field: 'id', orderBy: 'desc' }, 'id');
  const r = sortAndPage(items, p, { id: (x) => x.id, name: (x) => x.name }, 'id');
  assert.deepEqual(r.content.map((x) => x.id), [3, 2]);
  assert.deepEqual(r.page, { size: 2, totalElements: 5, totalPages: 3, number: 1 });
  const asc = sortAndPage(items, pageParams({ field: 'name', orderBy: 'asc' }, 'id'), { id: (x) => x.id, name: (x) => x.name }, 'id');
  assert.deepEqual(asc.content.map((x) => x.name), ['n1', 'n2', 'n3', 'n4', 'n5']);
  assert.equal(pageParams({}, 'ass_id').size, 24);
});
