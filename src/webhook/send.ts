import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { OutboundPolicy } from './outbound-policy.js';

export interface SendResult {
  ok: boolean;
  status: number | null;
  error: string | null;
}

const STRICT = new OutboundPolicy(null);
/** At most this much of a receiver's answer is read (it is thrown away). */
const MAX_ANSWER_BYTES = 64 * 1024;

/**
 * Sends one delivery attempt; 2xx counts as delivered. Never throws. The target goes through the
 * outbound policy (internal addresses refused unless admitted, the checked address is the one
 * connected to) and redirects are never followed. The error text is one of a few fixed phrases:
 * it tells the receiver's HTTP status, never how a connection failed, so delivery logs shown to
 * instructors cannot map which ports answer.
 */
export async function sendRequest(
  req: { url: string; method: string; headers: Record<string, string>; body: string },
  options: { timeoutMs?: number; policy?: OutboundPolicy } = {},
): Promise<SendResult> {
  const policy = options.policy ?? STRICT;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const target = policy.targetOf(req.url);
  if ('refused' in target) return { ok: false, status: null, error: `refused: ${target.refused}` };
  const { url, port } = target;
  const body = req.method === 'GET' || req.method === 'HEAD' ? null : Buffer.from(req.body, 'utf8');
  const headers: Record<string, string> = { ...req.headers };
  if (body) headers['content-length'] = String(body.length);
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<SendResult>((resolve) => {
    let settled = false;
    const done = (r: SendResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(r);
    };
    const r = request(url, { method: req.method, headers, lookup: policy.lookupFor(port) as never, agent: false }, (res) => {
      const status = res.statusCode ?? 0;
      let read = 0;
      res.on('data', (chunk: Buffer) => {
        read += chunk.length;
        if (read > MAX_ANSWER_BYTES) res.destroy();
      });
      const finish = () => done({ ok: status >= 200 && status < 300, status, error: status >= 300 || status < 200 ? `receiver answered ${status}` : null });
      res.on('end', finish);
      res.on('close', finish);
      res.on('error', finish);
    });
    const timer = setTimeout(() => {
      r.destroy();
      done({ ok: false, status: null, error: 'no answer from the receiver' });
    }, timeoutMs);
    r.on('error', (err: NodeJS.ErrnoException) => {
      done({ ok: false, status: null, error: err.code === 'EOUTBOUNDREFUSED' ? `refused: ${err.message}` : 'no answer from the receiver' });
    });
    if (body) r.write(body);
    r.end();
  });
}

/** Delay before attempt n+1 after n failed attempts: 5 s, 10 s, 20 s, ... capped at one hour. */
export function backoffMs(attempts: number, baseMs = 5000): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), 3_600_000);
}
