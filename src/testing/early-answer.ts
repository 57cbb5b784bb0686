import { request } from 'node:http';

export interface EarlyAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * Starts a request that announces `declared` body bytes, sends only the first MiB and waits for an
 * answer: the status, headers and body when the server answers before the rest of the body
 * arrives, else null (after `waitMs`). A server that reads the whole body before it checks the
 * caller's credentials never answers such a request in time.
 */
export function answerBeforeBody(url: string, headers: Record<string, string>, declared = 400 * 1024 * 1024, waitMs = 5_000, method = 'POST'): Promise<EarlyAnswer | null> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const req = request({ host: u.hostname, port: u.port, path: `${u.pathname}${u.search}`, method, headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(declared), ...headers } });
    const timer = setTimeout(() => {
      req.destroy();
      resolve(null);
    }, waitMs);
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => {
        clearTimeout(timer);
        req.destroy();
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
      });
    });
    req.on('error', (err) => {
      // The server may close the connection after answering; only a failure before any answer is an error.
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ECONNRESET' || code === 'EPIPE') return;
      clearTimeout(timer);
      reject(err);
    });
    req.write(Buffer.alloc(1024 * 1024, 0x61));
  });
}
