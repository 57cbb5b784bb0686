/**
 * Requests exactly as Inspera's clients send them: the Moodle plugin (`classes/apiclient/api_client.php`:
 * JSON POSTs with `Content-Type: application/json` and `Authorization: Bearer`, GETs with only the
 * bearer header, a PUT of the raw file to the presigned URL with the file's MIME type and no
 * credentials) and the older generation's documented calls.
 */
export interface Reply {
  status: number;
  body: any;
  text: string;
}

async function reply(res: Response): Promise<Reply> {
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  return { status: res.status, body, text };
}

export function insperaClient(base: string) {
  let token: string | null = null;
  const auth = (): Record<string, string> => (token ? { Authorization: `Bearer ${token}` } : {});
  return {
    base,
    setToken(t: string | null) {
      token = t;
    },
    /** api_client::_do_post_request: Content-Type application/json, JSON text body, optional bearer. */
    async post(path: string, payload: unknown, withAuth = true): Promise<Reply> {
      return reply(await fetch(`${base}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(withAuth ? auth() : {}) }, body: JSON.stringify(payload) }));
    },
    /** api_client::_do_get_request: only the bearer header. */
    async get(path: string): Promise<Reply> {
      return reply(await fetch(`${base}${path}`, { headers: auth() }));
    },
    async put(path: string, payload: unknown): Promise<Reply> {
      return reply(await fetch(`${base}${path}`, { method: 'PUT', headers: { 'Content-Type': 'application/json', ...auth() }, body: JSON.stringify(payload) }));
    },
    async del(path: string): Promise<Reply> {
      return reply(await fetch(`${base}${path}`, { method: 'DELETE', headers: auth() }));
    },
    /** api_client::_do_s3_put_request: the raw bytes, `Content-Type: <mime>`, no credentials. */
    async upload(url: string, bytes: Uint8Array | string, mime: string): Promise<Reply> {
      return reply(await fetch(url, { method: 'PUT', headers: { 'Content-Type': mime }, body: typeof bytes === 'string' ? bytes : Buffer.from(bytes) }));
    },
    /** The plugin's get_token(): POST {base}/token with {clientId, institutionId}. */
    async login(clientId: string, institutionId: string): Promise<Reply> {
      const r = await this.post('/token', { clientId, institutionId }, false);
      if (r.status === 200) token = r.body.token;
      return r;
    },
  };
}
