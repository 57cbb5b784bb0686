/**
 * A code assignment's language must be one the tokenizer knows: unknown names are refused when
 * settings are written, and a check that cannot run (settings stored before this rule, or a check
 * that keeps crashing) fails its documents with a reason instead of leaving them `checking`.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { appFixture, type AppFixture } from '../testing/app-fixture.js';
import { waitFor } from '../testing/server-process.js';
import { nowIso } from '../store/index.js';

let f: AppFixture;
before(async () => {
  f = await appFixture({ worker: true });
});
after(async () => f.close());

const JAVA = 'public class A {\n  public static void main(String[] args) {\n    int total = 0;\n    for (int i = 0; i < 10; i++) total += i;\n    System.out.println(total);\n  }\n}\n';

test('an unknown code language is refused on create and on update, naming the languages the tokenizer knows', async () => {
  const created = await f.call('POST', '/api/v1/assignments', { name: 'Pascal lab', kind: 'code', settings: { language: 'pascal' } });
  assert.equal(created.status, 422);
  assert.equal(created.body.error.code, 'validation_failed');
  assert.match(created.body.error.details.fields.language, /"pascal" is not a language the code tokenizer knows; use one of .*java.*python/);
  const ok = await f.call('POST', '/api/v1/assignments', { name: 'Java lab', kind: 'code', settings: { language: 'Java' } });
  assert.equal(ok.status, 201);
  const patched = await f.call('PATCH', `/api/v1/assignments/${ok.body.id}`, { settings: { language: 'pascal' } });
  assert.equal(patched.status, 422);
  assert.match(patched.body.error.details.fields.language, /pascal/);
  // Aliases and null (detect by extension) are fine.
  assert.equal((await f.call('PATCH', `/api/v1/assignments/${ok.body.id}`, { settings: { language: 'c++' } })).status, 200);
  assert.equal((await f.call('PATCH', `/api/v1/assignments/${ok.body.id}`, { settings: { language: null } })).status, 200);
});

test('a stored language the tokenizer does not know fails the submissions at once, with the reason', { timeout: 30_000 }, async () => {
  const asg = await f.call('POST', '/api/v1/assignments', { name: 'Old lab', kind: 'code' });
  // Settings written before the rule existed.
  const row = (await f.services.ctx.store.assignments.byPublicId(1, asg.body.id))!;
  await f.services.ctx.store.assignments.update(row.id, { settings: JSON.stringify({ ...JSON.parse(row.settings), language: 'pascal' }), updated_at: nowIso() });
  const doc = await f.call('POST', `/api/v1/assignments/${asg.body.id}/documents`, { title: 'A.java', text: JAVA });
  assert.equal(doc.status, 201);
  const done = await waitFor('the submission to fail', async () => {
    const d = await f.call('GET', `/api/v1/documents/${doc.body.id}`);
    return d.body.status === 'failed' || d.body.status === 'done' ? d.body : undefined;
  }, 20_000, 100);
  assert.equal(done.status, 'failed');
  assert.match(done.reason, /code language setting is invalid: "pascal"/);
});

test('a code check that fails for good fails the documents it was checking, with the error', { timeout: 30_000 }, async () => {
  const asg = await f.call('POST', '/api/v1/assignments', { name: 'Crashing lab', kind: 'code', settings: { language: 'java' } });
  const a = (await f.services.ctx.store.assignments.byPublicId(1, asg.body.id))!;
  const store = f.services.ctx.store;
  // A submission whose stored extraction cannot be read makes the group check throw.
  // No extract job: the row and its (unreadable) text are written directly.
  const doc = await store.documents.create({
    public_id: '00000000-0000-4000-8000-00000000c0de', organisation_id: 1, assignment_id: a.id, owner_user_id: null, title: 'Broken.java', author: null,
    filename: 'Broken.java', mime: 'text/x-java', size: JAVA.length, md5: 'x', blob_key: null, status: 'checking', reason: null, language: null,
    char_count: null, word_count: null, page_count: null, similarity: null, options: '{}', created_at: nowIso(), updated_at: nowIso(),
  });
  await store.documents.putText(doc.id, JAVA, '{not json');
  await store.jobs.enqueue('code-check', { assignmentId: a.id, reason: 'test' }, { maxAttempts: 1 });
  const failed = await waitFor('the document to fail', async () => {
    const d = await store.documents.byId(doc.id);
    return d?.status === 'failed' ? d : undefined;
  }, 20_000, 100);
  assert.match(failed.reason ?? '', /internal error during code-check: .*JSON/);
});
