/**
 * In-process checks of what needs the services directly: demo checks are read-only (403), the
 * language table maps Codequiry ids onto the code engine, and a check created through the API is
 * a code assignment with its language and (after a dbcheck start) repository checking.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appFixture } from '../../testing/app-fixture.js';
import { buildApp } from '../../api/app.js';
import { codequiryPlugin } from './index.js';
import { languageById } from './languages.js';
import { JAVA_ORIGINAL, zipOf } from './testing/programs.js';

function multipart(fields: Record<string, string>, file?: { field: string; name: string; bytes: Uint8Array }) {
  const boundary = 'cqdemoboundary';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: application/zip\r\n\r\n`), Buffer.from(file.bytes), Buffer.from('\r\n'));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

test('demo checks are read-only; checks are code assignments in the mapped language; dbcheck turns on repository checking', async () => {
  const f = await appFixture();
  const app = await buildApp(f.services, { maxUploadBytes: 1024 * 1024, native: false, plugins: [{ prefix: '/codequiry', plugin: codequiryPlugin(f.services) }] });
  try {
    const h = { apikey: f.adminKey, 'content-type': 'application/json' };
    const created = await app.inject({ method: 'POST', url: '/codequiry/api/v1/check/create', headers: h, payload: JSON.stringify({ name: 'Demo check', language: '14' }) });
    assert.equal(created.statusCode, 201);
    const id = created.json().id as number;
    const p = (await f.services.auth.fromApiKey(f.adminKey, { surface: 'codequiry', ip: '127.0.0.1' })) as import('../../services/principal.js').Principal;
    const asg = (await f.services.assignments.byId(p.organisationId, id))!;
    assert.equal(asg.kind, 'code');
    assert.equal(f.services.assignments.settingsOf(asg).language, 'python');

    const rec = (await f.services.vendorRecords.get<Record<string, unknown>>('codequiry', 'check', p.organisationId, String(id)))!;
    await f.services.vendorRecords.put('codequiry', 'check', p.organisationId, String(id), id, { ...rec.data, demo: true });
    const up = multipart({ check_id: String(id) }, { field: 'file', name: 'a.zip', bytes: zipOf({ 'a.py': 'print(1)\n' }) });
    const r1 = await app.inject({ method: 'POST', url: '/codequiry/api/v1/check/upload', headers: { apikey: f.adminKey, ...up.headers }, payload: up.payload });
    assert.equal(r1.statusCode, 403);
    assert.deepEqual(r1.json(), { error: 'Demo assignments are read-only.' });
    const batch = multipart({ check_id: String(id) }, { field: 'files[]', name: 'a.zip', bytes: zipOf({ 'a.py': 'print(1)\n' }) });
    const r2 = await app.inject({ method: 'POST', url: '/codequiry/api/v1/check/upload-batch', headers: { apikey: f.adminKey, ...batch.headers }, payload: batch.payload });
    assert.equal(r2.statusCode, 403);
    const r3 = await app.inject({ method: 'POST', url: '/codequiry/api/v1/check/start', headers: h, payload: JSON.stringify({ check_id: id }) });
    assert.equal(r3.statusCode, 403);
    // Reading a demo check is allowed.
    assert.equal((await app.inject({ method: 'POST', url: '/codequiry/api/v1/check/get', headers: h, payload: JSON.stringify({ check_id: id }) })).statusCode, 200);

    // A normal check: upload is held (no analysis job runs before start), dbcheck sets check_repository.
    const c2 = (await app.inject({ method: 'POST', url: '/codequiry/api/v1/check/create', headers: h, payload: JSON.stringify({ name: 'Java lab', language: 13 }) })).json();
    const u2 = multipart({ check_id: String(c2.id) }, { field: 'file', name: 'alice.zip', bytes: zipOf({ 'A.java': JAVA_ORIGINAL }) });
    const up2 = await app.inject({ method: 'POST', url: '/codequiry/api/v1/check/upload', headers: { apikey: f.adminKey, ...u2.headers }, payload: u2.payload });
    assert.equal(up2.statusCode, 200);
    const doc = (await f.services.documents.byId(p.organisationId, up2.json().id))!;
    assert.equal(f.services.documents.options(doc).hold, true);
    const st = await app.inject({ method: 'POST', url: '/codequiry/api/v1/check/start', headers: h, payload: JSON.stringify({ check_id: c2.id, webcheck: false, dbcheck: 1 }) });
    assert.equal(st.statusCode, 200);
    assert.equal(st.json().dbcheck, 1);
    const asg2 = (await f.services.assignments.byId(p.organisationId, c2.id))!;
    assert.equal(f.services.assignments.settingsOf(asg2).check_repository, true);
    const after = (await f.services.documents.byId(p.organisationId, doc.id))!;
    assert.equal(f.services.documents.options(after).hold, false);
  } finally {
    await app.close();
    await f.close();
  }
});

test('language ids: Java 13 and Python 14 map to the engine; unknown ids are refused', () => {
  assert.equal(languageById(13)?.origo, 'java');
  assert.equal(languageById(14)?.origo, 'python');
  assert.equal(languageById(41)?.origo, null);
  assert.equal(languageById(15), undefined);
});
