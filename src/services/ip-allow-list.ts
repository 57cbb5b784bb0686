import ipaddr from 'ipaddr.js';

/**
 * Which client addresses an API key accepts. The list (the API key's `allowed_ips`) holds entries
 * separated by commas, semicolons or white space, each one of:
 *   - a single address            `203.0.113.7`, `2001:db8::1`
 *   - a wildcard                  `203.0.113.*`, `10.*.*.*`
 *   - CIDR, also abbreviated      `203.0.113.0/24`, `203.0.113/24`, `2001:db8::/32`
 *   - a start-end range           `203.0.113.10-203.0.113.50`
 * An empty list, `*` or `0.0.0.0/0` accepts everyone. IPv4-mapped IPv6 addresses
 * (`::ffff:203.0.113.7`, as Node reports IPv4 clients on dual-stack sockets) count as IPv4.
 * A list with an entry that cannot be read accepts nobody (see `allowListProblem`).
 */
export function ipAllowed(allowList: string | null | undefined, clientIp: string): boolean {
  let entries: Matcher[] | null;
  try {
    entries = parseAllowList(allowList);
  } catch {
    return false; // a list that cannot be read lets nobody in, rather than everybody
  }
  if (entries === null) return true;
  const ip = parseAddress(clientIp);
  if (!ip) return false;
  return entries.some((e) => e(ip));
}

type Matcher = (ip: ipaddr.IPv4 | ipaddr.IPv6) => boolean;

/** The matchers of a list, or null when the list accepts everyone. Throws on an entry it cannot read. */
export function parseAllowList(allowList: string | null | undefined): Matcher[] | null {
  const raw = (allowList ?? '').split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean);
  if (raw.length === 0 || raw.includes('*')) return null;
  return raw.map(parseEntry);
}

/** Checks a list without matching anything: the problem with the first bad entry, or null. */
export function allowListProblem(allowList: string | null | undefined): string | null {
  try {
    parseAllowList(allowList);
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}

function parseAddress(text: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  if (!ipaddr.isValid(text)) return null;
  const ip = ipaddr.parse(text);
  return ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress() ? (ip as ipaddr.IPv6).toIPv4Address() : ip;
}

/** `1.2.3` → `1.2.3.0`: PlagScan's documents write CIDR ranges with the trailing zero octets left out. */
function padIPv4(text: string): string {
  if (text.includes(':')) return text;
  const parts = text.split('.');
  while (parts.length < 4) parts.push('0');
  return parts.join('.');
}

function strictIPv4(text: string): ipaddr.IPv4 | null {
  return ipaddr.IPv4.isValidFourPartDecimal(text) ? ipaddr.IPv4.parse(text) : null;
}

function parseEntry(entry: string): Matcher {
  const bad = new Error(`"${entry}" is not an address, a wildcard, a CIDR range or a start-end range`);
  if (entry.includes('/')) {
    const [addr, bits] = entry.split('/');
    const base = addr.includes(':') ? (ipaddr.IPv6.isValid(addr) ? ipaddr.IPv6.parse(addr) : null) : strictIPv4(padIPv4(addr));
    const prefix = Number(bits);
    if (!base || !/^\d{1,3}$/.test(bits) || prefix > (base.kind() === 'ipv4' ? 32 : 128)) throw bad;
    return (ip) => ip.kind() === base.kind() && ip.match(base, prefix);
  }
  if (entry.includes('*')) {
    const parts = entry.split('.');
    if (parts.length !== 4 || !parts.every((p) => p === '*' || (/^\d{1,3}$/.test(p) && Number(p) <= 255))) throw bad;
    return (ip) => ip.kind() === 'ipv4' && (ip as ipaddr.IPv4).octets.every((o, i) => parts[i] === '*' || Number(parts[i]) === o);
  }
  if (entry.includes('-')) {
    const [from, to] = entry.split('-').map((s) => s.trim());
    const a = from ? parseAddress(from) : null;
    const b = to ? parseAddress(to) : null;
    if (!a || !b || a.kind() !== b.kind()) throw bad;
    const lo = toBigInt(a);
    const hi = toBigInt(b);
    return (ip) => ip.kind() === a.kind() && toBigInt(ip) >= lo && toBigInt(ip) <= hi;
  }
  const single = parseAddress(entry);
  if (!single) throw bad;
  if (single.kind() === 'ipv4' && !ipaddr.IPv4.isValidFourPartDecimal(entry.replace(/^::ffff:/i, ''))) throw bad;
  return (ip) => ip.kind() === single.kind() && toBigInt(ip) === toBigInt(single);
}

function toBigInt(ip: ipaddr.IPv4 | ipaddr.IPv6): bigint {
  return ip.toByteArray().reduce((n, b) => (n << 8n) | BigInt(b), 0n);
}
