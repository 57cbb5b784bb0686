export interface SendResult {
  ok: boolean;
  status: number | null;
  error: string | null;
}

/** Sends one delivery attempt; 2xx counts as delivered. Never throws. */
export async function sendRequest(req: { url: string; method: string; headers: Record<string, string>; body: string }, timeoutMs = 10_000): Promise<SendResult> {
  try {
    const res = await fetch(req.url, {
      method: req.method,
      headers: req.headers,
      body: req.method === 'GET' || req.method === 'HEAD' ? undefined : req.body,
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'manual',
    });
    await res.arrayBuffer().catch(() => undefined);
    return { ok: res.status >= 200 && res.status < 300, status: res.status, error: res.status >= 300 ? `receiver answered ${res.status}` : null };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    return { ok: false, status: null, error: e.cause?.code ?? e.name ?? 'network error' };
  }
}

/** Delay before attempt n+1 after n failed attempts: 5 s, 10 s, 20 s, ... capped at one hour. */
export function backoffMs(attempts: number, baseMs = 5000): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), 3_600_000);
}
