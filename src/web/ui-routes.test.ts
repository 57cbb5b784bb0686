import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Script } from 'node:vm';
import { appFixture, type AppFixture } from '../testing/app-fixture.js';
import { VIEWER_JS } from '../report/viewer-assets.js';

let f: AppFixture;
before(async () => {
  f = await appFixture({ web: true });
});
after(async () => f.close());

test('the UI page, script and stylesheet are served locally; the root redirects to it', async () => {
  const root = await f.app.inject({ method: 'GET', url: '/' });
  assert.equal(root.statusCode, 302);
  assert.equal(root.headers.location, '/app/');
  const page = await f.app.inject({ method: 'GET', url: '/app/' });
  assert.equal(page.statusCode, 200);
  assert.match(String(page.headers['content-security-policy']), /script-src 'self'/);
  const assets = [...page.body.matchAll(/(?:src|href)="([^"#]+)"/g)].map((m) => m[1]);
  assert.ok(assets.length >= 2);
  for (const a of assets) {
    assert.ok(a.startsWith('/'), `local asset: ${a}`);
    assert.equal((await f.app.inject({ method: 'GET', url: a })).statusCode, 200, a);
  }
});

test('/favicon.ico is an icon (an ICO holding a 32x32 PNG)', async () => {
  const r = await f.app.inject({ method: 'GET', url: '/favicon.ico' });
  assert.equal(r.statusCode, 200);
  assert.equal(r.headers['content-type'], 'image/x-icon');
  const b = r.rawPayload;
  assert.deepEqual([...b.subarray(0, 6)], [0, 0, 1, 0, 1, 0]);
  assert.equal(b[6], 32);
  const offset = b.readUInt32LE(18);
  assert.equal(b.subarray(offset, offset + 8).toString('latin1'), '\x89PNG\r\n\x1a\n');
  assert.equal(b.readUInt32LE(14), b.length - offset);
});

test('the browser scripts parse, and define the routes of every page', async () => {
  const js = (await f.app.inject({ method: 'GET', url: '/app/app.js' })).body;
  assert.doesNotThrow(() => new Script(js));
  assert.doesNotThrow(() => new Script(VIEWER_JS));
  for (const page of ['login', 'assignments', 'overview', 'courses', 'users', 'organisations']) assert.ok(js.includes(page), page);
});
