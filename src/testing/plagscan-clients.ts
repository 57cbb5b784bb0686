/**
 * The request shapes of real PlagScan API v3 clients, for tests (see clients-notes.md §5):
 *   moodle      PlagScan_moodle classes/plagscan_api.php (PHP curl): multipart token and creates,
 *               a hand-built multipart upload, an empty x-www-form-urlencoded body on GET/PUT/DELETE,
 *               PATCH settings in the query string under `application/json-patch+json`,
 *               `&APIconsumer=Moodle<version>` on every call but token and ping
 *   ruby        Studiosity/plagscan-ruby: absolute-form request targets (`GET http://host/v3/...`),
 *               JSON bodies, GET parameters joined unencoded into the query string
 *   deseret     deseretdigital/plagscan-api: JSON token, form bodies with `access_token` labelled
 *               `x-www-form-urlencoded`
 *   dangchuong  dangchuong/plagscan: token as a form with `grant_type`, PUT check with the token in a form body
 */
import { request as httpRequest } from 'node:http';

export interface WireReply {
  status: number;
  headers: Record<string, string>;
  text: string;
  body: any;
}

function parse(status: number, headers: Record<string, string>, text: string): WireReply {
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  return { status, headers, text, body };
}

async function viaFetch(url: string, init: RequestInit): Promise<WireReply> {
  const res = await fetch(url, init);
  const text = await res.text();
  return parse(res.status, Object.fromEntries(res.headers.entries()), text);
}

/** Sends one request whose request line carries the absolute URL, as Ruby's Net::HTTP does with a string URI. */
export function absoluteForm(method: string, absoluteUrl: string, body?: { contentType: string; data: Buffer | string }): Promise<WireReply> {
  const u = new URL(absoluteUrl);
  return new Promise((resolve, reject) => {
    const data = body ? Buffer.from(body.data) : null;
    const req = httpRequest(
      { host: u.hostname, port: Number(u.port), method, path: absoluteUrl, headers: { 'user-agent': 'PlagScan-Ruby/0.3', ...(data ? { 'content-type': body!.contentType, 'content-length': String(data.length) } : {}) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve(parse(res.statusCode ?? 0, res.headers as Record<string, string>, text)));
      },
    );
    req.on('error', reject);
    if (data) req.write(data);
    req.end();
  });
}

export interface MoodleFile {
  filename: string;
  mimetype: string;
  content: Buffer | string;
}

/** PlagScan_moodle's plagscan_api::request() and the calls of plagscan_connection.php. */
export function moodleClient(server: string, clientId: string, apiKey: string, version = '2022112800') {
  const consumer = `&APIconsumer=Moodle${version}`;
  const multipart = (fields: Record<string, string | number | boolean | null>, files: MoodleFile[] = []) => {
    const delimiter = `-------------${Math.random().toString(16).slice(2, 15)}`;
    const parts: Buffer[] = [];
    const php = (v: string | number | boolean | null) => (v === false || v === null ? '' : v === true ? '1' : String(v));
    for (const [name, value] of Object.entries(fields)) parts.push(Buffer.from(`--${delimiter}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${php(value)}\r\n`));
    for (const f of files) {
      parts.push(Buffer.from(`--${delimiter}\r\nContent-Disposition: form-data; name="fileUpload"; filename="${f.filename}"\r\nContent-Type: ${f.mimetype}\r\nContent-Transfer-Encoding: binary\r\n\r\n`));
      parts.push(Buffer.from(f.content), Buffer.from('\r\n'));
    }
    parts.push(Buffer.from(`--${delimiter}--\r\n`));
    return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${delimiter}` };
  };
  /** PHP curl with an array as POSTFIELDS: multipart/form-data. */
  const formData = (fields: Record<string, string | number | boolean | null>) => {
    const fd = new FormData();
    for (const [k, v] of Object.entries(fields)) fd.append(k, v === false || v === null ? '' : v === true ? '1' : String(v));
    return fd;
  };
  const self = {
    async token(): Promise<string | null> {
      const r = await viaFetch(`${server}/token`, { method: 'POST', body: formData({ client_id: clientId, client_secret: apiKey }) });
      return r.body?.access_token ?? null;
    },
    async ping(): Promise<WireReply> {
      return viaFetch(`${server}/ping`, { method: 'GET' });
    },
    /** `endPoint` already holds `?access_token=...` as the plugin builds it. */
    async request(endPoint: string, method: string, data: Record<string, string | number | boolean | null> | null = null, files: MoodleFile[] | null = null, urlencoded = false): Promise<WireReply> {
      let url = `${server}${endPoint}${consumer}`;
      if (urlencoded && data) for (const [k, v] of Object.entries(data)) url += `&${k}=${encodeURIComponent(v === false || v === null ? '' : String(v))}`;
      if (method === 'POST' && files) {
        const m = multipart(data ?? {}, files);
        return viaFetch(url, { method, headers: { 'content-type': m.contentType }, body: m.body });
      }
      if (method === 'PATCH') return viaFetch(url, { method, headers: { 'content-type': 'application/json-patch+json' } });
      if (data && !urlencoded) return viaFetch(url, { method, body: formData(data) });
      return viaFetch(url, { method, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: method === 'GET' ? undefined : '' });
    },
    async withToken(path: string, method: string, data?: Record<string, string | number | boolean | null> | null, files?: MoodleFile[] | null, urlencoded = false): Promise<WireReply> {
      const token = await self.token();
      const sep = path.includes('?') ? '&' : '?';
      return self.request(`${path}${sep}access_token=${token}`, method, data ?? null, files ?? null, urlencoded);
    },
  };
  return self;
}

/** Studiosity/plagscan-ruby: Plagscan::Request with absolute-form targets. */
export function rubyClient(apiBase: string) {
  const uriRequest = (method: string, path: string, token: string | null, params: Record<string, string | number> = {}) => {
    const all: Record<string, string | number> = { ...params, ...(token ? { access_token: token } : {}) };
    const q = Object.entries(all).map(([k, v]) => `${k}=${v}`).join('&');
    return absoluteForm(method, `${apiBase}/${path}${q ? `?${q}` : ''}`);
  };
  const bodyRequest = (method: string, path: string, token: string | null, body: Record<string, unknown>) =>
    absoluteForm(method, `${apiBase}/${path}${token ? `?access_token=${token}` : ''}`, { contentType: 'application/json', data: JSON.stringify(body) });
  return {
    ping: () => uriRequest('GET', 'ping', null),
    token: (clientId: string, secret: string) => bodyRequest('POST', 'token', null, { client_id: clientId, client_secret: secret }),
    createText: (token: string, text: string, options: Record<string, unknown> = {}) => bodyRequest('POST', 'documents', token, { ...options, textdata: text }),
    check: (token: string, id: number) => absoluteForm('PUT', `${apiBase}/documents/${id}/check?access_token=${token}`),
    retrieve: (token: string, id: number, mode: number, userId?: number) => uriRequest('GET', `documents/${id}/retrieve`, token, { mode, ...(userId ? { userID: userId } : {}) }),
    users: (token: string, params: Record<string, string | number> = {}) => uriRequest('GET', 'users', token, params),
  };
}

/** deseretdigital/plagscan-api (Node express proxy). */
export function deseretClient(apiBase: string) {
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  return {
    token: (clientId: string, secret: string) => viaFetch(`${apiBase}/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ client_id: clientId, client_secret: secret }) }),
    submitText: (token: string, text: string, name: string) =>
      viaFetch(`${apiBase}/documents`, { method: 'POST', headers: { 'content-type': 'x-www-form-urlencoded' }, body: form({ access_token: token, textdata: text, textname: name }) }),
    retrieve: (token: string, id: number, mode: number) => viaFetch(`${apiBase}/documents/${id}/retrieve?access_token=${token}&mode=${mode}`, { method: 'GET' }),
    highlight: (token: string, id: number, source = 0) => viaFetch(`${apiBase}/documents/${id}/highlight?access_token=${token}&source=${source}`, { method: 'GET' }),
  };
}

/** dangchuong/plagscan (Laravel package). */
export function dangchuongClient(apiBase: string) {
  const form = (fields: Record<string, string>) => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
  return {
    token: (clientId: string, secret: string) => viaFetch(`${apiBase}/token`, form({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret })),
    check: (token: string, id: number) => viaFetch(`${apiBase}/documents/${id}/check`, { ...form({ access_token: token }), method: 'PUT' }),
    status: (token: string, id: number) => viaFetch(`${apiBase}/documents/${id}/status?access_token=${token}`, { method: 'GET' }),
  };
}

export { viaFetch };
