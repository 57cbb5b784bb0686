/**
 * The request log of a started server (what ends in the journal) holds no secret a URL carried:
 * a vendor access token in the query, a signed viewer token in the path.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { startProcess, tempDir, type ServerProcess } from '../testing/server-process.js';

const dir = tempDir();
let server: ServerProcess | undefined;
after(async () => {
  await server?.kill('SIGTERM');
  dir.remove();
});

test('the request log keeps paths but not the access tokens or signed tokens in URLs', { timeout: 120_000 }, async () => {
  server = await startProcess({ ORIGO_DATA_DIR: dir.path, ORIGO_ADMIN_KEY: 'e2e-admin-key-log-0123456789abcdef', ORIGO_LOG_LEVEL: 'info' });
  const queryToken = 'QUERYSECRET-0123456789';
  const pathToken = 'eyJhbGciOiJIUzI1NiJ9.eyJQQVRIU0VDUkVUIjoxfQ.UEFUSFNFQ1JFVHNpZ25hdHVyZQ';
  await (await fetch(`${server.url}/plagscan/v3/documents?access_token=${queryToken}`)).text();
  await (await fetch(`${server.url}/viewer/${pathToken}`)).text();
  await new Promise((r) => setTimeout(r, 300));
  const log = server.output();
  assert.match(log, /"url":"\/plagscan\/v3\/documents\?access_token=\*"/);
  assert.match(log, /"url":"\/viewer\/\[token\]"/);
  assert.ok(!log.includes(queryToken), 'the query token is not logged');
  assert.ok(!log.includes(pathToken) && !log.includes('PATHSECRET'), 'the viewer token is not logged');
});
