import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appFixture } from '../../testing/app-fixture.js';
import type { DocumentRow } from '../../store/index.js';
import { CALLBACK_SETTING, drillbitCallbackPlanner } from './callback-planner.js';
import { PAPER, type PaperState } from './vendor-state.js';
import { reportKeyOf } from './paper-mapping.js';

const state = (base: string): PaperState => ({
  d_key: '', folder_id: null, author: 'A', mail_id: '', doc_type: 'Article', language: 'English', guide_name: '', guide_email: '',
  plagiarism_check: true, grammar_check: false, via: 'classroom', base_url: base,
});

test('the PUT callback goes only to the registered URL, only for papers that came through DrillBit', async () => {
  // The receiver is on 127.0.0.1, which the outbound policy admits only when the operator lists it.
  const f = await appFixture({ outboundAllow: '127.0.0.1' });
  try {
    const org = (await f.services.ctx.store.organisations.first())!;
    const doc = await f.services.documents.submit(org.id, { title: 'Essay', bytes: new TextEncoder().encode('some words of an essay') });
    const done = { ...doc, status: 'done', similarity: 0.234 };
    const plan = (event: 'document.done' | 'document.failed' | 'document.received', d: DocumentRow = done) => drillbitCallbackPlanner({ store: f.services.ctx.store, event, document: d, version: 1 });

    // Not a DrillBit paper: nothing, even with a callback URL registered.
    await f.services.organisations.setSettings(org.id, { [CALLBACK_SETTING]: 'http://127.0.0.1:9/cb' });
    assert.deepEqual(await plan('document.done'), []);

    await f.services.vendorRecords.put('drillbit', PAPER, org.id, String(doc.id), doc.id, state('http://h:1/drillbit'));
    const [d] = await plan('document.done');
    assert.equal(d.method, 'PUT');
    assert.equal(d.url, 'http://127.0.0.1:9/cb');
    assert.equal(d.headers?.['content-type'], 'application/json');
    assert.deepEqual(JSON.parse(d.body), { paper_id: doc.id, similarity: '23%', download_url: `http://h:1/drillbit/analysis-gateway/api/download2/${doc.id}/${reportKeyOf(doc)}`, flag: 0 });

    const [failed] = await plan('document.failed', { ...doc, status: 'failed', similarity: null });
    assert.equal(JSON.parse(failed.body).flag, 1);
    assert.equal(JSON.parse(failed.body).similarity, '--');
    assert.deepEqual(await plan('document.received'), [], 'only completion and failure are announced');
    assert.notEqual(d.dedupeKey, failed.dedupeKey);

    // No registered URL (or not an http URL): nothing.
    // (a value stored before the outbound policy existed: setting it now is refused)
    await assert.rejects(f.services.organisations.setSettings(org.id, { [CALLBACK_SETTING]: 'ftp://example.org/x' }));
    await f.services.ctx.store.organisations.update(org.id, { settings: JSON.stringify({ [CALLBACK_SETTING]: 'ftp://example.org/x' }) });
    assert.deepEqual(await plan('document.done'), []);
  } finally {
    await f.close();
  }
});
