import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import helmet from '@fastify/helmet';

declare module 'fastify' {
  interface FastifyReply {
    /** Origins (besides this server) allowed to show this HTML answer in a frame; see allowFraming. */
    frameAncestors: string[] | null;
  }
}

/**
 * The Content-Security-Policy of an HTML page Origo renders: scripts only from this server and the
 * inline scripts of the page itself (by their SHA-256, so a script smuggled into a document's text
 * could not run even if escaping failed), inline styles, images from this server and data: URLs,
 * requests only back to this server, no plug-ins, no <base>, forms only to this server.
 */
export function htmlPolicy(html: string | null, frameAncestors: string[] = []): string {
  const hashes = html === null ? [] : inlineScriptHashes(html);
  return [
    "default-src 'none'",
    `script-src 'self'${hashes.map((h) => ` '${h}'`).join('')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "object-src 'none'",
    `frame-ancestors ${["'self'", ...frameAncestors].join(' ')}`,
  ].join('; ');
}

/** sha256-… of every inline script that runs (JSON data blocks do not need one). */
function inlineScriptHashes(html: string): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)) {
    const attrs = m[1] ?? '';
    if (/\bsrc\s*=/i.test(attrs)) continue;
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1]?.toLowerCase();
    if (type && !['text/javascript', 'module', 'application/javascript'].includes(type)) continue;
    out.add(`sha256-${createHash('sha256').update(m[2], 'utf8').digest('base64')}`);
  }
  return [...out];
}

/**
 * Lets the origins an organisation listed (setting `frame_ancestors`) show this answer in a frame:
 * the page's CSP gets `frame-ancestors 'self' <origins>` and X-Frame-Options is dropped (it cannot
 * name other origins). Without a call, HTML answers may be framed by this server only.
 */
export function allowFraming(reply: FastifyReply, origins: unknown): void {
  const list = Array.isArray(origins) ? origins.filter((o): o is string => typeof o === 'string' && /^https:\/\/[^\s;,']+$/.test(o)) : [];
  reply.frameAncestors = list.length ? list : null;
}

/**
 * Headers on every answer (helmet): X-Content-Type-Options nosniff, X-Frame-Options SAMEORIGIN,
 * Referrer-Policy no-referrer and helmet's other defaults (no HSTS: TLS ends at the proxy, which
 * sets it). Every text/html answer gets a Content-Security-Policy: its route's own (the UI's), or
 * htmlPolicy() of the page, with the frame policy allowFraming() chose.
 */
export async function installSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: false,
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
    // Vendor clients and LMS pages fetch PDFs and pages from other origins; CORP would block them.
    crossOriginResourcePolicy: false,
    crossOriginOpenerPolicy: false,
    frameguard: { action: 'sameorigin' },
  });
  app.decorateReply('frameAncestors', null);
  app.addHook('onSend', async (_req, reply, payload) => {
    if (!/^text\/html\b/i.test(String(reply.getHeader('content-type') ?? ''))) return payload;
    const extra = reply.frameAncestors ?? [];
    const own = reply.getHeader('content-security-policy');
    let csp = typeof own === 'string' ? own : htmlPolicy(typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : null, extra);
    if (!/frame-ancestors/.test(csp)) csp += `; frame-ancestors ${["'self'", ...extra].join(' ')}`;
    reply.header('content-security-policy', csp);
    if (extra.length) reply.removeHeader('x-frame-options');
    return payload;
  });
}
