/**
 * What the request log says of a request. Secrets travel in URLs: vendor clients send API keys and
 * access tokens in the query (`?access_token=`, `?APIKEY=`), and signed links carry their token as
 * a path segment (`/viewer/<token>`, `/inspera/upload/<token>`). Service logs end in the system
 * journal and in log shippers, so the logged URL keeps the path and the query's parameter names
 * and drops every query value and every token-shaped path segment.
 */

/** Path segments after which the next segment is a signed token. */
const TOKEN_AFTER = new Set(['viewer', 'upload']);
/** A JWT (three base64url parts), or a long opaque token that is not a UUID. */
const TOKEN_SHAPED = /^(?:[\w-]{8,}\.[\w-]{8,}\.[\w-]*|(?![0-9a-f-]{36}$)[\w~.+/=-]{40,})$/i;

/** The URL as logged: the path with tokens replaced and the query's values left out. */
export function loggableUrl(url: string): string {
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  const segments = path.split('/');
  for (let i = 0; i < segments.length; i++) {
    if ((i > 0 && TOKEN_AFTER.has(segments[i - 1]) && segments[i]) || TOKEN_SHAPED.test(segments[i])) segments[i] = '[token]';
  }
  let out = segments.join('/');
  if (q >= 0) {
    const names = url
      .slice(q + 1)
      .split('&')
      .filter(Boolean)
      .map((pair) => {
        const name = pair.split('=')[0];
        try {
          return decodeURIComponent(name.replace(/\+/g, ' '));
        } catch {
          return name;
        }
      });
    out += `?${names.map((n) => `${encodeURIComponent(n)}=*`).join('&')}`;
  }
  return out;
}

interface LoggedRequest {
  method?: string;
  url?: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

/** Pino serializers for the HTTP request log (Fastify's own, with the URL made loggable). */
export const requestLogSerializers = {
  req(req: LoggedRequest) {
    return { method: req.method, url: loggableUrl(req.url ?? ''), host: req.host, remoteAddress: req.ip, remotePort: req.socket?.remotePort };
  },
};
