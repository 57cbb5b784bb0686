import { test } from 'node:test';
import assert from 'node:assert/strict';
import { trustFunction } from './trusted-proxies.js';

test('the trust function: listed addresses, ranges and names; IPv4-mapped IPv6 peers; nothing else', () => {
  const trust = trustFunction('127.0.0.1,10.1.0.0/16,fd00::/8,linklocal');
  for (const a of ['127.0.0.1', '::ffff:127.0.0.1', '10.1.200.3', 'fd12::1', '169.254.1.1', 'fe80::1']) assert.equal(trust(a, 0), true, a);
  for (const a of ['127.0.0.2', '10.2.0.1', '::1', '203.0.113.5', 'not an address', '']) assert.equal(trust(a, 0), false, a);
});
