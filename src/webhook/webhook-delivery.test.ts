/**
 * Webhook deliveries, in process:
 *
 *   document done ─► notify ─► delivery row ─► POST (fails: 500) ─► retry after backoff ─► POST (200)
 *
 * The body is signed with HMAC-SHA256 of the endpoint's secret, and the attempts are logged.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { createHmac } from 'node:crypto';
import { appFixture, type AppFixture } from '../testing/app-fixture.js';
import { waitFor } from '../testing/server-process.js';
import { signBody } from './signature.js';
import { backoffMs } from './send.js';

let f: AppFixture;
let server: Server;
let url = '';
const received: { headers: Record<string, string | string[] | undefined>; body: string; at: number }[] = [];
let failuresLeft = 1;

before(async () => {
  // The receiver listens on 127.0.0.1, which the outbound policy refuses unless the operator admits it.
  f = await appFixture({ worker: true, outboundAllow: '127.0.0.1' });
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      received.push({ headers: req.headers, body, at: Date.now() });
      if (failuresLeft > 0) {
        failuresLeft--;
        res.writeHead(500).end('not now');
      } else res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}/receiver`;
});
after(async () => {
  server.close();
  await f.close();
});

test('signature is sha256=HMAC(secret, body)', () => {
  assert.equal(signBody('s3cret', '{"a":1}'), `sha256=${createHmac('sha256', 's3cret').update('{"a":1}').digest('hex')}`);
});

test('backoff doubles from the base and is capped', () => {
  assert.deepEqual([1, 2, 3, 4].map((n) => backoffMs(n, 100)), [100, 200, 400, 800]);
  assert.equal(backoffMs(40, 5000), 3_600_000);
});

test('a failing receiver gets the signed delivery again after a backoff, and the log shows both attempts', { timeout: 30_000 }, async () => {
  const hook = await f.call('POST', '/api/v1/webhooks', { url, events: ['document.done'], secret: 'a-very-secret-secret' });
  assert.equal(hook.status, 201);
  assert.equal(hook.body.secret, 'a-very-secret-secret');
  assert.equal((await f.call('POST', '/api/v1/webhooks', { url: 'ftp://nope' })).status, 422);
  const asg = await f.call('POST', '/api/v1/assignments', { name: 'Hooks' });
  const doc = await f.call('POST', `/api/v1/assignments/${asg.body.id}/documents`, { title: 'Hooked', text: 'A short essay about bees and the flowers they visit in early summer.' });
  await waitFor('two attempts', async () => (received.length >= 2 ? true : undefined), 20_000, 50);
  const [first, second] = received;
  assert.equal(first.body, second.body, 'the same delivery is retried');
  assert.ok(second.at - first.at >= 40, 'after a backoff');
  const payload = JSON.parse(second.body);
  assert.equal(payload.event, 'document.done');
  assert.equal(payload.document.id, doc.body.id);
  assert.equal(payload.document.status, 'done');
  assert.equal(second.headers['x-origo-signature'], signBody('a-very-secret-secret', second.body));
  assert.equal(second.headers['x-origo-event'], 'document.done');
  const log = await waitFor('the delivery to be marked delivered', async () => {
    const r = await f.call('GET', '/api/v1/webhook-deliveries');
    const d = r.body.items.find((x: { event: string }) => x.event === 'document.done');
    return d?.status === 'delivered' ? d : undefined;
  }, 10_000, 50);
  assert.equal(log.attempts, 2);
  assert.equal(log.last_status_code, 204);
});

// Last in the file: the endpoint it creates would otherwise receive the deliveries the test above counts.
test('a chosen secret is refused below 16 and above 512 characters, naming the bound', async () => {
  for (const [secret, message] of [['x'.repeat(15), 'secret must be at least 16 characters'], ['x'.repeat(513), 'secret must be at most 512 characters']]) {
    const refused = await f.call('POST', '/api/v1/webhooks', { url, events: ['document.done'], secret });
    assert.equal(refused.status, 422, `${secret.length} characters`);
    assert.match(JSON.stringify(refused.body), new RegExp(message));
  }
  const longest = await f.call('POST', '/api/v1/webhooks', { url, events: ['document.done'], secret: 'x'.repeat(512) });
  assert.equal(longest.status, 201);
  assert.equal(longest.body.secret.length, 512);
});
