import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appFixture } from '../../testing/app-fixture.js';
import { insperaPlanner, WEBHOOK_URL_SETTING } from './webhook-planner.js';
import { KIND } from './records.js';

test('the planner sends Inspera webhooks only for documents made through the Inspera API, to the institution URL', async () => {
  const f = await appFixture({ outboundAllow: '127.0.0.1' });
  try {
    const s = f.services;
    const org = (await s.ctx.store.organisations.first())!;
    const doc = await s.documents.submit(org.id, { title: 'Essay', bytes: new TextEncoder().encode('some text') });
    const store = s.ctx.store;
    // No Inspera record: nothing, even with a webhook URL set.
    await s.organisations.setSettings(org.id, { [WEBHOOK_URL_SETTING]: 'http://127.0.0.1:9/hooks' });
    assert.deepEqual(await insperaPlanner({ store, event: 'document.received', document: doc, version: null }), []);
    await s.vendorRecords.put('inspera', KIND.document, org.id, 'doc-uuid-1', doc.id, {});
    const [d] = await insperaPlanner({ store, event: 'document.received', document: doc, version: null });
    assert.equal(d.method, 'POST');
    assert.equal(d.url, 'http://127.0.0.1:9/hooks');
    const body = JSON.parse(d.body);
    assert.equal(body.status, 0);
    assert.equal(body.message, 'Document is still in the queue');
    assert.equal(body.documentId, 'doc-uuid-1');
    assert.equal(body.institutionId, org.public_id);
    const [failed] = await insperaPlanner({ store, event: 'document.failed', document: doc, version: null });
    assert.equal(JSON.parse(failed.body).status, 2);
    assert.notEqual(failed.dedupeKey, d.dedupeKey);
    // Without a webhook URL: nothing.
    await s.organisations.setSettings(org.id, { [WEBHOOK_URL_SETTING]: null });
    assert.deepEqual(await insperaPlanner({ store, event: 'document.processing', document: doc, version: null }), []);
  } finally {
    await f.close();
  }
});
