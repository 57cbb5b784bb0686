import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allowListProblem, ipAllowed } from './ip-allow-list.js';

test('no restriction: empty, null, "*"', () => {
  assert.equal(ipAllowed(null, '198.51.100.1'), true);
  assert.equal(ipAllowed('', '198.51.100.1'), true);
  assert.equal(ipAllowed(' * ', '198.51.100.1'), true);
  assert.equal(ipAllowed('0.0.0.0/0', '198.51.100.1'), true);
});

test('a single address', () => {
  assert.equal(ipAllowed('203.0.113.7', '203.0.113.7'), true);
  assert.equal(ipAllowed('203.0.113.7', '203.0.113.8'), false);
  assert.equal(ipAllowed('203.0.113.7', '::ffff:203.0.113.7'), true, 'IPv4-mapped IPv6 counts as IPv4');
  assert.equal(ipAllowed('2001:db8::1', '2001:db8::1'), true);
  assert.equal(ipAllowed('2001:db8::1', '2001:db8::2'), false);
});

test('wildcards', () => {
  assert.equal(ipAllowed('1.2.3.*', '1.2.3.200'), true);
  assert.equal(ipAllowed('1.2.3.*', '1.2.4.1'), false);
  assert.equal(ipAllowed('10.*.*.*', '10.9.8.7'), true);
  assert.equal(ipAllowed('10.*.*.*', '11.0.0.1'), false);
});

test('CIDR, including the abbreviated form of the PlagScan documents', () => {
  assert.equal(ipAllowed('1.2.3/24', '1.2.3.99'), true);
  assert.equal(ipAllowed('1.2.3/24', '1.2.4.99'), false);
  assert.equal(ipAllowed('192.168.0.0/16', '192.168.44.1'), true);
  assert.equal(ipAllowed('192.168.0.0/16', '192.169.0.1'), false);
  assert.equal(ipAllowed('2001:db8::/32', '2001:db8:1::5'), true);
  assert.equal(ipAllowed('2001:db8::/32', '2001:db9::5'), false);
  assert.equal(ipAllowed('1.2.3.0/24', '2001:db8::1'), false, 'families never mix');
});

test('start-end ranges', () => {
  assert.equal(ipAllowed('1.2.3.10-1.2.3.20', '1.2.3.10'), true);
  assert.equal(ipAllowed('1.2.3.10-1.2.3.20', '1.2.3.20'), true);
  assert.equal(ipAllowed('1.2.3.10-1.2.3.20', '1.2.3.21'), false);
  assert.equal(ipAllowed('1.2.3.250-1.2.4.5', '1.2.4.1'), true, 'ranges cross octet boundaries');
});

test('several entries: any one may match', () => {
  const list = '127.0.0.1, 10.0.0.0/8; 1.2.3.*  5.5.5.1-5.5.5.9';
  for (const ip of ['127.0.0.1', '10.200.0.1', '1.2.3.4', '5.5.5.5']) assert.equal(ipAllowed(list, ip), true, ip);
  for (const ip of ['127.0.0.2', '11.0.0.1', '1.2.4.4', '5.5.5.10']) assert.equal(ipAllowed(list, ip), false, ip);
});

test('unreadable entries are reported, and match nothing', () => {
  assert.match(String(allowListProblem('1.2.3.4, banana')), /banana/);
  assert.match(String(allowListProblem('1.2.3.0/40')), /1\.2\.3\.0\/40/);
  assert.match(String(allowListProblem('1.2.3.300')), /1\.2\.3\.300/);
  assert.equal(allowListProblem('1.2.3.4, 1.2.3/24'), null);
  assert.equal(ipAllowed('banana', '1.2.3.4'), false, 'an unreadable list lets nobody in');
  assert.equal(ipAllowed('1.2.3.4, banana', '1.2.3.4'), false);
  assert.equal(ipAllowed('1.2.3.4', 'not-an-ip'), false);
});
