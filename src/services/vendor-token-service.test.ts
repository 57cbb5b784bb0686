import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appFixture } from '../testing/app-fixture.js';
import { VendorTokenService } from './vendor-token-service.js';

test('vendor tokens: issued for the key of the named organisation, refused for others, revoked keys and foreign addresses', async () => {
  const f = await appFixture();
  try {
    const s = f.services;
    const tokens = new VendorTokenService(s.auth, s.tokens, s.users);
    const org = (await f.call('GET', '/api/v1/me')).body.organisation_id as string;
    const admin = (await s.auth.fromApiKey(f.adminKey, { surface: 'native', ip: '127.0.0.1' })) as import('../services/principal.js').Principal;
    assert.ok(admin);
    const { key, row } = await s.users.issueKey(admin.organisationId, null, 'client', 'PlagScan', 'plagscan', '10.0.0.0/8');
    const student = await s.users.createIn(admin.organisationId, { email: 'student@example.org', role: 'student' });

    assert.equal(await tokens.issue('plagscan', { organisationPublicId: org, apiKey: 'wrong', clientIp: '10.1.1.1', ttlSeconds: 60 }), 'bad_secret');
    assert.equal(await tokens.issue('plagscan', { organisationPublicId: 'org_other', apiKey: key, clientIp: '10.1.1.1', ttlSeconds: 60 }), 'bad_client');
    assert.equal(await tokens.issue('plagscan', { organisationPublicId: org, apiKey: key, clientIp: '192.0.2.1', ttlSeconds: 60 }), 'ip_not_allowed');
    assert.equal(await tokens.issue('inspera', { organisationPublicId: org, apiKey: key, clientIp: '10.1.1.1', ttlSeconds: 60 }), 'bad_secret', 'a PlagScan key opens no other vendor API');
    assert.equal(await tokens.issue('plagscan', { organisationPublicId: org, apiKey: key, clientIp: '10.1.1.1', userId: 999_999, ttlSeconds: 60 }), 'unknown_user');

    const adminToken = await tokens.issue('plagscan', { organisationPublicId: org, apiKey: key, clientIp: '10.1.1.1', ttlSeconds: 3600 });
    assert.ok(typeof adminToken === 'object' && 'token' in adminToken);
    assert.equal(adminToken.principal.role, 'admin');
    assert.ok(adminToken.expiresIn > 3590 && adminToken.expiresIn <= 3600);
    const userToken = await tokens.issue('plagscan', { organisationPublicId: org, apiKey: key, clientIp: '10.1.1.1', userId: student.id, ttlSeconds: 3600 });
    assert.ok(typeof userToken === 'object' && 'token' in userToken);

    const asAdmin = await tokens.verify('plagscan', adminToken.token, '10.2.2.2');
    assert.ok(typeof asAdmin === 'object');
    assert.equal(asAdmin.principal.userId, null);
    assert.equal(asAdmin.principal.role, 'admin');
    const asStudent = await tokens.verify('plagscan', userToken.token, '10.2.2.2');
    assert.ok(typeof asStudent === 'object');
    assert.equal(asStudent.principal.userId, student.id);
    assert.equal(asStudent.principal.role, 'student');

    assert.equal(await tokens.verify('plagscan', adminToken.token, '192.0.2.1'), 'ip_not_allowed');
    assert.equal(await tokens.verify('inspera', adminToken.token, '10.2.2.2'), 'invalid', 'audience is per vendor');
    assert.equal(await tokens.verify('plagscan', adminToken.token.slice(0, -2) + 'xx', '10.2.2.2'), 'invalid');
    const expired = await tokens.issue('plagscan', { organisationPublicId: org, apiKey: key, clientIp: '10.1.1.1', ttlSeconds: -10 });
    assert.ok(typeof expired === 'object' && 'token' in expired);
    assert.equal(await tokens.verify('plagscan', expired.token, '10.2.2.2'), 'expired');

    await s.users.revokeApiKey(admin, row.public_id);
    assert.equal(await tokens.verify('plagscan', adminToken.token, '10.2.2.2'), 'invalid', 'a revoked key ends its tokens');
  } finally {
    await f.close();
  }
});
