import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DocumentRow } from '../../store/index.js';
import { highlightPage, mergeRanges } from './highlight-html.js';
import { callbackUrlOf, withQuery } from './callbacks.js';
import { documentState } from './document-state.js';
import { perMille } from './retrieve-json.js';
import { autocheck, checksRepository, settingsView } from './user-settings.js';

test('highlight pages: overlapping ranges merge, text is escaped, own words stay unmarked', () => {
  assert.deepEqual(mergeRanges([{ start: 5, end: 9 }, { start: 0, end: 3 }, { start: 8, end: 12 }, { start: 12, end: 14 }, { start: 20, end: 20 }]), [{ start: 0, end: 3 }, { start: 5, end: 14 }]);
  const html = highlightPage('A <b> title', 'mine <x> & copied text', [{ start: 11, end: 22 }]);
  assert.match(html, /<title>A &lt;b&gt; title<\/title>/);
  assert.match(html, /mine &lt;x&gt; &amp; <mark class="match">copied text<\/mark>/);
});

test('callback URLs: only http(s), query appended with ? or &', () => {
  assert.equal(callbackUrlOf({ plagscan_callback_url: 'https://lms.example/cb.php' }), 'https://lms.example/cb.php');
  assert.equal(callbackUrlOf({ plagscan_callback_url: 'ftp://x' }), null);
  assert.equal(callbackUrlOf({}), null);
  assert.equal(withQuery('https://a/cb.php', '12'), 'https://a/cb.php?12');
  assert.equal(withQuery('https://a/cb.php?site=3', 'checkCallback=1'), 'https://a/cb.php?site=3&checkCallback=1');
});

test('document states in the numbers of the Moodle plugin', () => {
  const doc = (status: string, options = '{}') => ({ status, options }) as DocumentRow;
  assert.equal(documentState(doc('queued')), 4);
  assert.equal(documentState(doc('converting')), 4);
  assert.equal(documentState(doc('converted', '{"hold":true}')), 0);
  assert.equal(documentState(doc('converted', '{"hold":false}')), 1);
  assert.equal(documentState(doc('checking')), 1);
  assert.equal(documentState(doc('done')), 3);
  assert.equal(documentState(doc('failed')), 254);
});

test('per mille and user settings', () => {
  assert.equal(perMille(0.2345), 235);
  assert.equal(perMille(1), 1000);
  assert.equal(perMille(0), 0);
  assert.equal(settingsView(undefined).redLevel, '50');
  assert.equal(settingsView({ redLevel: 300 }).redLevel, '300');
  assert.equal(autocheck(undefined), false, 'autocheck is off unless the user turns it on');
  assert.equal(autocheck({ autoPolicy: 1 }), true);
  assert.equal(checksRepository(undefined), true);
  assert.equal(checksRepository({ checkOwnRepository: 0, checkOrgaRepository: 0 }), false);
});
