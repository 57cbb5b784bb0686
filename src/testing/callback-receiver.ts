import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

export interface ReceivedCall {
  method: string;
  /** Path and query string as sent. */
  url: string;
  /** The raw query string (without "?"). */
  query: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A local HTTP server that records every request (vendor callbacks and webhooks) and answers 200. */
export async function startCallbackReceiver(): Promise<{ url: string; calls: ReceivedCall[]; close: () => Promise<void> }> {
  const calls: ReceivedCall[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const url = req.url ?? '/';
      calls.push({ method: req.method ?? 'GET', url, query: url.includes('?') ? url.slice(url.indexOf('?') + 1) : '', headers: req.headers, body });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('OK');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
