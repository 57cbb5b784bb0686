import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appFixture } from '../testing/app-fixture.js';
import { CheckQuotaService } from './check-quota-service.js';

test('a quota is used one check at a time, refused at 0, refunded, and absent means unlimited', async () => {
  const fx = await appFixture();
  try {
    const quotas = new CheckQuotaService(fx.services.ctx);
    const org = (await fx.services.ctx.store.organisations.first())!;
    const user = await fx.services.users.createIn(org.id, { email: 'q@example.org', name: 'Q' });
    assert.equal(await quotas.get(user.id), null);
    assert.equal(await quotas.consume(user.id), true, 'no quota: unlimited');
    assert.equal(await quotas.get(user.id), null);
    await quotas.set(user.id, 2);
    assert.equal(await quotas.consume(user.id), true);
    assert.equal(await quotas.consume(user.id), true);
    assert.equal(await quotas.get(user.id), 0);
    assert.equal(await quotas.consume(user.id), false, 'refused at 0');
    assert.equal(await quotas.get(user.id), 0);
    await quotas.refund(user.id);
    assert.equal(await quotas.get(user.id), 1);
    await quotas.set(user.id, null);
    assert.equal(await quotas.get(user.id), null);
    await assert.rejects(quotas.set(user.id, -1), RangeError);
  } finally {
    await fx.close();
  }
});

test('concurrent checks never spend more than the quota', async () => {
  const fx = await appFixture();
  try {
    const quotas = new CheckQuotaService(fx.services.ctx);
    const org = (await fx.services.ctx.store.organisations.first())!;
    const user = await fx.services.users.createIn(org.id, { email: 'c@example.org', name: 'C', extra: JSON.stringify({ other: 'kept' }) });
    await quotas.set(user.id, 5);
    const results = await Promise.all(Array.from({ length: 12 }, () => quotas.consume(user.id)));
    assert.equal(results.filter(Boolean).length, 5);
    assert.equal(await quotas.get(user.id), 0);
    const extra = JSON.parse((await fx.services.users.byId(user.id))!.extra);
    assert.equal(extra.other, 'kept', 'the rest of the user\'s extra data is left alone');
  } finally {
    await fx.close();
  }
});
