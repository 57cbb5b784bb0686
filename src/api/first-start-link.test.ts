/**
 * The first-start link through the API: it signs its administrator in once, is stored hashed,
 * expires, and a newer link replaces the older one.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { appFixture, type AppFixture } from '../testing/app-fixture.js';

let f: AppFixture;
before(async () => {
  f = await appFixture();
});
after(async () => f.close());

const redeem = (token: unknown) => f.call('POST', '/api/v1/auth/first-start', { token }, null);

test('a first-start link signs the administrator in once; the JWT it gives acts as that administrator', async () => {
  const admin = (await f.services.firstStart.firstAdministrator())!;
  const { token } = await f.services.firstStart.issue(admin);
  assert.ok(!(await f.services.ctx.store.settings.get('first_start_link'))!.includes(token), 'only a hash is stored');
  const r = await redeem(token);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.user.role, 'admin');
  const me = await f.call('GET', '/api/v1/me', undefined, r.body.token);
  assert.equal(me.status, 200);
  assert.equal(me.body.user.id, admin.public_id);
  assert.equal(me.body.authenticated_by, 'jwt');
  const again = await redeem(token);
  assert.equal(again.status, 401);
  assert.match(again.body.error.message, /used already/);
});

test('an expired, replaced, malformed or missing link is refused with 401 and a reason', async () => {
  const admin = (await f.services.firstStart.firstAdministrator())!;
  const old = await f.services.firstStart.issue(admin, -1);
  const expired = await redeem(old.token);
  assert.equal(expired.status, 401);
  assert.match(expired.body.error.message, /expired.*first-start-link/);
  const a = await f.services.firstStart.issue(admin);
  const b = await f.services.firstStart.issue(admin);
  assert.equal((await redeem(a.token)).status, 401, 'the newer link replaces the older');
  assert.equal((await redeem(b.token)).status, 200);
  for (const bad of [undefined, '', 42, 'x'.repeat(500), b.token]) assert.equal((await redeem(bad)).status, 401, String(bad));
});

test('two redemptions of one link at the same time: exactly one signs in', async () => {
  const admin = (await f.services.firstStart.firstAdministrator())!;
  const { token } = await f.services.firstStart.issue(admin);
  const results = await Promise.all([redeem(token), redeem(token), redeem(token)]);
  assert.deepEqual(results.map((r) => r.status).sort(), [200, 401, 401]);
});
