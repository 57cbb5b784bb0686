/**
 * The storage contract: the same checks against every implementation of the port.
 *
 *   store ──► SQLite (in memory)          always
 *        └──► PostgreSQL (fresh database)  skipped, not passed, where none answers;
 *                                          CI sets ORIGO_REQUIRE_POSTGRES=1 and must run it
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { storesUnderTest } from '../testing/stores.js';
import { nowIso, type Store } from './index.js';
import { MAX_POSTINGS } from './sql/fingerprints.js';

const stores = await storesUnderTest();

for (const impl of stores) {
  describe(`store contract: ${impl.name}`, { skip: impl.skip ?? false }, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    let orgId: number;
    let otherOrgId: number;
    before(async () => {
      ({ store, cleanup } = await impl.open());
      const now = nowIso();
      orgId = (await store.organisations.create({ public_id: 'org_a', name: 'A', settings: '{}', created_at: now, updated_at: now })).id;
      otherOrgId = (await store.organisations.create({ public_id: 'org_b', name: 'B', settings: '{}', created_at: now, updated_at: now })).id;
    });
    after(async () => cleanup());

    const doc = async (org: number, publicId: string, assignmentId: number | null = null) =>
      store.documents.create({
        public_id: publicId, organisation_id: org, assignment_id: assignmentId, owner_user_id: null, title: publicId, author: null, filename: null, mime: 'text/plain',
        size: 1, md5: 'x', blob_key: null, status: 'queued', reason: null, language: null, char_count: null, word_count: null, page_count: null, similarity: null,
        options: '{}', created_at: nowIso(), updated_at: nowIso(),
      });

    test('organisations: create, read by public id, list with total, update, delete', async () => {
      const a = await store.organisations.byPublicId('org_a');
      assert.equal(a?.name, 'A');
      const page = await store.organisations.list({ limit: 1, offset: 0 });
      assert.equal(page.items.length, 1);
      assert.equal(page.total, 2);
      const now = nowIso();
      const tmp = await store.organisations.create({ public_id: 'org_tmp', name: 'T', settings: '{}', created_at: now, updated_at: now });
      assert.equal((await store.organisations.update(tmp.id, { name: 'T2' }))?.name, 'T2');
      assert.equal(await store.organisations.delete(tmp.id), true);
      assert.equal(await store.organisations.byId(tmp.id), undefined);
    });

    test('users: an email is unique within an organisation, may exist in two; lookups are scoped to the organisation', async () => {
      const now = nowIso();
      const u = await store.users.create({ public_id: 'usr_1', organisation_id: orgId, org_unit_id: null, email: 'ann@example.org', name: 'Ann', role: 'instructor', password_hash: null, active: 1, extra: '{}', created_at: now, updated_at: now });
      await assert.rejects(store.users.create({ public_id: 'usr_1b', organisation_id: orgId, org_unit_id: null, email: 'ann@example.org', name: 'Ann again', role: 'instructor', password_hash: null, active: 1, extra: '{}', created_at: now, updated_at: now }));
      const other = await store.users.create({ public_id: 'usr_2', organisation_id: otherOrgId, org_unit_id: null, email: 'ann@example.org', name: 'Ann2', role: 'instructor', password_hash: null, active: 1, extra: '{}', created_at: now, updated_at: now });
      assert.deepEqual((await store.users.byEmail('ANN@example.org')).map((x) => x.id), [u.id, other.id]);
      assert.equal((await store.users.byEmailIn(otherOrgId, 'ann@example.org'))?.id, other.id);
      await store.users.delete(other.id);
      assert.equal(await store.users.byPublicId(otherOrgId, 'usr_1'), undefined);
      const list = await store.users.list(orgId, { search: 'an' }, { limit: 10, offset: 0 });
      assert.equal(list.total, 1);
    });

    test('API keys are found by hash and not once revoked', async () => {
      const k = await store.apiKeys.create({ public_id: 'key_1', organisation_id: orgId, user_id: null, level: 'client', name: 'k', vendor: null, key_hash: 'h1', allowed_ips: null, created_at: nowIso(), last_used_at: null, revoked_at: null });
      assert.equal((await store.apiKeys.byHash('h1'))?.id, k.id);
      await store.apiKeys.update(k.id, { revoked_at: nowIso() });
      assert.equal(await store.apiKeys.byHash('h1'), undefined);
    });

    test('documents of an assignment in given languages (cross-language peers), oldest first', async () => {
      const now = nowIso();
      const asg = await store.assignments.create({ public_id: 'asg_lang', organisation_id: orgId, course_id: null, owner_user_id: null, name: 'L', kind: 'text', settings: '{}', created_at: now, updated_at: now });
      const de = await doc(orgId, 'd-lang-de', asg.id);
      const en = await doc(orgId, 'd-lang-en', asg.id);
      const pl = await doc(orgId, 'd-lang-pl', asg.id);
      const elsewhere = await doc(orgId, 'd-lang-de-elsewhere');
      for (const [d, language] of [[de, 'de'], [en, 'en'], [pl, 'pl'], [elsewhere, 'de']] as const) await store.documents.update(d.id, { language });
      assert.deepEqual((await store.documents.inAssignmentWithLanguages(asg.id, ['de', 'pl', 'fr'])).map((d) => d.id), [de.id, pl.id]);
      assert.deepEqual(await store.documents.inAssignmentWithLanguages(asg.id, []), []);
    });

    test('fingerprints: candidates come only from the requested scopes, most shared first', async () => {
      const now = nowIso();
      const asg = await store.assignments.create({ public_id: 'asg_1', organisation_id: orgId, course_id: null, owner_user_id: null, name: 'A1', kind: 'text', settings: '{}', created_at: now, updated_at: now });
      const sub = await doc(orgId, 'd-sub', asg.id);
      const peer = await doc(orgId, 'd-peer', asg.id);
      const inRepo = await doc(orgId, 'd-repo');
      const outside = await doc(orgId, 'd-outside');
      const foreign = await doc(otherOrgId, 'd-foreign');
      const big = [4_000_000_000, 3_999_999_999, 17];
      await store.fingerprints.replace(sub.id, orgId, [1, 2, 3, ...big]);
      await store.fingerprints.replace(peer.id, orgId, [1, 2]);
      await store.fingerprints.replace(inRepo.id, orgId, [1, 2, 3, ...big]);
      await store.fingerprints.replace(outside.id, orgId, [1, 2, 3]);
      await store.fingerprints.replace(foreign.id, otherOrgId, [1, 2, 3]);
      const repo = await store.repositories.create({ public_id: 'repo_1', organisation_id: orgId, name: 'R', is_default: 1, created_at: now });
      assert.equal(await store.repositories.addDocument(repo.id, inRepo.id, now), true);
      assert.equal(await store.repositories.addDocument(repo.id, inRepo.id, now), false); // idempotent, and says so
      const scope = { organisationId: orgId, excludeDocumentId: sub.id };
      const both = await store.fingerprints.candidates({ ...scope, assignmentId: asg.id, repositories: true }, [1, 2, 3, ...big], 10);
      assert.deepEqual(both, [{ documentId: inRepo.id, shared: 6 }, { documentId: peer.id, shared: 2 }]);
      assert.deepEqual(await store.fingerprints.candidates({ ...scope, assignmentId: asg.id }, [1, 2, 3], 10), [{ documentId: peer.id, shared: 2 }]);
      assert.deepEqual(await store.fingerprints.candidates({ ...scope, repositories: [repo.id] }, [3], 10), [{ documentId: inRepo.id, shared: 1 }]);
      assert.deepEqual(await store.fingerprints.candidates({ ...scope }, [1, 2, 3], 10), []);
      assert.equal(await store.fingerprints.count(sub.id), 6);
      await store.fingerprints.delete(sub.id);
      assert.equal(await store.fingerprints.count(sub.id), 0);
      assert.equal((await store.repositories.list(orgId))[0].documents, 1);
      assert.equal(await store.repositories.removeDocument(repo.id, inRepo.id), true);
    });

    test('fingerprints: one in more than MAX_POSTINGS documents finds no candidates and stays known as frequent', async () => {
      const now = nowIso();
      const repo = await store.repositories.create({ public_id: 'repo_frequent', organisation_id: orgId, name: 'F', is_default: 0, created_at: now });
      const common = 5_000_000_001;
      const rare = 5_000_000_002;
      const ids: number[] = [];
      await store.transaction(async (tx) => {
        for (let i = 0; i <= MAX_POSTINGS; i++) {
          const d = await tx.documents.create({
            public_id: `d-frequent-${i}`, organisation_id: orgId, assignment_id: null, owner_user_id: null, title: 't', author: null, filename: null, mime: 'text/plain',
            size: 1, md5: 'x', blob_key: null, status: 'done', reason: null, language: null, char_count: null, word_count: null, page_count: null, similarity: null,
            options: '{}', created_at: now, updated_at: now,
          });
          await tx.fingerprints.replace(d.id, orgId, i < 3 ? [common, rare] : [common]);
          await tx.repositories.addDocument(repo.id, d.id, now);
          ids.push(d.id);
        }
      });
      const scope = { organisationId: orgId, excludeDocumentId: ids[0], repositories: [repo.id] };
      // In MAX_POSTINGS + 1 documents the common fingerprint counts for nobody; the rare one finds its two other documents.
      assert.deepEqual(await store.fingerprints.candidates(scope, [common, rare], 10), [{ documentId: ids[1], shared: 1 }, { documentId: ids[2], shared: 1 }]);
      // With one document fewer it would be rare again by count, but the lookup learnt it as frequent.
      await store.fingerprints.delete(ids[MAX_POSTINGS]);
      assert.deepEqual(await store.fingerprints.candidates(scope, [common], 10), []);
      // An organisation's frequent fingerprints are its own.
      const elsewhere = await doc(otherOrgId, 'd-frequent-other');
      await store.fingerprints.replace(elsewhere.id, otherOrgId, [common]);
      const otherRepo = await store.repositories.create({ public_id: 'repo_frequent_b', organisation_id: otherOrgId, name: 'B', is_default: 0, created_at: now });
      await store.repositories.addDocument(otherRepo.id, elsewhere.id, now);
      assert.deepEqual(await store.fingerprints.candidates({ organisationId: otherOrgId, excludeDocumentId: -1, repositories: true }, [common], 10), [{ documentId: elsewhere.id, shared: 1 }]);
    });

    test('analyses count versions up from 1 and the latest wins', async () => {
      const d = await doc(orgId, 'd-versions');
      const v1 = await store.analyses.add({ public_id: 'r1', document_id: d.id, similarity: 0.1, result: '{}', created_at: nowIso() });
      const v2 = await store.analyses.add({ public_id: 'r2', document_id: d.id, similarity: 0.3, result: '{}', created_at: nowIso() });
      assert.equal(v1.version, 1);
      assert.equal(v2.version, 2);
      assert.equal((await store.analyses.latest(d.id))?.similarity, 0.3);
      assert.equal((await store.analyses.byVersion(d.id, 1))?.public_id, 'r1');
    });

    test('transactions roll back every write when the function throws', async () => {
      await assert.rejects(
        store.transaction(async (tx) => {
          await tx.documents.create({
            public_id: 'd-tx', organisation_id: orgId, assignment_id: null, owner_user_id: null, title: 't', author: null, filename: null, mime: null, size: 1, md5: 'm',
            blob_key: null, status: 'queued', reason: null, language: null, char_count: null, word_count: null, page_count: null, similarity: null, options: '{}',
            created_at: nowIso(), updated_at: nowIso(),
          });
          throw new Error('boom');
        }),
        /boom/,
      );
      assert.equal(await store.documents.byPublicId(orgId, 'd-tx'), undefined);
    });

    test('jobs: dedupe keys, claim with a lease, completion only by the holder, expiry hands the job over', async () => {
      const id = await store.jobs.enqueue('contract', { n: 1 }, { dedupeKey: 'contract:1' });
      assert.ok(id);
      assert.equal(await store.jobs.enqueue('contract', { n: 1 }, { dedupeKey: 'contract:1' }), null);
      const a = await store.jobs.claim('worker-a', 60_000, ['contract']);
      assert.equal(a?.id, id);
      assert.equal(a?.attempts, 1);
      assert.equal(await store.jobs.claim('worker-b', 60_000, ['contract']), undefined, 'a held job is not claimed twice');
      assert.equal(await store.jobs.complete(id!, 'worker-b'), false, 'only the holder completes');
      assert.equal(await store.jobs.heartbeat(id!, 'worker-a', 60_000), true);
      // A lease that runs out (the holder died) lets another worker take the job.
      const id2 = await store.jobs.enqueue('contract', { n: 2 });
      const held = await store.jobs.claim('worker-dead', 1, ['contract']);
      assert.equal(held?.id, id2);
      await new Promise((r) => setTimeout(r, 20));
      const taken = await store.jobs.claim('worker-b', 60_000, ['contract']);
      assert.equal(taken?.id, id2);
      assert.equal(taken?.attempts, 2);
      assert.equal(await store.jobs.complete(id2!, 'worker-dead'), false, 'the dead holder cannot complete');
      assert.equal(await store.jobs.complete(id2!, 'worker-b'), true);
      assert.equal(await store.jobs.complete(id!, 'worker-a'), true);
      // Release with a retry time requeues; without one fails for good.
      const id3 = await store.jobs.enqueue('contract', { n: 3 });
      await store.jobs.claim('w', 60_000, ['contract']);
      assert.equal(await store.jobs.release(id3!, 'w', 'oops', nowIso(60_000)), true);
      assert.equal((await store.jobs.byId(id3!))?.status, 'queued');
      assert.equal(await store.jobs.claim('w', 60_000, ['contract']), undefined, 'not before its retry time');
      const counts = await store.jobs.countByStatus();
      assert.equal(counts.done, 2);
    });

    test('jobs: open jobs counted by kind and state for the metrics (ready, scheduled, running, failed; done left out)', async () => {
      const kind = (s: string) => `metrics-${s}`;
      await store.jobs.enqueue(kind('a'), {});
      await store.jobs.enqueue(kind('a'), {});
      await store.jobs.enqueue(kind('a'), {}, { runAt: nowIso(3_600_000) });
      await store.jobs.enqueue(kind('b'), {});
      const running = await store.jobs.claim('w-metrics', 60_000, [kind('b')]);
      const failed = await store.jobs.enqueue(kind('c'), {});
      await store.jobs.claim('w-metrics', 60_000, [kind('c')]);
      await store.jobs.release(failed!, 'w-metrics', 'broken', null);
      const done = await store.jobs.enqueue(kind('d'), {});
      await store.jobs.claim('w-metrics', 60_000, [kind('d')]);
      await store.jobs.complete(done!, 'w-metrics');
      const mine = (await store.jobs.countOpen()).filter((c) => c.kind.startsWith('metrics-'));
      const table = Object.fromEntries(mine.map((c) => [`${c.kind}/${c.state}`, c.count]));
      assert.deepEqual(table, { 'metrics-a/queued': 2, 'metrics-a/scheduled': 1, 'metrics-b/running': 1, 'metrics-c/failed': 1 });
      const ready = mine.find((c) => c.state === 'queued')!;
      assert.ok(ready.oldestRunAt && Date.parse(ready.oldestRunAt) <= Date.now(), `oldest ready run_at ${ready.oldestRunAt}`);
      assert.ok(running);
    });

    test('vendor records map external ids to internal ids, upserting', async () => {
      await store.vendorRecords.put('plagiat', 'document', orgId, 'ext-1', 5, { a: 1 });
      await store.vendorRecords.put('plagiat', 'document', orgId, 'ext-1', 6, { a: 2 });
      const r = await store.vendorRecords.get('plagiat', 'document', orgId, 'ext-1');
      assert.equal(r?.internal_id, 6);
      assert.deepEqual(JSON.parse(r!.data), { a: 2 });
      assert.equal(await store.vendorRecords.get('plagiat', 'document', otherOrgId, 'ext-1'), undefined);
      assert.equal((await store.vendorRecords.byInternal('plagiat', 'document', 6)).length, 1);
      assert.equal(await store.vendorRecords.delete('plagiat', 'document', orgId, 'ext-1'), true);
    });

    test('system settings keep the first value written', async () => {
      assert.equal(await store.settings.getOrInit('k', 'first'), 'first');
      assert.equal(await store.settings.getOrInit('k', 'second'), 'first');
      // deleteIf claims a value once: a stale value deletes nothing, the current one only the first time.
      assert.equal(await store.settings.deleteIf('k', 'second'), false);
      assert.equal(await store.settings.deleteIf('k', 'first'), true);
      assert.equal(await store.settings.deleteIf('k', 'first'), false);
      assert.equal(await store.settings.get('k'), undefined);
    });

    test('blobs: bytes put under a key come back identical and are gone once deleted', async () => {
      const bytes = new Uint8Array([0, 1, 2, 250, 255, ...new TextEncoder().encode('%PDF-1.7 binary')]);
      await store.blobs.put('db/k1', bytes, nowIso());
      assert.deepEqual(await store.blobs.get('db/k1'), bytes);
      assert.equal(await store.blobs.get('db/none'), null);
      await store.blobs.delete('db/k1');
      assert.equal(await store.blobs.get('db/k1'), null);
    });

    test('pair results and assignment fingerprint counts: stored, replaced, counted; common text reached once', async () => {
      const now = nowIso();
      const asg = await store.assignments.create({ public_id: 'asg_pairs', organisation_id: orgId, course_id: null, owner_user_id: null, name: 'P', kind: 'text', settings: '{}', created_at: now, updated_at: now });
      const a = await doc(orgId, 'pair-a', asg.id);
      const b = await doc(orgId, 'pair-b', asg.id);
      const c = await doc(orgId, 'pair-c', asg.id);
      await store.pairs.put([{ document_id: a.id, source_id: b.id, options_key: 'k1', result: '{"p":[]}', created_at: now }]);
      await store.pairs.put([{ document_id: a.id, source_id: b.id, options_key: 'k2', result: '{"p":[1]}', created_at: now }]);
      const got = await store.pairs.of(a.id, [b.id, c.id]);
      assert.deepEqual(got.map((p) => [p.source_id, p.options_key, p.result]), [[b.id, 'k2', '{"p":[1]}']]);
      assert.equal(await store.pairs.count(a.id), 1);
      await store.pairs.setFloor(a.id, 3, 50, now);
      await store.pairs.setFloor(a.id, 0, 1, now);
      assert.deepEqual([...(await store.pairs.floors([a.id, b.id]))], [[a.id, 0]]);
      // One more candidate is counted while the list has room (2 here), never past it.
      assert.equal(await store.pairs.addCandidate(a.id, 2, now), true);
      assert.equal(await store.pairs.addCandidate(a.id, 2, now), false);
      assert.equal(await store.pairs.addCandidate(b.id, 2, now), false, 'never composed: nothing to count');
      // Counting documents per fingerprint: 7 reaches 2 documents with b, and 3 with c.
      assert.deepEqual(await store.fingerprints.replace(a.id, orgId, [5, 7], { id: asg.id, commonAt: 3 }), []);
      assert.deepEqual(await store.fingerprints.replace(b.id, orgId, [7, 9], { id: asg.id, commonAt: 3 }), []);
      assert.deepEqual(await store.fingerprints.replace(c.id, orgId, [7, 9, 11], { id: asg.id, commonAt: 3 }), [7]);
      assert.deepEqual([...(await store.fingerprints.common(asg.id, [5, 7, 9, 11], 2))].sort(), [7, 9]);
      assert.deepEqual(await store.fingerprints.documentsWith(orgId, asg.id, [9]), [b.id, c.id]);
      assert.deepEqual(await store.fingerprints.of(c.id), [7, 9, 11]);
      // Deleting a document's fingerprints takes it out of the counts.
      await store.fingerprints.delete(c.id);
      assert.deepEqual([...(await store.fingerprints.common(asg.id, [7, 9], 2))], [7]);
      await store.pairs.clear([a.id]);
      assert.equal(await store.pairs.count(a.id), 0);
    });
  });
}
