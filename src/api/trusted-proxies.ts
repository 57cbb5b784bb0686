import ipaddr from 'ipaddr.js';
import type { FastifyInstance, FastifyRequest } from 'fastify';

const NAMED: Record<string, string[]> = {
  loopback: ['127.0.0.0/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

function parseAddress(text: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  try {
    const a = ipaddr.parse(text);
    return a.kind() === 'ipv6' && (a as ipaddr.IPv6).isIPv4MappedAddress() ? (a as ipaddr.IPv6).toIPv4Address() : a;
  } catch {
    return null;
  }
}

/**
 * ORIGO_TRUSTED_PROXIES (checked by src/config) as the function Fastify's `trustProxy` calls for
 * each hop: the socket's peer first, then the X-Forwarded-For entries from the right, as long as
 * each one is trusted. The same function decides whether links may follow X-Forwarded-Host.
 */
export function trustFunction(entries: string): (address: string, hop: number) => boolean {
  const ranges: Range[] = [];
  for (const e of entries.split(',').map((x) => x.trim()).filter(Boolean)) {
    for (const spec of NAMED[e] ?? [e]) {
      if (spec.includes('/')) {
        const [addr, bits] = ipaddr.parseCIDR(spec);
        ranges.push(addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress() ? [(addr as ipaddr.IPv6).toIPv4Address(), bits - 96] : [addr, bits]);
      } else {
        const a = parseAddress(spec);
        if (a) ranges.push([a, a.kind() === 'ipv4' ? 32 : 128]);
      }
    }
  }
  return (address: string) => {
    const a = parseAddress(address);
    return a !== null && ranges.some(([r, bits]) => r.kind() === a.kind() && a.match(r, bits));
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The ORIGO_TRUSTED_PROXIES function (null: none); decorated on the root, seen by every plug-in. */
    origoTrust: ((address: string, hop: number) => boolean) | null;
  }
}

/** buildApp records the trust function on the app, for linkOrigin. */
export function rememberTrust(app: FastifyInstance, trust: ((address: string, hop: number) => boolean) | null): void {
  app.decorate('origoTrust', trust);
}

/** Whether the request's connection comes from a trusted proxy. */
export function viaTrustedProxy(req: FastifyRequest): boolean {
  const peer = req.socket?.remoteAddress;
  const trust = req.server.origoTrust;
  return Boolean(peer && trust && trust(peer, 0));
}

/**
 * Where links handed out start (viewer links, report URLs, upload URLs in vendor answers):
 *
 * - `ORIGO_PUBLIC_URL` when set (production);
 * - else, for a request a trusted proxy (ORIGO_TRUSTED_PROXIES) forwarded: the scheme and host the
 *   proxy names (X-Forwarded-Proto, X-Forwarded-Host, else the Host it sent);
 * - else the address and port the client's connection reached, with the connection's scheme: the
 *   Host header of a direct client is never used, so a forged one cannot point links elsewhere.
 */
export function linkOrigin(req: FastifyRequest, publicUrl: string | null): string {
  if (publicUrl) return publicUrl.replace(/\/+$/, '');
  if (viaTrustedProxy(req) && req.host) return `${req.protocol}://${req.host}`;
  const socket = req.socket as { localAddress?: string; localPort?: number; encrypted?: boolean } | undefined;
  const scheme = socket?.encrypted ? 'https' : 'http';
  const address = socket?.localAddress;
  // inject() (tests) has no connection: a fixed name.
  if (!address) return `${scheme}://localhost`;
  const plain = address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
  const host = plain.includes(':') ? `[${plain}]` : plain;
  const port = socket?.localPort;
  return `${scheme}://${host}${port && port !== (scheme === 'https' ? 443 : 80) ? `:${port}` : ''}`;
}
