import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

interface AllowEntry {
  /** A host name (lower case, no trailing dot): admits whatever it resolves to. */
  host?: string;
  /** An address range (a single address is a /32 or /128). */
  range?: [Address, number];
  port?: number;
}

/** The text shown when a target is refused: the same whatever the reason, so it maps nothing. */
export const REFUSED_TARGET = 'the address is loopback, private, link-local or otherwise internal, and Origo does not call such addresses (an operator can admit a receiver with ORIGO_OUTBOUND_ALLOW)';

function normaliseHost(host: string): string {
  return host.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();
}

/** IPv4-mapped IPv6 (::ffff:a.b.c.d) counts as the IPv4 address it carries. */
function parseAddress(text: string): Address | null {
  const t = normaliseHost(text);
  if (!ipaddr.isValid(t)) return null;
  const ip = ipaddr.parse(t);
  return ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress() ? (ip as ipaddr.IPv6).toIPv4Address() : ip;
}

/**
 * Whether an address is on the public internet: ipaddr.js's "unicast" range and nothing else, so
 * loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16 with the cloud
 * metadata address, fe80::/10), unspecified (0.0.0.0, ::), carrier-grade NAT, multicast, reserved
 * and documentation ranges, and the IPv6 forms that carry an IPv4 address (6to4, NAT64, Teredo)
 * are all refused. The IPv4-compatible ::a.b.c.d (deprecated, ::/96) is refused too.
 */
export function isPublicAddress(ip: Address): boolean {
  if (ip.range() !== 'unicast') return false;
  if (ip.kind() === 'ipv6' && ip.match(ipaddr.IPv6.parse('::'), 96)) return false;
  return true;
}

/** Reads ORIGO_OUTBOUND_ALLOW: host names, host:port, addresses, [v6]:port and CIDR ranges, comma-separated. */
export function parseOutboundAllow(text: string | null | undefined): { entries: AllowEntry[]; problems: string[] } {
  const entries: AllowEntry[] = [];
  const problems: string[] = [];
  for (const raw of (text ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    try {
      if (raw.includes('/')) {
        const [addr, bits] = ipaddr.parseCIDR(raw);
        entries.push({ range: [addr, bits] });
        continue;
      }
      const whole = parseAddress(raw);
      if (whole) {
        entries.push({ range: [whole, whole.kind() === 'ipv4' ? 32 : 128] });
        continue;
      }
      const m = /^(\[[^\]]+\]|[^:]+):(\d{1,5})$/.exec(raw);
      const hostPart = m ? m[1] : raw;
      const port = m ? Number(m[2]) : undefined;
      if (port !== undefined && (port < 1 || port > 65535)) throw new Error('port out of range');
      const ip = parseAddress(hostPart);
      if (ip) entries.push({ range: [ip, ip.kind() === 'ipv4' ? 32 : 128], port });
      else if (/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\.?$/i.test(hostPart)) entries.push({ host: normaliseHost(hostPart), port });
      else throw new Error('not a host');
    } catch {
      problems.push(`ORIGO_OUTBOUND_ALLOW: "${raw}" is not a host, host:port, address or CIDR range`);
    }
  }
  return { entries, problems };
}

/**
 * Which servers Origo calls (native webhooks, vendor callbacks): public internet addresses, plus
 * what the operator admits with ORIGO_OUTBOUND_ALLOW. URLs are checked when they are set
 * (`checkUrl`) and again when a delivery connects (`lookup`, given to http.request: the name is
 * resolved, every address checked, and the socket connects to the address that was checked, so a
 * name cannot be re-pointed between the check and the connection).
 */
export class OutboundPolicy {
  private readonly entries: AllowEntry[];

  constructor(allow: string | null = null) {
    const { entries, problems } = parseOutboundAllow(allow);
    if (problems.length) throw new Error(problems.join('; '));
    this.entries = entries;
  }

  private hostAdmitted(host: string, port: number): boolean {
    const h = normaliseHost(host);
    return this.entries.some((e) => e.host === h && (e.port === undefined || e.port === port));
  }

  /** Whether connecting to `ip` for a URL on `host:port` is allowed. */
  admits(ip: Address, host: string, port: number): boolean {
    if (this.hostAdmitted(host, port)) return true;
    const listed = this.entries.some((e) => e.range && ip.kind() === e.range[0].kind() && ip.match(e.range) && (e.port === undefined || e.port === port));
    return listed || isPublicAddress(ip);
  }

  /** When a URL is set: null if Origo may call it, else why not. Names are resolved (3 s at most). */
  async checkUrl(url: string): Promise<string | null> {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return 'must be an http(s) URL';
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return 'must be an http(s) URL';
    const port = portOf(u);
    const host = normaliseHost(u.hostname);
    const literal = parseAddress(host);
    if (literal) return this.admits(literal, host, port) ? null : REFUSED_TARGET;
    if (this.hostAdmitted(host, port)) return null;
    if (host === 'localhost' || host.endsWith('.localhost')) return REFUSED_TARGET;
    const addresses = await resolveAll(host, 3000);
    // A name that does not resolve now may later: the check at connect time still applies.
    if (addresses.some((a) => !this.admits(a, host, port))) return REFUSED_TARGET;
    return null;
  }

  /**
   * A `lookup` for http.request: resolves the name, refuses it when any address is not admitted,
   * and hands the socket only checked addresses. (IP literals never reach a lookup: `targetOf`
   * checks them before the request is made.)
   */
  lookupFor(port: number) {
    return (hostname: string, options: { all?: boolean; family?: number | string } | number, callback: (...args: any[]) => void): void => {
      const opts = typeof options === 'object' && options ? options : {};
      dnsLookup(hostname, { all: true, family: typeof opts.family === 'number' ? opts.family : 0 }, (err, list: LookupAddress[]) => {
        if (err) return callback(err);
        const parsed = list.map((a) => ({ a, ip: parseAddress(a.address) }));
        if (parsed.length === 0 || parsed.some((x) => !x.ip || !this.admits(x.ip, hostname, port))) {
          return callback(Object.assign(new Error(REFUSED_TARGET), { code: 'EOUTBOUNDREFUSED' }));
        }
        if (opts.all) return callback(null, list);
        callback(null, list[0].address, list[0].family);
      });
    };
  }

  /** Before a request: the URL's protocol and, for an address literal, whether it is admitted. */
  targetOf(url: string): { url: URL; port: number } | { refused: string } {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return { refused: 'the URL is not valid' };
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return { refused: 'the URL is not http(s)' };
    const port = portOf(u);
    const host = normaliseHost(u.hostname);
    const literal = parseAddress(host);
    if (literal && !this.admits(literal, host, port)) return { refused: REFUSED_TARGET };
    if (!literal && !this.hostAdmitted(host, port) && (host === 'localhost' || host.endsWith('.localhost'))) return { refused: REFUSED_TARGET };
    return { url: u, port };
  }
}

function portOf(u: URL): number {
  return u.port ? Number(u.port) : u.protocol === 'https:' ? 443 : 80;
}

function resolveAll(host: string, timeoutMs: number): Promise<Address[]> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve([]), timeoutMs);
    dnsLookup(host, { all: true }, (err, list) => {
      clearTimeout(timer);
      if (err) return resolve([]);
      resolve(list.map((a) => parseAddress(a.address)).filter((a): a is Address => a !== null));
    });
  });
}
