import { Readable } from 'node:stream';
import { Busboy } from '@fastify/busboy';
import type { FastifyInstance, FastifyRequest } from 'fastify';

export interface WireFile {
  field: string;
  filename: string;
  mime: string;
  bytes: Buffer;
}

/** Everything a vendor client sent: query string and body fields merged, and the files. */
export interface WireInput {
  params: Record<string, unknown>;
  files: WireFile[];
  /** The raw body bytes (for PUT uploads of raw files). */
  raw: Buffer;
  /** The JSON body itself when it was not an object (e.g. a bare JSON string). */
  json: unknown;
}

declare module 'fastify' {
  interface FastifyRequest {
    wire: WireInput | null;
  }
}

/**
 * Real vendor clients send parameters in every place and with mismatched Content-Type headers
 * (multipart bodies labelled JSON, urlencoded bodies labelled "x-www-form-urlencoded", a stale
 * multipart header on an empty body). A vendor scope therefore takes every body as bytes and this
 * module decides what it is by looking at it. Call inside the vendor's own plugin scope.
 */
export function acceptAnyBody(app: FastifyInstance, bodyLimit: number): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit }, (_req, body, done) => done(null, body));
  app.decorateRequest('wire', null);
  // A Content-Type the framework cannot even parse ("x-www-form-urlencoded", no type/subtype) is
  // kept aside and replaced, so the body still reaches the sniffing below.
  app.addHook('onRequest', async (req) => {
    const ct = req.headers['content-type'];
    if (ct !== undefined && !/^[\w.+-]+\/[\w.+-]+/.test(ct.trim())) {
      req.headers['x-origo-original-content-type'] = ct;
      req.headers['content-type'] = 'application/octet-stream';
    }
  });
  app.addHook('preHandler', async (req) => {
    req.wire = await readWire(req);
  });
}

function boundaryOf(contentType: string, raw: Buffer): string | null {
  const declared = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  if (declared) return declared[1] ?? declared[2];
  // A multipart body sent under another Content-Type: its first line is "--<boundary>".
  const head = raw.subarray(0, 200).toString('latin1');
  const m = /^--([^\r\n]{1,120})\r\n/.exec(head);
  return m ? m[1] : null;
}

async function parseMultipart(raw: Buffer, boundary: string): Promise<{ fields: Record<string, unknown>; files: WireFile[] }> {
  const fields: Record<string, unknown> = {};
  const files: WireFile[] = [];
  await new Promise<void>((resolve, reject) => {
    const bb = new Busboy({ headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, limits: { files: 100, fields: 500, fieldSize: 10 * 1024 * 1024 } });
    bb.on('file', (field: string, stream: NodeJS.ReadableStream, filename: string, _enc: string, mime: string) => {
      const chunks: Buffer[] = [];
      // A body cut off inside a file part errors on the part's own stream: without this listener
      // that error is unhandled and ends the process.
      stream.on('error', (e: Error) => reject(e));
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => files.push({ field, filename: filename ?? '', mime: mime ?? 'application/octet-stream', bytes: Buffer.concat(chunks) }));
    });
    bb.on('field', (name: string, value: string) => addField(fields, name, value));
    bb.on('finish', () => resolve());
    bb.on('error', (e: Error) => reject(e));
    Readable.from([raw]).pipe(bb);
  });
  return { fields, files };
}

/** `a[]=1&a[]=2` and repeated names become arrays; the rest are strings. */
function addField(fields: Record<string, unknown>, name: string, value: unknown): void {
  const key = name.endsWith('[]') ? name.slice(0, -2) : name;
  if (name.endsWith('[]') || key in fields) {
    const prev = fields[key];
    fields[key] = prev === undefined ? [value] : Array.isArray(prev) ? [...prev, value] : [prev, value];
  } else fields[key] = value;
}

export async function readWire(req: FastifyRequest): Promise<WireInput> {
  const params: Record<string, unknown> = {};
  for (const [k, v] of Object.entries((req.query ?? {}) as Record<string, unknown>)) addField(params, k, v);
  const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  const contentType = String(req.headers['x-origo-original-content-type'] ?? req.headers['content-type'] ?? '');
  let files: WireFile[] = [];
  let json: unknown = undefined;
  if (raw.length > 0) {
    const text = raw.subarray(0, 1).toString('latin1');
    const boundary = /multipart/i.test(contentType) || text === '-' ? boundaryOf(contentType, raw) : null;
    if (boundary && raw.subarray(0, boundary.length + 2).toString('latin1') === `--${boundary}`) {
      try {
        const parsed = await parseMultipart(raw, boundary);
        files = parsed.files;
        Object.assign(params, parsed.fields);
      } catch {
        /* not parseable as multipart: leave the raw bytes to the handler */
      }
    } else if (/json/i.test(contentType) || text === '{' || text === '[' || text === '"') {
      try {
        json = JSON.parse(raw.toString('utf8'));
        if (json && typeof json === 'object' && !Array.isArray(json)) Object.assign(params, json);
      } catch {
        /* malformed JSON: handlers see no parameters and answer in the vendor's own way */
      }
    } else if (/x-www-form-urlencoded/i.test(contentType) || (/^[\w.%[\]-]+=/.test(raw.subarray(0, 200).toString('latin1')) && !/octet-stream|pdf|msword|officedocument/i.test(contentType))) {
      for (const [k, v] of new URLSearchParams(raw.toString('utf8'))) addField(params, k, v);
    }
  }
  return { params, files, raw, json };
}
