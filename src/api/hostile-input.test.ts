/**
 * No input makes the API answer 500, crash or hang: every route gets garbage in every place.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { appFixture, type AppFixture } from '../testing/app-fixture.js';

let f: AppFixture;
before(async () => {
  f = await appFixture();
});
after(async () => f.close());

const BODIES: { type: string; payload: string }[] = [
  { type: 'application/json', payload: '{' },
  { type: 'application/json', payload: '[]' },
  { type: 'application/json', payload: '"text"' },
  { type: 'application/json', payload: 'null' },
  { type: 'application/json', payload: '{"name": {"$gt": ""}, "settings": [1,2], "text": 12, "email": ["a"], "role": {}}' },
  { type: 'application/json', payload: JSON.stringify({ name: '\u0000'.repeat(10), text: '\ud800', title: 'x'.repeat(600), limit: -1 }) },
  { type: 'multipart/form-data; boundary=zz', payload: '--zz\r\nContent-Disposition: form-data; name="file"\r\n\r\nunterminated' },
  { type: 'multipart/form-data', payload: 'no boundary' },
  { type: 'text/plain', payload: 'hello' },
  { type: 'application/x-www-form-urlencoded', payload: 'a=1&b=%zz' },
];
const IDS = ['1', '../../etc/passwd', '%00', 'x'.repeat(300), "' OR 1=1 --", '00000000-0000-0000-0000-000000000000'];

test('every route answers garbage with a 4xx error body, never a 500', { timeout: 120_000 }, async () => {
  const routes = f.app.origoRoutes.filter((r) => r.url.startsWith('/api/v1/') && r.method !== 'HEAD');
  assert.ok(routes.length > 30);
  const failures: string[] = [];
  for (const r of routes) {
    for (const id of IDS) {
      const url = r.url.replace(/:(\w+)/g, () => encodeURIComponent(id)) + '?limit=abc&offset=-5';
      for (const b of r.method === 'GET' || r.method === 'DELETE' ? [null] : BODIES) {
        const res = await f.app.inject({
          method: r.method as 'GET',
          url,
          headers: { authorization: `Bearer ${f.adminKey}`, ...(b ? { 'content-type': b.type } : {}) },
          payload: b?.payload,
        });
        if (res.statusCode >= 500) failures.push(`${r.method} ${url} ${b?.type ?? ''} → ${res.statusCode} ${res.body.slice(0, 200)}`);
        else if (res.statusCode >= 400) {
          const body = JSON.parse(res.body);
          if (typeof body.error?.code !== 'string' || typeof body.error?.message !== 'string') failures.push(`${r.method} ${url} → ${res.statusCode} without an error body`);
        }
      }
    }
  }
  assert.deepEqual(failures, []);
});
